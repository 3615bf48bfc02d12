import type { Embed, LiveItem } from '../feed/feed-types';

// Provider markup that CMSs paste into a body (a tweet's blockquote, a YouTube iframe) becomes the
// same gated embed as `_liveblog.embeds` (capabilities/embeds/pasted-embeds.ts).

/** Raw HTML that may hold provider markup (a false alarm costs a lazy chunk, nothing else). */
const MAY_HOLD_MARKUP = /twitter-tweet|instagram-media|bluesky-embed|tiktok-embed|<iframe/i;

/** One part of a body, in order: sanitised HTML, or an embed recognised in it. */
export type BodyPiece = { readonly html: string } | { readonly embed: Embed };

/** Whether showing this item needs the embeds code: posts listed, or markup in its body. */
export function carriesEmbeds(item: LiveItem): boolean {
  return item.embeds.length > 0 || MAY_HOLD_MARKUP.test(item.contentHtml ?? '');
}
