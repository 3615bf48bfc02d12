// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completePageCount, paginate, pagePath, headNextUrl } from '../../server/pagination.mjs';
import {
  getJson,
  isTombstone,
  makeSourceFeed,
  makeWorkspace,
  raw,
  start,
  walkChain,
  type Feed,
  type FeedItem,
  type RunningServer,
  type Workspace,
} from './helpers';

const FEED = '/feeds/vilnius-2023.json';

const items = (n: number): FeedItem[] => Array.from({ length: n }, (_, i) => ({ id: `i${i}` }));

describe('paginate', () => {
  it('computes complete pages so that the head keeps at least headSize items', () => {
    expect(completePageCount(0, 50, 50)).toBe(0);
    expect(completePageCount(99, 50, 50)).toBe(0);
    expect(completePageCount(100, 50, 50)).toBe(1);
    expect(completePageCount(149, 50, 50)).toBe(1);
    expect(completePageCount(150, 50, 50)).toBe(2);
    expect(completePageCount(10_000, 50, 50)).toBe(199);
    expect(completePageCount(10, 3, 0)).toBe(0);
  });

  it('puts items [(k-1)*pageSize, k*pageSize) on page k, newest first, and the rest in the head', () => {
    const all = items(175);
    const { completePages, pages, head } = paginate({ items: all, headSize: 50, pageSize: 50 });
    expect(completePages).toBe(2);
    expect(pages[0]!.map((i) => i.id)).toEqual(
      all
        .slice(0, 50)
        .reverse()
        .map((i) => i.id),
    );
    expect(pages[1]!.map((i) => i.id)).toEqual(
      all
        .slice(50, 100)
        .reverse()
        .map((i) => i.id),
    );
    expect(head.map((i) => i.id)).toEqual(
      all
        .slice(100)
        .reverse()
        .map((i) => i.id),
    );
  });

  it('keeps frozen pages and carries edits of paged items and every tombstone in the head', () => {
    const all = items(12);
    const first = paginate({ items: all, headSize: 4, pageSize: 4 });
    const frozen = first.pages.map((p) => [...p].reverse());
    const edited = [...all];
    edited[1] = { id: 'i1', date_modified: 'later', content_text: 'new' };
    edited[9] = { id: 'i9', _liveblog: { deleted: true } };
    const extra = { id: 'gone', _liveblog: { deleted: true } };
    const second = paginate({
      items: edited,
      tombstones: [extra],
      headSize: 4,
      pageSize: 4,
      frozenPages: frozen,
    });
    expect(second.pages).toEqual(first.pages);
    expect(second.head.map((i) => i.id)).toEqual(['i11', 'i10', 'i9', 'i8', 'i1', 'gone']);
    expect(second.head.find((i) => i.id === 'i1')!.content_text).toBe('new');
  });

  it('names pages next to the head and links them relatively', () => {
    expect(pagePath('/feeds/vilnius-2023.json', 3)).toBe('/feeds/vilnius-2023/page-3.json');
    expect(headNextUrl('/feeds/vilnius-2023.json', 3)).toBe('vilnius-2023/page-3.json');
  });
});

/** The client's merge rules from the feed contract, to check what a reader ends up with. */
function merge(docs: Feed[]): Map<string, FeedItem> {
  const held = new Map<string, FeedItem>();
  const deleted = new Set<string>();
  const stamp = (i: FeedItem) => Date.parse(i.date_modified ?? i.date_published!);
  for (const doc of docs) {
    for (const item of doc.items) {
      if (isTombstone(item)) {
        held.delete(item.id);
        deleted.add(item.id);
      } else if (!deleted.has(item.id)) {
        const old = held.get(item.id);
        if (!old || stamp(item) >= stamp(old)) held.set(item.id, item);
      }
    }
  }
  return held;
}

