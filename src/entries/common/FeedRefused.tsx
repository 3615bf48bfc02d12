import { StrictMode } from 'react';
import type { Root } from 'react-dom/client';

// A chunk of its own, loaded only when it is needed: every reader of a live blog would otherwise
// download it before the first update shows. It wears the widget's own classes (live-blog.css,
// already on the page), so that it needs no styles of its own.

/**
 * What the standalone page and embed.html show when their ?feed= names a feed they may not show
 * (core/feed/feed-origins.ts): a plain message, without the address, so that a spoofing link
 * gets nothing of its own onto the page.
 */
export function FeedRefused() {
  return (
    <div className="lb-theme lb-theme--auto">
      <main className="lb-root">
        <h1 className="lb-title">This live blog cannot be shown</h1>
        <p className="lb-error">
          This page shows live blogs from its own site only. The feed address in this link is not
          allowed here.
        </p>
      </main>
    </div>
  );
}

/** Shows the message in `root`, and tells the deployer in the console why and what to do. */
export function showFeedRefused(root: Root) {
  console.warn(
    `[live-blog] ?feed= refused: only http(s) feeds on this page's origin or on an origin listed in <meta name="live-blog-feed-origins"> are shown (docs/embedding.md).`,
  );
  root.render(
    <StrictMode>
      <FeedRefused />
    </StrictMode>,
  );
}
