import { FEED_LIMITS } from './feed-limits';
import { clean, isObject, shortText } from './feed-text';
import type { Attachment, AttachmentKind } from './feed-types';
import { safeHttpUrl } from './safe-url';

// JSON Feed `attachments`: what the client can show natively (images, MP4/WebM video, audio),
// with our optional `_liveblog: { width, height, credit }` on each. Anything else is dropped on
// its own, like any other malformed optional field; the item still renders.

// A MIME type's essence (RFC 6838 names); parameters such as `; codecs=…` are allowed and ignored.
const MIME = /^([a-z]+)\/([a-z0-9][a-z0-9!#$&^_.+-]{0,126})\s*(?:;.*)?$/i;
const VIDEO = new Set(['video/mp4', 'video/webm']);
/** Pixels: more than any camera makes, and no value that could overflow layout arithmetic. */
const MAX_SIDE = 100_000;

function kindOf(type: string, subtype: string): AttachmentKind | undefined {
  if (type === 'image' || type === 'audio') return type;
  if (type === 'video' && VIDEO.has(`video/${subtype}`)) return 'video';
  return undefined;
}

function side(x: unknown): number | undefined {
  return typeof x === 'number' && Number.isInteger(x) && x > 0 && x <= MAX_SIDE ? x : undefined;
}

export function readAttachment(raw: unknown, base: string | undefined): Attachment | undefined {
  if (!isObject(raw) || typeof raw.mime_type !== 'string') return undefined;
  const mime = MIME.exec(raw.mime_type.trim());
  if (!mime) return undefined;
  const type = mime[1]!.toLowerCase();
  const subtype = mime[2]!.toLowerCase();
  const kind = kindOf(type, subtype);
  const url = kind && safeHttpUrl(raw.url, base);
  if (!kind || !url) return undefined;
  const ext = isObject(raw._liveblog) ? raw._liveblog : undefined;
  const width = side(ext?.width);
  const height = side(ext?.height);
  // A size is a ratio: one side alone cannot reserve the box, so it is ignored.
  const sized = width !== undefined && height !== undefined;
  return {
    kind,
    url,
    mimeType: `${type}/${subtype}`,
    title: clean(shortText(raw.title)),
    credit: clean(shortText(ext?.credit)),
    width: sized ? width : undefined,
    height: sized ? height : undefined,
  };
}

/**
 * Why readAttachment drops `raw`, in words for its producer (live-blog-validate; the client only
 * skips it), or undefined when it is kept. Apart from readAttachment so that the client's bundle
 * carries none of these words.
 */
export function attachmentDropReason(raw: unknown, base: string | undefined): string | undefined {
  if (!isObject(raw)) return 'not an object';
  if (typeof raw.mime_type !== 'string') return 'mime_type is missing';
  const mime = MIME.exec(raw.mime_type.trim());
  if (!mime) return `mime_type ${JSON.stringify(raw.mime_type)} is not a MIME type`;
  const type = `${mime[1]!.toLowerCase()}/${mime[2]!.toLowerCase()}`;
  if (!kindOf(mime[1]!.toLowerCase(), mime[2]!.toLowerCase())) {
    return `${type} is not a kind the client shows`;
  }
  return safeHttpUrl(raw.url, base) === undefined ? 'url is missing or not http(s)' : undefined;
}

/** The attachments an item can show, in the feed's order; undefined when there are none. */
export function readAttachments(
  raw: unknown,
  base: string | undefined,
): readonly Attachment[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  const out: Attachment[] = [];
  for (const entry of raw.slice(0, FEED_LIMITS.maxAttachments)) {
    const attachment = readAttachment(entry, base);
    if (attachment) out.push(attachment);
  }
  return out.length > 0 ? out : undefined;
}
