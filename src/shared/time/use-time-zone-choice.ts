import { useCallback, useState } from 'react';

const STORAGE_KEY = 'live-blog:time-zone';

export type TimeZoneChoice = 'event' | 'reader';

function stored(): TimeZoneChoice {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'reader' ? 'reader' : 'event';
  } catch {
    return 'event'; // storage blocked (private mode, sandboxed frame): keep the default
  }
}

/** Event's zone by default; the reader may switch to their own, remembered on this device. */
export function useTimeZoneChoice(): [TimeZoneChoice, (choice: TimeZoneChoice) => void] {
  const [choice, setChoice] = useState<TimeZoneChoice>(stored);
  const update = useCallback((next: TimeZoneChoice) => {
    setChoice(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // not remembered, still applied
    }
  }, []);
  return [choice, update];
}
