// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { previewCut, previewDocument } from '../../../src/core/feed/preview-cut';
import { parsePreview } from '../../../src/core/feed/preview-feed';
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
/** Texts that look like JSON structure or like "pinned" to a byte scanner. */
const TRICKY = [
  '"pinned"',
  'a \\"pinned\\" b',
  '\\',
  '\\\\"pinned": true}, {"id": "x"}',
  '}],"items":[{',
  'p',
] as const;
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
          // 0 reads no array back from the end: the items array is then recognised by its end.
          fc.constantFrom(0, 40, 65_536),
          fc.array(fc.tuple(fc.nat(), fc.constantFrom(...TRICKY)), { maxLength: 3 }),
          fc.integer({ min: 0, max: 3 }),
          fc.boolean(),
          (feed, count, indent, itemsFirst, backtrackBytes, tricks, keyEvents, last) => {
            const list = feed.items as Record<string, unknown>[];
            for (const [at, trick] of tricks) {
              if (list.length > 0) list[at % list.length]!.summary = trick;
            }
            const doc = itemsFirst ? { items: feed.items, ...feed } : feed;
            const original = JSON.parse(JSON.stringify(doc)) as Record<string, unknown>;
            const text = JSON.stringify(doc, null, indent);
            const preview = previewDocument(utf8(text), count, { backtrackBytes, keyEvents, last });
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
            const firstKeyEvents = all
              .filter(
                (i) => (i._liveblog as { key_event?: boolean } | undefined)?.key_event === true,
              )
              .slice(0, keyEvents);
            for (const k of firstKeyEvents) expect(cutItems).toContainEqual(k);
            if (last) expect(cutItems.at(-1)).toEqual(all.at(-1));
          },
        ),
        params,
      );
    },
    timeout,
  );
});

