// The items of one document that the client keeps: their dates (in the future, out of order,
// edits that cannot win), tombstones, what they refer to, and their optional members.
import { formatDistanceStrict } from 'date-fns';
import { FEED_LIMITS } from '../../core/feed/feed-limits';
import { isObject, type RawObject } from '../../core/feed/feed-text';
import type { FeedMeta, LiveItem, ParsedFeed } from '../../core/feed/feed-types';
import { isTombstone } from '../../core/feed/parse-feed';
import type { ReadMode } from '../../core/feed/read-item';
import { parseRfc3339 } from '../../core/feed/rfc3339';
// The client's own margin: a time this far ahead still reads "just now" to readers.
import { CLOCK_AHEAD_MS } from '../../core/time/clock-ahead';
import type { DocumentContext } from './document-context';
import { checkImageAlt, checkItemMembers } from './check-item-members';
import { References } from './references';
import { jsonPath, quote, RULES, type ProblemList } from './validation-problem';

function checkTombstone(
  entry: RawObject,
  index: number,
  liveIds: { has(id: string): boolean },
  list: ProblemList,
) {
  const path = jsonPath('items', index, 'date_modified');
  if (entry.date_modified === undefined) {
    list.warning(
      path,
      'A tombstone should carry date_modified (when the update was retracted).',
      RULES.tombstones,
    );
  } else if (
    typeof entry.date_modified !== 'string' ||
    parseRfc3339(entry.date_modified) === undefined
  ) {
    list.warning(
      path,
      `${quote(entry.date_modified)} is not an RFC 3339 time: ignored.`,
      RULES.tombstones,
    );
  }
  if (typeof entry.id === 'string' && liveIds.has(entry.id)) {
    list.warning(
      jsonPath('items', index),
      `This document holds both the tombstone of ${quote(entry.id)} and the update itself: the tombstone wins, and the update is never shown.`,
      RULES.tombstones,
    );
  }
}

function checkDates(
  entry: RawObject,
  item: LiveItem,
  index: number,
  now: number,
  list: ProblemList,
) {
  if (item.published > now + CLOCK_AHEAD_MS) {
    list.error(
      jsonPath('items', index, 'date_published'),
      `${quote(entry.date_published)} is in the future (${formatDistanceStrict(item.published, now)} ahead of this computer's clock): the update sorts above everything published until then. Check the offset.`,
      RULES.items,
    );
  }
  const path = jsonPath('items', index, 'date_modified');
  if (entry.date_modified !== undefined && item.modified === undefined) {
    list.warning(
      path,
      `${quote(entry.date_modified)} is not an RFC 3339 time: ignored, so this version may not replace the one readers hold.`,
      RULES.mergeRules,
    );
  } else if (item.modified !== undefined && item.modified > now + CLOCK_AHEAD_MS) {
    list.error(
      path,
      `${quote(entry.date_modified)} is in the future (${formatDistanceStrict(item.modified, now)} ahead): until then, every later edit of this update loses against this version.`,
      RULES.mergeRules,
    );
  } else if (item.modified !== undefined && item.modified < item.published) {
    list.warning(path, 'date_modified is before date_published.', RULES.mergeRules);
  }
}

/** The first item that is newer than the one before it, and how many are. */
class OrderCheck {
  private previous: number | undefined;
  private first: { index: number; value: unknown } | undefined;
  private count = 0;

  add(entry: RawObject, item: LiveItem, index: number) {
    if (this.previous !== undefined && item.published > this.previous) {
      this.count += 1;
      this.first ??= { index, value: entry.date_published };
    }
    this.previous = item.published;
  }

  report(list: ProblemList) {
    if (this.first === undefined) return;
    const more = this.count > 1 ? ` (and ${this.count - 1} more items)` : '';
    list.warning(
      jsonPath('items', this.first.index, 'date_published'),
      `Items are not newest first: ${quote(this.first.value)} is newer than the item before it${more}. Clients sort by date all the same; readers and tools that read the document top down do not.`,
      RULES.order,
    );
  }
}

/** What items may refer to: the head's declarations, unless a plain JSON Feed is being read. */
function declarationsFor(
  feed: ParsedFeed,
  mode: ReadMode,
  context: DocumentContext,
): FeedMeta | undefined {
  if (mode.plain) return undefined;
  return context.role === 'head' ? feed.meta : context.declared;
}

export function checkItems(
  entries: readonly unknown[],
  feed: ParsedFeed,
  mode: ReadMode,
  context: DocumentContext,
  list: ProblemList,
): void {
  const rejectedAt = new Set(feed.rejected.map((r) => r.index));
  const byId = new Map(feed.items.map((item) => [item.id, item]));
  const declared = declarationsFor(feed, mode, context);
  const references = declared && new References(declared);
  const order = new OrderCheck();
  const end = Math.min(entries.length, FEED_LIMITS.maxItemsPerDocument);
  for (let index = 0; index < end; index++) {
    const entry = entries[index];
    if (rejectedAt.has(index) || !isObject(entry)) continue;
    if (isTombstone(entry)) {
      checkTombstone(entry, index, byId, list);
      continue;
    }
    const item = typeof entry.id === 'string' ? byId.get(entry.id) : undefined;
    if (item === undefined) continue;
    checkDates(entry, item, index, context.now, list);
    order.add(entry, item, index);
    checkImageAlt(entry, item, index, list);
    checkItemMembers(entry, item, index, mode.base, list);
    const html = item.contentHtml && context.htmlProblem?.(item.contentHtml, mode.base);
    if (html) list.warning(jsonPath('items', index, 'content_html'), html, RULES.items);
    references?.add(item, index);
  }
  order.report(list);
  references?.report(list);
}
