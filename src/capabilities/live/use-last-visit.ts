import { useEffect, useMemo, useRef, useState } from 'react';
import type { FeedStore } from '../../core/feed/feed-store';
import type { LiveItem } from '../../core/feed/feed-types';
import { arrivalMarks } from '../../core/live/arrivals';
import {
  lastVisitKey,
  parseLastVisit,
  sinceLastVisit,
  type LastVisit,
} from '../../core/live/last-visit';

/** How often the visit is recorded while the page is open, should it never get to say goodbye. */
const RECORD_EVERY_MS = 30_000;

const none: ReadonlySet<string> = new Set();

/** localStorage, or nothing: blocked (a sandboxed frame, privacy settings), full, or absent. */
function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

function load(key: string): LastVisit | undefined {
  try {
    return parseLastVisit(storage()?.getItem(key) ?? null);
  } catch {
    return undefined;
  }
}

function save(key: string, visit: LastVisit) {
  try {
    storage()?.setItem(key, JSON.stringify(visit));
  } catch {
    // full or refused: the next visit simply shows nothing
  }
}

export interface SinceLastVisit {
  /** When the reader was last here; undefined on a first visit. */
  readonly at: number | undefined;
  /** The updates since then, newest first (fixed when the feed first arrives). */
  readonly items: readonly LiveItem[];
  /** Ids of those not read yet: marked in the timeline. */
  readonly unread: ReadonlySet<string>;
}

/**
 * Since your last visit: what came since the reader was last here (same browser, same feed URL),
 * and which of those they have not read. An update is read once it has been on screen and left it
 * again, so its mark never goes while the reader looks at it. Nothing leaves the browser: one
 * localStorage record per feed, rewritten when the page is hidden or left and every 30 s.
 */
export function useLastVisit(
  feedUrl: string,
  sorted: readonly LiveItem[],
  store: Pick<FeedStore, 'changedAt'> | undefined,
  find: (id: string) => Element | null,
  rendered: unknown,
): SinceLastVisit {
  const key = lastVisitKey(feedUrl);
  // Read once, before this visit writes anything.
  const [last] = useState(() => load(key));
  // The newest update this visit opened on: later ones are this visit's own arrivals.
  const [upTo, setUpTo] = useState<number>();
  const newest =
    sorted.length > 0 ? arrivalMarks(sorted, store?.changedAt ?? Infinity).watermark : undefined;
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

  // Recording: the newest update received, never earlier than the record it started from.
  const seen = useRef<number>(undefined);
  useEffect(() => {
    if (newest !== undefined) seen.current = Math.max(newest, last?.seen ?? -Infinity);
  }, [newest, last]);
  useEffect(() => {
    const record = () => {
      if (seen.current !== undefined) save(key, { seen: seen.current, at: Date.now() });
    };
    const onHidden = () => {
      if (document.visibilityState === 'hidden') record();
    };
    const timer = setInterval(record, RECORD_EVERY_MS);
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('pagehide', record);
    return () => {
      record();
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('pagehide', record);
    };
  }, [key]);

  // Reading: observed again whenever what is rendered changes (`rendered`), as updates come and go.
  useEffect(() => {
    if (unread.size === 0 || typeof IntersectionObserver === 'undefined') return;
    const ids = new Map<Element, string>();
    const onScreen = new Set<Element>();
    const observer = new IntersectionObserver((entries) => {
      const gone: string[] = [];
      for (const entry of entries) {
        if (entry.isIntersecting) onScreen.add(entry.target);
        else if (onScreen.delete(entry.target)) gone.push(ids.get(entry.target)!);
      }
      if (gone.length > 0) setRead((r) => new Set([...r, ...gone]));
    });
    for (const id of unread) {
      const el = find(id);
      if (!el) continue;
      ids.set(el, id);
      observer.observe(el);
    }
    return () => observer.disconnect();
  }, [unread, find, rendered]);

  return { at: last?.at, items, unread };
}
