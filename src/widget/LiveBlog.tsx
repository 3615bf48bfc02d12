import { clearFilters } from '../core/filters/filter-state';
import { FilterPanel } from '../capabilities/filters/FilterPanel';
import { NoMatches } from '../capabilities/filters/NoMatches';
import { NewUpdatesButton } from '../capabilities/live/NewUpdatesButton';
import { StatusLine } from '../capabilities/live/StatusLine';
import { TimelineSkeleton } from '../capabilities/timeline/TimelineSkeleton';
import { textDirection } from '../shared/i18n/text-direction';
import { formatDayAndClock } from '../shared/time/format-time';
import { BlogHeader } from './BlogHeader';
import { FiltersDisclosure } from './FiltersDisclosure';
import type { LiveBlogOptions } from './live-blog-options';
import { LoadFailure } from './LoadFailure';
import { StoryRail } from './StoryRail';
import { TimelineToolbar } from './TimelineToolbar';
import { TimeZoneToggle } from './TimeZoneToggle';
import { UpdateList } from './UpdateList';
import { useLiveBlog } from './use-live-blog';

/** The live blog: status, filters, and the timeline, for the standalone page and every embed. */
export function LiveBlog(props: LiveBlogOptions) {
  const {
    t,
    live,
    store,
    partial,
    meta,
    view,
    setView,
    navigation,
    rootRef,
    sentinel,
    timelineTop,
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
    jumpToBin,
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
  } = useLiveBlog(props);
  // A widget inside a host's article must not add a second main landmark.
  const Main = standalone ? 'main' : 'div';
  return (
    <div
      ref={rootRef}
      className={`lb-root${showControls ? ' lb-root--with-filters' : ''}${hasRail ? ' lb-root--with-rail' : ''}`}
      lang={meta?.language}
      dir={meta?.language ? textDirection(meta.language) : undefined}
      part="root"
    >
      <BlogHeader meta={meta} standalone={standalone} failed={failed}>
        <StatusLine
          status={meta?.status}
          changedAt={changedAt}
          error={live.error}
          nextAttemptAt={live.nextAttemptAt}
          rejectedCount={store?.rejected.reduce((n, r) => n + (r.count ?? 1), 0) ?? 0}
          locale={locale}
          timeZone={timeZone}
          onRetry={live.retryNow}
        />
        {eventZone && (
          <TimeZoneToggle
            eventZone={eventZone}
            choice={zoneChoice}
            onChange={setZoneChoice}
            at={sorted[0]?.published ?? 0}
            locale={locale}
          />
        )}
        {target.message && (
          <p className="lb-target-note" role="status">
            {target.message}
          </p>
        )}
      </BlogHeader>
      {hasRail && (
        <StoryRail
          bins={bins}
          keyEvents={keyEvents}
          meta={meta}
          labels={model.labels}
          locale={locale}
          timeZone={timeZone}
          onSelectBin={jumpToBin}
          onJump={target.jumpTo}
          permalink={context.permalink}
        />
      )}
      <p className="lb-visually-hidden" aria-live="polite" aria-atomic="true">
        {announced.results}
      </p>
      <p className="lb-visually-hidden" aria-live="polite" aria-atomic="true">
        {announced.arrivals}
      </p>
      {showControls && (
        <FiltersDisclosure active={active}>
          {/* The first screen's facets would list only its newest updates, and rendering them
              would hold back the first paint of a large document. */}
          {partial ? (
            <p className="lb-filters__pending">{t.filtersPending}</p>
          ) : (
            <FilterPanel
              state={model.effective}
              options={model.options}
              keyEventCount={model.keyEventCount}
              onChange={setView}
              compact={controls === 'compact'}
              coverageNote={
                store?.olderUrl !== undefined && model.oldestLoaded !== undefined
                  ? t.countsCoverage(formatDayAndClock(model.oldestLoaded, locale, timeZone))
                  : undefined
              }
              countsPending={model.countsPending}
              navigation={navigation}
            />
          )}
        </FiltersDisclosure>
      )}
      <Main className="lb-timeline" part="timeline" aria-busy={live.isLoading || partial}>
        <div ref={sentinel} className="lb-sentinel" aria-hidden="true" />
        {/* A focus target for "new updates"; aria-label needs a role (a plain div may not have one). */}
        <div
          ref={timelineTop}
          tabIndex={-1}
          className="lb-timeline__top"
          role="group"
          aria-label={t.liveBlog}
        >
          {loaded && (
            <TimelineToolbar
              view={model.effective.view}
              onView={controls === 'none' ? undefined : (v) => setView({ ...view, view: v })}
              shown={shown}
              total={total}
              partial={partial}
              onClear={
                active > 0 && controls !== 'none' ? () => setView(clearFilters(view)) : undefined
              }
            />
          )}
        </div>
        <NewUpdatesButton count={model.waitingMatching} onShow={showNew} />
        {live.isLoading && <TimelineSkeleton />}
        {failed && live.error && <LoadFailure problem={live.error} />}
        {store !== undefined && sorted.length === 0 && <p className="lb-empty">{t.emptyFeed}</p>}
        {store !== undefined && total > 0 && shown === 0 && !partial && (
          <NoMatches state={model.effective} labels={model.labels} onChange={setView} />
        )}
        <UpdateList
          grouped={model.grouped}
          stream={model.stream}
          view={model.effective.view}
          context={context}
          fresh={arrivals.fresh}
          budget={list.budget}
          allRendered={list.allRendered}
          endRef={list.endRef}
          seeAll={limited ? link : undefined}
          older={
            !limited && list.allRendered && store !== undefined && !partial
              ? {
                  hasOlder: store.olderUrl !== undefined,
                  broken: store.olderBroken,
                  load: live.loadOlder,
                }
              : undefined
          }
        />
      </Main>
    </div>
  );
}
