import type { FacetName } from '../../core/filters/filter-state';
import type { ChunkMessages } from '../../shared/i18n/language';

/** What a view with no matching update says (a lazy chunk: NoMatches.tsx). */
// A facet's name (as in the filter panel's own strings): "Speaker: …" on a chip.
export const noMatchesMessages: ChunkMessages<
  Record<FacetName, string> & {
    keyEventsOnly: string;
    noMatches: string;
    loosen: string;
    removeFilter: (label: string) => string;
    searchFor: (q: string) => string;
  }
> = {
  en: {
    topics: 'Topic',
    countries: 'Country',
    speakers: 'Speaker',
    keyEventsOnly: 'Key events only',
    noMatches: 'No updates match these filters.',
    loosen: 'Try removing one of them:',
    removeFilter: (label) => `Remove ${label}`,
    searchFor: (q) => `search “${q}”`,
  },
  uk: {
    topics: 'Тема',
    countries: 'Країна',
    speakers: 'Спікер',
    keyEventsOnly: 'Лише ключові події',
    noMatches: 'Жодне оновлення не відповідає цим фільтрам.',
    loosen: 'Спробуйте прибрати один із них:',
    removeFilter: (label) => `Прибрати фільтр «${label}»`,
    // Inner quotes: the label above already sits in «…».
    searchFor: (q) => `пошук „${q}“`,
  },
};
