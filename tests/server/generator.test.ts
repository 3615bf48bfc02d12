// @vitest-environment node
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFeed, paginate, writeFeed } from '../../tooling/synthetic-feed.mjs';
import { completePageCount, paginate as serverPaginate } from '../../server/pagination.mjs';
import { isTombstone, makeWorkspace, start, walkChain, type Feed, type FeedItem } from './helpers';

const run = promisify(execFile);

/** What a generated feed declares in its _liveblog, as far as these tests read it. */
interface Declarations {
  topics: { id: string }[];
  countries: { name?: string }[];
  people: { name: string; role?: string }[];
}
const GENERATOR = fileURLToPath(new URL('../../scripts/generate-feed.mjs', import.meta.url));

describe('generateFeed', () => {
  const feed = generateFeed({ items: 2000, days: 3, seed: 1 });
  const live = feed.items.filter((i) => !isTombstone(i));

  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateFeed({ items: 300, days: 2, seed: 7 })).toEqual(
      generateFeed({ items: 300, days: 2, seed: 7 }),
    );
    expect(JSON.stringify(generateFeed({ items: 300, days: 2, seed: 8 }))).not.toBe(
      JSON.stringify(generateFeed({ items: 300, days: 2, seed: 7 })),
    );
  });

  it('says it is synthetic, everywhere', () => {
    expect(feed.title).toBe('Synthetic live blog (generated)');
    for (const item of live) expect(item.content_html).toMatch(/synthetic|generated/i);
  });

  it('has the requested number of items, newest first, spread over the days', () => {
    expect(feed.items).toHaveLength(2000);
    const times = live.map((i) => Date.parse(i.date_published!));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const start = Date.parse(feed._liveblog!.coverage_start!);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(start);
    expect(Math.max(...times)).toBeLessThanOrEqual(start + 3 * 86_400_000 + 2000 * 1000);
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(2 * 86_400_000);
    expect(new Set(feed.items.map((i) => i.id)).size).toBe(2000);
  });

  it('declares 8-12 topics, ~10 countries (some unnamed) and ~25 people with roles', () => {
    const { topics, countries, people } = feed._liveblog as unknown as Declarations;
    expect(topics.length).toBeGreaterThanOrEqual(8);
    expect(topics.length).toBeLessThanOrEqual(12);
    expect(countries).toHaveLength(10);
    expect(countries.some((c: { name?: string }) => !c.name)).toBe(true);
    expect(people).toHaveLength(25);
    for (const p of people) expect(p.role).toBeTruthy();
    expect(people.some((p: { name: string }) => /[^ -~]/.test(p.name))).toBe(true);
  });

  it('mixes in an undeclared topic, untopical items, key events, one pinned item, edits and tombstones', () => {
    const declared = new Set(
      (feed._liveblog as unknown as Declarations).topics.map((t: { id: string }) => t.id),
    );
    const firstTopics = live.map((i) => i._liveblog!.topics![0]);
    expect(firstTopics.some((t) => t && !declared.has(t))).toBe(true);
    expect(firstTopics.some((t) => t === undefined)).toBe(true);
    const keyEvents = live.filter((i) => i._liveblog!.key_event).length;
    expect(keyEvents / live.length).toBeGreaterThan(0.015);
    expect(keyEvents / live.length).toBeLessThan(0.05);
    expect(live.filter((i) => i._liveblog!.pinned)).toHaveLength(1);
    const edited = live.filter((i) => i.date_modified);
    expect(edited.length).toBeGreaterThan(20);
    for (const i of edited)
      expect(Date.parse(i.date_modified!)).toBeGreaterThan(Date.parse(i.date_published!));
    const tombstones = feed.items.filter(isTombstone);
    expect(tombstones.length).toBeGreaterThan(0);
    for (const t of tombstones)
      expect(Object.keys(t).sort()).toEqual(['_liveblog', 'date_modified', 'id']);
  });

  it('writes varied HTML: several paragraphs, quotes, links, lists and datelines', () => {
    const html = live.map((i) => i.content_html as string);
    expect(html.some((h) => h.includes('<blockquote>'))).toBe(true);
    expect(html.some((h) => /<a href="https:\/\//.test(h))).toBe(true);
    expect(html.some((h) => h.includes('<ul>'))).toBe(true);
    expect(html.some((h) => (h.match(/<p>/g) ?? []).length >= 3)).toBe(true);
    expect(live.some((i) => i._liveblog!.dateline)).toBe(true);
  });

  it('shares its paging function with the server', () => {
    expect(paginate).toBe(serverPaginate);
  });
});

describe('generated files', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'liveblog-gen-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the paged layout: a head and complete pages, every item exactly once', async () => {
    writeFeed({ items: 1000, days: 2, seed: 3, out: dir, headSize: 50, pageSize: 50 });
    const head = JSON.parse(readFileSync(path.join(dir, 'synthetic-1000.json'), 'utf8')) as Feed;
    const full = generateFeed({ items: 1000, days: 2, seed: 3 });
    const liveCount = full.items.filter((i) => !isTombstone(i)).length;
    const pages = readdirSync(path.join(dir, 'synthetic-1000'));
    expect(pages).toHaveLength(completePageCount(liveCount, 50, 50));
    expect(head.next_url).toBe(`synthetic-1000/page-${pages.length}.json`);
    expect(head.items.filter((i) => !isTombstone(i)).length).toBeGreaterThanOrEqual(50);
    // Every tombstone is in the head.
    expect(head.items.filter(isTombstone)).toHaveLength(full.items.filter(isTombstone).length);

    // Served as files by the static server, the chain covers every item once.
    const ws = makeWorkspace();
    const server = await start(ws, { mode: 'static', staticDir: dir });
    try {
      const { docs } = await walkChain(new URL('/fixtures/synthetic-1000.json', server.url).href);
      expect(docs).toHaveLength(pages.length + 1);
      const ids = docs.flatMap((d) => d.doc.items.map((i: FeedItem) => i.id));
      expect(ids).toHaveLength(1000);
      expect(new Set(ids)).toEqual(new Set(full.items.map((i) => i.id)));
      for (const { doc } of docs.slice(1)) expect(doc.items).toHaveLength(50);
    } finally {
      await server.close();
      ws.cleanup();
    }
  });

  it('writes one document with --single, identical from the CLI', async () => {
    await run(process.execPath, [
      GENERATOR,
      '--items',
      '400',
      '--days',
      '1',
      '--seed',
      '5',
      '--out',
      dir,
      '--single',
    ]);
    const single: unknown = JSON.parse(
      readFileSync(path.join(dir, 'synthetic-400-single.json'), 'utf8'),
    );
    expect(single).toEqual(generateFeed({ items: 400, days: 1, seed: 5 }));
  });

  it('removes stale pages of an earlier run', async () => {
    writeFeed({ items: 300, days: 1, seed: 1, out: dir, pageSize: 10, headSize: 10 });
    expect(readdirSync(path.join(dir, 'synthetic-300')).length).toBeGreaterThan(20);
    await run(process.execPath, [
      GENERATOR,
      '--items',
      '300',
      '--days',
      '1',
      '--out',
      dir,
      '--page-size',
      '100',
    ]);
    expect(readdirSync(path.join(dir, 'synthetic-300')).sort()).toEqual([
      'page-1.json',
      'page-2.json',
    ]);
  });
});
