import type { FacetName } from '../../core/filters/filter-state';
import type { ChunkMessages } from '../../shared/i18n/language';

/** The filter panel's own strings (a lazy chunk: FilterPanel.tsx). */
export const filterPanelMessages: ChunkMessages<
  Record<FacetName, string> & {
    /** Names the search landmark. */
    filters: string;
    keyEventsOnly: string;
    searchLabel: string;
    searchPlaceholder: string;
    applyFilters: string;
    /** A facet's folded list: "Show all 12". */
    showMore: (n: number) => string;
    showFewer: string;
    countsCoverage: (since: string) => string;
  }
> = {
  en: {
    filters: 'Filters',
    topics: 'Topic',
    countries: 'Country',
    speakers: 'Speaker',
    keyEventsOnly: 'Key events only',
    searchLabel: 'Search updates',
    searchPlaceholder: 'Search updates',
    applyFilters: 'Apply filters',
    showMore: (n) => `Show all ${n}`,
    showFewer: 'Show fewer',
    countsCoverage: (since) =>
      `Counts cover updates since ${since}; load older updates to see more.`,
  },
  uk: {
    filters: 'Фільтри',
    topics: 'Тема',
    countries: 'Країна',
    speakers: 'Спікер',
    keyEventsOnly: 'Лише ключові події',
    searchLabel: 'Пошук в оновленнях',
    searchPlaceholder: 'Пошук в оновленнях',
    applyFilters: 'Застосувати фільтри',
    showMore: (n) => `Показати всі (${n})`,
    showFewer: 'Показати менше',
    countsCoverage: (since) =>
      `Лічильники враховують оновлення від ${since}; завантажте старіші оновлення, щоб побачити більше.`,
  },
};
