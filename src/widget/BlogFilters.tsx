import { Suspense } from 'react';
import { lazyPart } from '../shared/code/lazy-part';
import { formatDayAndClock } from '../shared/time/format-time';
import { FiltersDisclosure } from './FiltersDisclosure';
import type { useLiveBlog } from './use-live-blog';

// The filter panel sits beside the timeline or behind the "Filters" button, never above the
// updates: it may arrive a moment after them without moving what the reader sees.
const FilterPanel = lazyPart(() =>
  import('../capabilities/filters/FilterPanel').then((m) => m.FilterPanel),
);

/** The reader's filters: facets with counts, search, key events only, behind their disclosure. */
export function BlogFilters({ blog }: { readonly blog: ReturnType<typeof useLiveBlog> }) {
  return (
    <FiltersDisclosure active={blog.active}>
      {/* The first screen's facets would list only its newest updates, and rendering them
          would hold back the first paint of a large document. */}
      {blog.partial ? (
        <p className="lb-filters__pending">{blog.t.filtersPending}</p>
      ) : (
        <Suspense fallback={null}>
          <FilterPanel
            state={blog.model.effective}
            counting={blog.model.counting}
            meta={blog.meta}
            labels={blog.model.labels}
            locale={blog.locale}
            onChange={blog.setView}
            compact={blog.controls === 'compact'}
            coverageSince={
              blog.store?.olderUrl !== undefined && blog.model.oldestLoaded !== undefined
                ? formatDayAndClock(blog.model.oldestLoaded, blog.locale, blog.timeZone)
                : undefined
            }
            countsPending={blog.model.countsPending}
            navigation={blog.navigation}
            carriedFrom={blog.formSearch}
            index={blog.model}
          />
        </Suspense>
      )}
    </FiltersDisclosure>
  );
}
