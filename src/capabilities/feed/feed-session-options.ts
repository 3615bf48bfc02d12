// What whoever makes a feed session (feed-sessions.ts) gives it.
import type { LiveItem } from '../../core/feed/feed-types';

export interface FeedSessionOptions {
  /**
   * Lets a large first document show its first screen (first-screen.ts) before the rest of it is
   * read: resolves once that screen has painted. Without it, every document is read whole.
   */
  readonly paint?: () => Promise<void>;
  /** In [0, 1); spreads the polls of many readers (poll-policy.ts). */
  readonly jitter?: number;
  /**
   * Loads the code items need before they are shown (attachments, embedded posts), so that they
   * appear whole. Resolves when it is in or could not come; undefined when nothing is needed.
   */
  readonly prepare?: Prepare;
}

export type Prepare = (items: readonly LiveItem[]) => Promise<void> | undefined;
