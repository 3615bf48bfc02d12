import type { LiveItem } from '../../core/feed/feed-types';
import { lazyCode } from '../../shared/code/lazy-code';

// Attachments (photos, galleries, players) are a lazy chunk with their styles: a feed without
// them never loads it. A feed with them waits for it before its items are shown, so an update's
// media is there in the frame the update first appears in. If it cannot come, attachments show
// as links (UpdateArticle.tsx) and the next document tries again.

const code = lazyCode(() => import('./UpdateMedia'));

/** The attachments code once it is in. */
export const mediaChunk = code.current;

/** Loads the attachments code now (once). */
export const loadMediaCode = code.load;

/** Loads the attachments code if these items need it; undefined when there is nothing to wait for. */
export function loadMediaFor(items: readonly LiveItem[]): Promise<void> | undefined {
  return code.current() || !items.some((item) => item.attachments) ? undefined : code.load();
}
