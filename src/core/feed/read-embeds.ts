import { FEED_LIMITS } from './feed-limits';
import { clean, isObject, shortText } from './feed-text';
import type { Embed } from './feed-types';
import { parseRfc3339 } from './rfc3339';
import { safeHttpUrl } from './safe-url';

/**
 * An item's `_liveblog.embeds`: each entry needs an http(s) `url`; one without is dropped on its
 * own, and so is any malformed optional field. Whether the URL names a known provider is decided
 * where it is shown (core/embeds/providers.ts): an unknown one is still a link card.
 */
export function readEmbeds(raw: unknown, base: string | undefined): Embed[] {
  if (!Array.isArray(raw)) return [];
  const out: Embed[] = [];
  for (const entry of raw.slice(0, FEED_LIMITS.maxListLength)) {
    if (out.length === FEED_LIMITS.maxEmbedsPerItem) break;
    if (!isObject(entry)) continue;
    const url = safeHttpUrl(entry.url, base);
    if (url === undefined) continue;
    const published =
      typeof entry.published === 'string' ? parseRfc3339(entry.published) : undefined;
    out.push({
      url,
      text: clean(shortText(entry.text)),
      author: clean(shortText(entry.author)),
      published,
    });
  }
  return out;
}
