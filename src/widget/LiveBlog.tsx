import { useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import type { LiveItem } from '../core/feed/feed-types';
import type { ViewState } from '../core/filters/filter-state';
import { activeFilterCount, defaultViewState } from '../core/filters/filter-state';
import { useLiveFeed } from '../capabilities/feed/use-live-feed';
import { FilterPanel } from '../capabilities/filters/FilterPanel';
import { NoMatches } from '../capabilities/filters/NoMatches';
import { useViewState } from '../capabilities/filters/use-view-state';
import { useMessages } from '../shared/i18n/use-messages';
import { NewUpdatesButton } from '../capabilities/live/NewUpdatesButton';
import { StatusLine, problemText } from '../capabilities/live/StatusLine';
import { useArrivals } from '../capabilities/live/use-arrivals';
import { useAtTop } from '../capabilities/live/use-at-top';
import { formatDayAndClock } from '../shared/time/format-time';
import { LatestStream } from '../capabilities/timeline/LatestStream';
import { OlderUpdates } from '../capabilities/timeline/OlderUpdates';
import { TimelineSkeleton } from '../capabilities/timeline/TimelineSkeleton';
import { TopicGroups } from '../capabilities/timeline/TopicGroups';
import { UpdateArticle, type UpdateContext } from '../capabilities/timeline/UpdateArticle';
import { useSortedItems, useTimelineModel } from './use-timeline-model';
import { ViewSwitch } from '../capabilities/timeline/ViewSwitch';
import { KeyEventsRail } from '../capabilities/story/KeyEventsRail';
import { ActivityChart, type ActivityChartProps } from '../capabilities/story/ActivityChart';
import { activityBins, type ActivityBin } from '../core/timeline/activity-bins';
import { validTimeZone } from '../core/feed/time-zone';
import { CopyLinkButton } from '../capabilities/sharing/CopyLinkButton';
import { permalinkFor } from '../capabilities/sharing/permalink';
import { useTimeZoneChoice } from '../shared/time/use-time-zone-choice';
import { zoneAbbreviation } from '../shared/time/format-time';
import { updateElementId } from '../core/timeline/element-ids';
import { usePermalinkTarget } from '../capabilities/sharing/use-permalink-target';
import { useDocumentTitle, useLiveBlogJsonLd } from './use-page-metadata';
import { useRailBeside } from './use-rail-beside';
import { useUnseenCount } from '../capabilities/live/use-unseen-count';
import { textDirection } from '../shared/i18n/text-direction';
import { useRenderWindow } from '../capabilities/timeline/use-render-window';
import { useEndReached } from '../capabilities/timeline/use-end-reached';

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
}

