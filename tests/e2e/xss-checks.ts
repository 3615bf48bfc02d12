// What the XSS specs check on a page that showed a hostile feed (tests/fixtures/xss): shared by
// the client-rendered run (xss.spec.ts) and the server-rendered one (xss-server-render.spec.ts).
import type { BrowserContext, Page } from '@playwright/test';
import { expect } from './fixtures';
import type { ItemExpectation } from '../fixtures/xss/build-feed';

declare global {
  interface Window {
    __pwned?: unknown;
    __cspViolations?: string[];
  }
}

// What the sanitised HTML may contain (src/timeline/sanitize-html.ts): stated again here so that
// loosening the allow-list is a visible change to a test, not a silent one.
export const ALLOWED_TAGS = new Set(
  'p br strong b em i u s small sub sup mark abbr span blockquote q cite a ul ol li h4 h5 h6 figure figcaption img video audio source code pre hr time table thead tbody tr th td caption details summary'.split(
    ' ',
  ),
);
export const ALLOWED_ATTRS = new Set(
  'href title alt src width height cite datetime lang dir colspan rowspan scope target rel loading decoding poster type controls preload playsinline open'.split(
    ' ',
  ),
);
export const URL_ATTRS = [
  'href',
  'src',
  'cite',
  'action',
  'formaction',
  'poster',
  'data',
  'background',
];

export interface Watch {
  dialogs: string[];
  popups: string[];
  navigations: string[];
}

/** Records everything an attack could make the browser do besides running script. */
export function watch(page: Page, context: BrowserContext): Watch {
  const seen: Watch = { dialogs: [], popups: [], navigations: [] };
  page.on('dialog', (dialog) => {
    seen.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  context.on('page', (popup) => seen.popups.push(popup.url()));
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) seen.navigations.push(frame.url());
    else seen.navigations.push(`frame: ${frame.url()}`);
  });
  return seen;
}

/** No script ran, no canary was requested, no dialog opened, nothing navigated away. */
export async function expectNothingHappened(page: Page, seen: Watch, serverUrl: string) {
  for (const frame of page.frames()) {
    const pwned = await frame.evaluate(() => typeof window.__pwned).catch(() => 'unreachable');
    expect(pwned, `window.__pwned in ${frame.url()}`).not.toMatch(/^(boolean|object)$/);
  }
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(await canaryHits(serverUrl)).toEqual([]);
  expect(seen.dialogs).toEqual([]);
  expect(seen.popups).toEqual([]);
  const origin = new URL(serverUrl).origin;
  for (const url of seen.navigations) {
    expect(url.startsWith(`${origin}/`), `navigated to ${url}`).toBe(true);
  }
}

export async function canaryHits(serverUrl: string): Promise<string[]> {
  const res = await fetch(`${serverUrl}__admin/canary`);
  const body = (await res.json()) as { hits: { path: string }[] };
  return body.hits.map((h) => h.path);
}

/** Hovers, focuses and "animates" every element of every update body, as a restless reader would. */
export async function poke(page: Page) {
  await page.evaluate(() => {
    const types = ['mouseover', 'mouseenter', 'pointerenter', 'pointerover', 'focus', 'focusin'];
    for (const el of document.querySelectorAll('.lb-prose *, .lb-update')) {
      for (const type of types) el.dispatchEvent(new Event(type, { bubbles: true }));
      el.dispatchEvent(new Event('blur'));
      el.dispatchEvent(new Event('animationstart', { bubbles: true }));
    }
  });
}

