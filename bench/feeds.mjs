// @ts-check
/**
 * The benchmark's synthetic feeds: for each size, the paged layout (head + immutable pages), the
 * same items as one document, and what the timeline should show for each (its group headings).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFeed } from '../tooling/synthetic-feed.mjs';

/**
 * @typedef {import('../server/pagination.mjs').FeedItem} FeedItem
 * @typedef {import('../server/pagination.mjs').FeedDocument} FeedDocument
 */

/**
 * Heading ids of the groups a client shows for these items: one per first topic, items without a
 * topic in "other", the pinned item above the groups (so a group holding only it is not shown).
 * Mirrors groupElementId() in src/timeline/TopicGroups.tsx.
 * @param {{ items: FeedItem[] }} doc
 * @returns {string[]}
 */
export function expectedGroupHeadingIds(doc) {
  /** @type {Set<string>} */
  const ids = new Set();
  for (const item of doc.items) {
    const lb = item._liveblog ?? {};
    if (lb.deleted || lb.pinned) continue;
    const topics = Array.isArray(lb.topics) ? lb.topics : Array.isArray(item.tags) ? item.tags : [];
    const first = topics[0];
    ids.add(
      typeof first === 'string' && first !== ''
        ? `group-${first.replace(/\s+/g, '_')}-title`
        : 'group--other-title',
    );
  }
  return [...ids];
}

/**
 * A generated feed document, parsed.
 * @param {string} text
 */
function feedDocument(text) {
  /** @type {unknown} */
  const doc = JSON.parse(text);
  return /** @type {FeedDocument} */ (doc);
}

/**
 * @typedef {{
 *   size: number,
 *   days: number,
 *   paged: { file: string, urlPath: string, bytes: number, pages: number, groups: string[], headItems: number },
 *   single: { file: string, urlPath: string, bytes: number, groups: string[], items: number },
 *   liveItems: number,
 * }} BenchFeed
 */

/**
 * The address the server gives a file under its fixtures directory.
 * @param {string} dir
 * @param {string} file
 */
function fixtureUrl(dir, file) {
  return '/fixtures/' + path.relative(dir, file).split(path.sep).join('/');
}

/**
 * A head of `items` updates as one document, written under `dir`/heads (for server render
 * timing).
 * @param {{ dir: string, items: number, days: number }} options
 */
export function writeHeadFeed({ dir, items, days }) {
  const [written] = writeFeed({ items, days, seed: 1, out: path.join(dir, 'heads'), single: true });
  const file = /** @type {string} */ (written);
  return { file, urlPath: fixtureUrl(dir, file), items };
}

/**
 * Writes both layouts of one size into `dir` (served at /fixtures/ by the static server).
 * @param {{ dir: string, size: number, days: number }} options
 * @returns {BenchFeed}
 */
export function writeBenchFeed({ dir, size, days }) {
  const paged = writeFeed({ items: size, days, seed: 1, out: dir });
  const [single] = writeFeed({ items: size, days, seed: 1, out: dir, single: true });
  const headFile = /** @type {string} */ (paged[0]);
  const singleFile = /** @type {string} */ (single);
  const headText = readFileSync(headFile, 'utf8');
  const singleText = readFileSync(singleFile, 'utf8');
  const head = feedDocument(headText);
  const all = feedDocument(singleText);
  const urlOf = (/** @type {string} */ file) => fixtureUrl(dir, file);
  return {
    size,
    days,
    paged: {
      file: headFile,
      urlPath: urlOf(headFile),
      bytes: Buffer.byteLength(headText),
      pages: paged.length - 1,
      groups: expectedGroupHeadingIds(head),
      headItems: head.items.length,
    },
    single: {
      file: singleFile,
      urlPath: urlOf(singleFile),
      bytes: Buffer.byteLength(singleText),
      groups: expectedGroupHeadingIds(all),
      items: all.items.length,
    },
    liveItems: all.items.filter((i) => !i._liveblog?.deleted).length,
  };
}
