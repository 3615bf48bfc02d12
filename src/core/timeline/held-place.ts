import type { LiveItem } from '../feed/feed-types';

/**
 * The place of an update retracted while it was on the reader's screen
 * (capabilities/sharing/hold-places.ts): in the lists where the update was, as tall as it was,
 * until the reader has moved away from it. It keeps the update's order and grouping; nothing of
 * it is rendered.
 */
export interface HeldPlace extends LiveItem {
  /** The update's height (px) as it went. */
  readonly height: number;
  /** Takes the place away (once it is out of view). */
  readonly drop: () => void;
  /** Its element, keyed by the update's id (a React element: the code that holds it renders it). */
  readonly render: () => unknown;
}
