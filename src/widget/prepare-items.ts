import type { LiveItem } from '../core/feed/feed-types';
import { carriesEmbeds } from '../core/embeds/pasted-markup';
import { embedsChunk, loadEmbedsFor } from '../capabilities/embeds/embeds-code';
import { loadMediaFor, mediaChunk } from '../capabilities/timeline/media-code';

/**
 * The code that a document's items need before they are shown (feed-session.ts `prepare`):
 * embedded posts and attachments are lazy chunks that only feeds carrying them load.
 */
export function prepareItems(items: readonly LiveItem[]): Promise<void> | undefined {
  const waits = [loadEmbedsFor(items), loadMediaFor(items)].filter((w) => w !== undefined);
  return waits.length === 0 ? undefined : Promise.all(waits).then(() => undefined);
}

/**
 * Whether the code these items need is in: without it, the browser cannot show them as the
 * server rendered them (cards, players), and renders the page afresh rather than hydrate.
 */
export function itemsReady(items: Iterable<LiveItem>): boolean {
  for (const item of items) {
    if (item.attachments && !mediaChunk()) return false;
    if (!embedsChunk() && carriesEmbeds(item)) return false;
  }
  return true;
}
