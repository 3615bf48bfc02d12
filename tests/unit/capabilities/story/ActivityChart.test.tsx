import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, it, vi } from 'vitest';
import { activityBins, type ActivityBin } from '../../../../src/core/timeline/activity-bins';
import { en } from '../../../../src/shared/i18n/messages-en';
import { uk } from '../../../../src/shared/i18n/messages-uk';
import { LocaleContext } from '../../../../src/shared/i18n/use-messages';
import {
  ActivityChart,
  type ActivityChartProps,
} from '../../../../src/capabilities/story/ActivityChart';
import { item } from '../../../support/feed-builders';

const TOPICS = ['ukraine', 'china'];
const LABELS: Record<string, string> = { ukraine: 'Ukraine', china: 'China' };
const at = (iso: string) => Date.parse(iso);
const itemAt = (id: string, iso: string, topics: string[] = []) =>
  item(id, 0, { published: at(iso), topics });

// 10:xx: two on Ukraine, one on China; 11:xx: nothing; 12:xx: one without a topic (UTC).
const ITEMS = [
  itemAt('a', '2023-07-12T10:05:00Z', ['ukraine']),
  itemAt('b', '2023-07-12T10:20:00Z', ['china']),
  itemAt('c', '2023-07-12T10:40:00Z', ['ukraine', 'china']),
  itemAt('d', '2023-07-12T12:15:00Z'),
];

function renderChart(overrides: Partial<ActivityChartProps> = {}) {
  const onSelectBin = vi.fn<(bin: ActivityBin) => void>();
  const bins = activityBins(ITEMS, { timeZone: 'UTC', topicOrder: TOPICS });
  const props: ActivityChartProps = {
    bins,
    topicLabel: (t) => (t === null ? en.otherUpdates : LABELS[t]!),
    colourIndex: (t) => (t === null ? 7 : TOPICS.indexOf(t)),
    locale: 'en-GB',
    timeZone: 'UTC',
    onSelectBin,
    countLabel: en.updateCount,
    ...overrides,
  };
  // The chart's strings are the widget's catalogue, for the locale it is rendered in.
  const messages = props.locale.startsWith('uk') ? uk : en;
  const view = render(
    <LocaleContext value={{ locale: props.locale, messages }}>
      <ActivityChart {...props} />
    </LocaleContext>,
  );
  return { ...view, bins: props.bins, onSelectBin };
}

