// @ts-check
/**
 * The server-rendering comparison's budgets and tables (ssr-run.mjs), in the style of report.mjs.
 */
import { kb, mark, num, table } from './report.mjs';

/** @typedef {import('./run.mjs').BenchResults} BenchResults */

export const SSR_BUDGETS = {
  /** Server-rendered page against the static page with the same first screen, same run. */
  firstItemVsStatic: 1.5,
  /** A filter clicked as soon as the page is interactive: click to changed timeline on screen. */
  clickMs: 100,
  /** Scripts and styles the server-rendered page has loaded before its first update shows. */
  earlyBytes: 110 * 1024,
};

/**
 * @typedef {import('./ssr-run.mjs').SsrResults} SsrResults
 * @typedef {SsrResults['loads'][number]} FeedLoads
 * @typedef {import('./report.mjs').Budget} Budget
 */

/** @param {number | null} a @param {number | null} b */
const ratio = (a, b) => (a !== null && b !== null && b > 0 ? a / b : null);

/**
 * @param {SsrResults | null} ssr
 * @returns {Budget[]}
 */
export function ssrBudgets(ssr) {
  /** @type {Budget[]} */
  const out = [];
  for (const f of ssr?.loads ?? []) {
    for (const [how, key] of /** @type {const} */ ([
      ['no DevTools', 'firstItemMs'],
      ['Playwright', 'firstItemWithPlaywrightMs'],
    ])) {
      const r = ratio(f.ssr[key], f.static[key]);
      out.push({
        name: `first update, server-rendered vs static page, ${f.name} (same run, ${how})`,
        value:
          r === null
            ? 'not measured'
            : `${num(r, 2)}× (${num(f.ssr[key])} vs ${num(f.static[key])} ms)`,
        limit: `≤ ${SSR_BUDGETS.firstItemVsStatic}×`,
        pass: r === null ? null : r <= SSR_BUDGETS.firstItemVsStatic,
      });
    }
    const click = f.ssr.click;
    const latency = click && click.changed === click.clicks ? click.latencyMs : null;
    out.push({
      name: `filter click once interactive → timeline changed on screen, server-rendered, ${f.name} (median)`,
      value:
        latency === null
          ? click
            ? `${click.changed}/${click.clicks} clicks changed the timeline`
            : 'not measured'
          : `${num(latency)} ms`,
      limit: `≤ ${SSR_BUDGETS.clickMs} ms`,
      pass: click === null ? null : latency !== null && latency <= SSR_BUDGETS.clickMs,
    });
    const early = f.ssr.early.gzipBytes;
    out.push({
      name: `JS + CSS loaded before the first update, server-rendered, ${f.name}`,
      value: `${kb(early)} gzip`,
      limit: `≤ ${kb(SSR_BUDGETS.earlyBytes)}`,
      pass: early <= SSR_BUDGETS.earlyBytes,
    });
  }
  return out;
}

/**
 * @param {FeedLoads} f
 * @param {'text' | 'md'} style
 */
function loadTable(f, style) {
  const { client: c, ssr: s, static: st } = f;
  const budget = (/** @type {number | null} */ r) =>
    r === null ? '—' : `${num(r, 2)}×${mark(r <= SSR_BUDGETS.firstItemVsStatic)}`;
  const plain = (/** @type {number | null} */ r) => (r === null ? '—' : `${num(r, 2)}×`);
  /** @param {string} label @param {(v: typeof c) => number | null} pick @param {(r: number | null) => string} [show] */
  const row = (label, pick, show) => [
    label,
    num(pick(c)),
    num(pick(s)),
    num(pick(st)),
    show ? show(ratio(pick(s), pick(st))) : '',
  ];
  const clickCell = (/** @type {typeof c} */ v) =>
    v.click
      ? `${num(v.click.latencyMs)}${v.click.changed === v.click.clicks && v.click.latencyMs !== null ? mark(v.click.latencyMs <= SSR_BUDGETS.clickMs) : ' ✗'}; ${num(v.click.maxLatencyMs)} (${v.click.changed}/${v.click.clicks} changed)`
      : '—';
  return table(
    [
      [
        'metric',
        'rendered by the browser',
        'rendered by the server',
        'static first screen',
        'server ÷ static',
      ],
      row(
        `first update on screen (ms, median of ${s.runs}; no DevTools)`,
        (v) => v.firstItemMs,
        budget,
      ),
      row(
        'first update on screen with Playwright (ms, median)',
        (v) => v.firstItemWithPlaywrightMs,
        budget,
      ),
      row('HTML response started (ms; no DevTools)', (v) => v.htmlResponseStartMs, plain),
      row('first contentful paint (ms; no DevTools)', (v) => v.fcpMs, plain),
      row('largest contentful paint (ms; no DevTools)', (v) => v.lcpMs, plain),
      row('largest contentful paint with Playwright (ms)', (v) => v.lcpWithPlaywrightMs, plain),
      row('total blocking time after FCP until quiet (ms; no DevTools)', (v) => v.tbtMs),
      row(
        'total blocking time with Playwright, until the click (ms)',
        (v) => v.tbtWithPlaywrightMs,
      ),
      row('interactive: React handles the filters (ms; no DevTools)', (v) => v.interactiveMs),
      row('interactive with Playwright (ms)', (v) => v.interactiveWithPlaywrightMs),
      [
        'filter click once interactive → timeline changed on screen (ms, Playwright; median; max)',
        clickCell(c),
        clickCell(s),
        '—',
        '',
      ],
      row('interactive → the click (ms, Playwright round trips)', (v) => v.click?.gapMs ?? null),
      [
        'JS + CSS arrived before the first update (gzip -9, inline scripts included)',
        kb(c.early.gzipBytes),
        `${kb(s.early.gzipBytes)}${mark(s.early.gzipBytes <= SSR_BUDGETS.earlyBytes)}`,
        kb(st.early.gzipBytes),
        '',
      ],
    ],
    style,
  );
}

