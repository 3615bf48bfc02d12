// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  itemsLayout,
  itemsLayoutScanner,
  parsePreview,
  previewDocument,
} from '../../../src/core/feed/preview-feed';
import { check, params, timeout, wireFeedArb } from './arbitraries';
import { parsed, wireFeed, wireItem } from './feed-builders';

const BASE = 'https://news.example/feeds/head.json';
/** A document as the network delivers it. */
const utf8 = (text: string) => new TextEncoder().encode(text);
/** The preview as the feed session reads it: cut from the body, then parsed like any document. */
const previewFeed = (body: Uint8Array, count: number, baseUrl?: string) => {
  const doc = previewDocument(body, count);
  return doc === undefined ? undefined : parsePreview(doc, baseUrl);
};
// Newest first, as feeds list them.
const items = (n: number) => Array.from({ length: n }, (_, i) => wireItem(`u${i}`, n - i));

describe('previewFeed', () => {
  it('the first items and the feed metadata, wherever the metadata sits in the text', () => {
    const meta = {
      _liveblog: {
        status: 'live',
        topics: [{ id: 'g7', label: 'G7' }],
        timezone: 'Europe/Vilnius',
      },
      next_url: 'page-2.json',
    };
    const list = items(40);
    // Metadata after the items: the preview still has it.
    const text = JSON.stringify({
      version: wireFeed([]).version,
      title: 'Summit',
      items: list,
      ...meta,
    });
    const preview = previewFeed(utf8(text), 10, BASE)!;
    const whole = parsed(text, BASE);
    expect(preview.meta).toEqual(whole.meta);
    expect(preview.items.map((i) => i.id)).toEqual(list.slice(0, 10).map((i) => i.id));
    expect(preview.items).toEqual(whole.items.slice(0, 10));
  });

  it('takes a pinned update from deep in the document, so the top of the page stays put', () => {
    const list = items(50);
    list[42] = wireItem('pinned-one', 1, { _liveblog: { pinned: true } });
    // Mentioned in text, not pinned: at most an extra item, never a wrong one.
    list[45] = wireItem('mentions', 2, { content_text: 'a post, "pinned' });
    const preview = previewFeed(utf8(JSON.stringify(wireFeed(list), null, 2)), 5)!;
    const ids = preview.items.map((i) => i.id);
    expect(ids.slice(0, 5)).toEqual(['u0', 'u1', 'u2', 'u3', 'u4']);
    expect(ids).toContain('pinned-one');
    expect(ids).not.toContain('mentions');
    expect(preview.items.find((i) => i.id === 'pinned-one')?.pinned).toBe(true);
  });

  it('nothing to preview: a short document, or one it cannot lay out', () => {
    const preview = (text: string) => previewFeed(utf8(text), 10);
    expect(preview(JSON.stringify(wireFeed(items(10))))).toBeUndefined();
    expect(preview(JSON.stringify([wireFeed(items(30))]))).toBeUndefined();
    expect(preview(JSON.stringify(wireFeed(items(30))).slice(0, -20))).toBeUndefined();
    expect(preview(`${JSON.stringify(wireFeed(items(30)))} trailing`)).toBeUndefined();
    // Two items members: JSON.parse takes the second, so no preview may take the first.
    const twice = JSON.stringify(wireFeed(items(30))).replace(/}$/, ',"items":[]}');
    expect(preview(twice)).toBeUndefined();
  });

  it('reads any language: multi-byte characters, a byte order mark, and a pinned one in Cyrillic', () => {
    const title = (i: number) => `Зеленський — ${i} 🇺🇦 ☕ “quoted”`;
    const list = Array.from({ length: 20 }, (_, i) =>
      wireItem(`u${i}`, 20 - i, {
        title: title(i),
        ...(i === 15 && { _liveblog: { pinned: true } }),
      }),
    );
    const text = JSON.stringify({ ...wireFeed(list), title: 'Саміт у Вільнюсі' });
    for (const body of [utf8(text), new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)])]) {
      const preview = previewFeed(body, 3, BASE)!;
      const whole = parsed(text, BASE);
      expect(preview.meta).toEqual(whole.meta);
      expect(preview.items).toEqual([...whole.items.slice(0, 3), whole.items[15]]);
    }
  });

  it(
    'any feed, any layout: the preview is the whole document with fewer items',
    () => {
      fc.assert(
        fc.property(
          wireFeedArb,
          fc.integer({ min: 0, max: 6 }),
          fc.constantFrom(undefined, 1, '\t'),
          fc.boolean(),
          (feed, count, indent, itemsFirst) => {
            const doc = itemsFirst ? { items: feed.items, ...feed } : feed;
            const original = JSON.parse(JSON.stringify(doc)) as Record<string, unknown>;
            const text = JSON.stringify(doc, null, indent);
            const preview = previewDocument(utf8(text), count);
            const all = original.items as Record<string, unknown>[];
            if (all.length <= count) {
              check(preview === undefined, 'a preview of a short document');
              return;
            }
            check(preview !== undefined, `no preview of ${text}`);
            const cut = JSON.parse(preview) as Record<string, unknown>;
            const { items: cutItems, ...cutRest } = cut as { items: unknown[] };
            const { items: _all, ...rest } = original;
            expect(cutRest).toEqual(rest);
            expect(cutItems.slice(0, count)).toEqual(all.slice(0, count));
            // The rest is a subsequence of the document's, holding every pinned item.
            let j = count;
            for (const extra of cutItems.slice(count)) {
              while (j < all.length && JSON.stringify(all[j]) !== JSON.stringify(extra)) j++;
              check(j < all.length, 'an item that is not in the document, or out of order');
              j++;
            }
            const pinned = all
              .slice(count)
              .filter((i) => (i._liveblog as { pinned?: boolean } | undefined)?.pinned === true);
            for (const p of pinned) expect(cutItems).toContainEqual(p);
          },
        ),
        params,
      );
    },
    timeout,
  );
});

