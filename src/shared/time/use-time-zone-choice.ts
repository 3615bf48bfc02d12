import { useSyncExternalStore } from 'react';

const STORAGE_KEY = 'live-blog:time-zone';

export type TimeZoneChoice = 'event' | 'reader';

const listeners = new Set<() => void>();
// The choice where storage would not keep it (blocked, a sandboxed frame): for this page only.
let unstored: TimeZoneChoice | undefined;

function stored(): TimeZoneChoice {
  try {
    return unstored ?? (localStorage.getItem(STORAGE_KEY) === 'reader' ? 'reader' : 'event');
  } catch {
    return 'event';
  }
}

function choose(next: TimeZoneChoice) {
  try {
    localStorage.setItem(STORAGE_KEY, next);
    unstored = undefined;
  } catch {
    unstored = next;
  }
  for (const listener of listeners) listener();
}

// Another tab's choice arrives as a storage event; the snapshot, a string, changes only with it.
function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

/**
 * Event's zone by default; the reader may switch to their own, remembered on this device and the
 * same in every widget and tab. A server renders the event's zone: the remembered choice shows
 * once the page is hydrated.
 */
export function useTimeZoneChoice(): [TimeZoneChoice, (choice: TimeZoneChoice) => void] {
  return [useSyncExternalStore(subscribe, stored, () => 'event'), choose];
}
