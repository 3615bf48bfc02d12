// @vitest-environment node
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createReplay, firstParagraph } from '../../server/replay.mjs';
import {
  getJson,
  isTombstone,
  makeSourceFeed,
  makeWorkspace,
  start,
  type Feed,
  type FeedItem,
  type RunningServer,
  type Workspace,
} from './helpers';

const FEED = '/feeds/vilnius-2023.json';
const MINUTE = 60_000;

/** A clock the test moves by hand, so date assertions are exact. */
function manualClock(startIso = '2030-01-01T12:00:00Z') {
  let t = Date.parse(startIso);
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

const headItems = (replay: ReturnType<typeof createReplay>) => replay.current().headDoc.items;

describe('live replay engine', () => {
  it('publishes the oldest initialItems first, then one item per publishNext', () => {
    const source = makeSourceFeed(8);
    const replay = createReplay({ feed: source, initialItems: 3 });
    expect(replay.state()).toMatchObject({ published: 3, total: 8, phase: 'live' });
    expect(headItems(replay).map((i) => i.id)).toEqual(['item-03', 'item-02', 'item-01']);
    replay.publishNext();
    expect(replay.state().published).toBe(4);
    expect(headItems(replay)[0]!.id).toBe('item-04');
  });

  it('shifts dates: initial items keep their spacing and end a minute ago; later ones get the publish time', () => {
    const clock = manualClock();
    const replay = createReplay({ feed: makeSourceFeed(8), initialItems: 3, now: clock.now });
    const start = clock.now();
    const initial = headItems(replay);
    expect(initial.map((i) => Date.parse(i.date_published!))).toEqual([
      start - MINUTE,
      start - MINUTE - 3_600_000,
      start - MINUTE - 7_200_000,
    ]);
    // coverage_start keeps its distance to the items (one hour before the first).
    expect(Date.parse(replay.current().headDoc._liveblog!.coverage_start!)).toBe(
      start - MINUTE - 3 * 3_600_000,
    );
    clock.advance(10_000);
    replay.publishNext();
    expect(headItems(replay)[0]!.date_published).toBe(new Date(start + 10_000).toISOString());
    // Two publications at the same instant still get increasing times.
    replay.publishNext();
    replay.publishNext();
    const times = headItems(replay).map((i) => Date.parse(i.date_published ?? ''));
    const published = times.filter((t) => Number.isFinite(t));
    expect([...published].sort((a, b) => b - a)).toEqual(published);
    expect(new Set(published).size).toBe(published.length);
  });

  it('keeps the source dates with shiftDates false', () => {
    const replay = createReplay({ feed: makeSourceFeed(8), initialItems: 3, shiftDates: false });
    replay.publishNext();
    expect(headItems(replay)[0]!.date_published).toBe('2023-07-12T09:00:00.000Z');
  });

  it('double-posts, edits, retracts and ends, leaving exactly the source', () => {
    const source = makeSourceFeed(8);
    const clock = manualClock();
    const replay = createReplay({ feed: source, initialItems: 3, now: clock.now });
    const { editId, duplicateId } = replay.state();
    expect(editId).toBeTruthy();
    expect(duplicateId).toMatch(/-dup$/);

    const seen: string[] = [];
    let sawTruncated = false;
    let sawDuplicate = false;
    while (replay.state().next !== null) {
      clock.advance(10_000);
      const next = replay.state().next!;
      seen.push(next);
      replay.publishNext();
      const items = headItems(replay);
      const edited = items.find((i) => i.id === editId);
      if (edited && next !== 'edit' && !edited.date_modified) {
        expect(edited.content_html).toBe(
          firstParagraph(source.items.find((i) => i.id === editId)!.content_html),
        );
        sawTruncated = true;
      }
      const dup = items.find((i) => i.id === duplicateId);
      if (dup && !isTombstone(dup)) {
        const original = items.find((i) => `${i.id}-dup` === duplicateId)!;
        expect(dup.content_html).toBe(original.content_html);
        sawDuplicate = true;
      }
    }
    expect(sawTruncated).toBe(true);
    expect(sawDuplicate).toBe(true);
    expect(seen.slice(-3)).toEqual(['edit', 'retraction', 'end']);
    expect(seen.filter((k) => k === 'item')).toHaveLength(5);

    const end = replay.current().headDoc;
    expect(end._liveblog!.status).toBe('ended');
    expect(end.expired).toBe(true);
    expect(replay.state()).toMatchObject({ phase: 'ended', published: 8, total: 8, next: null });

    const edited = end.items.find((i: FeedItem) => i.id === editId)!;
    expect(Date.parse(edited.date_modified!)).toBeGreaterThan(Date.parse(edited.date_published!));
    expect(edited.content_html).toBe(source.items.find((i) => i.id === editId)!.content_html);

    const tomb = end.items.find((i: FeedItem) => i.id === duplicateId);
    expect(tomb).toEqual({
      id: duplicateId,
      date_modified: expect.any(String) as string,
      _liveblog: { deleted: true },
    });

    // Every source item is there, in full; nothing else but the tombstone.
    const live = end.items.filter((i: FeedItem) => !isTombstone(i));
    expect(live.map((i: FeedItem) => i.id).sort()).toEqual(source.items.map((i) => i.id).sort());
    for (const item of live) {
      const orig = source.items.find((i) => i.id === item.id)!;
      expect(item.content_html).toBe(orig.content_html);
      expect(item.title).toBe(orig.title);
    }
    // Top-level metadata is the source's; the source's own status is replaced.
    expect(end._liveblog!.topics).toEqual(source._liveblog!.topics);
    expect(end._liveblog!.people).toEqual(source._liveblog!.people);
    expect(end.feed_url).toBeUndefined();
  });

  it('stays live until the end step, with no coverage_end', () => {
    const replay = createReplay({ feed: makeSourceFeed(8), initialItems: 3 });
    expect(replay.current().headDoc._liveblog!.status).toBe('live');
    expect(replay.current().headDoc._liveblog!.coverage_end).toBeUndefined();
    expect(replay.current().headDoc.expired).toBeUndefined();
    replay.publishAll();
    expect(replay.current().headDoc._liveblog!.coverage_end).toBeTruthy();
  });

  it('publishNext does nothing once ended and reset starts over', () => {
    const replay = createReplay({ feed: makeSourceFeed(8), initialItems: 3 });
    replay.publishAll();
    const version = replay.state().version;
    replay.publishNext();
    expect(replay.state().version).toBe(version);
    expect(replay.reset()).toMatchObject({ published: 3, phase: 'live' });
  });

  it('handles tiny sources and sources with no multi-paragraph item', () => {
    const one = makeSourceFeed(1);
    const r1 = createReplay({ feed: one, initialItems: 3 });
    r1.publishAll();
    expect(r1.state().phase).toBe('ended');
    const flat = makeSourceFeed(4);
    for (const item of flat.items) item.content_html = '<p>Only one paragraph.</p>';
    const r2 = createReplay({ feed: flat, initialItems: 1 });
    expect(r2.state().editId).toBeNull();
    r2.publishAll();
    expect(r2.current().headDoc.items.filter((i: FeedItem) => !isTombstone(i))).toHaveLength(4);
  });

  it('replays the real demo feed to its full text', () => {
    const file = path.resolve('public/feeds/vilnius-2023.json');
    let source: Feed;
    try {
      source = JSON.parse(readFileSync(file, 'utf8')) as Feed;
    } catch {
      return; // the demo feed belongs to another part of the project
    }
    const replay = createReplay({ feed: source });
    expect(replay.state().editId).not.toBeNull();
    expect(replay.state().duplicateId).not.toBeNull();
    replay.publishAll();
    const live = replay.current().headDoc.items.filter((i: FeedItem) => !isTombstone(i));
    expect(live).toHaveLength(source.items.length);
    for (const item of live) {
      expect(item.content_html).toBe(source.items.find((i) => i.id === item.id)!.content_html);
    }
  });
});

describe('live replay over HTTP', () => {
  let ws: Workspace;
  let server: RunningServer;
  afterEach(async () => {
    await server?.close();
    ws?.cleanup();
  });

  it('serves each publication and ends with status ended', async () => {
    ws = makeWorkspace();
    server = await start(ws, { initialItems: 2 });
    const url = new URL(FEED, server.url).href;
    expect((await getJson(url)).items).toHaveLength(2);
    server.replay!.publishNext();
    const doc = await getJson(url);
    expect(doc.items).toHaveLength(3);
    expect(doc._liveblog!.status).toBe('live');
    server.replay!.publishAll();
    const end = await getJson(url);
    expect(end._liveblog!.status).toBe('ended');
    expect(end.expired).toBe(true);
    expect(end.items.some(isTombstone)).toBe(true);
  });

  it('publishes on its own every intervalMs', async () => {
    ws = makeWorkspace();
    server = await start(ws, { intervalMs: 20 });
    const url = new URL(FEED, server.url).href;
    const first = (await getJson(url)).items.length;
    await expect
      .poll(async () => (await getJson(url)).items.length, { timeout: 5000, interval: 20 })
      .toBeGreaterThan(first);
  });

  it('fails clearly when the source feed is missing', async () => {
    ws = makeWorkspace();
    await expect(start(ws, { feedFile: path.join(ws.root, 'nope.json') })).rejects.toThrow(
      /cannot read the replay feed/,
    );
  });
});
