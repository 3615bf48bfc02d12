import { useCallback, useSyncExternalStore } from 'react';

const STORAGE_KEY = 'live-blog:time-zone';

export type TimeZoneChoice = 'event' | 'reader';

function stored(): TimeZoneChoice {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'reader' ? 'reader' : 'event';
  } catch {
    return 'event'; // storage blocked (private mode, sandboxed frame): keep the default
  }
}

// Every widget on the page shows the one choice; another tab's change arrives as "storage".
const listeners = new Set<() => void>();
let unstored: TimeZoneChoice | undefined;

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

const current = () => unstored ?? stored();
// The server renders the event's zone; a reader's own choice shows once the page is hydrated.
const serverChoice = (): TimeZoneChoice => 'event';

/** Event's zone by default; the reader may switch to their own, remembered on this device. */
export function useTimeZoneChoice(): [TimeZoneChoice, (choice: TimeZoneChoice) => void] {
  const choice = useSyncExternalStore(subscribe, current, serverChoice);
  const update = useCallback((next: TimeZoneChoice) => {
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
      unstored = undefined;
    } catch {
      unstored = next; // not remembered, still applied
    }
    for (const listener of listeners) listener();
  }, []);
  return [choice, update];
}
