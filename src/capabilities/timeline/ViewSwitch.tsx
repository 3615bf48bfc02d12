import type { ReadingOrder, TimelineView } from '../../core/filters/filter-state';
import { useMessages } from '../../shared/i18n/use-messages';

interface SwitchProps<T extends string> {
  readonly label: string;
  readonly value: T;
  /** Each choice's value and visible name. */
  readonly choices: readonly (readonly [T, string])[];
  readonly onChange: (value: T) => void;
  readonly part: string;
}

/** Toggle buttons of which one is pressed: a labelled group, one tab stop per choice. */
function Switch<T extends string>({ label, value, choices, onChange, part }: SwitchProps<T>) {
  return (
    <div role="group" aria-label={label} className="lb-view-switch" part={part}>
      {choices.map(([choice, name]) => (
        <button
          key={choice}
          type="button"
          aria-pressed={value === choice}
          onClick={() => onChange(choice)}
        >
          {name}
        </button>
      ))}
    </div>
  );
}

/** Grouped by topic, or one chronological stream. */
export function ViewSwitch(props: {
  readonly view: TimelineView;
  readonly onChange: (view: TimelineView) => void;
}) {
  const t = useMessages();
  return (
    <Switch
      label={t.viewLabel}
      value={props.view}
      choices={[
        ['topics', t.viewTopics],
        ['latest', t.viewLatest],
      ]}
      onChange={props.onChange}
      part="view-switch"
    />
  );
}

/** The Latest view's reading order: newest first, or from the start of the story down. */
export function OrderSwitch(props: {
  readonly order: ReadingOrder;
  readonly onChange: (order: ReadingOrder) => void;
}) {
  const t = useMessages();
  return (
    <Switch
      label={t.orderLabel}
      value={props.order}
      choices={[
        ['newest', t.orderNewest],
        ['oldest', t.orderOldest],
      ]}
      onChange={props.onChange}
      part="order-switch"
    />
  );
}
