import type { ChunkMessages } from '../../shared/i18n/language';

/** What a jump to a linked update says (with the landing code: keep-in-place.ts, a lazy chunk). */
export const permalinkMessages: ChunkMessages<{
  findingUpdate: string;
  updateNotFound: string;
  filtersClearedForLink: string;
}> = {
  en: {
    findingUpdate: 'Loading older updates to find the linked update…',
    updateNotFound: 'The linked update could not be found. It may have been removed.',
    filtersClearedForLink: 'Filters were cleared to show the linked update.',
  },
  uk: {
    findingUpdate: 'Завантажуємо старіші оновлення, щоб знайти оновлення за посиланням…',
    updateNotFound: 'Оновлення за посиланням не знайдено. Можливо, його видалили.',
    filtersClearedForLink: 'Фільтри скинуто, щоб показати оновлення за посиланням.',
  },
};
