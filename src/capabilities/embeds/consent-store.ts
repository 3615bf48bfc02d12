import { useSyncExternalStore } from 'react';

// "Always load content from YouTube": the providers a reader chose to load without asking,
// remembered in this browser. One store for every widget of the page, kept in step with other
// tabs through the storage event. Without storage (blocked, a sandboxed frame, a full quota) the
// choice lasts as long as the page.

const KEY = 'live-blog:embeds-always';
const listeners = new Set<() => void>();
let current: ReadonlySet<string> | undefined;
let fallback: ReadonlySet<string> = new Set();

function read(): ReadonlySet<string> {
  try {
    const list: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    if (Array.isArray(list)) return new Set(list.filter((p) => typeof p === 'string'));
  } catch {
    // Storage is out of reach, or holds something else: what this page chose, if anything.
  }
  return fallback;
}

function snapshot(): ReadonlySet<string> {
  return (current ??= read());
}

function changed() {
  for (const listener of listeners) listener();
}

/** Remembers, or forgets, that the reader always loads this provider's content. */
export function rememberProvider(provider: string, always: boolean): void {
  const next = new Set(snapshot());
  if (always) next.add(provider);
  else next.delete(provider);
  current = fallback = next;
  try {
    localStorage.setItem(KEY, JSON.stringify([...next]));
  } catch {
    // Kept for this page only.
  }
  changed();
}

function onStorage(event: StorageEvent) {
  if (event.key !== KEY && event.key !== null) return;
  current = undefined;
  changed();
}

function subscribe(listener: () => void) {
  if (listeners.size === 0) window.addEventListener('storage', onStorage);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('storage', onStorage);
  };
}

const none: ReadonlySet<string> = new Set();
export function useRememberedProviders(): ReadonlySet<string> {
  return useSyncExternalStore(subscribe, snapshot, () => none);
}
