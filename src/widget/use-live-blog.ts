import { useCallback, useMemo, type RefObject } from 'react';
import { contentLang, pageLang } from '../core/feed/content-lang';
import { lastUpdateAt } from '../core/feed/feed-store';
import { validTimeZone } from '../core/time/time-zone';
import {
  activeFilterCount,
  defaultViewState,
  filterKey,
  readsOldestFirst,
} from '../core/filters/filter-state';
import { MAX_MORE_STEPS, parseListDepth, shallowList } from '../core/filters/url-state';
import { stepsTaken } from '../capabilities/timeline/use-render-window';
import { useListDepth } from '../capabilities/filters/use-list-depth';
import type { ActivityBin } from '../core/timeline/activity-bins';
import { groupByTopic } from '../core/timeline/group-by-topic';
import { updateElementId } from '../core/timeline/element-ids';
import { EmbedSlot } from '../capabilities/embeds/EmbedSlot';
import { embedsChunk } from '../capabilities/embeds/embeds-code';
import { prepareItems } from './prepare-items';
import { useLiveFeed } from '../capabilities/feed/use-live-feed';
import { useViewState } from '../capabilities/filters/use-view-state';
import { useArrivals } from '../capabilities/live/use-arrivals';
import { useViewportPlace } from '../capabilities/live/use-viewport-place';
import { useLastVisit } from '../capabilities/live/use-last-visit';
import { usePageVisible, useUnseenCount } from '../capabilities/live/use-unseen-count';
import { CopyLinkButton } from '../capabilities/sharing/CopyLinkButton';
import { permalinkFor } from '../capabilities/sharing/permalink';
import { useHeldPlaces, usePermalinkTarget } from '../capabilities/sharing/use-permalink-target';
import type { UpdateContext } from '../capabilities/timeline/UpdateArticle';
import { useMessages } from '../shared/i18n/use-messages';
import { useHydrated } from '../shared/hydration/use-hydrated';
import { useTimeZoneChoice } from '../shared/time/use-time-zone-choice';
import type { LiveBlogOptions } from './live-blog-options';
import { useActivityBins } from './use-activity-bins';
import { useRailBeside } from './use-rail-beside';
import { useAnnouncements } from './use-announcements';
import { useDocumentTitle, useLiveBlogJsonLd } from './use-page-metadata';
import { useRenderBudget } from './use-render-budget';
import { useSortedItems, useTimelineModel } from './use-timeline-model';

/**
 * Wires the capabilities into one live blog: the feed, the reader's view, arrivals, the
 * timeline model, the render window, jumps to an update, the rail and the page's metadata. What
 * LiveBlog renders comes from here.
 */
/** The elements of LiveBlog that the wiring reads: created there, where they are rendered. */
export interface LiveBlogElements {
  readonly rootRef: RefObject<HTMLDivElement | null>;
  /** Just above the timeline: in view means the reader is at the top. */
  readonly sentinel: RefObject<HTMLDivElement | null>;
  readonly timelineTop: RefObject<HTMLDivElement | null>;
  /** Just below the timeline: where arrivals go when it reads oldest first. */
  readonly timelineEnd: RefObject<HTMLDivElement | null>;
}

