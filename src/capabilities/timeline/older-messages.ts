import type { ChunkMessages } from '../../shared/i18n/language';

/**
 * What the way to older pages says once its chunk is in (OlderUpdates.tsx, a lazy part). Its
 * fallback's words ("Show earlier updates") stay in the catalogues.
 */
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
