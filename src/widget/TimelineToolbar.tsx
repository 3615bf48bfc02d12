import type { TimelineView } from '../core/filters/filter-state';
import { ViewSwitch } from '../capabilities/timeline/ViewSwitch';
import { useMessages } from '../shared/i18n/use-messages';

interface Props {
  readonly view: TimelineView;
  /** Undefined where the embed shows no controls. */
  readonly onView: ((view: TimelineView) => void) | undefined;
  readonly shown: number;
  readonly total: number;
  /** Only the first screen of a large document is in: no count yet. */
  readonly partial: boolean;
  /** Undefined when no filter is on (or controls are hidden). */
  readonly onClear: (() => void) | undefined;
}

/** Above the updates: By topic / Latest, how many updates are shown, and "Clear filters". */
export function TimelineToolbar({ view, onView, shown, total, partial, onClear }: Props) {
  const t = useMessages();
  return (
    <div className="lb-toolbar">
      {onView && <ViewSwitch view={view} onChange={onView} />}
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