describe('itemsLayoutScanner', () => {
  /** The body cut at the given places (even inside a character), as a download delivers it. */
  const pieces = (body: Uint8Array, cuts: number[]) => {
    const at = [...new Set(cuts.map((c) => c % (body.length + 1)))].sort((a, b) => a - b);
    return [0, ...at].map((from, k) => body.subarray(from, at[k] ?? body.length));
  };
  const scan = (parts: Uint8Array[]) => {
    const scanner = itemsLayoutScanner();
    for (const part of parts) scanner.push(part);
    const body = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
    parts.reduce((at, part) => (body.set(part, at), at + part.length), 0);
    return scanner.finish(body);
  };
  const decode = (body: Uint8Array, [a, b]: readonly [number, number]) =>
    new TextDecoder().decode(body.subarray(a, b));

  it('finds the same items however the text is cut, even inside an escape or a key', () => {
    const body = utf8(
      JSON.stringify({
        title: 'a "quoted" \\ title — «ü»',
        items: [
          { id: 'a\\', t: '\\"[{ 🇺🇦' },
          { id: 'b', _liveblog: { pinned: true } },
        ],
        extra: ['items'],
      }),
    );
    const whole = itemsLayout(body);
    expect(whole?.elements.map((el) => JSON.parse(decode(body, el)).id)).toEqual(['a\\', 'b']);
    expect(whole?.pinned.map((at) => decode(body, [at, at + 8]))).toEqual(['"pinned"']);
    for (let cut = 0; cut <= body.length; cut++) {
      for (const second of [cut + 1, cut + 2, body.length]) {
        expect(scan(pieces(body, [cut, second]))).toEqual(whole);
      }
    }
  });

  it(
    'any feed, any cuts: the same layout as one pass over the whole text',
    () => {
      fc.assert(
        fc.property(
          wireFeedArb,
          fc.constantFrom(undefined, 1, '\t'),
          fc.array(fc.nat(), { maxLength: 12 }),
          (feed, indent, cuts) => {
            const body = utf8(JSON.stringify(feed, null, indent));
            expect(scan(pieces(body, cuts))).toEqual(itemsLayout(body));
          },
        ),
        params,
      );
    },
    timeout,
  );

  it('refuses what is not one JSON object with one items array', () => {
    const ok = JSON.stringify(wireFeed(items(3)));
    const layout = (text: string, cuts = [5, 40]) => scan(pieces(utf8(text), cuts));
    expect(layout(ok)).toBeDefined();
    expect(layout(`${ok} x`)).toBeUndefined();
    expect(layout(ok.slice(0, -1))).toBeUndefined();
    expect(layout(`[${ok}]`)).toBeUndefined();
    expect(layout(ok.replace('"items"', '"itemz"'), [5])).toBeUndefined();
  });
});
