import { Suspense, type RefObject } from 'react';
import type { TimelineView } from '../core/filters/filter-state';
import type { GroupedTimeline } from '../core/timeline/group-by-topic';
import type { LiveItem } from '../core/feed/feed-types';
import { LatestStream } from '../capabilities/timeline/LatestStream';
import { TopicGroups } from '../capabilities/timeline/TopicGroups';
import type { UpdateContext } from '../capabilities/timeline/UpdateArticle';
import { UpdateArticles } from '../capabilities/timeline/UpdateArticles';
import { lazyPart } from '../shared/code/lazy-part';
import { useHydrated } from '../shared/hydration/use-hydrated';
import { useMessages } from '../shared/i18n/use-messages';

// Only a paged feed has older pages, and they come after the first screen: so does their code.
const OlderUpdates = lazyPart(() =>
  import('../capabilities/timeline/OlderUpdates').then((m) => m.OlderUpdates),
);

interface Props {
  readonly grouped: GroupedTimeline;
  readonly stream: readonly LiveItem[];
  readonly view: TimelineView;
  readonly context: UpdateContext;
  readonly fresh: ReadonlySet<string>;
  readonly since: ReadonlySet<string>;
  /** Updates to render after the pinned ones (use-render-budget.ts). */
  readonly budget: number;
  readonly allRendered: boolean;
  /** Where rendering more begins, when the reader comes near. */
  readonly endRef: RefObject<HTMLDivElement | null>;
  /** "See all updates": the embed shows a limited number, and links to the whole blog. */
  readonly seeAll: string | undefined;
  /** The feed's older pages; undefined: none to offer. */
  readonly older:
    | { readonly hasOlder: boolean; readonly broken: boolean; readonly load: () => Promise<void> }
    | undefined;
  /** The Latest view reads oldest first: the way to older pages is at the top. */
  readonly oldestFirst: boolean;
  /**
   * A page of its own: the addresses of the same page further down the list, which its server
   * renders for a reader without JavaScript (`more=`, `older=`); undefined where none may go.
   */
  readonly deeper?: { readonly more: string | undefined; readonly older: string | undefined };
}

/**
 * The updates: pinned ones first, then by topic or in time order, and the way to older ones: at
 * the end once every update held is rendered, or above the stream when it reads oldest first.
 */
export function UpdateList(props: Props) {
  const { grouped, stream, view, context, fresh, since, budget, allRendered, endRef, seeAll } =
    props;
  const { older } = props;
  const t = useMessages();
  // Until the page runs script (or without JavaScript): from then on the window grows as the
  // reader nears its end, as it always has.
  const hydrated = useHydrated();
  const olderUpdates = older && (
    // Above the stream (oldest first), the button's place is kept while its code comes.
    <Suspense
      fallback={
        props.oldestFirst && older.hasOlder ? (
          <div className="lb-older">
            <span className="lb-button lb-button--secondary" style={{ visibility: 'hidden' }}>
              {t.showEarlier}
            </span>
          </div>
        ) : null
      }
    >
      <OlderUpdates
        hasOlder={older.hasOlder}
        broken={older.broken}
        onLoad={older.load}
        auto={!props.oldestFirst}
        href={props.deeper?.older}
      />
    </Suspense>
  );
  const more = hydrated ? undefined : props.deeper?.more;
  return (
    <>
      {grouped.pinned.length > 0 && (
        <section className="lb-pinned" aria-label={t.pinned} part="pinned">
          {/* Keeps the heading outline h1 > h2 > h3 for the pinned updates' h3 headlines. */}
          <h2 className="lb-visually-hidden">{t.pinned}</h2>
          <UpdateArticles items={grouped.pinned} {...{ context, fresh, since }} />
        </section>
      )}
      {props.oldestFirst && olderUpdates}
      {view === 'topics' ? (
        <TopicGroups groups={grouped.groups} {...{ context, fresh, since, budget }} />
      ) : (
        <LatestStream items={stream} {...{ context, fresh, since, budget }} />
      )}
      {!allRendered && more !== undefined && (
        <p className="lb-show-more">
          <a href={more} className="lb-button lb-button--secondary">
            {t.showMoreUpdates}
          </a>
        </p>
      )}
      {!allRendered && <div ref={endRef} className="lb-render-more" aria-hidden="true" />}
      {seeAll && (
        <p className="lb-see-all">
          <a href={seeAll} target="_top" className="lb-button">
            {t.seeAll}
          </a>
        </p>
      )}
      {!props.oldestFirst && allRendered && olderUpdates}
    </>
  );
}
