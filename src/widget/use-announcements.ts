import { useState } from 'react';
import { useMessages } from '../shared/i18n/use-messages';

/**
 * What screen readers hear, politely: the result count after the filters change, and how many
 * new updates wait. Adjusted while rendering, so that nothing is announced for a moment wrongly.
 */
export function useAnnouncements(input: {
  readonly loaded: boolean;
  readonly filters: string;
  readonly shown: number;
  readonly total: number;
  readonly waiting: number;
}) {
  const t = useMessages();
  const [results, setResults] = useState({ filters: input.filters, text: '' });
  if (input.loaded && results.filters !== input.filters) {
    setResults({ filters: input.filters, text: t.showingResults(input.shown, input.total) });
  }
  // Arrivals shown at once (the reader at the top, or reading oldest first) wait for one render
  // only: counted then, they are announced as they show. The words stay when the waiting ones
  // show (they were said), and are said again, as a new node, each time more arrive.
  const { waiting } = input;
  const [arrivals, setArrivals] = useState({ waiting, count: 0, serial: 0 });
  if (arrivals.waiting !== waiting) {
    setArrivals({
      waiting,
      count: waiting || arrivals.count,
      serial: arrivals.serial + +(waiting > arrivals.waiting),
    });
  }
  return {
    results: results.text,
    arrivals: arrivals.count ? t.newUpdates(arrivals.count) : '',
    // A new node each time: the same words said again (one more update) are said again.
    arrivalsKey: arrivals.serial,
  };
}
