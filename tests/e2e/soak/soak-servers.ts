// The servers of a soak test: the feed producer, and the built app (dist/) on another origin that
// lets ?feed= name the producer's feeds. Pages are rendered by the browser: the soak is about
// what a page does over hours, after it has started.
import { startServer } from '../../../server/create-server.mjs';
import { startFeedProducer, type FeedProducer, type FeedSpec } from './feed-producer';

export interface SoakServers {
  readonly producer: FeedProducer;
  /** The app's origin, with a trailing slash. */
  readonly appUrl: string;
  /** The standalone page showing `feed`. */
  pageUrl(feed: string): string;
  close(): Promise<void>;
}

export async function startSoakServers(feeds: readonly FeedSpec[]): Promise<SoakServers> {
  const producer = await startFeedProducer(feeds);
  const app = await startServer({
    port: 0,
    mode: 'static',
    distDir: 'dist',
    ssr: false,
    feedOrigins: producer.origin,
  }).catch(async (error: unknown) => {
    await producer.close();
    throw error;
  });
  return {
    producer,
    appUrl: app.url,
    pageUrl: (feed) => `${app.url}?feed=${encodeURIComponent(producer.headUrl(feed))}`,
    async close() {
      await Promise.all([app.close(), producer.close()]);
    },
  };
}
