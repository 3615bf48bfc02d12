// One feed document, read by the client's own parser (src/core/feed): whether it is a feed at
// all, which items the client drops and why, then the checks of its items and metadata.
import { FEED_LIMITS } from '../../core/feed/feed-limits';
import { isObject, type RawObject } from '../../core/feed/feed-text';
import type { ParsedFeed, RejectedItem } from '../../core/feed/feed-types';
import { itemReadMode, parseFeedObject, readFeedJson } from '../../core/feed/parse-feed';
import { checkAuthors } from './check-item-members';
import { checkItems } from './check-items';
import { checkMeta } from './check-meta';
import { checkText } from './check-text';
import type { CheckedDocument, DocumentContext } from './document-context';
import { jsonPath, quote, RULES, type ProblemList } from './validation-problem';

const JSON_FEED_1_1 = 'https://jsonfeed.org/version/1.1';

// The parser's reasons name the member at fault first ("date_published is missing").
const REASON_FIELD = /^(id|date_published|content_html|content_text)\b/;

function rejectedPath(rejected: RejectedItem): string {
  if (rejected.count !== undefined) return jsonPath('items', rejected.index);
  if (rejected.reason === 'duplicate id in one document') {
    return jsonPath('items', rejected.index, 'id');
  }
  const field = REASON_FIELD.exec(rejected.reason)?.[1];
  return field === undefined
    ? jsonPath('items', rejected.index)
    : jsonPath('items', rejected.index, field);
}

function rejectedMessage(entries: readonly unknown[], rejected: RejectedItem): string {
  const entry = entries[rejected.index];
  if (rejected.count !== undefined) {
    return `More than ${FEED_LIMITS.maxItemsPerDocument.toLocaleString('en')} items in one document: the client drops the ${rejected.count.toLocaleString('en')} from here on. Split the feed into pages.`;
  }
  if (rejected.reason === 'duplicate id in one document') {
    const first = entries.findIndex((e) => isObject(e) && e.id === rejected.id);
    return `The id ${quote(rejected.id)} is already used by $.items[${first}]: this later item is dropped. Ids are unique within a document.`;
  }
  let message = `Item dropped: ${rejected.reason}`;
  const field = REASON_FIELD.exec(rejected.reason)?.[1];
  const value = field !== undefined && isObject(entry) ? entry[field] : undefined;
  if ((field === 'id' || field === 'date_published') && value !== undefined) {
    message += ` (${quote(value)})`;
  }
  const deleted =
    isObject(entry) && isObject(entry._liveblog) ? entry._liveblog.deleted : undefined;
  if (deleted !== undefined && deleted !== true) {
    message += `. For a tombstone, _liveblog.deleted must be true (the boolean), not ${quote(deleted)}`;
  }
  return `${message}.`;
}

function checkRejected(feed: ParsedFeed, entries: readonly unknown[], list: ProblemList) {
  for (const rejected of feed.rejected) {
    const over = rejected.count !== undefined || rejected.reason.startsWith('nested');
    const rule =
      over || rejected.reason.includes('longer than') ? RULES.limits : RULES.invalidInput;
    list.error(rejectedPath(rejected), rejectedMessage(entries, rejected), rule);
  }
}

function checkTop(json: RawObject, feed: ParsedFeed, list: ProblemList) {
  const status = isObject(json._liveblog) ? json._liveblog.status : undefined;
  if (json.expired === true && typeof status === 'string' && status !== 'ended') {
    list.warning(
      jsonPath('expired'),
      `expired is true while _liveblog.status is ${quote(status)}: clients take the blog as ended, and stop polling. Drop expired, or end the blog in both.`,
      RULES.topLevel,
    );
  }
  if (json.description !== undefined && feed.meta.description === undefined) {
    list.warning(
      jsonPath('description'),
      `${quote(json.description)} is blank, not a string, or longer than ${FEED_LIMITS.maxShortTextChars.toLocaleString('en')} characters: ignored.`,
      RULES.topLevel,
    );
  }
  if (json.version !== JSON_FEED_1_1) {
    list.warning(
      jsonPath('version'),
      `version is ${quote(json.version)}: the contract is JSON Feed 1.1 ("${JSON_FEED_1_1}").`,
      RULES.topLevel,
    );
  }
  if (
    typeof json.title === 'string' &&
    json.title.trim() !== '' &&
    feed.meta.title !== json.title.trim()
  ) {
    list.warning(
      jsonPath('title'),
      `title is longer than ${FEED_LIMITS.maxShortTextChars.toLocaleString('en')} characters: it is ignored and the blog shows as "Live updates".`,
      RULES.invalidInput,
    );
  } else if (typeof json.title === 'string' && json.title.trim() === '') {
    list.warning(
      jsonPath('title'),
      'title is blank: the blog shows as "Live updates".',
      RULES.topLevel,
    );
  }
}

/**
 * Checks one document's text; undefined when the client would not read it as a feed (the
 * reason is in `list`).
 */
export function checkDocument(
  text: string,
  context: DocumentContext,
  list: ProblemList,
): CheckedDocument | undefined {
  const read = readFeedJson(text);
  if (!read.ok) {
    const rule = read.error.kind === 'too-large' ? RULES.limits : RULES.invalidInput;
    list.error('$', `${read.error.message} Clients keep what they had and show an error.`, rule);
    return undefined;
  }
  checkText(text, read.json, list);
  const parsed = parseFeedObject(read.json, context.base);
  if (!parsed.ok) {
    const { kind, message } = parsed.error;
    // The parser says which member is missing or wrong: "(title is missing)".
    const field = /\((version|title|items) /.exec(message)?.[1];
    const path = field === undefined ? '$' : jsonPath(field);
    list.error(
      path,
      `${message} Clients refuse the whole document.`,
      kind === 'too-deep' ? RULES.limits : RULES.topLevel,
    );
    return undefined;
  }
  const json = read.json as RawObject;
  const entries = json.items as readonly unknown[];
  const mode = itemReadMode(json, entries, context.base);
  const { feed } = parsed;
  if (context.role === 'head') {
    checkTop(json, feed, list);
    checkMeta(json, feed.meta, context.fetchedFrom, list);
  }
  // Read from every document, pages too: the authors of its items that name none.
  checkAuthors(json.authors, ['authors'], context.base, list);
  checkRejected(feed, entries, list);
  checkItems(entries, feed, mode, context, list);
  return { feed, json, mode };
}
