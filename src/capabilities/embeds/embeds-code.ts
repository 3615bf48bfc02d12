import type { LiveItem } from '../../core/feed/feed-types';
import { carriesEmbeds } from '../../core/embeds/pasted-markup';
import type * as EmbedsChunkModule from './embeds-chunk';

// The gate, the provider table and the split of pasted markup are a lazy chunk: most feeds carry
// no embedded posts, and their readers never load it (docs/decisions/0015). A feed that does
// waits for it before its items are shown (feed-session.ts `prepare`), so a card is there in
// the same frame as its update, never filled in below the reader afterwards.

type EmbedsChunk = typeof EmbedsChunkModule;

let chunk: EmbedsChunk | undefined;
let loading: Promise<void> | undefined;

/** The embeds code once it is in. */
export function embedsChunk(): EmbedsChunk | undefined {
  return chunk;
}

/**
 * Loads the embeds code if these items need it. Resolves once it is in, or could not come: the
 * items then show their posts as plain links, and the next document tries again.
 */
export function loadEmbedsFor(items: readonly LiveItem[]): Promise<void> | undefined {
  if (chunk || (!loading && !items.some(carriesEmbeds))) return undefined;
  return loadEmbedsCode();
}

/** Loads the embeds code now (once); resolves when it is in or could not come. */
export function loadEmbedsCode(): Promise<void> {
  loading ??= import('./embeds-chunk').then(
    (loaded) => {
      chunk = loaded;
    },
    () => {
      loading = undefined;
    },
  );
  return loading;
}
