// The UI's languages, and how a lazy chunk picks its own strings.

/** The languages the UI is written in: every catalogue, and every lazy chunk's own strings. */
export type Language = 'en' | 'uk';

/** "uk" for "uk-UA", "en" for "en_GB": the language of a BCP 47 tag. */
export const primaryLanguage = (tag: string) => tag.trim().split(/[-_]/)[0]!.toLowerCase();

/**
 * A lazy chunk's own strings, in every UI language. They come with the chunk rather than in the
 * catalogues (messages-*.ts), so that a reader who never needs the chunk never downloads them.
 */
export type ChunkMessages<T> = Readonly<Record<Language, T>>;

/** The strings for an Intl locale (always in the UI's language: pick-messages.ts); else English. */
export function messagesIn<T>(messages: ChunkMessages<T>, locale: string): T {
  const language = primaryLanguage(locale);
  return Object.hasOwn(messages, language) ? messages[language as Language] : messages.en;
}
