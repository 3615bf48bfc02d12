// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  itemsLayout,
  itemsLayoutScanner,
  previewDocument,
  previewFeed,
} from '../../../src/core/feed/preview-feed';
import { check, params, timeout, wireFeedArb } from './arbitraries';
import { parsed, wireFeed, wireItem } from './feed-builders';

const BASE = 'https://news.example/feeds/head.json';
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
    const preview = previewFeed(text, 10, BASE)!;
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
    const preview = previewFeed(JSON.stringify(wireFeed(list), null, 2), 5)!;
    const ids = preview.items.map((i) => i.id);
    expect(ids.slice(0, 5)).toEqual(['u0', 'u1', 'u2', 'u3', 'u4']);
    expect(ids).toContain('pinned-one');
    expect(ids).not.toContain('mentions');
    expect(preview.items.find((i) => i.id === 'pinned-one')?.pinned).toBe(true);
  });

  it('nothing to preview: a short document, or one it cannot lay out', () => {
    expect(previewFeed(JSON.stringify(wireFeed(items(10))), 10)).toBeUndefined();
    expect(previewFeed(JSON.stringify([wireFeed(items(30))]), 10)).toBeUndefined();
    expect(previewFeed(JSON.stringify(wireFeed(items(30))).slice(0, -20), 10)).toBeUndefined();
    expect(previewFeed(`${JSON.stringify(wireFeed(items(30)))} trailing`, 10)).toBeUndefined();
    // Two items members: JSON.parse takes the second, so no preview may take the first.
    const twice = JSON.stringify(wireFeed(items(30))).replace(/}$/, ',"items":[]}');
    expect(previewFeed(twice, 10)).toBeUndefined();
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
            const preview = previewDocument(text, count);
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
  /** The text cut at the given places, as a download delivers it. */
  const pieces = (text: string, cuts: number[]) => {
    const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
    return [0, ...at].map((from, k) => text.slice(from, at[k] ?? text.length));
  };
  const scan = (parts: string[]) => {
    const scanner = itemsLayoutScanner();
    for (const part of parts) scanner.push(part);
    return scanner.finish(parts.join(''));
  };

  it('finds the same items however the text is cut, even inside an escape or a key', () => {
    const text = JSON.stringify({
      title: 'a "quoted" \\ title',
      items: [{ id: 'a\\', t: '\\"[{' }, { id: 'b' }],
      extra: ['items'],
    });
    const whole = itemsLayout(text);
    expect(whole?.elements.map(([a, b]) => JSON.parse(text.slice(a, b)).id)).toEqual(['a\\', 'b']);
    for (let cut = 0; cut <= text.length; cut++) {
      for (const second of [cut + 1, cut + 2, text.length]) {
        expect(scan(pieces(text, [cut, second]))).toEqual(whole);
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
            const text = JSON.stringify(feed, null, indent);
            expect(scan(pieces(text, cuts))).toEqual(itemsLayout(text));
          },
        ),
        params,
      );
    },
    timeout,
  );

  it('refuses what is not one JSON object with one items array', () => {
    const ok = JSON.stringify(wireFeed(items(3)));
    expect(scan(pieces(ok, [5, 40]))).toBeDefined();
    expect(scan(pieces(`${ok} x`, [5, 40]))).toBeUndefined();
    expect(scan(pieces(ok.slice(0, -1), [5, 40]))).toBeUndefined();
    expect(scan(pieces(`[${ok}]`, [5, 40]))).toBeUndefined();
    expect(scan(pieces(ok.replace('"items"', '"itemz"'), [5]))).toBeUndefined();
  });
});