/** The live blog: status, filters, and the timeline, for the standalone page and every embed. */
export function LiveBlog(props: LiveBlogOptions) {
  const {
    feed,
    limit,
    link,
    controls = 'full',
    locale,
    poll = true,
    syncUrl = false,
    standalone = false,
  } = props;
  const t = useMessages();
  // A widget inside a host's article must not add a second main landmark.
  const Main = standalone ? 'main' : 'div';
  const feedUrl = useMemo(() => absoluteUrl(feed), [feed]);
  const live = useLiveFeed(feedUrl, { poll });
  const store = live.store;
  const meta = store?.meta;
  const [view, setView, navigation] = useViewState(props.initialView ?? defaultViewState, syncUrl);
  const sentinel = useRef<HTMLDivElement>(null);
  const timelineTop = useRef<HTMLDivElement>(null);
  const atTop = useAtTop(sentinel);
  const sorted = useSortedItems(store);
  const arrivals = useArrivals(sorted, atTop, store?.changedAt, live.previewing);
  const model = useTimelineModel({
    store,
    sorted,
    shown: arrivals.shown,
    waiting: arrivals.waiting,
    view,
    locale,
    otherLabel: t.otherUpdates,
    limit,
  });
  // A zone set by the page (?timezone=, an attribute) that Intl does not know gives way to the
  // feed's: labelled as event time, the reader's own zone would be wrong.
  const eventZone = validTimeZone(props.timezone) ?? meta?.timezone;
  const [zoneChoice, setZoneChoice] = useTimeZoneChoice();
  const timeZone = zoneChoice === 'reader' ? undefined : eventZone;
  const pageUrl = link ?? (typeof window !== 'undefined' ? window.location.href : '');
  const context: UpdateContext = useMemo(
    () => ({
      labels: model.labels,
      locale,
      timeZone,
      baseUrl: feedUrl,
      permalink: (id: string) => permalinkFor(id, pageUrl),
      ShareLink: CopyLinkButton,
    }),
    [model.labels, locale, timeZone, feedUrl, pageUrl],
  );
  const rootRef = useRef<HTMLDivElement>(null);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const active = activeFilterCount(model.effective);
  const total = arrivals.shown.length;
  const shownCount = model.matching.length;

  // Polite announcements: the result count after a filter change, and arrivals waiting.
  const filterKey = JSON.stringify([
    model.effective.topics,
    model.effective.countries,
    model.effective.speakers,
    model.effective.q,
    model.effective.keyOnly,
  ]);
  const [announced, setAnnounced] = useState({ filterKey, text: '' });
  if (store !== undefined && announced.filterKey !== filterKey) {
    setAnnounced({ filterKey, text: t.showingResults(shownCount, total) });
  }
  const arrivalsText = model.waitingMatching > 0 ? t.newUpdates(model.waitingMatching) : '';

  const renderWindow = useRenderWindow(`${filterKey}|${model.effective.view}|${limit}`);
  const pinnedCount = model.grouped.pinned.length;
  const listed =
    model.effective.view === 'topics'
      ? model.grouped.groups.reduce((n, group) => n + group.items.length, 0)
      : model.stream.length;
  const listBudget = Math.max(0, renderWindow.size - pinnedCount);
  const allRendered = listBudget >= listed;
  const growWindow = renderWindow.grow;
  const onNearEnd = useCallback(() => growWindow(), [growWindow]);
  // About two screens ahead of the reader.
  const endRef = useEndReached(onNearEnd, {
    active: !allRendered,
    marginPx: 1500,
    revision: renderWindow.size,
  });

  const findUpdate = useCallback(
    (id: string) =>
      rootRef.current?.querySelector(`[id="${CSS.escape(updateElementId(id))}"]`) ?? null,
    [],
  );
  const target = usePermalinkTarget({
    // A preview may not hold the update yet: look once the whole document is in.
    store: live.previewing ? undefined : store,
    model,
    view,
    setView,
    waiting: arrivals.waiting,
    release: arrivals.release,
    renderWindow,
    loadOlder: live.loadOlder,
    find: findUpdate,
  });
  // The newest publication or edit the reader has: what "updated 5 min ago" is about.
  const lastUpdateAt = useMemo(() => {
    let newest: number | undefined;
    for (const item of sorted) {
      const v = item.modified ?? item.published;
      if (newest === undefined || v > newest) newest = v;
    }
    return newest;
  }, [sorted]);
  const keyEvents = useMemo(() => arrivals.shown.filter((item) => item.keyEvent), [arrivals.shown]);
  // The chart follows the timeline a moment later (it is secondary), except for the first
  // updates where it sits above them (a phone, a narrow column): arriving later, it would push
  // them down.
  const railBeside = useRailBeside(rootRef, controls !== 'none');
  const deferredMatching = useDeferredValue(model.matching, noItems);
  const chartItems = railBeside || deferredMatching.length > 0 ? deferredMatching : model.matching;
  const bins = useMemo(
    () => activityBins(chartItems, { timeZone, topicOrder: meta?.topics.map((x) => x.id) ?? [] }),
    [chartItems, timeZone, meta?.topics],
  );
  const colourIndex = useCallback(
    (topic: string | null) => {
      const i = topic === null ? -1 : (meta?.topics.findIndex((x) => x.id === topic) ?? -1);
      return i >= 0 ? i : 7;
    },
    [meta?.topics],
  );
  const topicLabel = useCallback(
    (topic: string | null) => (topic === null ? t.otherUpdates : model.labels.topic(topic)),
    [t, model.labels],
  );
  // A bar leads to its hour: the newest matching update in it, in the chronological view.
  const jumpToBin = (bin: ActivityBin) => {
    const first = model.matching.find(
      (item) => item.published >= bin.start && item.published < bin.end,
    );
    if (!first) return;
    if (view.view !== 'latest') setView({ ...view, view: 'latest' });
    target.jumpTo(first.id);
  };
  const chartProps: Omit<ActivityChartProps, 'onSelectBin'> = {
    bins,
    topicLabel,
    colourIndex,
    locale,
    timeZone,
    caption: t.activityCaption,
    countLabel: t.updateCount,
    barLabel: t.activityBar,
  };
  const unseen = useUnseenCount(sorted, atTop, store?.changedAt);
  useDocumentTitle(meta?.title, unseen, standalone);
  useLiveBlogJsonLd(meta, arrivals.shown, standalone);

  const showNew = () => {
    arrivals.release();
    // To the sentinel just above the timeline's top: the reader is then at the top (following
    // live, nothing unseen), not 1 px below it.
    (sentinel.current ?? timelineTop.current)?.scrollIntoView({ block: 'start' });
    timelineTop.current?.focus({ preventScroll: true });
  };

  const coverageNote =
    store?.olderUrl !== undefined && model.oldestLoaded !== undefined
      ? t.countsCoverage(formatDayAndClock(model.oldestLoaded, locale, timeZone))
      : undefined;
  const showControls = controls !== 'none' && store !== undefined && sorted.length > 0;
  const failed = !live.isLoading && store === undefined && live.error !== undefined;
  const limited = limit !== undefined && model.matching.length > limit;

  return (
    <div
      ref={rootRef}
      className={`lb-root${showControls ? ' lb-root--with-filters' : ''}${keyEvents.length > 0 || bins.length > 1 ? ' lb-root--with-rail' : ''}`}
      lang={meta?.language}
      dir={meta?.language ? textDirection(meta.language) : undefined}
      part="root"
    >
      <header className="lb-header" part="header">
        <p className="lb-kicker">{t.liveBlog}</p>
        {standalone ? (
          <h1 className="lb-title">{meta?.title ?? (failed ? t.unavailable : t.loading)}</h1>
        ) : (
          meta && <p className="lb-title">{meta.title}</p>
        )}
        {meta?.description && <p className="lb-description">{meta.description}</p>}
        <StatusLine
          status={meta?.status}
          changedAt={lastUpdateAt ?? store?.changedAt}
          error={live.error}
          nextAttemptAt={live.nextAttemptAt}
          rejectedCount={store?.rejected.reduce((n, r) => n + (r.count ?? 1), 0) ?? 0}
          locale={locale}
          timeZone={timeZone}
          onRetry={live.retryNow}
        />
        {eventZone && (
          <p className="lb-zone">
            <button
              type="button"
              className="lb-link-button lb-zone__toggle"
              aria-pressed={zoneChoice === 'reader'}
              onClick={() => setZoneChoice(zoneChoice === 'reader' ? 'event' : 'reader')}
            >
              {t.timeZoneToggle}
            </button>
            <span className="lb-zone__current">
              {zoneChoice === 'reader'
                ? t.readerTime
                : t.eventTime(zoneAbbreviation(sorted[0]?.published ?? 0, locale, eventZone))}
            </span>
          </p>
        )}
        {target.message && (
          <p className="lb-target-note" role="status">
            {target.message}
          </p>
        )}
      </header>
      {(keyEvents.length > 0 || bins.length > 1) && (
        <section className="lb-rail" aria-label={t.atAGlance}>
          {bins.length > 1 && <ActivityChart {...chartProps} onSelectBin={jumpToBin} />}
          <KeyEventsRail
            items={keyEvents}
            locale={locale}
            timeZone={timeZone}
            onJump={target.jumpTo}
            pageUrl={context.permalink}
          />
        </section>
      )}
      <p className="lb-visually-hidden" aria-live="polite" aria-atomic="true">
        {announced.text}
      </p>
      <p className="lb-visually-hidden" aria-live="polite" aria-atomic="true">
        {arrivalsText}
      </p>
      {showControls && (
        <div className={`lb-filters${filtersOpen ? ' lb-filters--open' : ''}`} part="filters">
          <button
            type="button"
            className="lb-button lb-filters__toggle"
            aria-expanded={filtersOpen}
            aria-controls="lb-filter-panel"
            onClick={() => setFiltersOpen(!filtersOpen)}
          >
            {t.filtersButton(active)}
          </button>
          <div id="lb-filter-panel" className="lb-filters__panel">
            {/* The preview's facets would list only its newest updates, and rendering them
                held the first paint of a big document back by 35-50 ms (interleaved loads). */}
            {live.previewing ? (
              <p className="lb-filters__pending">{t.filtersPending}</p>
            ) : (
              <FilterPanel
                state={model.effective}
                options={model.options}
                keyEventCount={model.keyEventCount}
                onChange={setView}
                compact={controls === 'compact'}
                coverageNote={coverageNote}
                countsPending={model.countsPending}
                navigation={navigation}
              />
            )}
          </div>
        </div>
      )}
      <Main className="lb-timeline" part="timeline" aria-busy={live.isLoading || live.previewing}>
        <div ref={sentinel} className="lb-sentinel" aria-hidden="true" />
        {/* A focus target for "new updates"; aria-label needs a role (a plain div may not have one). */}
        <div
          ref={timelineTop}
          tabIndex={-1}
          className="lb-timeline__top"
          role="group"
          aria-label={t.liveBlog}
        >
          {store !== undefined && sorted.length > 0 && (
            <div className="lb-toolbar">
              {controls !== 'none' && (
                <ViewSwitch
                  view={model.effective.view}
                  onChange={(v) => setView({ ...view, view: v })}
                />
              )}
              <p className="lb-result-count">
                {live.previewing ? t.loadingRest : t.resultCount(shownCount, total)}
                {active > 0 && controls !== 'none' && (
                  <button
                    type="button"
                    className="lb-link-button"
                    onClick={() =>
                      setView({
                        ...view,
                        topics: [],
                        countries: [],
                        speakers: [],
                        q: '',
                        keyOnly: false,
                      })
                    }
                  >
                    {t.clearFilters}
                  </button>
                )}
              </p>
            </div>
          )}
        </div>
        <NewUpdatesButton count={model.waitingMatching} onShow={showNew} />
        {live.isLoading && <TimelineSkeleton />}
        {failed && live.error && (
          <div className="lb-error" role="alert">
            <p>{t.firstLoadFailed}</p>
            <p>{live.error.message || problemText(live.error, t)}</p>
          </div>
        )}
        {store !== undefined && sorted.length === 0 && <p className="lb-empty">{t.emptyFeed}</p>}
        {store !== undefined && total > 0 && shownCount === 0 && !live.previewing && (
          <NoMatches state={model.effective} labels={model.labels} onChange={setView} />
        )}
        {model.grouped.pinned.length > 0 && (
          <section className="lb-pinned" aria-label={t.pinned} part="pinned">
            {/* Keeps the heading outline h1 > h2 > h3 for the pinned updates' h3 headlines. */}
            <h2 className="lb-visually-hidden">{t.pinned}</h2>
            {model.grouped.pinned.map((item) => (
              <UpdateArticle
                key={item.id}
                item={item}
                context={context}
                fresh={arrivals.fresh.has(item.id)}
              />
            ))}
          </section>
        )}
        {model.effective.view === 'topics' ? (
          <TopicGroups
            groups={model.grouped.groups}
            context={context}
            fresh={arrivals.fresh}
            budget={listBudget}
          />
        ) : (
          <LatestStream
            items={model.stream}
            context={context}
            fresh={arrivals.fresh}
            budget={listBudget}
          />
        )}
        {!allRendered && <div ref={endRef} className="lb-render-more" aria-hidden="true" />}
        {limited && link && (
          <p className="lb-see-all">
            <a href={link} target="_top" className="lb-button">
              {t.seeAll}
            </a>
          </p>
        )}
        {!limited && allRendered && store !== undefined && !live.previewing && (
          <OlderUpdates
            hasOlder={store.olderUrl !== undefined}
            broken={store.olderBroken}
            onLoad={live.loadOlder}
            auto
          />
        )}
      </Main>
    </div>
  );
}

const noItems: readonly LiveItem[] = [];

function absoluteUrl(url: string): string {
  try {
    return new URL(url, document.baseURI).href;
  } catch {
    return url;
  }
}
