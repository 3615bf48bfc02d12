import { useCallback, useMemo, useState } from 'react';
import { useHydrated } from '../hydration/use-hydrated';

const STORAGE_KEY = 'live-blog:time-zone';

export type TimeZoneChoice = 'event' | 'reader';

function stored(): TimeZoneChoice {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'reader' ? 'reader' : 'event';
  } catch {
    return 'event'; // storage blocked (private mode, sandboxed frame): keep the default
  }
}

/**
 * Event's zone by default; the reader may switch to their own, remembered on this device. A
 * server renders the event's zone: the remembered choice shows once the page is hydrated.
 */
export function useTimeZoneChoice(): [TimeZoneChoice, (choice: TimeZoneChoice) => void] {
  const hydrated = useHydrated();
  const [chosen, setChoice] = useState<TimeZoneChoice>();
  const update = useCallback((next: TimeZoneChoice) => {
    setChoice(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // not remembered, still applied
    }
  }, []);
  // Storage is read once the page is the browser's, not again on every render.
  const remembered = useMemo(() => (hydrated ? stored() : 'event'), [hydrated]);
  return [chosen ?? remembered, update];
}
