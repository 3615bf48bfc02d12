import type { FacetName, ViewState } from '../core/filters/filter-state';
import { FACETS } from '../core/filters/filter-state';
import { useMessages } from '../i18n/use-messages';
import { facetLegends, facetValueLabel, type Labels } from './facet-options';

interface Props {
  readonly state: ViewState;
  readonly labels: Labels;
  readonly onChange: (next: ViewState) => void;
}

/** Zero results: say which filters to loosen, each one removable here. */
export function NoMatches({ state, labels, onChange }: Props) {
  const t = useMessages();
  const legend = facetLegends(t);
  const label = (facet: FacetName, value: string) => facetValueLabel(labels, facet, value);
  const chips: { key: string; text: string; remove: () => void }[] = [];
  for (const facet of FACETS) {
    for (const value of state[facet]) {
      chips.push({
        key: `${facet}:${value}`,
        text: `${legend[facet]}: ${label(facet, value)}`,
        remove: () => onChange({ ...state, [facet]: state[facet].filter((v) => v !== value) }),
      });
    }
  }
  if (state.q.trim())
    chips.push({
      key: 'q',
      text: t.searchFor(state.q.trim()),
      remove: () => onChange({ ...state, q: '' }),
    });
  if (state.keyOnly)
    chips.push({
      key: 'key',
      text: t.keyEventsOnly,
      remove: () => onChange({ ...state, keyOnly: false }),
    });
  return (
    <div className="lb-empty lb-no-matches">
      <p>
        <strong>{t.noMatches}</strong> {t.loosen}
      </p>
      <ul className="lb-chips">
        {chips.map((chip) => (
          <li key={chip.key}>
            <button
              type="button"
              className="lb-chip"
              onClick={chip.remove}
              aria-label={t.removeFilter(chip.text)}
            >
              {chip.text} <span aria-hidden="true">×</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
