// The first screen of a large document. Checking 10,000 items and building the timeline from
// them takes far longer than JSON.parse, while the reader first sees a handful of them; so the
// client checks and shows the first screen's items first, and the rest after that has painted
// (docs/decisions/0008-first-screen-from-json-parse.md). Chosen from the parsed document, by date: the feed
// contract lets a producer list items in any order.

/** Below this many items a document is checked whole at once: the split would not pay. */
export const FIRST_SCREEN_MIN_ITEMS = 1_000;
/** Enough for the first screen (the render window starts at 10 updates), with room to spare. */
export const FIRST_SCREEN_ITEMS = 60;
/** Key events the rail lists before "show all" (KeyEventsRail). */
export const KEY_EVENTS_AT_FIRST = 10;

type Raw = Record<string, unknown>;

const isObject = (x: unknown): x is Raw => typeof x === 'object' && x !== null && !Array.isArray(x);
const extension = (entry: Raw): Raw | undefined =>
  isObject(entry._liveblog) ? entry._liveblog : undefined;

/**
 * The document with only the items the first screen needs, or undefined when the document is
 * small (or not a feed at all: parseFeedObject says so for the whole of it). Those items are:
 * the newest, the pinned ones (they head the page), the newest key events and one more (so that
 * the rail's "show all" is there from the start), the oldest (it sets the activity chart's span),
 * and every tombstone, so that nothing retracted shows for a moment. Everything else, the top-level
 * members included, is as in the document, so the first screen passes the same checks.
 */
export function firstScreenOf(doc: unknown): Raw | undefined {
  if (!isObject(doc) || !Array.isArray(doc.items)) return undefined;
  const items: unknown[] = doc.items;
  if (items.length < FIRST_SCREEN_MIN_ITEMS) return undefined;
  const dated: { entry: Raw; at: number }[] = [];
  const chosen = new Set<unknown>();
  for (const entry of items) {
    if (!isObject(entry)) continue;
    const ext = extension(entry);
    if (ext?.deleted === true || ext?.pinned === true) chosen.add(entry);
    // Only to order candidates: Date.parse is native and fast, and each chosen item is then
    // checked strictly (RFC 3339) like any other.
    const at = typeof entry.date_published === 'string' ? Date.parse(entry.date_published) : NaN;
    if (!Number.isNaN(at)) dated.push({ entry, at });
  }
  dated.sort((a, b) => b.at - a.at);
  for (const { entry } of dated.slice(0, FIRST_SCREEN_ITEMS)) chosen.add(entry);
  let keyEvents = 0;
  for (const { entry } of dated) {
    if (keyEvents > KEY_EVENTS_AT_FIRST) break;
    if (extension(entry)?.key_event !== true) continue;
    chosen.add(entry);
    keyEvents++;
  }
  const oldest = dated[dated.length - 1];
  if (oldest) chosen.add(oldest.entry);
  // Document order, so that the first screen reads (and reports duplicates) as the whole would.
  return { ...doc, items: items.filter((entry) => chosen.has(entry)) };
}
