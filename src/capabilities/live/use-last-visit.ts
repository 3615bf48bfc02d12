import { useEffect, useMemo, useRef, useState } from 'react';
import { useHydrated } from '../../shared/hydration/use-hydrated';
import type { FeedStore } from '../../core/feed/feed-store';
import type { LiveItem } from '../../core/feed/feed-types';
import { arrivalMarks } from '../../core/live/arrivals';
import { CLOCK_AHEAD_MS } from '../../core/time/clock-ahead';
import {
  lastVisitKey,
  parseLastVisit,
  sinceLastVisit,
  type LastVisit,
} from '../../core/live/last-visit';
import type * as Tracking from './last-visit-tracking';

const none: ReadonlySet<string> = new Set();

/** The stored record; none where storage is blocked (a sandboxed frame, privacy settings). */
function load(key: string): LastVisit | undefined {
  try {
    return parseLastVisit(localStorage.getItem(key));
  } catch {
    return undefined;
  }
}

export interface SinceLastVisit {
  /** When the reader was last here; undefined on a first visit. */
  readonly at: number | undefined;
  /** The updates since then, newest first (up to the newest this visit opened on). */
  readonly items: readonly LiveItem[];
  /** Ids of those not read yet: marked in the timeline. */
  readonly unread: ReadonlySet<string>;
}

/**
 * Since your last visit: what came since the reader was last here (same browser, same feed URL),
 * and which of those they have not read. The record is read here, before anything else, so the
 * count is known with the first updates; writing it and noticing what is read come with a chunk
 * (last-visit-tracking.ts) fetched once the first updates are in. Nothing leaves the browser.
 * `rendered` changes whenever the rendered updates may have changed: the marked ones are looked
 * up again.
 */
export function useLastVisit(
  feedUrl: string,
  sorted: readonly LiveItem[],
  store: Pick<FeedStore, 'changedAt'> | undefined,
  find: (id: string) => Element | null,
  rendered: unknown,
): SinceLastVisit {
  const key = lastVisitKey(feedUrl);
  // Read once, before this visit writes anything; shown once hydrated (a server has no record).
  const [stored] = useState(() => load(key));
  const last = useHydrated() ? stored : undefined;
  // The newest update received (not one dated in the future). A reader's clock a little behind
  // the newsroom's puts what was just published there: it was read all the same.
  const newest = useMemo(
    () =>
      sorted.length > 0
        ? arrivalMarks(sorted, (store?.changedAt ?? Infinity) + CLOCK_AHEAD_MS).watermark
        : undefined,
    [sorted, store],
  );
  // The newest this visit opened on: later ones are this visit's own arrivals.
  const [upTo, setUpTo] = useState<number>();
  if (upTo === undefined && newest !== undefined) setUpTo(newest);
  const items = useMemo(
    () => (upTo === undefined ? [] : sinceLastVisit(sorted, last, upTo)),
    [sorted, last, upTo],
  );
  const [read, setRead] = useState(none);
  const unread = useMemo(
    () => new Set(items.filter((item) => !read.has(item.id)).map((item) => item.id)),
    [items, read],
  );

  const [tracking, setTracking] = useState<typeof Tracking>();
  // Once the first updates are in, so that the first screen does not fetch it beside them.
  const firstIn = store !== undefined;
  useEffect(() => {
    if (!firstIn) return;
    let mounted = true;
    import('./last-visit-tracking').then(
      (m) => mounted && setTracking(m),
      () => {},
    );
    return () => {
      mounted = false;
    };
  }, [firstIn]);
  // What is recorded never goes back before the record this visit started from.
  const seen = useRef<number>(undefined);
  useEffect(() => {
    if (newest !== undefined) seen.current = Math.max(newest, last?.seen ?? -Infinity);
  }, [newest, last]);
  useEffect(() => tracking?.recordVisits(key, () => seen.current), [tracking, key]);
  useEffect(() => {
    if (!tracking || unread.size === 0) return;
    const targets = new Map<Element, string>();
    for (const id of unread) {
      const el = find(id);
      if (el) targets.set(el, id);
    }
    return tracking.watchReading(targets, (ids) => setRead((r) => new Set([...r, ...ids])));
  }, [tracking, unread, find, rendered]);

  return { at: last?.at, items, unread };
}
