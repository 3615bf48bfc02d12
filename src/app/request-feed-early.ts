// The standalone page's first script: it starts the feed request and nothing else, so it is tiny
// and runs long before the app's bundle has loaded (see early-feed-request.ts).
import { requestFeedEarly } from '../feed/early-feed-request';
import { pageFeedUrl } from './page-feed-url';

try {
  requestFeedEarly(pageFeedUrl(window.location.search, document.baseURI));
} catch {
  // A malformed ?feed= is the app's to report; the app simply asks again.
}

// The main thread is idle while the bundle downloads. The first date format with a time zone
// loads the browser's time zone data (about 30 ms): load it now rather than on the way to the
// first update's time stamp.
setTimeout(() => {
  try {
    new Intl.DateTimeFormat(undefined, { timeZone: 'UTC', hour: 'numeric' }).format(0);
  } catch {
    // Nothing to warm up.
  }
}, 0);
