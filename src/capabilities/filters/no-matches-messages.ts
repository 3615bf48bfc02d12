import type { ChunkMessages } from '../../shared/i18n/language';

/** What a view with no matching update says (a lazy chunk: NoMatches.tsx). */
export const noMatchesMessages: ChunkMessages<{
  noMatches: string;
  loosen: string;
  removeFilter: (label: string) => string;
  searchFor: (q: string) => string;
}> = {
  en: {
    noMatches: 'No updates match these filters.',
    loosen: 'Try removing one of them:',
    removeFilter: (label) => `Remove ${label}`,
    searchFor: (q) => `search “${q}”`,
  },
  uk: {
    noMatches: 'Жодне оновлення не відповідає цим фільтрам.',
    loosen: 'Спробуйте прибрати один із них:',
    removeFilter: (label) => `Прибрати фільтр «${label}»`,
    // Inner quotes: the label above already sits in «…».
    searchFor: (q) => `пошук „${q}“`,
  },
};
