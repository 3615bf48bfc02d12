import type { TimelineView } from '../../core/filters/filter-state';
import { useMessages } from '../../shared/i18n/use-messages';

interface Props {
  readonly view: TimelineView;
  readonly onChange: (view: TimelineView) => void;
}

/** Two toggle buttons: grouped by topic, or one chronological stream. */
export function ViewSwitch({ view, onChange }: Props) {
  const t = useMessages();
  return (
    <div role="group" aria-label={t.viewLabel} className="lb-view-switch" part="view-switch">
      <button type="button" aria-pressed={view === 'topics'} onClick={() => onChange('topics')}>
        {t.viewTopics}
      </button>
      <button type="button" aria-pressed={view === 'latest'} onClick={() => onChange('latest')}>
        {t.viewLatest}
      </button>
    </div>
  );
}