/** Everything in the DOM that should not be there, described for the failure message. */
export async function domOffences(page: Page) {
  return page.evaluate(
    ({ tags, attrs, urlAttrs }) => {
      const allowedTags = new Set(tags);
      const allowedAttrs = new Set(attrs);
      const out: string[] = [];
      // Prototype methods, because a clobbered document.body or querySelectorAll must not blind
      // the check.
      const all = (selector: string) =>
        Document.prototype.querySelectorAll.call(document, selector);
      const describe = (el: Element) =>
        `<${el.tagName.toLowerCase()}> in ${el.closest('article')?.id ?? 'page'}`;
      // The page's own <head> comes from index.html; everything the feed can reach is in <body>.
      for (const el of all('body *')) {
        for (const attr of el.attributes) {
          if (/^on/i.test(attr.name)) out.push(`${describe(el)} has ${attr.name}`);
          if (attr.name === 'srcdoc' || attr.name === 'srcset' || attr.name.includes('href:')) {
            out.push(`${describe(el)} has ${attr.name}`);
          }
          // A fragment stays on the page (the server-rendered "Filters" link opens the panel).
          if (urlAttrs.includes(attr.name) && !/^(https?:|mailto:|#[\w-]+$)/i.test(attr.value)) {
            out.push(`${describe(el)} has ${attr.name}=${attr.value.slice(0, 80)}`);
          }
        }
      }
      for (const el of all('.lb-prose *')) {
        if (!allowedTags.has(el.tagName.toLowerCase())) out.push(`${describe(el)} is not allowed`);
        for (const attr of el.attributes) {
          // The sanitiser makes a table (which may scroll sideways) reachable by keyboard.
          const own = el.tagName === 'TABLE' && attr.name === 'tabindex' && attr.value === '0';
          if (!allowedAttrs.has(attr.name) && !own) out.push(`${describe(el)} keeps ${attr.name}`);
        }
      }
      const active = 'script, style, link, meta, base, iframe, frame, object, embed';
      // Server HTML ends with its data block, beside the widget's root, out of the feed's reach.
      const snapshot = (el: Element) =>
        el.parentElement === document.body &&
        el.id === 'live-blog-snapshot' &&
        el.getAttribute('type') === 'application/json';
      for (const el of all(`body :is(${active})`)) {
        if (!snapshot(el)) out.push(`${describe(el)} exists`);
      }
      if (all('base, meta[http-equiv]').length > 0) out.push('a <base> or <meta> refresh');
      return out;
    },
    { tags: [...ALLOWED_TAGS], attrs: [...ALLOWED_ATTRS], urlAttrs: URL_ATTRS },
  );
}

/** Text fields must show the payload's characters, never markup built from them. */
export async function textMismatches(page: Page, items: readonly ItemExpectation[]) {
  return page.evaluate((expected) => {
    const out: string[] = [];
    const byId = (id: string) => Document.prototype.getElementById.call(document, id);
    for (const item of expected) {
      const article = byId(`update-${encodeURIComponent(item.id)}`);
      if (!article) {
        out.push(`${item.payload}: article ${item.id.slice(0, 20)} missing`);
        continue;
      }
      const check = (what: string, actual: string | null | undefined, want: string) => {
        if (actual !== want) out.push(`${item.payload} ${what}: ${JSON.stringify(actual)}`);
      };
      if (item.title !== undefined) {
        check('title', article.querySelector('h3')?.textContent, item.title);
      }
      if (item.dateline !== undefined) {
        check('dateline', article.querySelector('.lb-dateline')?.textContent, item.dateline);
      }
      if (item.authorName !== undefined) {
        const authors = article.querySelector('.lb-update__authors')?.textContent ?? '';
        if (!authors.includes(item.authorName)) out.push(`${item.payload} author: ${authors}`);
      }
      if (item.imageCaption !== undefined) {
        const caption = article.querySelector('figcaption')?.textContent ?? '';
        if (!caption.startsWith(item.imageCaption)) out.push(`${item.payload} caption: ${caption}`);
      }
      if (item.attachmentCaption !== undefined) {
        const media = article.querySelector('.lb-media');
        check(
          'attachment alt',
          media?.querySelector('img')?.getAttribute('alt'),
          item.attachmentAlt!,
        );
        check(
          'attachment caption',
          media?.querySelector('figcaption')?.textContent ?? '',
          item.attachmentCaption,
        );
      }
      // The item's own embeds follow its body: the last fallback and author on the card.
      const cards = article.querySelectorAll('.lb-embed');
      const card = [...cards].find(
        (c) => c.querySelector('a')?.href === 'https://youtu.be/xssPayload1',
      );
      if (item.embedText !== undefined) {
        check('embed text', card?.querySelector('.lb-embed__text')?.textContent, item.embedText);
      }
      if (item.embedAuthor !== undefined) {
        check(
          'embed author',
          card?.querySelector('.lb-embed__author')?.textContent,
          item.embedAuthor,
        );
      }
      if (item.bodyText !== undefined) {
        // White space around a paragraph is not shown (plain text keeps its line breaks).
        const body = item.bodyText.trim();
        check('content_text', article.querySelector('.lb-prose')?.textContent, body);
      }
    }
    return out;
  }, items);
}
