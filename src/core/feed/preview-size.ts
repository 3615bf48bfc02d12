// When a first document is shown from a preview (preview-feed.ts), and how much of it.

/**
 * A first document at least this large (about 1,500 updates) is shown from a preview of its
 * newest updates while the rest is parsed.
 */
export const PREVIEW_MIN_BYTES = 1_000_000;
/** Enough for the first screen (the render window starts at 10 updates), with room to spare. */
export const PREVIEW_ITEMS = 60;
/** Key events the rail lists before "show all" (KeyEventsRail). */
export const KEY_EVENTS_AT_FIRST = 10;
/** Key events a preview takes: the rail's first ones, and one more so that "show all" shows too. */
export const PREVIEW_KEY_EVENTS = KEY_EVENTS_AT_FIRST + 1;
