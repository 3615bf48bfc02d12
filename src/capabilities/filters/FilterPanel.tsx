import { memo, useCallback, useEffect, useId, useRef, useState } from 'react';
import type { FacetName, ViewState } from '../../core/filters/filter-state';
import {
  FACETS,
  activeFilterCount,
  clearFilters,
  toggleValue,
} from '../../core/filters/filter-state';
import { useChunkMessages } from '../../shared/i18n/use-messages';
import { useLocale, useMessages } from '../../shared/i18n/use-messages';
import type { FacetCounting, FacetOption } from '../../core/filters/facet-options';
import { facetValueLang, type Labels } from '../../core/filters/facet-labels';
import type { FeedMeta } from '../../core/feed/feed-types';
import { filterPanelMessages } from './filter-panel-messages';
import { idPart } from '../../core/timeline/element-ids';
import { FACET_PARAM, MAX_QUERY } from '../../core/filters/url-state';
import { formCarriedParams } from '../../core/filters/form-params';
import type { LiveItem } from '../../core/feed/feed-types';
import type { SearchText } from '../../core/filters/match-items';
import { warmSearchIndex } from './warm-search';
import { useFacetOptions } from './use-facet-options';

interface Props {
  readonly state: ViewState;
  /** What the counts are of (use-facet-options.ts), and what names the values. */
  readonly counting: FacetCounting;
  readonly meta: FeedMeta | undefined;
  readonly labels: Labels;
  readonly locale: string;
  readonly onChange: (next: ViewState, options?: { replace?: boolean }) => void;
  /** "compact" shows search and key events only. */
  readonly compact?: boolean;
  /** Counts cover only updates since this time (formatted): older pages are not loaded. */
  readonly coverageSince?: string;
  /** The counts are being brought up to date. */
  readonly countsPending?: boolean;
  /** Changes on Back/Forward: a search still being typed is dropped, not applied afterwards. */
  readonly navigation?: number;
  /** The address's query, when the filters live in it: the form, sent without JavaScript,
   * carries its other parameters along (form-params.ts). */
  readonly carriedFrom?: string | undefined;
  /** The updates and their search index, built ahead when the search box is focused. */
  readonly index?: { readonly sorted: readonly LiveItem[]; readonly searchText: SearchText };
}

const COLLAPSED_OPTIONS = 8;
const SEARCH_DEBOUNCE_MS = 250;

interface FacetCheckboxProps {
  readonly id: string;
  readonly facet: FacetName;
  readonly option: FacetOption;
  /** The feed's language, for a label that is the feed's words. */
  readonly lang: string | undefined;
  readonly checked: boolean;
  readonly onToggle: (facet: FacetName, value: string) => void;
}

// Memoised row: a poll that changes one count re-renders that row only, not every checkbox.
const FacetCheckbox = memo(
  function FacetCheckbox({ id, facet, option, lang, checked, onToggle }: FacetCheckboxProps) {
    const locale = useLocale();
    const hintId = `hint-${id}`;
    return (
      <li
        className={
          option.count === 0 && !checked ? 'lb-facet__item lb-facet__item--empty' : 'lb-facet__item'
        }
      >
        <input
          type="checkbox"
          id={id}
          name={FACET_PARAM[facet]}
          value={option.value}
          checked={checked}
          onChange={() => onToggle(facet, option.value)}
          aria-describedby={option.hint ? hintId : undefined}
        />
        <label htmlFor={id}>
          <bdi lang={lang}>{option.label}</bdi>{' '}
          <span className="lb-facet__count">({option.count.toLocaleString(locale)})</span>
        </label>
        {option.hint && (
          <bdi id={hintId} className="lb-facet__hint" lang={lang}>
            {option.hint}
          </bdi>
        )}
      </li>
    );
  },
  (a, b) =>
    a.id === b.id &&
    a.facet === b.facet &&
    a.checked === b.checked &&
    a.lang === b.lang &&
    a.onToggle === b.onToggle &&
    a.option.value === b.option.value &&
    a.option.label === b.option.label &&
    a.option.hint === b.option.hint &&
    a.option.count === b.option.count,
);

function FacetFieldset({
  facet,
  meta,
  legend,
  options,
  chosen,
  onToggle,
}: {
  facet: FacetName;
  meta: FeedMeta | undefined;
  legend: string;
  options: readonly FacetOption[];
  chosen: readonly string[];
  onToggle: (facet: FacetName, value: string) => void;
}) {
  const t = useChunkMessages(filterPanelMessages);
  const baseId = useId();
  const [expanded, setExpanded] = useState(false);
  if (options.length === 0) return null;
  // Chosen values stay visible even when the list is folded.
  const visible = expanded
    ? options
    : options.filter((o, i) => i < COLLAPSED_OPTIONS || chosen.includes(o.value));
  return (
    <fieldset className="lb-facet" part="facet">
      <legend className="lb-facet__legend">{legend}</legend>
      <ul className="lb-facet__list">
        {visible.map((option) => (
          <FacetCheckbox
            key={option.value}
            id={`${baseId}-${idPart(option.value)}`}
            facet={facet}
            option={option}
            lang={facetValueLang(meta, facet, option.value)}
            checked={chosen.includes(option.value)}
            onToggle={onToggle}
          />
        ))}
      </ul>
      {options.length > COLLAPSED_OPTIONS && (
        <button
          type="button"
          className="lb-link-button"
          aria-expanded={expanded}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? t.showFewer : t.showMore(options.length)}
        </button>
      )}
    </fieldset>
  );
}

