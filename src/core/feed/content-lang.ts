import type { FeedMeta } from './feed-types';

/**
 * The `lang` of the feed's words: its `language`, else "" (HTML's "unknown"), never the widget's
 * own language, which a screen reader would read them in (decision 0048). Undefined with no
 * feed yet: nothing of it is shown.
 */
export const contentLang = (meta: FeedMeta | undefined) => meta && (meta.language ?? '');

/**
 * The page's `<html lang>`: the feed's language, whose title the page's head carries, else the
 * UI's (a page must name one). The server writes it, the browser keeps it so.
 */
export const pageLang = (meta: FeedMeta | undefined, uiLocale: string) =>
  meta?.language ?? uiLocale;
