// The standalone page's first script: it fetches and reads the feed while the app's bundle
// downloads. vite.config.ts builds it on its own and writes it inline into index.html, so it runs
// as soon as the HTML is parsed (see early-feed-request.ts, ADR 0007).
import { offerEarlyFeedRequest } from '../feed/early-feed-request';
import { readFeedEarly } from '../feed/read-feed-early';
import { pageFeedUrl } from './page-feed-url';

try {
  const url = pageFeedUrl(window.location.search, document.baseURI);
  const controller = new AbortController();
  const reply = readFeedEarly(url, controller.signal);
  // Untaken, a failure is nobody's error.
  reply.catch(() => {});
  offerEarlyFeedRequest({ url, reply, abort: () => controller.abort() });
} catch {
  // A malformed ?feed= is the app's to report; the app simply asks itself.
}

// The first date format with a time zone loads the browser's time zone data (about 30 ms): load
// it while the main thread waits for the bundle rather than on the way to the first time stamp.
setTimeout(() => {
  try {
    new Intl.DateTimeFormat(undefined, { timeZone: 'UTC', hour: 'numeric' }).format(0);
  } catch {
    // Nothing to warm up.
  }
}, 0);
