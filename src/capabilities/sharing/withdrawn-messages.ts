import type { ChunkMessages } from '../../shared/i18n/language';

/** The line that holds a retracted update's place (hold-place.ts, with the landing code). */
export const withdrawnMessages: ChunkMessages<{ withdrawn: string }> = {
  en: { withdrawn: 'This update was withdrawn.' },
  uk: { withdrawn: 'Це оновлення відкликано.' },
};
