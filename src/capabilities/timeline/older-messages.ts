import type { ChunkMessages } from '../../shared/i18n/language';

/** What the button for the feed's older pages says (a lazy chunk: OlderUpdates.tsx). */
export const olderMessages: ChunkMessages<{
  showOlder: string;
  loadingOlder: string;
  olderFailed: string;
  allLoaded: string;
}> = {
  en: {
    showOlder: 'Show older updates',
    loadingOlder: 'Loading older updates…',
    olderFailed: 'Older updates could not be loaded.',
    allLoaded: 'You have reached the first update.',
  },
  uk: {
    showOlder: 'Показати старіші оновлення',
    loadingOlder: 'Завантаження старіших оновлень…',
    olderFailed: 'Не вдалося завантажити старіші оновлення.',
    allLoaded: 'Ви дійшли до першого оновлення.',
  },
};
