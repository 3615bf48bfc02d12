import { useSyncExternalStore } from 'react';

// "Always load content from YouTube": the providers a reader chose to load without asking,
// remembered in this browser. One store for every widget of the page, kept in step with other
// tabs through the storage event. Without storage (blocked, a sandboxed frame, a full quota) the
// choice lasts as long as the page.

const KEY = 'live-blog:embeds-always';
const NONE: ReadonlySet<string> = new Set();
const listeners = new Set<() => void>();
let current: ReadonlySet<string> | undefined;
let fallback = NONE;

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

function read(): ReadonlySet<string> {
  try {
    const list: unknown = JSON.parse(storage()?.getItem(KEY) ?? 'null');
    if (!Array.isArray(list)) return fallback;
    return new Set(list.filter((p): p is string => typeof p === 'string'));
  } catch {
    return fallback;
  }
}

export function rememberedProviders(): ReadonlySet<string> {
  return (current ??= read());
}

/** Remembers, or forgets, that the reader always loads this provider's content. */
export function rememberProvider(provider: string, always: boolean): void {
  const next = new Set(rememberedProviders());
  if (always) next.add(provider);
  else next.delete(provider);
  current = fallback = next;
  try {
    storage()?.setItem(KEY, JSON.stringify([...next]));
  } catch {
    // Kept for this page only.
  }
  for (const listener of listeners) listener();
}

function onStorage(event: StorageEvent) {
  if (event.key !== KEY && event.key !== null) return;
  current = undefined;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  if (listeners.size === 0) window.addEventListener('storage', onStorage);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('storage', onStorage);
  };
}

export function useRememberedProviders(): ReadonlySet<string> {
  return useSyncExternalStore(subscribe, rememberedProviders, () => NONE);
}
