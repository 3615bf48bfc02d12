import type { FeedMeta } from './feed-types';

/**
 * The `lang` of the feed's words: its `language`, else "" (HTML's "unknown"), never the widget's
 * own language, which a screen reader would read them in (decision 0048). Undefined with no
 * feed yet: nothing of it is shown.
 */
export const contentLang = (meta: FeedMeta | undefined) => meta && (meta.language ?? '');