export function useLiveBlog(props: LiveBlogOptions, elements: LiveBlogElements) {
  const { rootRef, sentinel, timelineTop, timelineEnd } = elements;
  const { limit, link, controls = 'full', locale, standalone = false } = props;
  const t = useMessages();
  const feedUrl = useMemo(
    () => absoluteUrl(props.feed, props.pageUrl),
    [props.feed, props.pageUrl],
  );
  const live = useLiveFeed(feedUrl, { poll: props.poll ?? true, prepare: prepareItems });
  const { store } = live;
  const partial = store?.complete === false;
  const meta = store?.meta;
  const initialView = props.initialView ?? defaultViewState;
  const [view, setView, navigation] = useViewState(initialView, props.syncUrl ?? false);
  const atTop = useViewportPlace(sentinel) >= 0;
  const end = useViewportPlace(timelineEnd);
  const sorted = useSortedItems(store);
  // A hidden page is not looking: arrivals wait, to show marked as new (and be said) on return.
  const visible = usePageVisible();
  const arrivals = useArrivals(sorted, atTop && visible, store, readsOldestFirst(view) && visible);
  const findUpdate = useCallback(
    (id: string) =>
      rootRef.current?.querySelector(`[id="${CSS.escape(updateElementId(id))}"]`) ?? null,
    [rootRef],
  );
  const held = useHeldPlaces(sorted, store, view, findUpdate);
  const model = useTimelineModel({
    store,
    sorted,
    shown: arrivals.shown,
    waiting: arrivals.waiting,
    view,
    locale,
    otherLabel: t.otherUpdates,
    limit,
    held,
  });
  const filters = filterKey(model.effective);
  // A zone set by the page (?timezone=, an attribute) that Intl does not know gives way to the
  // feed's: labelled as event time, the reader's own zone would be wrong.
  const eventZone = validTimeZone(props.timezone) ?? meta?.timezone;
  const [zoneChoice, setZoneChoice] = useTimeZoneChoice();
  // The reader's own zone is the browser's to know: UTC until the server's HTML is hydrated.
  const hydrated = useHydrated();
  const ownZone = hydrated ? undefined : 'UTC';
  const timeZone = zoneChoice === 'reader' ? ownZone : (eventZone ?? ownZone);
  // The page's address: the one given (a server rendering it), else the browser's.
  const here = props.pageUrl ?? (typeof window !== 'undefined' ? window.location.href : '');
  const pageUrl = link ?? here;
  const lang = contentLang(meta);
  const context: UpdateContext = useMemo(
    () => ({
      labels: model.labels,
      lang,
      locale,
      timeZone,
      baseUrl: feedUrl,
      permalink: (id: string) => permalinkFor(id, pageUrl),
      ShareLink: CopyLinkButton,
      bodyEmbeds: embedsChunk,
      EmbedCard: EmbedSlot,
    }),
    [model.labels, lang, locale, timeZone, feedUrl, pageUrl],
  );
  const total = arrivals.shown.length;
  const shown = model.matching.length;
  const announced = useAnnouncements({
    loaded: store !== undefined,
    filters,
    shown,
    total,
    // Nor is a widget the reader has passed, on the host's page below it: said on their return.
    waiting: visible && end >= 0 ? model.waitingMatching.length : 0,
  });
  // A page that keeps its filters in the address can send them as a form without JavaScript.
  const search = here ? new URL(here).search : '';
  // How far down its address asks the list to go (`more=`, `older=`): a page of its own only,
  // as the server renders it; an embed on a host's page leaves the host's address alone.
  const depth = useMemo(
    () => (standalone ? parseListDepth(search) : shallowList),
    [standalone, search],
  );
  const list = useRenderBudget(
    model,
    model.effective.view,
    `${filters}|${model.effective.view}|${model.effective.order}|${limit}`,
    depth.more,
    held?.length,
  );
  const lastVisit = useLastVisit(
    feedUrl,
    sorted,
    store,
    findUpdate,
    `${list.budget}|${model.effective.view}|${filters}`,
  );
  const target = usePermalinkTarget({
    // A first screen may not hold the update yet: look once the whole document is in.
    store: partial ? undefined : store,
    model,
    view,
    setView,
    waiting: arrivals.waiting,
    release: arrivals.release,
    renderWindow: list.renderWindow,
    loadOlder: live.loadOlder,
    find: findUpdate,
    root: rootRef,
    taken: props.permalinkTaken,
    own: standalone,
  });
  const keyEvents = useMemo(() => arrivals.shown.filter((item) => item.keyEvent), [arrivals.shown]);
  const railBeside = useRailBeside(rootRef, controls !== 'none');
  const bins = useActivityBins(model.matching, {
    meta,
    timeZone,
    receivedAt: store?.changedAt,
  });
  // A key event or a bar past an embed's `limit` is not on this page: it opens on the full blog
  // (`link`, where "See all updates" goes), rather than a jump that never lands.
  const jumpTo = (id: string) => {
    if (limit === undefined || model.withinLimit.some((i) => i.id === id)) target.jumpTo(id);
    else if (link) window.open(permalinkFor(id, link), '_top');
  };
  // A bar leads to its hour: the newest matching update in it, in the chronological view.
  // Oldest first, the hour's oldest: the reader reads on down from there.
  const jumpToBin = (bin: ActivityBin) => {
    const inBin = model.matching.filter((i) => i.published >= bin.start && i.published < bin.end);
    const first = inBin[model.oldestFirst ? inBin.length - 1 : 0];
    if (!first) return;
    if (view.view !== 'latest') setView({ ...view, view: 'latest' });
    jumpTo(first.id);
  };
  // The first of them in time: where the reader takes up the story again.
  const goToFirstNew = () => {
    const first = lastVisit.items[lastVisit.items.length - 1];
    if (first) target.jumpTo(first.id);
  };
  const jumpToLatest = () => {
    // Not the place of one withdrawn while on screen (hold-places.ts).
    const newest = model.stream.findLast((item) => !('render' in item));
    if (newest) target.jumpTo(newest.id);
  };
  // Of an update: not of the last poll, nor of a retraction (no "last update" in a blog of none).
  const changedAt = useMemo(() => lastUpdateAt(sorted, store?.changedAt), [sorted, store]);
  // The reader sees arrivals where they go: at the top, or at the end when reading oldest first.
  // Newest first, nothing held back means every arrival was shown to the reader: at the top, or
  // by "new updates", which may land below it.
  const unseen = useUnseenCount(
    sorted,
    model.oldestFirst ? end <= 0 : atTop || !arrivals.waiting.length,
    store?.changedAt,
  );
  useDocumentTitle(meta?.title, unseen, standalone, pageLang(meta, locale));
  useLiveBlogJsonLd(meta, arrivals.shown, standalone);

  const showNew = () => {
    // By topic, an arrival joins its group: at the top if that is the first one (or it is
    // pinned), else maybe far below, where the reader goes (as to a key event), to the newest
    // arrival of the first group that has any.
    const { pinned, groups } = groupByTopic(model.waitingMatching, meta, '');
    const first = groups[0];
    if (view.view === 'topics' && !pinned[0] && first && first.id !== model.grouped.groups[0]?.id)
      return target.jumpTo(first.items[0]!.id);
    arrivals.release();
    // To the sentinel just above the timeline's top: the reader is then at the top (following
    // live, nothing unseen), not 1 px below it.
    (sentinel.current ?? timelineTop.current)?.scrollIntoView({ block: 'start' });
    timelineTop.current?.focus({ preventScroll: true });
  };

  const loaded = store !== undefined && sorted.length > 0;
  const showControls = controls !== 'none' && loaded;
  const failed = !live.isLoading && store === undefined && live.error !== undefined;
  const active = activeFilterCount(model.effective);
  const hasRail = keyEvents.length > 0 || bins.length > 1;
  const limited = limit !== undefined && model.matching.length > limit;
  const steps = Math.min(stepsTaken(list.renderWindow.size), MAX_MORE_STEPS);
  const deeper = useListDepth(
    standalone && here ? here : undefined,
    depth,
    steps,
    store?.pagesLoaded ?? 0,
  );
  return {
    // A page that keeps its filters in the address: what its filter form carries along.
    formSearch: props.syncUrl ? search : undefined,
    deeper,
    t,
    live,
    store,
    partial,
    meta,
    view,
    setView,
    navigation,
    sorted,
    arrivals,
    model,
    eventZone,
    zoneChoice,
    setZoneChoice,
    timeZone,
    context,
    total,
    shown,
    announced,
    list,
    target,
    keyEvents,
    bins,
    railBeside,
    jumpTo,
    jumpToBin,
    jumpToLatest,
    lastVisit,
    goToFirstNew,
    changedAt,
    showNew,
    loaded,
    showControls,
    failed,
    active,
    hasRail,
    limited,
    controls,
    locale,
    standalone,
    link,
  };
}

function absoluteUrl(url: string, pageUrl: string | undefined): string {
  try {
    return new URL(url, pageUrl ?? document.baseURI).href;
  } catch {
    return url;
  }
}
