import type { ChunkMessages } from '../../shared/i18n/language';

/** The line in a retracted update's place (WithdrawnPlace.tsx, with the landing code). */
export const withdrawnMessages: ChunkMessages<{ withdrawn: string }> = {
  en: { withdrawn: 'This update was withdrawn by the newsroom.' },
  uk: { withdrawn: 'Редакція відкликала це оновлення.' },
};
