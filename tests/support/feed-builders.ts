// Small builders for wire-format feeds and parsed items, shared by the core and component tests.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LiveItem, ParsedFeed } from '../../src/core/feed/feed-types';
import { parseFeed, parseFeedObject } from '../../src/core/feed/parse-feed';

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

const root = resolve(import.meta.dirname, '../..');

export function readRepoFile(path: string): string {
  return readFileSync(resolve(root, path), 'utf8');
}

export const demoFeedText = () => readRepoFile('public/feeds/vilnius-2023.json');
export const fixtureText = (name: string) => readRepoFile(`tests/fixtures/feeds/${name}`);

export interface WireItem {
  id: unknown;
  date_published?: unknown;
  date_modified?: unknown;
  title?: unknown;
  content_html?: unknown;
  content_text?: unknown;
  [key: string]: unknown;
}

/** A valid wire item published `minute` minutes after 10:00 UTC on 12 July 2023. */
export function wireItem(
  id: string,
  minute: number,
  extra: Record<string, unknown> = {},
): WireItem {
  return {
    id,
    title: `Update ${id}`,
    content_html: `<p>Body of ${id}</p>`,
    date_published: isoAt(minute),
    ...extra,
  };
}

export function tombstoneWire(id: string, minute?: number): WireItem {
  return minute === undefined
    ? { id, _liveblog: { deleted: true } }
    : { id, date_modified: isoAt(minute), _liveblog: { deleted: true } };
}

export function isoAt(minute: number): string {
  return new Date(Date.UTC(2023, 6, 12, 10, 0, 0) + minute * 60_000).toISOString();
}

export function msAt(minute: number): number {
  return Date.UTC(2023, 6, 12, 10, 0, 0) + minute * 60_000;
}

export function wireFeed(
  items: readonly unknown[],
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return { version: JSON_FEED_VERSION, title: 'Test feed', items, ...extra };
}

/** Parses a wire feed that the test knows to be valid; fails the test loudly otherwise. */
export function parsed(doc: unknown, baseUrl?: string): ParsedFeed {
  const result = typeof doc === 'string' ? parseFeed(doc, baseUrl) : parseFeedObject(doc, baseUrl);
  if (!result.ok)
    throw new Error(`expected a feed, got ${result.error.kind}: ${result.error.message}`);
  return result.feed;
}

/** A parsed item's lists and flags, all empty or off. */
export const noItemDetails = {
  authors: [],
  tags: [],
  topics: [],
  countries: [],
  speakers: [],
  keyEvent: false,
  pinned: false,
  embeds: [],
} as const satisfies Partial<LiveItem>;

/** A parsed item with defaults, for tests of the store, grouping and filters. */
export function item(id: string, minute: number, extra: Partial<LiveItem> = {}): LiveItem {
  return {
    id,
    title: `Update ${id}`,
    contentHtml: `<p>Body of ${id}</p>`,
    published: msAt(minute),
    ...noItemDetails,
    ...extra,
  };
}

export function feedOf(
  items: readonly LiveItem[],
  extra: Partial<ParsedFeed> & { nextUrl?: string } = {},
): ParsedFeed {
  const { nextUrl, ...rest } = extra;
  return {
    meta: {
      title: 'Test feed',
      status: 'live',
      topics: [],
      countries: [],
      people: [],
      ...(nextUrl === undefined ? {} : { nextUrl }),
    },
    items,
    tombstones: [],
    rejected: [],
    ...rest,
  };
}
