// What the browser builds call for every lazy import, in place of Vite's preload helper
// (tooling/import-without-preload.mjs, docs/decisions/0030 and 0032).

/** Tries so far per chunk address; Infinity once its server says it no longer has it. */
const failures = new Map<string, number>();
const listeners = new Set<() => void>();
let gone = false;

/**
 * Imports a chunk by its address (`load` is `(address) => import(address)…`). A module that could
 * not be fetched stays failed under its address for the life of the document (whatwg/html#6768):
 * after a failure the chunk is asked for under another (`?retry=N`), and from then on under that
 * one, so that one copy of it runs. When to ask again is the caller's (lazy-part.ts, lazy-code.ts).
 * A failure is followed by one plain request for the address: a 403, 404 or 410 while the
 * server answers means a deploy removed this build's chunks, and asking again can never bring them.
 */
export function loadChunk<M>(
  load: (address: string) => Promise<M>,
  chunk: string,
  base: string,
): Promise<M> {
  const address = new URL(chunk, base).href;
  const tries = failures.get(address) ?? 0;
  if (tries === Infinity) return Promise.reject(new Error(address));
  return load(tries ? `${address}?retry=${tries}` : address).catch((error: unknown) => {
    // At once: an import asked for while the check is out must not use the failed address.
    failures.set(address, Math.max(failures.get(address) ?? 0, tries + 1));
    return fetch(address, { method: 'HEAD' })
      .then(
        // 403: what S3, and CloudFront before it, answer for a file they do not have.
        (response) => [403, 404, 410].includes(response.status),
        () => false,
      )
      .then((removed) => {
        if (removed) failures.set(address, Infinity);
        if (removed && !gone) {
          gone = true;
          listeners.forEach((listener) => listener());
        }
        throw error;
      });
  });
}

/** Whether a chunk of this page's build is gone from its server: only a reload brings code back. */
export const codeGone = () => gone;

/** Calls `listener` when code goes; returns what stops that. */
export function onCodeGone(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