describe('previewDocument of a large document', () => {
  // Read exactly only at its start (the first items) and back from its end (the members after
  // the items); in between it looks for "pinned" and reads the items around it.
  const ids = (doc: string | undefined) =>
    (JSON.parse(doc ?? 'null') as { items: { id: string }[] } | null)?.items.map((i) => i.id);

  it('takes pinned updates from the middle and the end, and every member after the items', () => {
    const list = items(200);
    list[120] = wireItem('pinned-middle', 1, { _liveblog: { pinned: true } });
    list[199] = wireItem('pinned-last', 1, { _liveblog: { topics: ['g7'], pinned: true } });
    const after = {
      _liveblog: { topics: [{ id: 'g7', label: 'G7 "quoted" [x] {y} \\' }], status: 'live' },
      expired: false,
      note: 'a "pinned" \\ string]',
      count: -1.5e3,
      nothing: null,
    };
    // A list after the items is read back to its start; without one, nothing is read back.
    const cases = [
      [{ ...wireFeed([]), items: list, ...after, authors: [{ name: 'Desk' }] }, 65_536],
      [{ ...wireFeed([]), items: list, ...after }, 0],
    ] as const;
    for (const [feed, backtrackBytes] of cases) {
      const text = JSON.stringify(feed, null, 1);
      const doc = previewDocument(utf8(text), 5, { backtrackBytes });
      expect(ids(doc)).toEqual(['u0', 'u1', 'u2', 'u3', 'u4', 'pinned-middle', 'pinned-last']);
      const { items: _cut, ...rest } = JSON.parse(doc!) as Record<string, unknown>;
      const { items: _all, ...whole } = JSON.parse(text) as Record<string, unknown>;
      expect(rest).toEqual(whole);
    }
  });

  it('takes what the rail shows first: the first key events and the last update', () => {
    const list = items(300);
    const keyEvent = (id: string, value: unknown) =>
      wireItem(id, 1, { _liveblog: { key_event: value } });
    list[1] = keyEvent('key-in-head', true);
    list[100] = wireItem('key-in-text', 1, { content_text: '"key_event": true' });
    list[110] = keyEvent('not-key', false);
    list[150] = keyEvent('key-1', true);
    list[151] = wireItem('key-and-pinned', 1, { _liveblog: { key_event: true, pinned: true } });
    list[200] = keyEvent('key-3', true);
    list[250] = keyEvent('key-4', true);
    for (const text of [JSON.stringify(wireFeed(list)), JSON.stringify(wireFeed(list), null, 2)]) {
      const doc = previewDocument(utf8(text), 3, { keyEvents: 4, last: true });
      // In document order, each once; "key-4" is the fifth key event, one too many.
      expect(ids(doc)).toEqual([
        'u0',
        'key-in-head',
        'u2',
        'key-1',
        'key-and-pinned',
        'key-3',
        'u299',
      ]);
      expect(ids(previewDocument(utf8(text), 3))).toEqual([
        'u0',
        'key-in-head',
        'u2',
        'key-and-pinned',
      ]);
    }
  });

  it('takes the item around "pinned", not an object inside it, and not "pinned" in a text', () => {
    const list = items(60);
    list[30] = wireItem('with-attachment', 1, {
      attachments: [{ url: 'https://x.example/a.mp3', mime_type: 'audio/mpeg', pinned: true }],
    });
    list[40] = wireItem('escaped', 1, { content_text: 'say \\"pinned\\" or \\\\"pinned"' });
    list[41] = wireItem('in-text', 1, { content_text: '{"pinned": true}, {"id": "fake"}' });
    list[50] = wireItem('pinned-one', 1, { _liveblog: { pinned: true } });
    const doc = previewDocument(utf8(JSON.stringify(wireFeed(list))), 3);
    expect(ids(doc)).toEqual(['u0', 'u1', 'u2', 'with-attachment', 'pinned-one']);
  });

  it('finds "pinned" at any offset, and in a body that starts at an odd byte of its buffer', () => {
    for (const shift of [0, 1, 2, 3]) {
      const list = items(30);
      list[20] = wireItem('pinned-one', 1, { _liveblog: { pinned: true } });
      const text = `{${' '.repeat(shift)}"items":${JSON.stringify(list)}}`;
      const bytes = utf8(text);
      for (const body of [bytes, new Uint8Array([32, ...bytes]).subarray(1)]) {
        const cut = previewCut(body, 2);
        const ids = cut?.elements.map(([a, b]) => JSON.parse(decode(body, a, b)).id);
        expect(ids).toEqual(['u0', 'u1', 'pinned-one']);
      }
    }
  });

  it('gives up, rather than read the document again and again, when "pinned" sits in odd items', () => {
    // Objects without an "id" are not items: each "pinned" in one would be read back to the start.
    const odd = Array.from({ length: 3000 }, (_, i) => ({ n: i, _liveblog: { pinned: true } }));
    const text = JSON.stringify(
      wireFeed([...items(5), ...odd, ...items(2)] as Record<string, unknown>[]),
    );
    expect(previewDocument(utf8(text), 3)).toBeUndefined();
    // One such object is read back once, and the preview goes on without it.
    const one = JSON.stringify(
      wireFeed([...items(5), odd[0]!, ...items(5)] as Record<string, unknown>[]),
    );
    expect(previewDocument(utf8(one), 3)).toBeDefined();
  });

  it('no preview of a document it cannot cut, which then waits for the whole parse', () => {
    const ok = JSON.stringify(wireFeed(items(30)));
    const preview = (text: string, backtrackBytes?: number) =>
      previewDocument(utf8(text), 3, { backtrackBytes });
    expect(preview(ok)).toBeDefined();
    expect(preview(`${ok} x`)).toBeUndefined();
    expect(preview(ok.slice(0, -1))).toBeUndefined();
    expect(preview(`[${ok}]`)).toBeUndefined();
    expect(preview(ok.replace('"items"', '"itemz"'))).toBeUndefined();
    // A second items member after the first, or before it: JSON.parse takes the last one.
    expect(preview(ok.replace(/}$/, ',"items":[]}'))).toBeUndefined();
    expect(preview(ok.replace(/^{/, '{"items":{},'))).toBeUndefined();
    // A long list after the items that does not end like items: nothing is guessed.
    const list = JSON.stringify(Array.from({ length: 50 }, (_, i) => ({ name: `n${i}` })));
    expect(preview(ok.replace(/}$/, `,"names":${list}}`), 0)).toBeUndefined();
    expect(ids(preview(ok.replace(/}$/, `,"names":${list}}`)))?.length).toBe(3);
  });
});

const decode = (body: Uint8Array, start: number, end: number) =>
  new TextDecoder().decode(body.subarray(start, end));
