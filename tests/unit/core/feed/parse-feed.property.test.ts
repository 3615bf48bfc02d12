// @vitest-environment node
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import type { ParseResult } from '../../../../src/core/feed/feed-types';
import { parseFeed, parseFeedObject } from '../../../../src/core/feed/parse-feed';
import {
  applyMutations,
  check,
  mutationArb,
  params,
  timeout,
  wireFeedArb,
} from '../../../support/arbitraries';

const BASE = 'https://news.example/feeds/head.json';

/** An item of a wireFeedArb feed: a wire item (wireItemArb), or a tombstone. */
interface WireItem {
  id: string;
  date_published: string;
  date_modified?: string;
  content_html?: string;
  content_text?: string;
  title?: string;
  _liveblog?: {
    deleted?: boolean;
    topics?: string[];
    countries?: string[];
    speakers?: string[];
    key_event?: boolean;
    pinned?: boolean;
  };
}

/** What must hold of any result: a well-formed error, or items that are all usable. */
function checkWellFormed(result: ParseResult, rawItems?: unknown) {
  if (!result.ok) {
    check(
      ['not-json', 'not-a-feed', 'too-large', 'too-deep'].includes(result.error.kind),
      `unknown error kind ${result.error.kind}`,
    );
    check(result.error.message !== '', 'empty error message');
    return;
  }
  const { items, tombstones, rejected, meta } = result.feed;
  check(['upcoming', 'live', 'ended'].includes(meta.status), `status ${meta.status}`);
  const ids = new Set<string>();
  for (const item of items) {
    check(typeof item.id === 'string' && item.id !== '', 'item without an id');
    check(!ids.has(item.id), `duplicate id ${item.id}`);
    ids.add(item.id);
    check(Number.isFinite(item.published), `${item.id}: no publication time`);
    check(item.contentHtml !== undefined || item.contentText !== undefined, 'no content');
    for (const url of [item.url, item.image, ...item.authors.map((a) => a.url)]) {
      check(url === undefined || /^https?:/.test(url), `unsafe URL ${url}`);
    }
  }
  // Every entry is accounted for: kept, a tombstone, or rejected with a reason.
  if (Array.isArray(rawItems)) {
    check(
      items.length + tombstones.length + rejected.length === rawItems.length,
      `${rawItems.length} entries but ${items.length} items, ${tombstones.length} tombstones, ${rejected.length} rejected`,
    );
  }
  for (const r of rejected) check(r.reason !== '', 'rejected without a reason');
}

