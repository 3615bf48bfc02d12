// An item's optional members that the client ignores when they are malformed (the item itself
// still shows): each is found by comparing what the feed says with what the parser kept, or by
// the parser's own readers, which say why they drop an entry.
import { FEED_LIMITS } from '../../core/feed/feed-limits';
import { isObject, shortText, textList, type RawObject } from '../../core/feed/feed-text';
import type { LiveItem } from '../../core/feed/feed-types';
import { attachmentDropReason, readAttachment } from '../../core/feed/read-attachments';
import { readEmbeds } from '../../core/feed/read-embeds';
import { countryCode } from '../../core/feed/read-meta';
import { parseRfc3339 } from '../../core/feed/rfc3339';
import { safeHttpUrl } from '../../core/feed/safe-url';
import { jsonPath, quote, RULES, type ProblemList, type Rule } from './validation-problem';

type Path = readonly (string | number)[];

/** A short text the parser dropped: not a string, over the length limit, or nothing to see. */
function checkText(
  raw: unknown,
  kept: string | undefined,
  path: Path,
  rule: Rule,
  list: ProblemList,
) {
  if (raw === undefined || kept !== undefined) return;
  if (typeof raw !== 'string') {
    list.warning(jsonPath(...path), `Not a string (${quote(raw)}): ignored.`, rule);
  } else if (shortText(raw) === undefined) {
    const max = FEED_LIMITS.maxShortTextChars.toLocaleString('en');
    list.warning(jsonPath(...path), `Longer than ${max} characters: ignored.`, rule);
  } else if (raw.trim() !== '') {
    // Not white space alone (which says plainly that there is nothing): characters that show
    // nothing, such as zero-width spaces, which a CMS leaves where a text was meant to be.
    list.warning(
      jsonPath(...path),
      `${quote(raw)} holds nothing a reader can see (zero-width or bidi characters): ignored.`,
      rule,
    );
  }
}

function checkUrl(raw: unknown, kept: string | undefined, path: Path, list: ProblemList) {
  if (raw === undefined || kept !== undefined) return;
  list.warning(
    jsonPath(...path),
    `${quote(raw)} is not an http(s) URL: ignored.`,
    RULES.conventions,
  );
}

function checkFlag(raw: unknown, path: Path, list: ProblemList) {
  if (raw === undefined || typeof raw === 'boolean') return;
  list.warning(
    jsonPath(...path),
    `Must be true or false, not ${quote(raw)}: read as false.`,
    RULES.itemExtension,
  );
}

/** A list of ids or codes; entries the parser cannot use are reported one by one. */
function checkList(raw: unknown, path: Path, kind: 'id' | 'code', rule: Rule, list: ProblemList) {
  if (raw === undefined) return;
  if (!Array.isArray(raw)) {
    list.warning(jsonPath(...path), `Not a list (${quote(raw)}): ignored.`, rule);
    return;
  }
  raw.slice(0, FEED_LIMITS.maxListLength).forEach((entry, i) => {
    const usable =
      kind === 'code'
        ? typeof entry === 'string' && countryCode(entry) !== undefined
        : textList([entry], true).length === 1;
    if (usable) return;
    list.warning(
      jsonPath(...path, i),
      kind === 'code'
        ? `${quote(entry)} is not an ISO 3166-1 alpha-2 country code ("UA"): ignored.`
        : `${quote(entry)} is not an id (a non-blank string of at most ${FEED_LIMITS.maxIdChars} characters): ignored.`,
      rule,
    );
  });
}

/** An item's `authors`, or the document's (those of its items that name none). */
export function checkAuthors(
  raw: unknown,
  path: Path,
  base: string | undefined,
  list: ProblemList,
) {
  if (raw === undefined) return;
  if (!Array.isArray(raw)) {
    list.warning(jsonPath(...path), `Not a list (${quote(raw)}): ignored.`, RULES.items);
    return;
  }
  raw.forEach((author, i) => {
    const named = isObject(author) && shortText(author.name)?.trim();
    if (named || (isObject(author) && safeHttpUrl(author.url, base) !== undefined)) {
      if (author.avatar !== undefined && safeHttpUrl(author.avatar, base) === undefined) {
        checkUrl(author.avatar, undefined, [...path, i, 'avatar'], list);
      }
      return;
    }
    list.warning(
      jsonPath(...path, i),
      'An author needs a name or an http(s) url: this one is ignored.',
      RULES.items,
    );
  });
}