describe('ActivityChart', () => {
  it('shows a captioned figure with one named button per non-empty hour', () => {
    renderChart();
    const figure = screen.getByRole('figure', { name: 'Updates per hour' });
    const bars = within(figure).getAllByRole('button');
    expect(bars.map((b) => b.getAttribute('aria-label'))).toEqual([
      '10:00–11:00, 3 updates: Ukraine 2, China 1',
      '12:00–13:00, 1 update: Other updates 1',
    ]);
    // The empty 11:00 hour has a slot on the axis but nothing to press.
    expect(figure.querySelectorAll('.lb-chart__slot')).toHaveLength(3);
  });

  it('draws bars stacked by topic, in the topic colours, scaled to the busiest hour', () => {
    const { container } = renderChart();
    const [first, second] = [...container.querySelectorAll('button svg')];
    const segs = [...first!.querySelectorAll('rect')];
    expect(segs.map((r) => r.getAttribute('class'))).toEqual([
      'lb-chart__seg lb-chart__fill--1',
      'lb-chart__seg lb-chart__fill--2',
    ]);
    // Ukraine 2 of 3 on the bottom, China on top, full height for the busiest hour.
    expect(segs.map((r) => Number(r.getAttribute('height')).toFixed(2))).toEqual([
      '66.67',
      '33.33',
    ]);
    expect(Number(segs[1]!.getAttribute('y'))).toBeCloseTo(0);
    const other = second!.querySelector('rect')!;
    expect(other.getAttribute('class')).toContain('lb-chart__fill--8');
    expect(Number(other.getAttribute('height'))).toBeCloseTo(100 / 3);
  });

  it('draws the hour the clocks go back, two hours long, by its updates per hour', () => {
    // Two updates in every real hour, 00:00 to 03:00 in London on 26 October 2025.
    const items = ['23:10', '23:40', '00:10', '00:40', '01:10', '01:40', '02:10', '02:40'].map(
      (hm, i) => itemAt(`u${i}`, `2025-10-2${hm < '12' ? 6 : 5}T${hm}:00Z`),
    );
    const { container } = renderChart({
      bins: activityBins(items, { timeZone: 'Europe/London', topicOrder: TOPICS }),
      timeZone: 'Europe/London',
    });
    expect(screen.getAllByRole('button').map((b) => b.getAttribute('aria-label'))).toEqual([
      '00:00–01:00, 2 updates: Other updates 2',
      '01:00–02:00, 4 updates: Other updates 4',
      '02:00–03:00, 2 updates: Other updates 2',
    ]);
    const heights = [...container.querySelectorAll('button svg rect')].map((r) =>
      Number(r.getAttribute('height')),
    );
    expect(heights).toEqual([100, 100, 100]);
  });

  it('calls onSelectBin with the bin of the bar pressed', async () => {
    const user = userEvent.setup();
    const { bins, onSelectBin } = renderChart();
    await user.click(screen.getByRole('button', { name: /^12:00–13:00/ }));
    expect(onSelectBin).toHaveBeenCalledExactlyOnceWith(bins[2]);
  });

  it('is one tab stop, on the newest bar, moved with the arrow keys, Home and End', async () => {
    const user = userEvent.setup();
    const { onSelectBin, bins } = renderChart();
    await user.tab();
    expect(screen.getByRole('button', { name: /^12:00/ })).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('button', { name: /^10:00/ })).toHaveFocus();
    await user.keyboard('{ArrowLeft}'); // already the first
    expect(screen.getByRole('button', { name: /^10:00/ })).toHaveFocus();
    await user.keyboard('{End}');
    expect(screen.getByRole('button', { name: /^12:00/ })).toHaveFocus();
    await user.keyboard('{Home}{Enter}');
    expect(onSelectBin).toHaveBeenCalledExactlyOnceWith(bins[0]);
    // Tabbing away leaves the chart in one step, and back returns to the bar last used.
    await user.tab();
    expect(document.body).toHaveFocus();
    await user.tab({ shift: true });
    expect(screen.getByRole('button', { name: /^10:00/ })).toHaveFocus();
  });

  it('shows the focused bar’s numbers to sighted readers', async () => {
    const user = userEvent.setup();
    const { container } = renderChart();
    const readout = container.querySelector('.lb-chart__readout')!;
    expect(readout).toHaveTextContent('');
    await user.hover(screen.getByRole('button', { name: /^10:00/ }));
    expect(readout).toHaveTextContent('10:00–11:00, 3 updates: Ukraine 2, China 1');
    await user.unhover(screen.getByRole('button', { name: /^10:00/ }));
    expect(readout).toHaveTextContent('');
  });

  it('labels a few round hours on the axis and lists the topics in a legend', () => {
    const { container } = renderChart();
    const ticks = [...container.querySelectorAll('.lb-chart__tick')].map((t) => t.textContent);
    expect(ticks).toEqual(['10:00', '11:00', '12:00']);
    const legend = screen.getByRole('list');
    expect(
      within(legend)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Ukraine', 'China', 'Other updates']);
  });

  it('leaves the legend out when topics share every colour: more topics than colours', () => {
    // 20 topics wrap round the 8 colours: a legend of them would be a long list (pushing the
    // updates off a phone's screen) in which one colour names several topics.
    const topics = Array.from({ length: 20 }, (_, i) => `t${i}`);
    const items = topics.map((t, i) =>
      itemAt(t, `2023-07-12T10:${String(i).padStart(2, '0')}:00Z`, [t]),
    );
    const { container } = renderChart({
      bins: activityBins([...items, ...ITEMS], { timeZone: 'UTC', topicOrder: topics }),
      topicLabel: (t) => t ?? en.otherUpdates,
      colourIndex: (t) => (t === null ? 7 : topics.indexOf(t)),
    });
    expect(container.querySelector('.lb-chart__legend')).toBeNull();
    // The bars still name their topics.
    expect(screen.getAllByRole('button')[0]).toHaveAccessibleName(/t0 1, t1 1/);
  });

  it('keys only the colours that stand for one topic: not undeclared topics drawn as "Other"', () => {
    const items = [...ITEMS, itemAt('e', '2023-07-12T12:30:00Z', ['undeclared'])];
    renderChart({
      bins: activityBins(items, { timeZone: 'UTC', topicOrder: TOPICS }),
      topicLabel: (t) => (t === null ? en.otherUpdates : (LABELS[t] ?? t)),
      colourIndex: (t) => (t === null || !TOPICS.includes(t) ? 7 : TOPICS.indexOf(t)),
    });
    expect(
      within(screen.getByRole('list'))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Ukraine', 'China']);
  });

  it('names the year in its dates when the chart spans more than one calendar year', () => {
    // A blog that runs for two years: one update a week (bins of several weeks).
    const items = Array.from({ length: 105 }, (_, i) =>
      itemAt(`w${i}`, new Date(Date.UTC(2022, 1, 24, 12) + i * 7 * 86_400_000).toISOString(), [
        'ukraine',
      ]),
    );
    const { container } = renderChart({
      bins: activityBins(items, { timeZone: 'UTC', topicOrder: TOPICS }),
    });
    const ticks = [...container.querySelectorAll('.lb-chart__tick')].map((t) => t.textContent);
    expect(ticks[0]).toMatch(/2022/);
    expect(ticks[ticks.length - 1]).toMatch(/2024/);
    const names = screen.getAllByRole('button').map((b) => b.getAttribute('aria-label'));
    expect(names[0]).toMatch(/^Monday, 21 February 2022 – Sunday, 20 March 2022, /);
    expect(names[names.length - 1]).toMatch(/2024, 1 update/);
  });

  it('names bars with the day when the chart spans days, and in the given language', () => {
    const items = [
      itemAt('a', '2023-07-11T20:30:00Z', ['ukraine']), // 23:30 EEST on Tuesday
      itemAt('b', '2023-07-11T22:10:00Z', ['ukraine']), // 01:10 on Wednesday
    ];
    renderChart({
      bins: activityBins(items, { timeZone: 'Europe/Vilnius', topicOrder: TOPICS }),
      timeZone: 'Europe/Vilnius',
      locale: 'uk',
      topicLabel: (t) => (t === 'ukraine' ? 'Україна' : uk.otherUpdates),
      countLabel: uk.updateCount,
    });
    expect(screen.getAllByRole('button').map((b) => b.getAttribute('aria-label'))).toEqual([
      'вівторок, 11 липня, 23:00–00:00, 1 оновлення: Україна 1',
      'середа, 12 липня, 01:00–02:00, 1 оновлення: Україна 1',
    ]);
  });

  // One update at each end of the span: activityBins picks the bar width, the caption names it.
  const spanning = (from: string, to: string) =>
    activityBins([itemAt('a', from), itemAt('b', to)], { timeZone: 'UTC', topicOrder: TOPICS });

  it.each([
    ['2023-07-12T00:30:00Z', '2023-07-14T23:30:00Z', 'Updates per 2 hours'],
    ['2023-07-01T00:30:00Z', '2023-07-30T23:30:00Z', 'Updates per day'],
    ['2023-07-01T00:30:00Z', '2023-09-30T23:30:00Z', 'Updates per 2 days'],
    ['2023-01-02T00:30:00Z', '2023-09-30T23:30:00Z', 'Updates per week'],
    ['2022-01-03T00:30:00Z', '2023-09-30T23:30:00Z', 'Updates per 2 weeks'],
  ])('names the width of its bars from %s to %s: "%s"', (from, to, caption) => {
    renderChart({ bins: spanning(from, to) });
    expect(screen.getByRole('figure', { name: caption })).toBeInTheDocument();
  });

  it.each([
    ['2023-07-12T10:05:00Z', '2023-07-12T20:00:00Z', 'Кількість оновлень за годину'],
    ['2023-07-12T00:30:00Z', '2023-07-14T23:30:00Z', 'Кількість оновлень за 2 години'],
    ['2023-07-01T00:30:00Z', '2023-07-30T23:30:00Z', 'Кількість оновлень за день'],
    ['2023-01-02T00:30:00Z', '2023-09-30T23:30:00Z', 'Кількість оновлень за тиждень'],
    ['2020-01-06T00:30:00Z', '2023-09-30T23:30:00Z', 'Кількість оновлень за 8 тижнів'],
  ])('names the width of its bars in Ukrainian from %s to %s', (from, to, caption) => {
    renderChart({ bins: spanning(from, to), locale: 'uk-UA', countLabel: uk.updateCount });
    expect(screen.getByRole('figure', { name: caption })).toBeInTheDocument();
  });

  it('has no axe violations', async () => {
    const { container } = renderChart();
    const result = await axe.run(container, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
      // jsdom has no layout: contrast and target size are checked in the browser.
      rules: { 'color-contrast': { enabled: false }, 'target-size': { enabled: false } },
    });
    expect(result.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
});
