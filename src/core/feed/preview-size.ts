// When a first document is shown from a preview (preview-feed.ts), and how much of it.

/**
 * A first document at least this large (about 1,500 updates) is shown from a preview of its
 * newest updates while the rest is parsed.
 */
export const PREVIEW_MIN_BYTES = 1_000_000;
/** Enough for the first screen (the render window starts at 10 updates), with room to spare. */
export const PREVIEW_ITEMS = 60;
