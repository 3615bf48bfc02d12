// The standalone page's first script: it fetches and reads the feed while the app's bundle
// downloads. vite.config.ts builds it on its own and writes it inline into index.html, so it runs
// as soon as the HTML is parsed (see early-feed-request.ts, docs/decisions/0007 and 0008).
import { offerEarlyFeedRequest } from '../../capabilities/feed/early-feed-request';
import { readFeedEarly } from '../../capabilities/feed/read-feed-early';
import { standaloneFeed } from '../common/page-feed-url';
import { RENDERED_MARKER_NAME } from '../../widget/page-snapshot';

// The snapshot itself comes after the page's markup, not yet parsed (widget/page-snapshot.ts).
const rendered = document.querySelector(`meta[name="${RENDERED_MARKER_NAME}"]`) !== null;
try {
  // A feed the page may not show (page-feed-url.ts) is never requested: the app says why.
  const url = standaloneFeed(window.location.search, document);
  // A page the server rendered brings the document along.
  if (url && !rendered) {
    const controller = new AbortController();
    const reply = readFeedEarly(url, controller.signal);
    // Untaken, a failure is nobody's error.
    reply.catch(() => {});
    offerEarlyFeedRequest({ url, reply, abort: () => controller.abort() });
  }
} catch {
  // Anything odd is the app's to report; the app simply asks itself.
}

// The first date format loads the browser's locale and time zone data, a noticeable pause: do it
// at once, while the main thread waits for the feed's answer and the bundle. Once the answer has
// begun to arrive, the main thread reads the body of a large document up to the first paint, and
// the pause only put it off. A page the server rendered shows its first screen first: the pause
// waits until the app, started after that paint, is downloading.
const warmUp = () => {
  try {
    new Intl.DateTimeFormat(undefined, { timeZone: 'UTC', hour: 'numeric' }).format(0);
  } catch {
    // Nothing to warm up.
  }
};
if (rendered && document.visibilityState === 'visible') {
  requestAnimationFrame(() => setTimeout(() => setTimeout(warmUp, 0), 0));
} else {
  setTimeout(warmUp, 0);
}