/** Search, key events and one fieldset per facet. Renders state; owns only the typing buffer. */
export function FilterPanel({
  state,
  counting,
  meta,
  labels,
  locale,
  onChange,
  compact = false,
  coverageSince,
  countsPending = false,
  navigation = 0,
  carriedFrom,
  index,
}: Props) {
  const t = useMessages();
  const own = useChunkMessages(filterPanelMessages);
  const { options, keyEventCount, anyKeyEvent } = useFacetOptions(
    counting,
    state,
    meta,
    labels,
    locale,
  );
  const keyId = useId();
  const search = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState(state.q);
  const [typedFor, setTypedFor] = useState(state.q);
  const [navigatedTo, setNavigatedTo] = useState(navigation);
  // A search already applied while the box kept focus: typing on refines it in the same history
  // entry, so a reader who pauses between keys does not need a Back press for each pause.
  const [refining, setRefining] = useState(false);
  // A blog that marks no key events has no use for their toggle. Once shown it stays: taken
  // away as the reader unchecks it (an address had checked it), it would take their focus along.
  const [keyOffered, setKeyOffered] = useState(false);
  if ((anyKeyEvent || state.keyOnly) && !keyOffered) setKeyOffered(true);
  // Back/Forward or "Clear filters" replace the query from outside: follow them. Back/Forward
  // also drops typing not yet applied, which would otherwise come back as a new history entry.
  if (state.q !== typedFor || navigation !== navigatedTo) {
    setTypedFor(state.q);
    setQuery(state.q);
    setNavigatedTo(navigation);
    setRefining(false);
  }
  useEffect(() => {
    if (query === state.q) return;
    const timer = setTimeout(() => {
      setTypedFor(query);
      setRefining(true);
      // Emptied, the box starts again: Back then brings the search back.
      onChange({ ...state, q: query }, { replace: refining && query !== '' });
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query, state, onChange, refining]);
  const toggle = useCallback(
    (facet: FacetName, value: string) =>
      onChange({ ...state, [facet]: toggleValue(state[facet], value) }),
    [onChange, state],
  );
  return (
    <form
      role="search"
      aria-label={own.filters}
      className="lb-filters__form"
      aria-busy={countsPending}
      // Without JavaScript the form is sent (GET: the same parameters as the address bar) and
      // the server renders the filtered page; with it, filters apply as they change.
      method="get"
      onSubmit={(e) => e.preventDefault()}
    >
      {(carriedFrom === undefined ? [] : formCarriedParams(carriedFrom, state)).map(
        ([name, value], i) => (
          <input key={i} type="hidden" name={name} value={value} />
        ),
      )}
      <div className="lb-filters__search">
        <input
          ref={search}
          type="search"
          name="q"
          aria-label={own.searchLabel}
          placeholder={own.searchPlaceholder}
          value={query}
          maxLength={MAX_QUERY}
          onChange={(e) => setQuery(e.target.value)}
          onFocus={() => index && warmSearchIndex(index.sorted, index.searchText)}
          onBlur={() => setRefining(false)}
          autoComplete="off"
          enterKeyHint="search"
        />
      </div>
      {(keyOffered || anyKeyEvent || state.keyOnly) && (
        <div className="lb-filters__key">
          <input
            type="checkbox"
            id={keyId}
            name="key"
            value="1"
            checked={state.keyOnly}
            onChange={(e) => onChange({ ...state, keyOnly: e.target.checked })}
          />
          <label htmlFor={keyId}>{own.keyEventsOnly}</label>
          <span className="lb-facet__count" aria-hidden="true">
            {' '}
            ({keyEventCount})
          </span>
        </div>
      )}
      {!compact && (
        <>
          {FACETS.map((facet) => (
            <FacetFieldset
              key={facet}
              facet={facet}
              meta={meta}
              legend={own[facet]}
              options={options[facet]}
              chosen={state[facet]}
              onToggle={toggle}
            />
          ))}
        </>
      )}
      {coverageSince && <p className="lb-filters__note">{own.countsCoverage(coverageSince)}</p>}
      <noscript>
        <button type="submit" className="lb-button">
          {own.applyFilters}
        </button>
      </noscript>
      {activeFilterCount(state) > 0 && (
        <button
          type="button"
          className="lb-button lb-button--secondary"
          // Gone once used: the focus stays in the form, where the reader starts again.
          onClick={() => {
            search.current?.focus();
            onChange(clearFilters(state));
          }}
        >
          {t.clearFilters}
        </button>
      )}
    </form>
  );
}
