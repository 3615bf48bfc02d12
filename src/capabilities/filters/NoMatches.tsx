import type { FacetName, ViewState } from '../../core/filters/filter-state';
import { FACETS } from '../../core/filters/filter-state';
import type { ReactNode } from 'react';
import { fillMessage } from '../../shared/i18n/fill-message';
import { useChunkMessages } from '../../shared/i18n/use-messages';
import { facetValueLabel, facetValueLang, type Labels } from '../../core/filters/facet-labels';
import type { FeedMeta } from '../../core/feed/feed-types';
import { noMatchesMessages } from './no-matches-messages';
import { stylesRef } from '../../shared/styles/adopt-styles';
import noMatchesCss from './no-matches.css?inline';

// Its styles come with this lazy chunk (docs/decisions/0012).
const styled = stylesRef(noMatchesCss);

interface Props {
  readonly state: ViewState;
  readonly labels: Labels;
  /** Its language, of the labels it gives. */
  readonly meta: FeedMeta | undefined;
  readonly onChange: (next: ViewState) => void;
}

/** Zero results: say which filters to loosen, each one removable here. */
export function NoMatches({ state, labels, meta, onChange }: Props) {
  const own = useChunkMessages(noMatchesMessages);
  const label = (facet: FacetName, value: string) => facetValueLabel(labels, facet, value);
  // `shown` isolates the feed's text from the words around it; `text` names the button.
  const chips: { key: string; text: string; shown: ReactNode; remove: () => void }[] = [];
  for (const facet of FACETS) {
    for (const value of state[facet]) {
      chips.push({
        key: `${facet}:${value}`,
        text: `${own[facet]}: ${label(facet, value)}`,
        shown: (
          <>
            {own[facet]}: <bdi lang={facetValueLang(meta, facet, value)}>{label(facet, value)}</bdi>
          </>
        ),
        remove: () => onChange({ ...state, [facet]: state[facet].filter((v) => v !== value) }),
      });
    }
  }
  if (state.q.trim())
    chips.push({
      key: 'q',
      text: own.searchFor(state.q.trim()),
      shown: fillMessage(own.searchFor, <bdi>{state.q.trim()}</bdi>),
      remove: () => onChange({ ...state, q: '' }),
    });
  if (state.keyOnly)
    chips.push({
      key: 'key',
      text: own.keyEventsOnly,
      shown: own.keyEventsOnly,
      remove: () => onChange({ ...state, keyOnly: false }),
    });
  return (
    <div ref={styled} className="lb-empty lb-no-matches">
      <p>
        <strong>{own.noMatches}</strong> {own.loosen}
      </p>
      <ul className="lb-chips">
        {chips.map((chip) => (
          <li key={chip.key}>
            <button
              type="button"
              className="lb-chip"
              onClick={chip.remove}
              aria-label={own.removeFilter(chip.text)}
            >
              {chip.shown} <span aria-hidden="true">×</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
