import { useCallback, useEffect, useRef, useState } from 'react';
import type { FeedStore } from '../core/feed/feed-store';
import type { LiveItem } from '../core/feed/feed-types';
import type { ViewState } from '../core/filters/filter-state';
import type { SetViewState } from '../filters/use-view-state';
import { useMessages } from '../i18n/use-messages';
import type { TimelineModel } from '../timeline/use-timeline-model';
import { updateIdFromHash } from './permalink';

interface Input {
  readonly store: FeedStore | undefined;
  readonly model: TimelineModel;
  readonly view: ViewState;
  readonly setView: SetViewState;
  readonly waiting: readonly LiveItem[];
  readonly release: () => void;
  readonly renderWindow: { readonly size: number; readonly grow: (atLeast?: number) => void };
  readonly loadOlder: () => Promise<void>;
  readonly find: (id: string) => Element | null;
}

/** Where an item sits in render order (pinned items are always rendered: -1). */
function renderIndex(model: TimelineModel, id: string): number {
  if (model.grouped.pinned.some((item) => item.id === id)) return -1;
  if (model.effective.view === 'latest') return model.stream.findIndex((item) => item.id === id);
  let offset = 0;
  for (const group of model.grouped.groups) {
    const i = group.items.findIndex((item) => item.id === id);
    if (i >= 0) return offset + i;
    offset += group.items.length;
  }
  return -1;
}

/**
 * Opening a permalink (`#update-<id>`) or a key event: make the update visible whatever it takes
 * (load older pages, clear filters that hide it, release held arrivals, render far enough), then
 * scroll to it and highlight it.
 */
export function usePermalinkTarget(input: Input) {
  const t = useMessages();
  const { store, model, view, setView, waiting, release, renderWindow, loadOlder, find } = input;
  const [targetId, setTargetId] = useState<string | undefined>(() =>
    typeof window === 'undefined' ? undefined : updateIdFromHash(window.location.hash),
  );
  const [note, setNote] = useState<string | undefined>(undefined);
  const loading = useRef(false);

  useEffect(() => {
    const onHash = () => {
      const id = updateIdFromHash(window.location.hash);
      if (id !== undefined) setTargetId(id);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const item = targetId !== undefined ? store?.items.get(targetId) : undefined;
  const seeking = targetId !== undefined && store !== undefined;
  const searchingOlder = seeking && item === undefined && store.olderUrl !== undefined;
  const missing = seeking && item === undefined && store.olderUrl === undefined;

  useEffect(() => {
    if (!searchingOlder || loading.current) return;
    loading.current = true;
    loadOlder().then(
      () => {
        loading.current = false;
      },
      () => {
        loading.current = false;
        setTargetId(undefined);
        setNote(t.updateNotFound);
      },
    );
  }, [searchingOlder, store, loadOlder, t]);

  useEffect(() => {
    if (targetId === undefined || item === undefined) return;
    if (waiting.some((w) => w.id === targetId)) {
      release();
      return;
    }
    if (!model.matching.some((m) => m.id === targetId)) {
      setView(
        { ...view, topics: [], countries: [], speakers: [], q: '', keyOnly: false },
        { replace: true },
      );
      Promise.resolve().then(() => setNote(t.filtersClearedForLink));
      return;
    }
    const index = renderIndex(model, targetId);
    if (index >= renderWindow.size) {
      renderWindow.grow(index + 10);
      return;
    }
    const el = find(targetId);
    if (!el) return;
    el.scrollIntoView({ block: 'start' });
    el.classList.add('lb-update--target');
    (el as HTMLElement).focus?.({ preventScroll: true });
    const timer = setTimeout(() => el.classList.remove('lb-update--target'), 4000);
    Promise.resolve().then(() => setTargetId(undefined));
    return () => clearTimeout(timer);
  }, [targetId, item, waiting, release, model, view, setView, renderWindow, find, t]);

  const jumpTo = useCallback((id: string) => {
    setNote(undefined);
    setTargetId(id);
  }, []);

  const message = searchingOlder ? t.findingUpdate : missing ? t.updateNotFound : note;
  return { jumpTo, message };
}
