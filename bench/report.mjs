// @ts-check
/**
 * Budgets, and the results as plain-text tables (terminal) and Markdown (docs/performance.md).
 */

export const BUDGETS = {
  firstItemMs: 600,
  /** One document against head + pages, the same updates, measured in the same run. */
  singleVsPagedFirstItem: 1.5,
  filterMs: 100,
  heapBytes: 60 * 1024 * 1024,
  unchangedPollMutations: 0,
  changedPollBytesSpread: 0.1,
  bundleBytes: 120 * 1024,
};

/** @param {number | null | undefined} n @param {number} [digits] */
export const num = (n, digits = 0) =>
  n === null || n === undefined || Number.isNaN(n)
    ? '—'
    : n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
/** @param {number | null | undefined} b */
export const kb = (b) => (b === null || b === undefined ? '—' : `${num(b / 1024, 1)} KB`);
/** @param {number | null | undefined} b */
const mb = (b) => (b === null || b === undefined ? '—' : `${num(b / 1048576, 1)} MB`);

/**
 * @typedef {import('./run.mjs').BenchResults} BenchResults
 * @typedef {import('./run.mjs').SizeResult} SizeResult
 * @typedef {import('./run.mjs').PollSummary} PollSummary
 * @typedef {{ name: string, value: string, limit: string, pass: boolean | null }} Budget
 */

/**
 * @param {BenchResults} results
 * @returns {Budget[]}
 */
export function evaluateBudgets(results) {
  /** @type {Budget[]} */
  const out = [];
  const bySize = new Map(results.sizes.map((s) => [s.size, s]));
  const big = bySize.get(10000);
  const small = bySize.get(100);

  const first = big?.single.firstItemMs;
  out.push({
    name: 'first item on screen, 10,000 items as one document (median of runs, no DevTools)',
    value: first === undefined || first === null ? 'not measured' : `${num(first)} ms`,
    limit: `≤ ${BUDGETS.firstItemMs} ms`,
    pass: first === undefined || first === null ? null : first <= BUDGETS.firstItemMs,
  });

  // The ratio holds both ways: without DevTools, as readers load the page, and with
  // Playwright attached, whose Network domain keeps a copy of every response body.
  for (const [field, how] of /** @type {const} */ ([
    ['firstItemMs', 'no DevTools'],
    ['firstItemWithPlaywrightMs', 'Playwright'],
  ])) {
    const single = big?.single[field];
    const paged = big?.paged[field];
    const ratio = typeof single === 'number' && typeof paged === 'number' ? single / paged : null;
    out.push({
      name: `first item, 10,000 items: one document vs head + pages (same run, ${how})`,
      value:
        ratio === null ? 'not measured' : `${num(ratio, 2)}× (${num(single)} vs ${num(paged)} ms)`,
      limit: `≤ ${BUDGETS.singleVsPagedFirstItem}×`,
      pass: ratio === null ? null : ratio <= BUDGETS.singleVsPagedFirstItem,
    });
  }

  const filters = results.sizes
    .map((s) => s.single.filter?.medianMs)
    .filter((v) => typeof v === 'number');
  const worstFilter = filters.length ? Math.max(...filters) : null;
  out.push({
    name: 'filter change to next paint, median of clicks (worst size)',
    value: worstFilter === null ? 'not measured' : `${num(worstFilter)} ms`,
    limit: `≤ ${BUDGETS.filterMs} ms`,
    pass: worstFilter === null ? null : worstFilter <= BUDGETS.filterMs,
  });

  const heap = big?.single.memory?.heapBytes;
  out.push({
    name: 'JS heap after GC, 10,000 items loaded',
    value: heap === undefined ? 'not measured' : mb(heap),
    limit: `< ${mb(BUDGETS.heapBytes)}`,
    pass: heap === undefined ? null : heap < BUDGETS.heapBytes,
  });

  const unchanged = results.sizes
    .map((s) => s.pollSummary?.unchanged)
    .filter((u) => u && u.samples > 0);
  const worstMutations = unchanged.length
    ? Math.max(...unchanged.map((u) => u.mutations ?? 0))
    : null;
  const worstCommits = unchanged.length ? Math.max(...unchanged.map((u) => u.commits ?? 0)) : null;
  out.push({
    name: 'DOM mutations and React commits caused by an unchanged poll (every size)',
    value:
      worstMutations === null
        ? 'not measured'
        : `${worstMutations} mutations, ${worstCommits} commits`,
    limit: '0',
    pass: worstMutations === null ? null : worstMutations === 0 && worstCommits === 0,
  });

  const b100 = small?.pollSummary?.oneItem.bodyBytes;
  const b10k = big?.pollSummary?.oneItem.bodyBytes;
  const spread = b100 && b10k ? Math.abs(b10k - b100) / b100 : null;
  out.push({
    name: 'bytes of a one-item poll, 10,000 vs 100 items',
    value:
      !b100 || !b10k
        ? 'not measured'
        : `${num(b10k)} vs ${num(b100)} B (${b10k >= b100 ? '+' : ''}${num(((b10k - b100) / b100) * 100, 1)} %)`,
    limit: `within ${BUDGETS.changedPollBytesSpread * 100} %`,
    pass: spread === null ? null : spread <= BUDGETS.changedPollBytesSpread,
  });
  const u100 = small?.pollSummary?.unchanged.bodyBytes;
  const u10k = big?.pollSummary?.unchanged.bodyBytes;
  out.push({
    name: 'body bytes of an unchanged poll, 10,000 vs 100 items',
    value: u100 === undefined || u10k === undefined ? 'not measured' : `${u10k} vs ${u100} B`,
    limit: 'equal (304, no body)',
    pass: u100 === undefined || u10k === undefined ? null : u100 === u10k && u10k === 0,
  });

  for (const b of results.bundles.filter((x) => x.budgeted)) {
    out.push({
      name: `bundle: ${b.name}`,
      value: `${kb(b.gzipBytes)} gzip`,
      limit: `≤ ${kb(BUDGETS.bundleBytes)}`,
      pass: b.ok,
    });
  }
  return out;
}

