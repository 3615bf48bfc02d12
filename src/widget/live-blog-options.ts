import type { ViewState } from '../core/filters/filter-state';

export type Controls = 'full' | 'compact' | 'none';

export interface LiveBlogOptions {
  /** The feed's URL, absolute or relative to the page. */
  readonly feed: string;
  /** Preset filters and view (ignored for the standalone page, which reads the URL). */
  readonly initialView?: ViewState;
  readonly limit?: number;
  readonly link?: string;
  readonly controls?: Controls;
  readonly locale: string;
  /** Overrides the feed's time zone. */
  readonly timezone?: string;
  readonly poll?: boolean;
  /** Keep the filters in the address bar (standalone page, or an embed with `sync-url`). */
  readonly syncUrl?: boolean;
  /** The standalone page shows the feed's title as the page's h1. */
  readonly standalone?: boolean;
  /** The page's address where there is no window to ask (server rendering). */
  readonly pageUrl?: string;
  /**
   * The widget has already taken the address's permalink (`#update-<id>`): started afresh for a
   * new feed or preset, it leaves it alone rather than clear the new preset to show it again.
   */
  readonly permalinkTaken?: boolean;
}
