import {
  Fragment,
  useCallback,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import type { ActivityBin } from '../../core/timeline/activity-bins';
import { fillMessage } from '../../shared/i18n/fill-message';
import { spanned } from '../../shared/time/format-time';
import { useMessages } from '../../shared/i18n/use-messages';
import { MOST_TICKS, rangeLabel, tickLabels } from './chart-labels';
import { useTickRoom } from './use-tick-room';

export interface ActivityChartProps {
  /** From activityBins(), in time order. */
  readonly bins: readonly ActivityBin[];
  readonly topicLabel: (topic: string | null) => string;
  /** The feed's language: of the topics' labels ("Other updates", for null, is ours). */
  readonly lang?: string | undefined;
  /** Colour slot of a topic (0-based, wraps round the 8 chart colours); also orders the legend. */
  readonly colourIndex: (topic: string | null) => number;
  readonly locale: string;
  readonly timeZone: string | undefined;
  readonly onSelectBin: (bin: ActivityBin) => void;
  /** "3 updates". */
  readonly countLabel: (n: number) => string;
}

const COLOURS = 8;

export function chartColour(index: number): number {
  return (((Math.trunc(index) % COLOURS) + COLOURS) % COLOURS) + 1;
}

/**
 * Updates over time as a small stacked bar chart. Each non-empty bar is a button (named with its
 * time range, count and topics, which is also the chart's text alternative); the bars form one
 * tab stop, moved along with the arrow keys, so a keyboard user passes the chart in one step.
 */
export function ActivityChart(props: ActivityChartProps) {
  const { bins, topicLabel, colourIndex, locale, timeZone, onSelectBin } = props;
  const messages = useMessages();
  const captionId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<HTMLDivElement>(null);
  const buttons = useRef(new Map<number, HTMLButtonElement>());
  const [active, setActive] = useState<number | null>(null);
  // The bar in the tab order: the newest until the reader moves.
  const [current, setCurrent] = useState<number | null>(null);
  const atEnd = useRef(true);

  const max = bins.reduce((m, b) => Math.max(m, rate(b)), 0);
  const filled = bins.flatMap((b, i) => (b.total > 0 ? [i] : []));
  const tabStop = current !== null && bins[current]?.total ? current : filled[filled.length - 1];
  // From its first instant to its last: over days, bars name the day; over years, the year too.
  const span = spanned(
    bins.length > 0 ? [bins[0]!.start, bins[bins.length - 1]!.end - 1] : [],
    timeZone,
  );
  const multiDay = span.days;
  const years = span.years;
  const label = (bin: ActivityBin, parts: string) =>
    bin.total === 0
      ? ''
      : messages.chartBar(
          rangeLabel(bin, locale, timeZone, multiDay, years),
          props.countLabel(bin.total),
          parts,
        );
  const names = bins.map((bin) =>
    label(bin, bin.byTopic.map((t) => `${topicLabel(t.topic)} ${t.count}`).join(', ')),
  );
  // The readout is drawn text: each topic label in it is isolated.
  const readout = (bin: ActivityBin) =>
    fillMessage(
      (parts) => label(bin, parts),
      bin.byTopic.map((t, i) => (
        <Fragment key={t.topic ?? ''}>
          {i > 0 && ', '}
          <bdi>{topicLabel(t.topic)}</bdi> {t.count}
        </Fragment>
      )),
    );
  const most = tickLabels(bins, locale, timeZone, multiDay, years);
  const room = useTickRoom(plotRef, most);
  const ticks =
    room === MOST_TICKS ? most : tickLabels(bins, locale, timeZone, multiDay, years, room);
  // A key for each colour that stands for one topic only: with more topics than colours, or
  // undeclared topics (drawn in the colour of "Other updates"), a key for every topic would be a
  // long list (pushing the updates off a phone's screen) in which one colour names several.
  const colourOf = (topic: string | null) => chartColour(colourIndex(topic));
  const topics = [...new Set(bins.flatMap((b) => b.byTopic.map((t) => t.topic)))];
  const sharing = new Map<number, number>();
  for (const t of topics) sharing.set(colourOf(t), (sharing.get(colourOf(t)) ?? 0) + 1);
  const legend = topics
    .filter((t) => sharing.get(colourOf(t)) === 1)
    .sort((a, b) => (a === null ? 1 : 0) - (b === null ? 1 : 0) || colourOf(a) - colourOf(b));

  // Newest on screen: start scrolled to the end, and stay there as bins are added, unless the
  // reader has scrolled back.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el || !atEnd.current) return;
    el.scrollLeft = getComputedStyle(el).direction === 'rtl' ? -el.scrollWidth : el.scrollWidth;
  }, [bins.length]);

  const onScroll = useCallback(() => {
    const el = scrollRef.current;
    if (el) atEnd.current = Math.abs(el.scrollLeft) + el.clientWidth >= el.scrollWidth - 2;
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (tabStop === undefined) return;
    const rtl = getComputedStyle(event.currentTarget).direction === 'rtl';
    const at = filled.indexOf(tabStop);
    const step: Record<string, number> = {
      ArrowRight: rtl ? at - 1 : at + 1,
      ArrowLeft: rtl ? at + 1 : at - 1,
      Home: 0,
      End: filled.length - 1,
    };
    const next = filled[Math.min(filled.length - 1, Math.max(0, step[event.key] ?? at))];
    if (!(event.key in step) || next === undefined) return;
    event.preventDefault();
    setCurrent(next);
    buttons.current.get(next)?.focus();
  }

  return (
    // The figure is named by its caption outright: not every accessibility API derives it.
    <figure className="lb-chart" aria-labelledby={captionId}>
      <figcaption id={captionId} className="lb-chart__caption">
        {messages.chartCaption(bins[0]?.hours ?? 1)}
      </figcaption>
      <div className="lb-chart__scroll" ref={scrollRef} onScroll={onScroll}>
        <div className="lb-chart__plot" role="toolbar" onKeyDown={onKeyDown} ref={plotRef}>
          {bins.map((bin, i) => (
            <div className="lb-chart__slot" key={bin.start}>
              {bin.total > 0 && (
                <button
                  type="button"
                  className="lb-chart__bar"
                  aria-label={names[i]}
                  tabIndex={i === tabStop ? 0 : -1}
                  ref={(el) => {
                    if (el) buttons.current.set(i, el);
                    else buttons.current.delete(i);
                  }}
                  onClick={() => {
                    setCurrent(i);
                    onSelectBin(bin);
                  }}
                  onFocus={() => {
                    setCurrent(i);
                    setActive(i);
                  }}
                  onBlur={() => setActive(null)}
                  onMouseEnter={() => setActive(i)}
                  onMouseLeave={() => setActive(null)}
                >
                  <Bar bin={bin} max={max} colourIndex={colourIndex} />
                </button>
              )}
              {ticks[i] !== undefined && (
                <span className="lb-chart__tick" aria-hidden="true">
                  {ticks[i]}
                </span>
              )}
            </div>
          ))}
        </div>
      </div>
      {/* What the pointer or focus is on, for sighted readers; screen readers hear the name. */}
      <p className="lb-chart__readout" aria-hidden="true">
        {active !== null && bins[active] && <span>{readout(bins[active])}</span>}
      </p>
      {legend.length > 1 && (
        <ul className="lb-chart__legend">
          {legend.map((topic) => (
            <li key={topic ?? ''} className="lb-chart__key">
              <span
                className={`lb-chart__swatch lb-chart__fill--${colourOf(topic)}`}
                aria-hidden="true"
              />
              <bdi lang={topic === null ? undefined : props.lang}>{topicLabel(topic)}</bdi>
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}

/**
 * A bar's height: updates per bin width. The hour clocks go back is two hours long (01:00–02:00
 * twice): its count alone would draw a spike that the newsroom never had.
 */
function rate(bin: ActivityBin): number {
  return bin.total / Math.max(1, (bin.end - bin.start) / (bin.hours * 3_600_000));
}

/** One stacked bar, drawn in a 10×100 box that CSS stretches to the slot. */
function Bar({
  bin,
  max,
  colourIndex,
}: {
  bin: ActivityBin;
  max: number;
  colourIndex: (topic: string | null) => number;
}) {
  // A single update still shows as a visible stub.
  const height = Math.max(4, (rate(bin) / max) * 100);
  const segments = bin.byTopic.map((t) => ({ topic: t.topic, h: (t.count / bin.total) * height }));
  const tops = segments.map((_, i) => 100 - segments.slice(0, i + 1).reduce((s, x) => s + x.h, 0));
  return (
    <svg viewBox="0 0 10 100" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      {segments.map(({ topic, h }, i) => (
        <rect
          key={topic ?? ''}
          className={`lb-chart__seg lb-chart__fill--${chartColour(colourIndex(topic))}`}
          x={1.5}
          width={7}
          y={tops[i]}
          height={h}
          vectorEffect="non-scaling-stroke"
        />
      ))}
    </svg>
  );
}
