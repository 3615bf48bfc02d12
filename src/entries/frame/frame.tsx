import { createRoot, hydrateRoot, type Root } from 'react-dom/client';
import { StrictMode } from 'react';
import { LiveBlogRoot } from '../../widget/LiveBlogRoot';
import '../../widget/live-blog.css';
import { pageFeed } from '../common/page-feed-url';
import { SNAPSHOT_ELEMENT_ID, readPageSnapshot } from '../../widget/page-snapshot';
import { seedFromSnapshot } from '../../widget/seed-from-snapshot';
import { queryGetter, readEmbedSettings } from '../../widget/embed-settings';
import './frame.css';
import {
  HEIGHT_MESSAGE,
  isHelloMessage,
  parentOrigin,
  readConsentMessage,
  type HeightMessage,
} from '../common/frame-protocol';

// embed.html: the widget alone, for hosts that embed it in an iframe. Settings come from the
// query string under the attribute names (?feed=…&topic=…). Anyone can send a link to this page,
// so the feed must be one it may show: its own origin, or one listed in embed.html's <meta
// name="live-blog-feed-origins"> (unlike <live-blog feed>, which the host page sets).
const params = new URLSearchParams(window.location.search);
const settings = readEmbedSettings(queryGetter(window.location.search), document.baseURI);
const feed = settings && pageFeed(settings.props.feed, document);
// "See all updates" and permalinks lead to `link` (target=_top) from this page's address: held to
// the feed's rule, or anyone could send a link to this page that leads readers anywhere.
const link = settings?.props.link && pageFeed(settings.props.link, document);
const container = document.getElementById('root')!;
// A page the server rendered (server/server-render.mjs) is hydrated from the feed document it
// carries; until then, a consent message from the host waits in `pending`.
const snapshot =
  feed && document.getElementById(SNAPSHOT_ELEMENT_ID) && container.firstElementChild
    ? readPageSnapshot(document, feed)
    : undefined;
let root: Root | undefined;
let hydrating = snapshot !== undefined;
let pending: string | undefined;

/** The widget; `granted` is the host's latest consent message, if any. */
function frame(granted?: string, locale?: string) {
  return (
    <StrictMode>
      {/* The frame is a document of its own: the blog's title is its h1 and the blog its main
          landmark (standalone). In a frame, pushState would add entries to the host's Back
          button: no sync-url here. */}
      {settings && feed && (
        <LiveBlogRoot
          key={settings.resetKey}
          {...settings.props}
          link={link}
          embeds={
            granted === undefined ? settings.props.embeds : { ...settings.props.embeds, granted }
          }
          feed={feed}
          standalone
          syncUrl={false}
          renderedAt={snapshot?.fetchedAt}
          {...(locale === undefined ? {} : { locale })}
        />
      )}
    </StrictMode>
  );
}

/** Renders the widget afresh, or again with the host's latest consent. */
function show(granted?: string) {
  if (hydrating) {
    pending = granted;
    return;
  }
  if (!root) {
    container.replaceChildren();
    root = createRoot(container);
  }
  root.render(frame(granted, snapshot?.locale));
}

if (!feed) {
  // Rare states: their words stay out of every reader's download.
  void import('../common/FeedRefused').then((m) =>
    settings
      ? m.showFeedRefused(createRoot(container), settings.props.locale)
      : m.showFeedMissing(createRoot(container)),
  );
} else if (feed && snapshot) {
  void import('../../widget/hydrate-widget')
    .then((m) =>
      m.hydrateWidget(container, feed, snapshot, (locale) => frame(undefined, locale), hydrateRoot),
    )
    .then(
      (hydrated) => hydrated,
      // The chunk could not come: the same updates, rendered afresh without the network.
      () => seedFromSnapshot(feed, snapshot).then(() => undefined),
    )
    .then((hydrated) => {
      hydrating = false;
      root = hydrated;
      if (!hydrated || pending !== undefined) show(pending);
    });
} else {
  show();
}

reportHeight();

/**
 * Keeps the host informed of the content's height, so that the iframe never needs a scroll bar,
 * and hears the host's hello and consent.
 */
function reportHeight() {
  if (window.parent === window) return;
  const target = parentOrigin(
    params,
    Array.from(window.location.ancestorOrigins ?? []),
    document.referrer,
  );
  if (target === undefined) return;
  const id = params.get('id');
  let sent = -1;
  const post = (force = false) => {
    const height = Math.ceil(container.getBoundingClientRect().height);
    if (height === sent && !force) return;
    sent = height;
    const message: HeightMessage = { type: HEIGHT_MESSAGE, height, id };
    window.parent.postMessage(message, target);
  };
  new ResizeObserver(() => post()).observe(container);
  window.addEventListener('message', (event) => {
    if (event.source !== window.parent || event.origin !== target) return;
    const granted = readConsentMessage(event.data);
    if (granted !== undefined && feed) show(granted);
    if (!isHelloMessage(event.data)) return;
    // The host sizes the frame from now on: an inner scroll bar would only ever flash.
    document.documentElement.classList.add('lb-frame--sized');
    post(true);
  });
}
