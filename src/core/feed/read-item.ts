import { FEED_LIMITS } from './feed-limits';
import {
  clean,
  flag,
  isObject,
  isWellFormed,
  shortText,
  shownText,
  textList,
  type RawObject,
} from './feed-text';
import type { Author, LiveItem } from './feed-types';
import { readAttachments } from './read-attachments';
import { readEmbeds } from './read-embeds';
import { parseRfc3339 } from './rfc3339';
import { safeHttpUrl } from './safe-url';

// Items are read by hand rather than through a schema: a 10,000-item document must parse in
// tens of milliseconds on a phone, and a schema library's per-field bookkeeping costs ~10x that
// (measured: docs/decisions/0001-feed-format.md).
export type ItemRead = { ok: true; item: LiveItem } | { ok: false; reason: string };

function contentField(raw: RawObject, name: string): string | undefined | Error {
  const value = raw[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') return new Error(`${name} is not a string`);
  if (value.length > FEED_LIMITS.maxItemContentChars) {
    return new Error(
      `${name}: content is longer than ${FEED_LIMITS.maxItemContentChars} characters`,
    );
  }
  return shownText(value);
}

/**
 * How to read items: `plain` for a JSON Feed with no `_liveblog` anywhere, whose tags are then
 * its topics (decided once per document, not per item, as docs/feed-format.md says).
 */
export interface ReadMode {
  readonly base: string | undefined;
  readonly plain: boolean;
  /** The document's top-level `authors`: JSON Feed's authors of an item that names none. */
  readonly authors: unknown;
}

export function readItem(raw: unknown, mode: ReadMode): ItemRead {
  const base = mode.base;
  if (!isObject(raw)) return { ok: false, reason: 'item is not an object' };
  const id = raw.id;
  if (typeof id !== 'string') return { ok: false, reason: 'id must be a string' };
  if (id === '' || id.length > 1000) return { ok: false, reason: 'id is empty or too long' };
  if (!isWellFormed(id)) return { ok: false, reason: 'id is not valid Unicode' };
  if (typeof raw.date_published !== 'string')
    return { ok: false, reason: 'date_published is missing' };
  const published = parseRfc3339(raw.date_published);
  if (published === undefined)
    return { ok: false, reason: 'date_published is not an RFC 3339 time' };
  const html = contentField(raw, 'content_html');
  if (html instanceof Error) return { ok: false, reason: html.message };
  const text = contentField(raw, 'content_text');
  if (text instanceof Error) return { ok: false, reason: text.message };
  if (html === undefined && text === undefined) {
    return { ok: false, reason: 'item has neither content_html nor content_text' };
  }
  const modified =
    typeof raw.date_modified === 'string' ? parseRfc3339(raw.date_modified) : undefined;
  const ext = isObject(raw._liveblog) ? raw._liveblog : undefined;
  const authors: Author[] = [];
  const listed = raw.authors ?? mode.authors;
  if (Array.isArray(listed)) {
    for (const a of listed.slice(0, FEED_LIMITS.maxListLength)) {
      if (!isObject(a)) continue;
      const author = {
        name: clean(shortText(a.name)),
        url: safeHttpUrl(a.url, base),
        avatar: safeHttpUrl(a.avatar, base),
      };
      if (author.name !== undefined || author.url !== undefined) authors.push(author);
    }
  }
  const tags = textList(raw.tags);
  const topics = textList(mode.plain ? raw.tags : ext?.topics, true);
  const image = safeHttpUrl(raw.image, base);
  const summary = clean(shortText(raw.summary));
  // A body left empty beside a summary (a summary-only post): the summary is what there is to read.
  const onlySummary = !html?.trim() && !clean(text) && summary;
  const countries: string[] = [];
  for (const c of ext ? textList(ext.countries) : []) {
    const code = c.toUpperCase();
    if (/^[A-Z]{2}$/.test(code) && !countries.includes(code)) countries.push(code);
  }
  return {
    ok: true,
    item: {
      id,
      title: clean(shortText(raw.title)),
      contentHtml: onlySummary ? undefined : html,
      base,
      contentText: onlySummary || text,
      summary,
      url: safeHttpUrl(raw.url, base),
      image,
      // What describes an image is kept only with the image.
      imageAlt: image && clean(shortText(ext?.image_alt)),
      imageCaption: image && clean(shortText(ext?.image_caption)),
      imageCredit: image && clean(shortText(ext?.image_credit)),
      attachments: readAttachments(raw.attachments, base),
      published,
      modified,
      authors,
      tags,
      topics,
      countries,
      speakers: textList(ext?.speakers, true),
      dateline: clean(shortText(ext?.dateline)),
      keyEvent: flag(ext?.key_event),
      pinned: flag(ext?.pinned),
      embeds: readEmbeds(ext?.embeds, base),
    },
  };
}
