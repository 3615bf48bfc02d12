import { Suspense, useRef } from 'react';
import { clearFilters } from '../core/filters/filter-state';
import { ConnectionNotice } from '../capabilities/live/ConnectionNotice';
import { LastVisitBanner } from '../capabilities/live/LastVisitBanner';
import { NewUpdatesButton } from '../capabilities/live/NewUpdatesButton';
import { StatusLine } from '../capabilities/live/StatusLine';
import { TimelineSkeleton } from '../capabilities/timeline/TimelineSkeleton';
import { lazyPart, useLazyParts } from '../shared/code/lazy-part';
import { textDirection } from '../shared/i18n/text-direction';
import { BlogHeader } from './BlogHeader';
import { BlogFilters } from './BlogFilters';
import type { LiveBlogOptions } from './live-blog-options';
import { LoadFailure } from './LoadFailure';
import { StoryRail } from './StoryRail';
import { TimelineToolbar } from './TimelineToolbar';
import { TimeZoneToggle } from './TimeZoneToggle';
import { UpdateList } from './UpdateList';
import { useLiveBlog } from './use-live-blog';

// Few readers ever filter down to nothing: what helps them then loads when it is needed.
const NoMatches = lazyPart(() =>
  import('../capabilities/filters/NoMatches').then((m) => m.NoMatches),
);

/** The live blog: status, filters, and the timeline, for the standalone page and every embed. */
export function LiveBlog(props: LiveBlogOptions) {
  const rootRef = useRef<HTMLDivElement>(null);
  const sentinel = useRef<HTMLDivElement>(null);
  const timelineTop = useRef<HTMLDivElement>(null);
  const timelineEnd = useRef<HTMLDivElement>(null);
  const blog = useLiveBlog(props, { rootRef, sentinel, timelineTop, timelineEnd });
  useLazyParts();
  const { model, live } = blog;
  // A widget inside a host's article must not add a second main landmark.
  const Main = blog.standalone ? 'main' : 'div';
  // While the first document loads, the columns most feeds fill are kept free: the skeleton then
  // sits where the updates will, and does not jump sideways when they come.
  const controlled = blog.controls !== 'none';
  const loading = live.isLoading && controlled;
  return (
    <div
      ref={rootRef}
      className={`lb-root${blog.showControls || loading ? ' lb-root--with-filters' : ''}${blog.hasRail || loading ? ' lb-root--with-rail' : ''}`}
      dir={blog.meta?.language ? textDirection(blog.meta.language) : undefined}
      part="root"
    >
      <BlogHeader meta={blog.meta} standalone={blog.standalone} failed={blog.failed}>
        <StatusLine
          status={blog.meta?.status}
          changedAt={blog.changedAt}
          rejectedCount={blog.store?.rejected.reduce((n, r) => n + (r.count ?? 1), 0) ?? 0}
          locale={blog.locale}
          timeZone={blog.timeZone}
          stalled={live.error !== undefined}
        />
        {blog.eventZone && (
          <TimeZoneToggle
            eventZone={blog.eventZone}
            choice={blog.zoneChoice}
            onChange={blog.setZoneChoice}
            at={blog.changedAt}
            locale={blog.locale}
          />
        )}
        {/* There before its words: a live region added with them is not announced. */}
        <p className="lb-target-note" aria-live="polite">
          {blog.target.message}
        </p>
      </BlogHeader>
      {/* Before the rail, as on screen in every layout: focus follows what the reader sees. */}
      {blog.showControls && <BlogFilters blog={blog} />}
      {blog.hasRail && (
        <StoryRail
          bins={blog.bins}
          keyEvents={blog.keyEvents}
          meta={blog.meta}
          labels={model.labels}
          locale={blog.locale}
          timeZone={blog.timeZone}
          onSelectBin={blog.jumpToBin}
          onJump={blog.jumpTo}
          permalink={blog.context.permalink}
          beside={blog.railBeside}
        />
      )}
      <p className="lb-visually-hidden" aria-live="polite" aria-atomic="true">
        {blog.announced.results}
      </p>
      <p className="lb-visually-hidden" aria-live="polite" aria-atomic="true">
        <span key={blog.announced.arrivalsKey}>{blog.announced.arrivals}</span>
      </p>
      {/* While the first document loads, the skeleton stands in for the timeline, which is kept
          flat: a box that moves when the title, filters and rail come in above it is a layout
          shift, one that had no height is not. */}
      {live.isLoading && <TimelineSkeleton />}
      <Main className="lb-timeline" part="timeline" aria-busy={live.isLoading || blog.partial}>
        <div ref={sentinel} className="lb-sentinel" aria-hidden="true" />
        {/* A focus target for "new updates"; aria-label needs a role (a plain div may not have one). */}
        <div
          ref={timelineTop}
          tabIndex={-1}
          className="lb-timeline__top"
          role="group"
          aria-label={blog.t.liveBlog}
        >
          {blog.loaded && (
            <TimelineToolbar
              view={model.effective.view}
              order={model.effective.order}
              onView={controlled ? (view) => blog.setView({ ...blog.view, view }) : undefined}
              onOrder={controlled ? (order) => blog.setView({ ...blog.view, order }) : undefined}
              onJumpToLatest={
                model.oldestFirst && model.stream.length > 0 ? blog.jumpToLatest : undefined
              }
              shown={blog.shown}
              total={blog.total}
              partial={blog.partial}
              onClear={
                blog.active > 0 && controlled
                  ? () => blog.setView(clearFilters(blog.view))
                  : undefined
              }
            />
          )}
        </div>
        {blog.loaded && blog.lastVisit.at !== undefined && blog.lastVisit.items.length > 0 && (
          <LastVisitBanner
            count={blog.lastVisit.items.length}
            at={blog.lastVisit.at}
            locale={blog.locale}
            timeZone={blog.timeZone}
            onGo={blog.goToFirstNew}
          />
        )}
        <NewUpdatesButton count={model.waitingMatching.length} onShow={blog.showNew} />
        {model.oldestFirst && blog.partial && <TimelineSkeleton />}
        {blog.failed && live.error && <LoadFailure problem={live.error} />}
        {blog.store !== undefined && blog.sorted.length === 0 && (
          <p className="lb-empty">{blog.t.emptyFeed}</p>
        )}
        {blog.store !== undefined && blog.total > 0 && blog.shown === 0 && !blog.partial && (
          <Suspense fallback={null}>
            <NoMatches
              state={model.effective}
              labels={model.labels}
              meta={blog.meta}
              onChange={blog.setView}
            />
          </Suspense>
        )}
        <UpdateList
          grouped={model.grouped}
          stream={model.stream}
          view={model.effective.view}
          context={blog.context}
          fresh={blog.arrivals.fresh}
          since={blog.lastVisit.unread}
          budget={blog.list.budget}
          allRendered={blog.list.allRendered}
          endRef={blog.list.endRef}
          seeAll={blog.limited ? blog.link : undefined}
          older={
            !blog.limited && blog.store !== undefined && !blog.partial
              ? {
                  hasOlder: blog.store.olderUrl !== undefined,
                  broken: blog.store.olderBroken,
                  load: live.loadOlder,
                }
              : undefined
          }
          oldestFirst={model.oldestFirst}
          deeper={blog.deeper}
        />
        <div ref={timelineEnd} className="lb-timeline__end" aria-hidden="true" />
        <ConnectionNotice
          error={live.error}
          nextAttemptAt={live.nextAttemptAt}
          failedAt={live.failedAt}
          onRetry={live.retryNow}
          feed={blog.context.baseUrl}
        />
      </Main>
    </div>
  );
}
