import type { LiveItem } from '../../core/feed/feed-types';
import { carriesEmbeds } from '../../core/embeds/pasted-markup';
import { lazyCode } from '../../shared/code/lazy-code';

// The gate, the provider table and the split of pasted markup are a lazy chunk: most feeds carry
// no embedded posts, and their readers never load it (docs/decisions/0015). A feed that does
// waits for it before its items are shown, so a card is there in the same frame as its update.
// If it cannot come, posts show as plain links (EmbedSlot) and the next document tries again.

const code = lazyCode(() => import('./embeds-chunk'));

/** The embeds code once it is in. */
export const embedsChunk = code.current;

/** Loads the embeds code now (once). */
export const loadEmbedsCode = code.load;

/** Loads the embeds code if these items need it; undefined when there is nothing to wait for. */
export function loadEmbedsFor(items: readonly LiveItem[]): Promise<void> | undefined {
  return code.current() || !items.some(carriesEmbeds) ? undefined : code.load();
}