// In order: the tests follow one replay, from its first publication to its end.
describe('live pagination over HTTP', { shuffle: false }, () => {
  const HEAD_SIZE = 5;
  const PAGE_SIZE = 4;
  let ws: Workspace;
  let server: RunningServer;
  let source: Feed;
  let headUrl: string;
  beforeAll(async () => {
    source = makeSourceFeed(40);
    ws = makeWorkspace(source);
    server = await start(ws, { initialItems: 3, headSize: HEAD_SIZE, pageSize: PAGE_SIZE });
    headUrl = new URL(FEED, server.url).href;
  });
  afterAll(async () => {
    await server.close();
    ws.cleanup();
  });

  it('keeps the layout invariants at every publication, and pages never change', async () => {
    const pageBodies = new Map<string, { body: string; etag: string | undefined }>();
    while (server.replay!.state().next === 'item' || server.replay!.state().next === 'duplicate') {
      server.replay!.publishNext();
      const n = server.replay!.state().items;
      const expectedPages = Math.max(0, Math.floor((n - HEAD_SIZE) / PAGE_SIZE));
      const { docs } = await walkChain(headUrl);
      const [head, ...pages] = docs;
      expect(pages).toHaveLength(expectedPages);
      expect(head!.doc.items.length).toBe(n - expectedPages * PAGE_SIZE);
      expect(head!.doc.items.length).toBeGreaterThanOrEqual(Math.min(n, HEAD_SIZE));

      // Before the edit and the retraction, every item is in exactly one document.
      const ids = docs.flatMap((d) => d.doc.items.map((i) => i.id));
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toHaveLength(n);

      pages.forEach(({ url, doc }, i) => {
        const k = expectedPages - i;
        expect(url).toBe(new URL(`/feeds/vilnius-2023/page-${k}.json`, server.url).href);
        expect(doc.items).toHaveLength(PAGE_SIZE);
        expect(doc._liveblog).toBeUndefined();
        if (k === 1) expect(doc.next_url).toBeUndefined();
        else expect(doc.next_url).toBe(`page-${k - 1}.json`);
      });
      if (expectedPages > 0)
        expect(head!.doc.next_url).toBe(`vilnius-2023/page-${expectedPages}.json`);
      else expect(head!.doc.next_url).toBeUndefined();

      for (const { url } of pages) {
        const res = await raw(server.url, new URL(url).pathname);
        const seen = pageBodies.get(url);
        if (seen) {
          expect(res.body.toString()).toBe(seen.body);
          expect(res.headers.etag).toBe(seen.etag);
        } else pageBodies.set(url, { body: res.body.toString(), etag: res.headers.etag });
        expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
        expect(res.headers['access-control-allow-origin']).toBe('*');
      }
    }
    expect(pageBodies.size).toBeGreaterThan(5);
  });

  it('reaches every reader with the edit and the retraction through the head alone', async () => {
    const { editId, duplicateId } = server.replay!.state();
    const before = await walkChain(headUrl);
    server.replay!.publishAll();
    const after = await walkChain(headUrl);
    const [head, ...pages] = after.docs;

    // Pages are unchanged: the duplicate and the short version stay in them.
    expect(pages.map((p) => p.doc)).toEqual(before.docs.slice(1).map((p) => p.doc));
    const pagedIds = pages.flatMap((p) => p.doc.items.map((i) => i.id));
    expect(pagedIds).toContain(duplicateId);
    expect(pagedIds).toContain(editId);

    const tomb = head!.doc.items.find((i) => i.id === duplicateId)!;
    expect(isTombstone(tomb)).toBe(true);
    const edit = head!.doc.items.find((i) => i.id === editId)!;
    expect(edit.content_html).toBe(source.items.find((i) => i.id === editId)!.content_html);

    // A reader that follows the chain ends with exactly the source, in full.
    const held = merge(after.docs.map((d) => d.doc));
    expect([...held.keys()].sort()).toEqual(source.items.map((i) => i.id).sort());
    for (const item of held.values()) {
      expect(item.content_html).toBe(source.items.find((i) => i.id === item.id)!.content_html);
    }
    // Also when the pages are read before the head, as a reader that scrolled back earlier would.
    const reversed = merge([...after.docs].reverse().map((d) => d.doc));
    expect([...reversed.keys()].sort()).toEqual([...held.keys()].sort());
  });

  it('answers pages that do not exist with 404', async () => {
    const n = server.replay!.state().pages;
    expect((await raw(server.url, `/feeds/vilnius-2023/page-${n + 1}.json`)).status).toBe(404);
    expect((await raw(server.url, '/feeds/vilnius-2023/page-0.json')).status).toBe(404);
    expect((await raw(server.url, '/feeds/vilnius-2023/page-x.json')).status).toBe(404);
  });

  it('revalidates pages with 304', async () => {
    const page = await raw(server.url, '/feeds/vilnius-2023/page-1.json');
    const again = await raw(server.url, '/feeds/vilnius-2023/page-1.json', {
      headers: { 'If-None-Match': page.headers.etag as string },
    });
    expect(again.status).toBe(304);
    expect(
      (await getJson(new URL('/feeds/vilnius-2023/page-1.json', server.url).href)).next_url,
    ).toBeUndefined();
  });
});
