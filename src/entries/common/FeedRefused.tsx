import { StrictMode } from 'react';
import type { Root } from 'react-dom/client';
import { messagesIn, type ChunkMessages } from '../../shared/i18n/language';

// A chunk of its own, loaded only when it is needed: every reader of a live blog would otherwise
// download it before the first update shows. It wears the widget's own classes (live-blog.css,
// already on the page), so that it needs no styles of its own.

const refusal: ChunkMessages<{
  readonly lang: string;
  readonly title: string;
  readonly text: string;
}> = {
  en: {
    lang: 'en',
    title: 'This live blog cannot be shown',
    text: 'This page shows live blogs from its own site only. The feed address in this link is not allowed here.',
  },
  uk: {
    lang: 'uk',
    title: 'Цю онлайн-трансляцію неможливо показати',
    text: 'Ця сторінка показує онлайн-трансляції лише зі свого сайту. Адреса стрічки в цьому посиланні тут не дозволена.',
  },
};

/**
 * What the standalone page and embed.html show when their ?feed= names a feed they may not show
 * (core/feed/feed-origins.ts): a plain message, without the address, so that a spoofing link
 * gets nothing of its own onto the page. In the language the widget would have spoken.
 */
export function FeedRefused({ locale }: { readonly locale: string }) {
  const t = messagesIn(refusal, locale);
  return (
    <div className="lb-theme lb-theme--auto">
      <main className="lb-root" lang={t.lang}>
        <h1 className="lb-title">{t.title}</h1>
        <p className="lb-error">{t.text}</p>
      </main>
    </div>
  );
}

/**
 * Shows the message in `root` (`locale`: the page's ?locale= or its embed settings', else the
 * browser's), and tells the deployer in the console why and what to do.
 */
export function showFeedRefused(root: Root, locale = navigator.language) {
  console.warn(
    `[live-blog] ?feed= refused: only http(s) feeds on this page's origin or on an origin listed in <meta name="live-blog-feed-origins"> are shown (docs/embedding.md).`,
  );
  root.render(
    <StrictMode>
      <FeedRefused locale={locale} />
    </StrictMode>,
  );
}

/** What embed.html shows when its address names no feed at all. */
export function showFeedMissing(root: Root) {
  root.render(
    <div className="lb-theme lb-theme--auto">
      <main className="lb-root">
        <p className="lb-error">
          This live blog cannot be shown: the <code>feed</code> parameter is missing.
        </p>
      </main>
    </div>,
  );
}