function checkAttachments(raw: unknown, path: Path, base: string | undefined, list: ProblemList) {
  if (raw === undefined) return;
  if (!Array.isArray(raw)) {
    list.warning(jsonPath(...path), `Not a list (${quote(raw)}): ignored.`, RULES.attachments);
    return;
  }
  if (raw.length > FEED_LIMITS.maxAttachments) {
    list.warning(
      jsonPath(...path),
      `${raw.length} attachments: only the first ${FEED_LIMITS.maxAttachments} are read.`,
      RULES.attachments,
    );
  }
  raw.slice(0, FEED_LIMITS.maxAttachments).forEach((entry, i) => {
    const dropped = attachmentDropReason(entry, base);
    const read = readAttachment(entry, base);
    if (dropped !== undefined || read === undefined) {
      list.warning(jsonPath(...path, i), `Attachment dropped: ${dropped}.`, RULES.attachments);
      return;
    }
    if (read.kind === 'image' && read.title === undefined) {
      list.warning(
        jsonPath(...path, i, 'title'),
        'A photo without a title has no text alternative: it is shown as decorative (alt=""). Describe what it shows.',
        RULES.attachments,
      );
    }
    const ext = isObject(entry) && isObject(entry._liveblog) ? entry._liveblog : undefined;
    if ((ext?.width !== undefined || ext?.height !== undefined) && read.width === undefined) {
      list.warning(
        jsonPath(...path, i, '_liveblog'),
        'width and height are ignored: give both, as whole numbers of pixels from 1 to 100,000.',
        RULES.attachments,
      );
    }
  });
}

function checkEmbeds(raw: unknown, path: Path, base: string | undefined, list: ProblemList) {
  if (raw === undefined) return;
  if (!Array.isArray(raw)) {
    list.warning(jsonPath(...path), `Not a list (${quote(raw)}): ignored.`, RULES.embeds);
    return;
  }
  let kept = 0;
  raw.slice(0, FEED_LIMITS.maxListLength).forEach((entry, i) => {
    if (readEmbeds([entry], base).length === 0) {
      const why = isObject(entry) ? 'url is missing or not http(s)' : 'not an object';
      list.warning(jsonPath(...path, i), `Embed dropped: ${why}.`, RULES.embeds);
      return;
    }
    kept += 1;
    if (kept === FEED_LIMITS.maxEmbedsPerItem + 1) {
      list.warning(
        jsonPath(...path, i),
        `More than ${FEED_LIMITS.maxEmbedsPerItem} embeds in one item: this one and the rest are ignored.`,
        RULES.embeds,
      );
    }
    const published = isObject(entry) ? entry.published : undefined;
    if (
      published !== undefined &&
      (typeof published !== 'string' || parseRfc3339(published) === undefined)
    ) {
      list.warning(
        jsonPath(...path, i, 'published'),
        `${quote(published)} is not an RFC 3339 time: ignored.`,
        RULES.embeds,
      );
    }
  });
}

/** The optional members of item `index` (a live item the parser kept as `item`). */
export function checkItemMembers(
  entry: RawObject,
  item: LiveItem,
  index: number,
  base: string | undefined,
  list: ProblemList,
): void {
  const at = (...rest: (string | number)[]) => ['items', index, ...rest] as const;
  checkText(entry.title, item.title, at('title'), RULES.items, list);
  checkText(entry.summary, item.summary, at('summary'), RULES.items, list);
  checkUrl(entry.url, item.url, at('url'), list);
  checkUrl(entry.image, item.image, at('image'), list);
  checkAuthors(entry.authors, at('authors'), base, list);
  checkAttachments(entry.attachments, at('attachments'), base, list);
  if (entry.tags !== undefined && !Array.isArray(entry.tags)) {
    list.warning(
      jsonPath(...at('tags')),
      `Not a list (${quote(entry.tags)}): ignored.`,
      RULES.items,
    );
  }
  if (entry._liveblog === undefined) return;
  const ext = entry._liveblog;
  if (!isObject(ext)) {
    list.warning(
      jsonPath(...at('_liveblog')),
      `Not an object (${quote(ext)}): ignored.`,
      RULES.itemExtension,
    );
    return;
  }
  const x = (name: string) => at('_liveblog', name);
  checkList(ext.topics, x('topics'), 'id', RULES.itemExtension, list);
  checkList(ext.speakers, x('speakers'), 'id', RULES.itemExtension, list);
  checkList(ext.countries, x('countries'), 'code', RULES.itemExtension, list);
  checkText(ext.dateline, item.dateline, x('dateline'), RULES.itemExtension, list);
  if (item.image !== undefined) {
    checkText(ext.image_alt, item.imageAlt, x('image_alt'), RULES.itemExtension, list);
    checkText(ext.image_caption, item.imageCaption, x('image_caption'), RULES.itemExtension, list);
    checkText(ext.image_credit, item.imageCredit, x('image_credit'), RULES.itemExtension, list);
  }
  checkFlag(ext.key_event, x('key_event'), list);
  checkFlag(ext.pinned, x('pinned'), list);
  checkEmbeds(ext.embeds, x('embeds'), base, list);
}

/** A lead image without a text alternative (the item's `_liveblog` may be missing entirely). */
export function checkImageAlt(
  entry: RawObject,
  item: LiveItem,
  index: number,
  list: ProblemList,
): void {
  if (item.image === undefined || item.imageAlt !== undefined) return;
  const given = isObject(entry._liveblog) ? entry._liveblog.image_alt : undefined;
  // A malformed one is reported as such by checkItemMembers.
  if (given !== undefined && (typeof given !== 'string' || shortText(given) === undefined)) return;
  list.warning(
    jsonPath('items', index, '_liveblog', 'image_alt'),
    'The lead image has no image_alt: it is shown as decorative (alt=""), and readers who cannot see it miss what it shows.',
    RULES.itemExtension,
  );
}
