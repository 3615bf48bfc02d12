import {
  useCallback,
  useLayoutEffect,
  useState,
  useSyncExternalStore,
  type RefObject,
} from 'react';

// Several widgets on one page (<live-blog> twice, the React component twice): offline and code a
// deploy removed are the page's trouble, a feed's is that of every widget that shows it. One
// notice shows each (docs/decisions/0037-one-notice-per-trouble.md).

/** Each notice, in the order they came: its feed, what it is held over, and its listener. */
const seats = new Map<object, readonly [feed: string, timeline: unknown, listener: () => void]>();
/** The timelines on screen: a notice is seen while its timeline is. */
const onScreen = new Set<unknown>();
/** What is said of each trouble (undefined: the page's, else a feed's), by whose live region,
 * and when the page's ended. */
const said = new Map<string | undefined, [text: string, by?: object, ended?: number]>();
/** A connection that drops again this soon after it came back (a train) is shown, not said. */
const FLICKER_MS = 60_000;
const soon = (ended: number) => Date.now() - ended < FLICKER_MS;
let observer: IntersectionObserver | undefined;

const changed = () => seats.forEach(([, , listener]) => listener());

/** The first notice on screen, else the first: of all, or of a feed's. */
function holder(feed?: string) {
  let first: object | undefined;
  for (const [id, [of, el]] of seats)
    if (feed === undefined || of === feed) {
      if (onScreen.has(el)) return id;
      first ??= id;
    }
  return first;
}

function seen(entries: IntersectionObserverEntry[]) {
  for (const { target, isIntersecting } of entries)
    if (isIntersecting) onScreen.add(target);
    else onScreen.delete(target);
  changed();
}

/**
 * The words this notice shows, the page's trouble before its feed's, and whether it says them (in
 * its live region). None where another widget's notice shows them; not said again by a notice
 * that took them over from another.
 */
export function useNotice(
  ref: RefObject<Element | null>,
  feed: string,
  page: string,
  own: string,
): readonly [text: string, say: boolean] {
  const [id] = useState(() => ({}));
  const key = page ? undefined : feed;
  const subscribe = useCallback(
    (listener: () => void) => {
      const el = ref.current?.parentElement;
      seats.set(id, [feed, el, listener]);
      if (el && typeof IntersectionObserver !== 'undefined')
        (observer ??= new IntersectionObserver(seen)).observe(el);
      changed();
      return () => {
        seats.delete(id);
        // Unobserved, it is never reported gone: held here, it would keep its whole widget.
        if (el) {
          observer?.unobserve(el);
          onScreen.delete(el);
        }
        // With no widget left, nobody heard it lately: the next one says it again.
        if (!seats.size) said.clear();
        changed();
      };
    },
    [id, ref, feed],
  );
  // Until its seat is taken (after the first commit, and on a server) it holds nothing.
  const mine = useSyncExternalStore(
    subscribe,
    () => holder(key) === id,
    () => false,
  );
  const text = page || own;
  const shown = mine && text ? text : '';
  // What was said is written down once it is on the page, never while rendering. Every notice
  // knows when a trouble is over: what was said of a feed's is forgotten, the page's kept with
  // when it ended.
  useLayoutEffect(() => {
    const over = said.get(undefined);
    if (!page && over) over[2] ??= Date.now();
    if (!own) said.delete(feed);
    if (!shown) return;
    const last = said.get(key);
    if (last?.[0] !== shown || (last[2] !== undefined && !soon(last[2])))
      said.set(key, [shown, id]);
    // Back soon after it ended: shown, and said already.
    else if (last[2] !== undefined) said.set(key, [shown]);
    // Taken over from another notice: said already, by neither from now on.
    else if (last[1] !== id) last[1] = undefined;
  });
  if (!shown) return ['', false];
  const last = said.get(key);
  return [shown, last?.[0] !== shown || (last[2] === undefined ? last[1] === id : !soon(last[2]))];
}
