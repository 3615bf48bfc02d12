import type { LiveItem } from '../feed/feed-types';
import { htmlToSearchText } from '../filters/normalise-text';

/** How much of a body names an update that has no headline: a line or two of a list. */
const OPENING_CHARS = 100;

/**
 * What names an update in a list of them (the key events): its title, else its summary, else the
 * opening words of its body. Never its id: ids are keys for machines (a CMS's UUID), which the
 * contract allows up to a thousand characters long.
 */
export function updateName(item: LiveItem): string {
  const named = item.title ?? item.summary;
  if (named !== undefined) return named;
  // The body the reader sees: content_html when there is one.
  const body =
    item.contentHtml === undefined ? item.contentText : htmlToSearchText(item.contentHtml);
  const text = (body ?? '').replace(/\s+/g, ' ').trim();
  // By code point: a cut never leaves half of a character outside the Basic Multilingual Plane.
  const chars = [...text];
  if (chars.length <= OPENING_CHARS) return text;
  const opening = chars.slice(0, OPENING_CHARS).join('');
  return `${opening.replace(/\s+\S*$/, '')}…`;
}
