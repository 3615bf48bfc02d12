import { useCallback, useEffect, useLayoutEffect, useReducer, useRef } from 'react';
import type { FeedStore } from '../../core/feed/feed-store';
import type { LiveItem } from '../../core/feed/feed-types';
import { clearFilters, type SetViewState, type ViewState } from '../../core/filters/filter-state';
import { renderIndex, type RenderedTimeline } from '../../core/timeline/render-order';
import { useMessages } from '../../shared/i18n/use-messages';
import type * as KeepInPlace from './keep-in-place';
import { updateIdFromHash } from './permalink';

type Landing = typeof KeepInPlace;
let landing: Promise<Landing> | undefined;
let landingLoaded: Landing | undefined;
/**
 * The code that keeps a jump's target in place is a chunk of its own: most readers never jump, and
 * it would count against the first screen's bundle. It is fetched at once when the page opens on
 * a permalink, else once the page is idle after the first render (before a reader can click a
 * key event), or at the first jump.
 */
function loadLanding(): Promise<Landing> {
  return (landing ??= import('./keep-in-place').then((m) => (landingLoaded = m)));
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
}

/** How long a target keeps its highlight (live-blog.css fades it over the same time). */
export const HIGHLIGHT_MS = 4_000;
export const TARGET_CLASS = 'lb-update--target';

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
}

export type JumpAction =
  | { readonly type: 'jump'; readonly id: string }
  | { readonly type: 'found'; readonly seq: number }
  | { readonly type: 'not-found'; readonly seq: number }
  | { readonly type: 'filters-cleared'; readonly seq: number };

export function jumpReducer(state: JumpState, action: JumpAction): JumpState {
  if (action.type === 'jump') {
    return { phase: 'seeking', id: action.id, seq: state.seq + 1, note: undefined };
  }
  // Late news about an earlier jump changes nothing.
  if (action.seq !== state.seq || state.phase !== 'seeking') return state;
  switch (action.type) {
    case 'found':
      return { ...state, phase: 'landed' };
    case 'not-found':
      return { ...state, phase: 'idle', id: undefined, note: 'not-found' };
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
  const t = useMessages();
  const { store, model, view, setView, waiting, release, renderWindow, loadOlder, find } = input;
  const [jump, dispatch] = useReducer(jumpReducer, IDLE);

  // The address's #update-<id>, which a server never sees: read once the page is the browser's.
  useLayoutEffect(() => {
    const id = updateIdFromHash(window.location.hash);
    if (id !== undefined) dispatch({ type: 'jump', id });
  }, []);
  useEffect(() => {
    const onHash = () => {
      const id = updateIdFromHash(window.location.hash);
      if (id !== undefined) dispatch({ type: 'jump', id });
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const targetId = jump.phase === 'seeking' ? jump.id : undefined;
  const item = targetId !== undefined ? store?.items.get(targetId) : undefined;
  const seeking = targetId !== undefined && store !== undefined;
  const searchingOlder = seeking && item === undefined && store.olderUrl !== undefined;
  const missing = seeking && item === undefined && store.olderUrl === undefined;
  const seq = jump.seq;

  // Each older page changes the store, which asks for the next; a call while one is in flight
  // shares its request (feed-session.ts).
  useEffect(() => {
    if (!searchingOlder) return;
    loadOlder().catch(() => dispatch({ type: 'not-found', seq }));
  }, [searchingOlder, store, loadOlder, seq]);

  // Seeking: one step per render until the update is in the DOM.
  useEffect(() => {
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
      loadLanding().then(found, found);
    }
  }, [targetId, seq, item, waiting, release, model, view, setView, renderWindow, find]);

  // Landed: runs once per jump. Its cleanup (the next jump, or unmounting) takes the highlight
  // and the hold away, so one update at most is highlighted.
  const landedId = jump.phase === 'landed' ? jump.id : undefined;
  useEffect(() => {
    if (landedId === undefined) return;
    const el = find(landedId);
    if (!(el instanceof HTMLElement)) return;
    let letGo = () => {};
    const land = ({ keepInPlace, layOutAbove, scrollToTop }: Landing) => {
      const restore = layOutAbove(el, '.lb-update', 2 * window.innerHeight);
      scrollToTop(el);
      letGo = keepInPlace(el, restore);
    };
    // The code is in (the seeking step waited for it), unless it could not be loaded: then the
    // update is at least scrolled to.
    if (landingLoaded) land(landingLoaded);
    else el.scrollIntoView({ block: 'start', behavior: 'instant' });
    // Focus: where keyboard and screen-reader users go on from. An article is not focusable by
    // itself (UpdateArticle gives it no tabindex).
    if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
    el.focus({ preventScroll: true });
    el.classList.add(TARGET_CLASS);
    const timer = setTimeout(() => el.classList.remove(TARGET_CLASS), HIGHLIGHT_MS);
    return () => {
      letGo();
      clearTimeout(timer);
      el.classList.remove(TARGET_CLASS);
    };
  }, [landedId, seq, find]);

  const openedOnPermalink = useRef(jump.phase === 'seeking');
  useEffect(() => {
    const load = () => void loadLanding().catch(() => {});
    if (openedOnPermalink.current) load();
    else (window.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 1_000)))(load);
  }, []);

  const jumpTo = useCallback((id: string) => dispatch({ type: 'jump', id }), []);

  const message = searchingOlder
    ? t.findingUpdate
    : missing || jump.note === 'not-found'
      ? t.updateNotFound
      : jump.note === 'filters-cleared'
        ? t.filtersClearedForLink
        : undefined;
  return { jumpTo, message };
}
