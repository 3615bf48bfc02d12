import { getFeedSession } from '../capabilities/feed/feed-sessions';
import type { FeedSession } from '../capabilities/feed/feed-session';
// Its type only: the code stays in the hydration chunk that passes it.
import type { revalidation } from '../capabilities/feed/revalidation';
import type { PageSnapshot } from './page-snapshot';
import { prepareItems } from './prepare-items';
import { sharedQueryClient } from './query-client';

/**
 * Starts the session of `feed` (by absolute URL, as useLiveBlog names it: an attribute may be
 * relative) from the document the server rendered the page from and the older pages it added, as
 * polls would have taken them; `revalidate` gives the headers of the polls that ask whether that
 * document is still current (revalidation.ts). Outside the hydration chunk: when that chunk
 * cannot come (the link dropped), the page is rendered afresh from the same updates rather than
 * emptied until the feed can be fetched again. Undefined when they cannot be read.
 */
export async function seedFromSnapshot(
  feed: string,
  snapshot: PageSnapshot,
  revalidate?: typeof revalidation,
): Promise<FeedSession | undefined> {
  const url = new URL(feed, document.baseURI).href;
  const session = getFeedSession(sharedQueryClient(), url, prepareItems);
  try {
    await session.seed(snapshot, revalidate && ((validator) => revalidate(url, validator)));
    for (const page of snapshot.pages ?? []) {
      await session.seedPage(
        { kind: 'document', text: page.text, url: page.url, validator: undefined },
        snapshot.fetchedAt,
      );
    }
    return session;
  } catch {
    return undefined;
  }
}