/**
 * @param {SsrResults['render']} render
 * @param {'text' | 'md'} style
 */
function renderTable(render, style) {
  /** @param {{ medianMs: number | null, p95Ms: number | null }} t */
  const times = (t) => `${num(t.medianMs, 1)} / ${num(t.p95Ms, 1)}`;
  const rows = render.results.map((r) => [
    r.name,
    num(r.firstRenderMs),
    times(r.inProcess),
    num(r.inProcess.perSecond, 1),
    `${times(r.httpSamePage)}; ${num(r.httpSamePage.perSecond, 1)}/s`,
    `${times(r.httpNewPage)}; ${num(r.httpNewPage.perSecond, 1)}/s`,
  ]);
  const c = render.results[0]?.httpSamePage.concurrency ?? 0;
  return table(
    [
      [
        'feed',
        'first render in the process (ms)',
        'render, in-process: median / p95 (ms)',
        'renders per second (in-process)',
        `HTTP, same page, ${c} at a time: median / p95 (ms); requests/s`,
        `HTTP, a new page each time, ${c} at a time: median / p95; requests/s`,
      ],
      ...rows,
    ],
    style,
  );
}

/**
 * @param {SsrResults | null} ssr
 * @param {'text' | 'md'} style
 * @returns {string[]}
 */
export function formatSsrReport(ssr, style) {
  if (!ssr) return [];
  const h = style === 'md' ? '### ' : '== ';
  const parts = [];
  for (const f of ssr.loads) {
    parts.push(`${h}Server rendering: ${f.name} (browser-rendered, server-rendered, static copy)`);
    parts.push(loadTable(f, style));
  }
  parts.push(
    `${h}Server render time, one core (${ssr.render.pinnedToOneCore ? 'process pinned with taskset' : 'not pinned: no taskset'})`,
  );
  parts.push(renderTable(ssr.render, style));
  return parts;
}

/**
 * The comparison on its own, for its block in docs/performance.md: the run, then the tables and
 * their budgets.
 * @param {BenchResults} results
 * @param {'text' | 'md'} style
 */
export function formatSsrBlock(results, style) {
  const m = results.machine;
  const budgets = ssrBudgets(results.ssr);
  return (
    [
      `${m.cpuModel}, ${m.cores} cores; Chromium ${m.chromium} (headless); Node ${m.node}; load average ${num(m.loadAverage[0], 1)} at start, ${num(m.loadAverageAtEnd[0], 1)} at end`,
      `Run ${results.date} on commit ${results.git.commit}${results.git.dirty ? ' (with uncommitted changes)' : ''}; viewport ${results.viewport}; ${results.options.runs} loads of each page.`,
      ...formatSsrReport(results.ssr, style),
      table(
        [
          ['budget', 'measured', 'limit', 'result'],
          ...budgets.map((b) => [
            b.name,
            b.value,
            b.limit,
            b.pass === null ? 'not measured' : b.pass ? 'pass' : 'FAIL',
          ]),
        ],
        style,
      ),
    ].join('\n\n') + '\n'
  );
}