describe('property: parsing never throws', () => {
  it(
    'property: parseFeedObject on arbitrary values',
    () => {
      fc.assert(
        fc.property(fc.anything({ withNullPrototype: true, withSparseArray: true }), (value) => {
          checkWellFormed(parseFeedObject(value, BASE));
        }),
        params,
      );
    },
    timeout,
  );

  it(
    'property: parseFeedObject on arbitrary objects shaped a little like a feed',
    () => {
      const feedish = fc.record(
        {
          version: fc.oneof(fc.constant('https://jsonfeed.org/version/1.1'), fc.jsonValue()),
          title: fc.oneof(fc.string(), fc.jsonValue()),
          items: fc.oneof(fc.array(fc.anything()), fc.array(fc.jsonValue()), fc.jsonValue()),
          next_url: fc.oneof(fc.webUrl(), fc.string(), fc.jsonValue()),
          expired: fc.jsonValue(),
          _liveblog: fc.oneof(
            fc.jsonValue(),
            fc.record({
              status: fc.jsonValue(),
              poll_seconds: fc.jsonValue(),
              timezone: fc.oneof(fc.string(), fc.jsonValue()),
              topics: fc.array(fc.jsonValue()),
              countries: fc.array(fc.jsonValue()),
              people: fc.array(fc.jsonValue()),
            }),
          ),
        },
        { requiredKeys: [] },
      );
      fc.assert(
        fc.property(feedish, (doc) => {
          checkWellFormed(parseFeedObject(doc, BASE), (doc as { items?: unknown }).items);
        }),
        params,
      );
    },
    timeout,
  );

  it(
    'property: parseFeed on arbitrary text and on arbitrary JSON',
    () => {
      fc.assert(
        fc.property(
          fc.oneof(
            fc.string(),
            fc.string({ unit: 'binary' }),
            fc.jsonValue().map((v) => JSON.stringify(v)),
          ),
          (text) => {
            checkWellFormed(parseFeed(text, BASE));
          },
        ),
        params,
      );
    },
    timeout,
  );

  it(
    'property: valid feeds with random mutations',
    () => {
      fc.assert(
        fc.property(
          wireFeedArb,
          fc.array(mutationArb, { minLength: 1, maxLength: 5 }),
          (feed, mutations) => {
            const mutated = applyMutations(feed, mutations);
            const rawItems = (mutated as { items?: unknown } | null)?.items;
            checkWellFormed(parseFeedObject(mutated, BASE), rawItems);
            checkWellFormed(parseFeed(JSON.stringify(mutated) ?? '', BASE), rawItems);
          },
        ),
        params,
      );
    },
    timeout,
  );

  it(
    'property: valid feed text with random cuts and insertions',
    () => {
      fc.assert(
        fc.property(
          wireFeedArb,
          fc.array(
            fc.record({ at: fc.nat(), cut: fc.nat(20), insert: fc.string({ maxLength: 5 }) }),
            { minLength: 1, maxLength: 4 },
          ),
          (feed, edits) => {
            let text = JSON.stringify(feed);
            for (const e of edits) {
              const at = e.at % (text.length + 1);
              text = text.slice(0, at) + e.insert + text.slice(at + e.cut);
            }
            checkWellFormed(parseFeed(text, BASE));
          },
        ),
        params,
      );
    },
    timeout,
  );
});

describe('property: valid input is kept', () => {
  it(
    'property: every valid item survives parsing, with its fields',
    () => {
      fc.assert(
        fc.property(wireFeedArb, (feed) => {
          const result = parseFeedObject(feed, BASE);
          check(result.ok, 'a valid feed was refused');
          const raw = (feed.items as WireItem[]).filter((i) => !i._liveblog?.deleted);
          const tombs = (feed.items as WireItem[]).filter((i) => i._liveblog?.deleted);
          const ended =
            feed.expired === true || (feed._liveblog as { status?: string }).status === 'ended';
          const got = {
            ended: result.feed.meta.status === 'ended',
            rejected: result.feed.rejected,
            tombstones: result.feed.tombstones.map((t) => t.id),
            items: result.feed.items.map((i) => ({
              id: i.id,
              published: i.published,
              modified: i.modified,
              contentHtml: i.contentHtml,
              contentText: i.contentText,
              title: i.title,
              topics: i.topics,
              countries: i.countries,
              speakers: i.speakers,
              keyEvent: i.keyEvent,
              pinned: i.pinned,
            })),
          };
          const want = {
            ended,
            rejected: [],
            tombstones: tombs.map((t) => t.id),
            items: raw.map((w) => ({
              id: w.id,
              published: Date.parse(w.date_published),
              modified: w.date_modified === undefined ? undefined : Date.parse(w.date_modified),
              contentHtml: w.content_html,
              contentText: w.content_text,
              title: w.title?.trim() || undefined,
              // The feed has a top-level _liveblog, so tags are never topics: the contract
              // decides that per document, not per item.
              topics: w._liveblog?.topics ?? [],
              countries: w._liveblog?.countries ?? [],
              speakers: w._liveblog?.speakers ?? [],
              keyEvent: w._liveblog?.key_event === true,
              pinned: w._liveblog?.pinned === true,
            })),
          };
          assert.deepStrictEqual(got, want);
        }),
        params,
      );
    },
    timeout,
  );

  it(
    'property: parsing the text and parsing the object agree',
    () => {
      fc.assert(
        fc.property(wireFeedArb, (feed) => {
          assert.deepStrictEqual(
            parseFeed(JSON.stringify(feed), BASE),
            parseFeedObject(feed, BASE),
          );
        }),
        params,
      );
    },
    timeout,
  );
});
