import type { ReadingOrder, TimelineView } from '../core/filters/filter-state';
import { OrderSwitch, ViewSwitch } from '../capabilities/timeline/ViewSwitch';
import { useMessages } from '../shared/i18n/use-messages';

interface Props {
  readonly view: TimelineView;
  readonly order: ReadingOrder;
  /** Undefined where the embed shows no controls. */
  readonly onView: ((view: TimelineView) => void) | undefined;
  readonly onOrder: ((order: ReadingOrder) => void) | undefined;
  readonly shown: number;
  readonly total: number;
  /** Only the first screen of a large document is in: no count yet. */
  readonly partial: boolean;
  /** Undefined when no filter is on (or controls are hidden). */
  readonly onClear: (() => void) | undefined;
}

/**
 * Above the updates: By topic / Latest, the Latest view's order, how many updates are shown, and
 * "Clear filters".
 */
export function TimelineToolbar(props: Props) {
  const { view, order, onView, onOrder, shown, total, partial, onClear } = props;
  const t = useMessages();
  return (
    <div className="lb-toolbar">
      {onView && <ViewSwitch view={view} onChange={onView} />}
      {onOrder && view === 'latest' && <OrderSwitch order={order} onChange={onOrder} />}
      <p className="lb-result-count">
        {partial ? t.loadingRest : t.resultCount(shown, total)}
        {onClear && (
          <button type="button" className="lb-link-button" onClick={onClear}>
            {t.clearFilters}
          </button>
        )}
      </p>
    </div>
  );
}
