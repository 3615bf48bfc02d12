import type { LiveItem } from '../core/feed/feed-types';
import { loadEmbedsFor } from '../capabilities/embeds/embeds-code';
import { loadMediaFor } from '../capabilities/timeline/media-code';

/**
 * The code that a document's items need before they are shown (feed-session.ts `prepare`):
 * embedded posts and attachments are lazy chunks that only feeds carrying them load.
 */
export function prepareItems(items: readonly LiveItem[]): Promise<void> | undefined {
  const waits = [loadEmbedsFor(items), loadMediaFor(items)].filter((w) => w !== undefined);
  return waits.length === 0 ? undefined : Promise.all(waits).then(() => undefined);
}
