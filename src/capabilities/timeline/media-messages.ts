import type { ChunkMessages } from '../../shared/i18n/language';

export interface MediaMessages {
  readonly gallery: (n: number) => string;
  readonly openPhoto: (n: number, total: number) => string;
  readonly photoOf: (n: number, total: number) => string;
  readonly previousPhoto: string;
  readonly nextPhoto: string;
  readonly closePhotos: string;
  readonly mediaFile: string;
}

/** The strings of attachments and the photo viewer (a lazy chunk: UpdateMedia.tsx). */
export const mediaMessages: ChunkMessages<MediaMessages> = {
  en: {
    gallery: (n) => `Gallery, ${n} photos`,
    openPhoto: (n, total) => `Open photo ${n} of ${total}`,
    photoOf: (n, total) => `Photo ${n} of ${total}`,
    previousPhoto: 'Previous photo',
    nextPhoto: 'Next photo',
    closePhotos: 'Close',
    mediaFile: 'Open the file',
  },
  uk: {
    // «Фото» does not decline: one form for every count.
    gallery: (n) => `Галерея, ${n} фото`,
    openPhoto: (n, total) => `Відкрити фото ${n} з ${total}`,
    photoOf: (n, total) => `Фото ${n} з ${total}`,
    previousPhoto: 'Попереднє фото',
    nextPhoto: 'Наступне фото',
    closePhotos: 'Закрити',
    mediaFile: 'Відкрити файл',
  },
};
