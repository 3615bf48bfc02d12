import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useReducer,
  useRef,
  useState,
  type RefObject,
} from 'react';
import type { FeedStore } from '../../core/feed/feed-store';
import type { LiveItem } from '../../core/feed/feed-types';
import { clearFilters, type SetViewState, type ViewState } from '../../core/filters/filter-state';
import { updateIdFromHash } from '../../core/timeline/element-ids';
import { renderIndex, type RenderedTimeline } from '../../core/timeline/render-order';
import { messagesIn } from '../../shared/i18n/language';
import { useLocale } from '../../shared/i18n/use-messages';
import type * as KeepInPlace from './keep-in-place';
import type { HeldPlace } from '../../core/timeline/held-place';
import type { HeldState } from './hold-places';

type Landing = typeof KeepInPlace;
let landing: Promise<Landing> | undefined;
let landingLoaded: Landing | undefined;
/**
 * The code that keeps a jump's target in place is a chunk of its own: most readers never jump, and
 * it would count against the first screen's bundle. It is fetched once the page is idle after the
 * first updates are in (before a reader can click a key event), or sooner by a jump that finds
 * its update (a page opened on a permalink or a kept place: as soon as the update is in). It
 * brings what a jump says, which shows once it is in.
 */
function loadLanding(): Promise<Landing> {
  // One that could not come (the link dropped) is asked for again by the next call.
  return (landing ??= import('./keep-in-place').then(
    (m) => (landingLoaded = m),
    (error: unknown) => {
      landing = undefined;
      throw error;
    },
  ));
}

/**
 * The places of updates retracted on the reader's screen, in the lists where they were
 * (hold-places.ts, with the landing code; before it is in, none: a retracted update goes at once).
 */
export function useHeldPlaces(
  sorted: readonly LiveItem[],
  store: FeedStore | undefined,
  view: ViewState,
  find: (id: string) => Element | null,
): readonly HeldPlace[] | undefined {
  const state = useState<HeldState>();
  return landingLoaded?.holdPlaces(state, sorted, store, view, find);
}

/** What the timeline shows: the updates that match, and the order they are rendered in. */
export interface JumpTimeline extends RenderedTimeline {
  readonly matching: readonly LiveItem[];
}

interface Input {
  readonly store: FeedStore | undefined;
  readonly model: JumpTimeline;
  readonly view: ViewState;
  readonly setView: SetViewState;
  readonly waiting: readonly LiveItem[];
  readonly release: () => void;
  readonly renderWindow: { readonly size: number; readonly grow: (atLeast?: number) => void };
  readonly loadOlder: () => Promise<void>;
  readonly find: (id: string) => Element | null;
  /** The widget's element: the printout's styles go where it is. */
  readonly root: RefObject<Element | null>;
  /** The address's permalink was taken before (live-blog-options.ts): only a new one counts. */
  readonly taken?: boolean | undefined;
  /** The page's own address and history (the standalone page, embed.html): where the reader
   * was is kept in them when the page is left (keep-in-place.ts). */
  readonly own?: boolean;
}

/**
 * A jump's life: `seeking` while the update is being made visible (older pages, filters, render
 * window), `landed` once it is in the DOM (the landing effect scrolls to it and highlights it),
 * `idle` before the first jump or when it cannot be found. `seq` tells two jumps to the same
 * update apart.
 */
export interface JumpState {
  readonly phase: 'idle' | 'seeking' | 'landed';
  readonly id: string | undefined;
  readonly seq: number;
  readonly note: 'not-found' | 'filters-cleared' | undefined;
  /** The page's address asked, and other widgets on the page read it too. */
  readonly shared?: boolean;
  /** Back or reload to where the reader was: the update's top this far (px) below the
   * viewport's, quietly (no focus, no highlight, never a note). */
  readonly at?: number;
}

export type JumpAction =
  | { readonly type: 'jump'; readonly id: string; readonly shared?: boolean; readonly at?: number }
  | { readonly type: 'found'; readonly seq: number }
  | { readonly type: 'not-found'; readonly seq: number; readonly quiet?: boolean }
  | { readonly type: 'filters-cleared'; readonly seq: number };

export function jumpReducer(state: JumpState, action: JumpAction): JumpState {
  if (action.type === 'jump') {
    return {
      phase: 'seeking',
      id: action.id,
      seq: state.seq + 1,
      note: undefined,
      shared: action.shared,
      at: action.at,
    };
  }
  // Late news about an earlier jump changes nothing.
  if (action.seq !== state.seq || state.phase !== 'seeking') return state;
  switch (action.type) {
    case 'found':
      return { ...state, phase: 'landed' };
    case 'not-found':
      return {
        ...state,
        phase: 'idle',
        id: undefined,
        note: action.quiet ? undefined : 'not-found',
      };
    case 'filters-cleared':
      return state.note === 'filters-cleared' ? state : { ...state, note: 'filters-cleared' };
  }
}

const IDLE: JumpState = { phase: 'idle', id: undefined, seq: 0, note: undefined };

/**
 * Opening a permalink (`#update-<id>`) or a key event: make the update visible whatever it takes
 * (load older pages, clear filters that hide it, release held arrivals, render far enough), then
 * scroll to it, keep it there while the layout settles, focus it and highlight it for a while.
 */
