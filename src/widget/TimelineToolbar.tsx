import type { ReadingOrder, TimelineView } from '../core/filters/filter-state';
import { OrderSwitch, ViewSwitch } from '../capabilities/timeline/ViewSwitch';
import { useMessages } from '../shared/i18n/use-messages';

interface Props {
  readonly view: TimelineView;
  readonly order: ReadingOrder;
  /** Undefined where the embed shows no controls. */
  readonly onView: ((view: TimelineView) => void) | undefined;
  readonly onOrder: ((order: ReadingOrder) => void) | undefined;
  /** Oldest first, the newest update is at the far end: a way there. */
  readonly onJumpToLatest: (() => void) | undefined;
  readonly shown: number;
  readonly total: number;
  /** Only the first screen of a large document is in: no count yet. */
  readonly partial: boolean;
  /** Undefined when no filter is on (or controls are hidden). */
  readonly onClear: (() => void) | undefined;
}

/**
 * Above the updates: By topic / Latest, the Latest view's order, how many updates are shown,
 * "Clear filters" and, oldest first, "Jump to latest". Nothing here floats over the updates.
 */
export function TimelineToolbar(props: Props) {
  const { view, order, onView, onOrder, onJumpToLatest, shown, total, partial, onClear } = props;
  const t = useMessages();
  return (
    <div className="lb-toolbar">
      {onView && <ViewSwitch view={view} onChange={onView} />}
      {onOrder && view === 'latest' && <OrderSwitch order={order} onChange={onOrder} />}
      <p className="lb-result-count">
        {/* Its own direction: "2 updates", not "updates 2", in a right-to-left feed. */}
        <bdi>{partial ? t.loadingRest : t.resultCount(shown, total)}</bdi>
        {onClear && (
          <button type="button" className="lb-link-button" onClick={onClear}>
            {t.clearFilters}
          </button>
        )}
      </p>
      {onJumpToLatest && (
        <button
          type="button"
          className="lb-button lb-button--secondary lb-button--small"
          onClick={onJumpToLatest}
        >
          {t.jumpToLatest}
          <span aria-hidden="true"> ↓</span>
        </button>
      )}
    </div>
  );
}