/**
 * @param {string[][]} rows first row is the header
 * @param {'text' | 'md'} style
 */
export function table(rows, style) {
  if (style === 'md') {
    const [head = [], ...body] = rows;
    return [
      `| ${head.join(' | ')} |`,
      `| ${head.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
      ...body.map((r) => `| ${r.join(' | ')} |`),
    ].join('\n');
  }
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows
    .map((r, ri) => {
      const line = r
        .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
        .join('  ');
      return ri === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : line;
    })
    .join('\n');
}

/** @param {boolean | null} pass */
export const mark = (pass) => (pass === null ? '' : pass ? ' ✓' : ' ✗');

/**
 * @param {SizeResult} s one size's results
 * @param {'text' | 'md'} style
 */
function sizeTable(s, style) {
  const is10k = s.size === 10000;
  const p = s.paged;
  const o = s.single;
  const groups = (/** @type {SizeResult['paged']} */ v) =>
    v.allGroupsMs !== null && v.allGroupsMs !== undefined
      ? num(v.allGroupsMs)
      : `${v.groupsInDom}/${v.groupsExpected} in DOM`;
  const filter = o.filter;
  const rows = [
    ['metric', 'paged feed', 'one document'],
    [
      `time to first item (ms, median of ${p.runs.length}; no DevTools attached)`,
      num(p.firstItemMs),
      num(o.firstItemMs) + (is10k ? mark((o.firstItemMs ?? 0) <= BUDGETS.firstItemMs) : ''),
    ],
    [
      'time to first item with Playwright attached (ms, median)',
      num(p.firstItemWithPlaywrightMs),
      num(o.firstItemWithPlaywrightMs),
    ],
    ['feed document received (ms; no DevTools)', num(p.feedReceivedMs), num(o.feedReceivedMs)],
    ['main-thread task time until quiet (ms)', num(p.mainThreadMs), num(o.mainThreadMs)],
    ['time to all groups rendered (ms)', groups(p), groups(o)],
    ['articles in the DOM after load', num(p.articlesInDom), num(o.articlesInDom)],
    [
      `filter change → next paint (ms, median of ${filter?.clicks ?? 0} clicks; max)`,
      '—',
      filter
        ? `${num(filter.medianMs)}${mark((filter.medianMs ?? 0) <= BUDGETS.filterMs)}; ${num(filter.maxMs)}`
        : '—',
    ],
    ['filter change: main-thread task time (ms, median)', '—', num(filter?.mainThreadMedianMs)],
    [
      'JS heap after GC',
      mb(p.memory?.heapBytes),
      mb(o.memory?.heapBytes) +
        (is10k && o.memory ? mark(o.memory.heapBytes < BUDGETS.heapBytes) : ''),
    ],
    ['DOM nodes', num(p.memory?.nodes), num(o.memory?.nodes)],
  ];
  return table(rows, style);
}

/**
 * Polls against the live replay, one column per size.
 * @param {SizeResult[]} sizes
 * @param {'text' | 'md'} style
 */
function pollTable(sizes, style) {
  const cells = (/** @type {(p: SizeResult['pollSummary']) => string} */ f) =>
    sizes.map((s) => f(s.pollSummary));
  const renders = (/** @type {PollSummary} */ o) =>
    `${num(o.medianCommits)} / ${num(o.medianMutations)} / ${num(o.articlesRendered)} / ${num(o.componentsRendered)}`;
  return table(
    [
      ['metric', ...sizes.map((s) => `${num(s.size)} items`)],
      ['unchanged poll: HTTP status', ...cells((p) => p.unchanged.statuses)],
      [
        'unchanged poll: React commits / DOM mutations (worst)',
        ...cells(
          (p) =>
            `${p.unchanged.commits} / ${p.unchanged.mutations}${mark(p.unchanged.commits === 0 && p.unchanged.mutations === 0)}`,
        ),
      ],
      [
        'unchanged poll: body / response header bytes',
        ...cells((p) => `${num(p.unchanged.bodyBytes)} / ${num(p.headerBytes.unchanged)}`),
      ],
      ['one-item poll: HTTP status', ...cells((p) => p.oneItem.statuses)],
      [
        'one-item poll: body (br) / response header bytes',
        ...cells((p) => `${num(p.oneItem.bodyBytes)} / ${num(p.headerBytes.changed)}`),
      ],
      [
        'one-item poll, topic view: commits / mutations / articles / components rendered',
        ...cells((p) => renders(p.oneItemTopics)),
      ],
      [
        'one-item poll, latest view: commits / mutations / articles / components rendered',
        ...cells((p) => renders(p.oneItemLatest)),
      ],
      [
        'new update in the DOM after the poll (topic view; latest view)',
        ...cells(
          (p) =>
            `${p.oneItemTopics.newItemInDom}/${p.oneItemTopics.samples}; ${p.oneItemLatest.newItemInDom}/${p.oneItemLatest.samples}`,
        ),
      ],
    ],
    style,
  );
}

/**
 * @param {BenchResults} results
 * @param {'text' | 'md'} style
 * @param {string[]} [sections] more sections, before the budgets
 */
export function formatReport(results, style, sections = []) {
  const m = results.machine;
  const h = style === 'md' ? '### ' : '== ';
  const parts = [];
  parts.push(
    `${style === 'md' ? '' : 'Machine: '}${m.cpuModel}, ${m.cores} cores, ${num(m.ramBytes / 1073741824, 1)} GB RAM; ${m.os}; Chromium ${m.chromium} (headless); Node ${m.node}; load average ${num(m.loadAverage[0], 1)} at start, ${num(m.loadAverageAtEnd?.[0], 1)} at end`,
  );
  // Only the load at the start tells of other work: by the end the benchmark's own two browsers
  // and server keep the 1-minute average at 2–4 on this 2-core machine.
  const before = m.loadAverage[0] ?? 0;
  if (before > m.cores) {
    parts.push(
      `${style === 'md' ? '**Note:** ' : 'WARNING: '}the machine was busy before the run (1-minute load average ${num(before, 1)} on ${m.cores} cores): wall-clock times are inflated; main-thread task time (CPU time) much less so.`,
    );
  }
  parts.push(
    `Run ${results.date} on commit ${results.git.commit}${results.git.dirty ? ' (with uncommitted changes)' : ''}; viewport ${results.viewport}.`,
  );
  for (const s of results.sizes) {
    parts.push(
      `${h}${num(s.size)} items over ${s.days} days (paged: head ${kb(s.feed.headBytes)} + ${s.feed.pages} pages; one document ${mb(s.feed.singleBytes)})`,
    );
    parts.push(sizeTable(s, style));
  }
  parts.push(
    `${h}Polls against the live replay (head = newest 50 updates; medians of ${results.options.polls} polls per view unless marked worst)`,
  );
  parts.push(pollTable(results.sizes, style));
  parts.push(`${h}Bundles (gzip -9)`);
  parts.push(
    table(
      [
        ['bundle', 'gzip', 'files'],
        ...results.bundles.map((b) => [
          b.name,
          kb(b.gzipBytes) + (b.budgeted ? mark(b.ok) : ''),
          String(b.files.length <= 3 ? b.files.join(', ') : `${b.files.length} files`),
        ]),
      ],
      style,
    ),
  );
  parts.push(...sections);
  parts.push(`${h}Budgets`);
  parts.push(
    table(
      [
        ['budget', 'measured', 'limit', 'result'],
        ...results.budgets.map((b) => [
          b.name,
          b.value,
          b.limit,
          b.pass === null ? 'not measured' : b.pass ? 'pass' : 'FAIL',
        ]),
      ],
      style,
    ),
  );
  return parts.join('\n\n') + '\n';
}
