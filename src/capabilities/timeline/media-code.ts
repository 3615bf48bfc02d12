import type { LiveItem } from '../../core/feed/feed-types';
import type * as UpdateMediaModule from './UpdateMedia';

// Attachments (photos, galleries, players) are a lazy chunk with their styles: a feed without
// them never loads it. A feed with them waits for it before its items are shown (feed-session.ts
// `prepare`), so an update's media is there in the frame the update first appears in.

let chunk: typeof UpdateMediaModule | undefined;
let loading: Promise<void> | undefined;

/** The attachments code once it is in. */
export function mediaChunk(): typeof UpdateMediaModule | undefined {
  return chunk;
}

/**
 * Loads the attachments code if these items need it. Resolves once it is in, or could not come:
 * the attachments then show as links, and the next document tries again.
 */
export function loadMediaFor(items: readonly LiveItem[]): Promise<void> | undefined {
  if (chunk || (!loading && !items.some((item) => item.attachments))) return undefined;
  return loadMediaCode();
}

/** Loads the attachments code now (once); resolves when it is in or could not come. */
export function loadMediaCode(): Promise<void> {
  loading ??= import('./UpdateMedia').then(
    (loaded) => {
      chunk = loaded;
    },
    () => {
      loading = undefined;
    },
  );
  return loading;
}
