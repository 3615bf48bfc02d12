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
  return {
    results: results.text,
    arrivals: input.waiting > 0 ? t.newUpdates(input.waiting) : '',
  };
}
