/**
 * The half of "since your last visit" that works after the first screen (use-last-visit.ts loads
 * it as a chunk of its own): writing the record, and noticing which marked updates are read.
 */

/** How often the visit is recorded while the page is open, should it never get to say goodbye. */
const RECORD_EVERY_MS = 30_000;

/**
 * Records the visit under `key` when the page is hidden or left, every 30 s, and when stopped.
 * `seen`: the publication time of the newest update the reader has had (undefined: nothing yet).
 * A hidden page (a tab left open behind others) still receives updates nobody sees: the record
 * it wrote as it was hidden stands, so the reader's next visit, in another tab, counts them.
 */
export function recordVisits(key: string, seen: () => number | undefined): () => void {
  const write = () => {
    const newest = seen();
    if (newest === undefined) return;
    try {
      localStorage.setItem(key, JSON.stringify({ seen: newest, at: Date.now() }));
    } catch {
      // blocked or full: the next visit simply shows nothing
    }
  };
  const record = () => {
    if (document.visibilityState !== 'hidden') write();
  };
  const onHidden = () => {
    if (document.visibilityState === 'hidden') write();
  };
  const timer = setInterval(record, RECORD_EVERY_MS);
  document.addEventListener('visibilitychange', onHidden);
  window.addEventListener('pagehide', record);
  return () => {
    record();
    clearInterval(timer);
    document.removeEventListener('visibilitychange', onHidden);
    window.removeEventListener('pagehide', record);
  };
}

/**
 * Calls `onRead` with the ids of `targets` (element → update id) that have been on screen and
 * left it: a mark never goes while the reader looks at it.
 */
export function watchReading(
  targets: ReadonlyMap<Element, string>,
  onRead: (ids: string[]) => void,
): () => void {
  if (typeof IntersectionObserver === 'undefined') return () => {};
  const onScreen = new Set<Element>();
  const observer = new IntersectionObserver((entries) => {
    const gone: string[] = [];
    for (const entry of entries) {
      if (entry.isIntersecting) onScreen.add(entry.target);
      else if (onScreen.delete(entry.target)) gone.push(targets.get(entry.target)!);
    }
    if (gone.length > 0) onRead(gone);
  });
  for (const el of targets.keys()) observer.observe(el);
  return () => observer.disconnect();
}