export function usePermalinkTarget(input: Input) {
  const locale = useLocale();
  // Set when the landing code is in: what a jump says comes with it.
  const [landed, setLanded] = useState(landingLoaded);
  const { store, model, view, setView, waiting, release, renderWindow, loadOlder, find, root } =
    input;
  const [jump, dispatch] = useReducer(jumpReducer, IDLE);

  // The address's #update-<id>, which a server never sees: read once the page is the browser's.
  // Every <live-blog> of a page reads it: with several, each takes it only if it shows the update
  // (two feeds, or a preset box beside the full blog), and none clears its filters or loads a
  // feed's older pages for another's update.
  // As the widget mounts: a later render changes nothing of what it took.
  const taken = useRef(input.taken);
  useLayoutEffect(() => {
    const onHash = () => {
      const id = updateIdFromHash(window.location.hash);
      const shared = document.querySelectorAll('live-blog').length > 1;
      if (id !== undefined) dispatch({ type: 'jump', id, shared });
    };
    // Where the reader was on this history entry (Back, reload) wins over the hash: it is later.
    // Quiet, as a shared jump: no older pages walked, no filters cleared, no note.
    const was = (history.state as { lbAt?: [string, number] } | null)?.lbAt;
    if (!taken.current) {
      if (was) dispatch({ type: 'jump', id: was[0], shared: true, at: was[1] });
      else onHash();
    }
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const targetId = jump.phase === 'seeking' ? jump.id : undefined;
  const seeking = targetId !== undefined && store !== undefined;
  // Shared: another widget's update, unless this one shows it.
  const item =
    seeking && (!jump.shared || model.matching.some((m) => m.id === targetId))
      ? store.items.get(targetId)
      : undefined;
  const searchingOlder =
    seeking && !jump.shared && item === undefined && store.olderUrl !== undefined;
  const missing = seeking && !jump.shared && item === undefined && store.olderUrl === undefined;
  const seq = jump.seq;

  // Each older page changes the store, which asks for the next; a call while one is in flight
  // shares its request (feed-session.ts).
  useEffect(() => {
    if (!searchingOlder) return;
    loadOlder().catch(() => dispatch({ type: 'not-found', seq }));
  }, [searchingOlder, store, loadOlder, seq]);

  // Seeking: one step per render until the update is in the DOM.
  useEffect(() => {
    if (seeking && jump.shared && item === undefined)
      dispatch({ type: 'not-found', seq, quiet: true });
    if (targetId === undefined || item === undefined) return;
    if (waiting.some((w) => w.id === targetId)) {
      release();
      return;
    }
    if (!model.matching.some((m) => m.id === targetId)) {
      setView(clearFilters(view), { replace: true });
      dispatch({ type: 'filters-cleared', seq });
      return;
    }
    const index = renderIndex(model, targetId);
    if (index >= renderWindow.size) {
      renderWindow.grow(index + 10);
      return;
    }
    if (!find(targetId)) return;
    // Landing needs its code (loadLanding): a jump waits for it the first time, if it is not in.
    if (landingLoaded) dispatch({ type: 'found', seq });
    else {
      const found = () => dispatch({ type: 'found', seq });
      loadLanding().then(setLanded).then(found, found);
    }
  }, [
    seeking,
    jump.shared,
    targetId,
    seq,
    item,
    waiting,
    release,
    model,
    view,
    setView,
    renderWindow,
    find,
  ]);

  // Landed: runs once per jump. Its cleanup (the next jump, or unmounting) takes the highlight
  // and the hold away, so one update at most is highlighted.
  const landedId = jump.phase === 'landed' ? jump.id : undefined;
  useEffect(() => {
    if (landedId === undefined) return;
    const el = find(landedId);
    if (!(el instanceof HTMLElement)) return;
    // The code is in (the seeking step waited for it), unless it could not be loaded: then the
    // update is at least scrolled to.
    if (landingLoaded) return landingLoaded.land(el, jump.shared, jump.at);
    el.scrollIntoView({ block: 'start', behavior: 'instant' });
  }, [landedId, seq, find, jump.shared, jump.at]);

  // Not before the first updates are in: it would share the link with the feed and the code
  // they wait for, and count against the first screen.
  const firstIn = store !== undefined;
  useEffect(() => {
    if (!firstIn) return;
    const load = () => void loadLanding().then(setLanded, () => {});
    (window.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 1_000)))(load);
  }, [firstIn]);

  // Installed with the landing code (its styles, printing every update), before the browser
  // paints the note that comes with it.
  useLayoutEffect(
    () => landed?.install(root.current, renderWindow.grow, input.own),
    [landed, root, renderWindow.grow, input.own],
  );

  const jumpTo = useCallback((id: string) => dispatch({ type: 'jump', id }), []);

  const t = landed && messagesIn(landed.permalinkMessages, locale);
  const message = !t
    ? undefined
    : searchingOlder
      ? t.findingUpdate
      : missing || jump.note === 'not-found'
        ? t.updateNotFound
        : jump.note === 'filters-cleared'
          ? t.filtersClearedForLink
          : undefined;
  return { jumpTo, message };
}
