/* global window, document, Element, MutationObserver */
// Runs in the page (serialised by Playwright or bare-chromium.mjs), after pageProbe.

/**
 * @typedef {object} PaintState The second probe's record, window.__paint.
 * @property {number | null} fcp first contentful paint
 * @property {number | null} lcp the last largest-contentful-paint candidate
 * @property {{ start: number, duration: number }[]} longTasks
 * @property {number | null} interactive when React first committed with the filter control wired
 * @property {number | null} clickAt the click's event timestamp
 * @property {number | null} timelineChanged first change inside the timeline after the click
 * @property {number | null} timelineChangedPaint the frame after it
 */

/**
 * Installed on every new document after pageProbe (page-probe.mjs), whose React DevTools hook it
 * extends. Records into window.__paint:
 * - first contentful paint and the largest contentful paint (Paint Timing, LCP API);
 * - long tasks (Long Tasks API), for total blocking time;
 * - when the page became interactive: the first React commit after which the filter control
 *   (`filterSelector`) carries React's props, i.e. React handles its events (hydrated, or
 *   rendered by the browser);
 * - after a click on that control, when the timeline (`timelineSelector`) first changed and the
 *   frame after that.
 * Self-contained: no closure over module scope.
 * @param {{ filterSelector: string, timelineSelector: string }} config
 */
export function paintProbe(config) {
  /** @type {PaintState} */
  const state = {
    fcp: null,
    lcp: null,
    longTasks: [],
    interactive: null,
    clickAt: null,
    timelineChanged: null,
    timelineChangedPaint: null,
  };
  window.__paint = state;
  /**
   * @param {string} type
   * @param {(e: PerformanceEntry) => void} each
   */
  const observe = (type, each) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(each)).observe({
        type,
        buffered: true,
      });
    } catch {
      // not supported: the figure stays null
    }
  };
  observe('paint', (e) => {
    if (e.name === 'first-contentful-paint') state.fcp = e.startTime;
  });
  observe('largest-contentful-paint', (e) => (state.lcp = e.startTime));
  observe('longtask', (e) => state.longTasks.push({ start: e.startTime, duration: e.duration }));

  /** React's props on a DOM node: its events are React's from then on. */
  const wired = () => {
    const el = document.querySelector(config.filterSelector);
    return el !== null && Object.keys(el).some((k) => k.startsWith('__reactProps$'));
  };
  const hook = /** @type {{ onCommitFiberRoot?: (...a: unknown[]) => void } | undefined} */ (
    window.__REACT_DEVTOOLS_GLOBAL_HOOK__
  );
  const onCommit = hook?.onCommitFiberRoot;
  if (hook && onCommit) {
    hook.onCommitFiberRoot = function (...args) {
      onCommit.apply(this, args);
      if (state.interactive === null && wired()) state.interactive = performance.now();
    };
  }

  document.addEventListener(
    'click',
    (event) => {
      if (state.clickAt !== null) return;
      if (!(event.target instanceof Element) || !event.target.matches(config.filterSelector))
        return;
      state.clickAt = event.timeStamp;
      const timeline = document.querySelector(config.timelineSelector);
      if (!timeline) return;
      const observer = new MutationObserver(() => {
        observer.disconnect();
        state.timelineChanged = performance.now();
        void window.__bench.nextPaint().then((t) => (state.timelineChangedPaint = t));
      });
      observer.observe(timeline, { childList: true, subtree: true, characterData: true });
    },
    true,
  );
}

/**
 * Runs in the page once it is quiet: the load's paint figures, total blocking time (the part of
 * each long task over 50 ms, after first contentful paint; tasks from `untilMs` on left out) and
 * the scripts and styles that had arrived before the first update was on screen (Resource
 * Timing).
 * @param {{ firstItemMs: number, untilMs?: number | null }} at
 */
export function paintSummary({ firstItemMs, untilMs = null }) {
  const p = window.__paint;
  const fcp = p.fcp ?? 0;
  let tbt = 0;
  for (const t of p.longTasks) {
    if (untilMs !== null && t.start >= untilMs) continue;
    const end = t.start + t.duration;
    if (end > fcp) tbt += Math.max(0, end - Math.max(t.start, fcp) - 50);
  }
  const early = /** @type {PerformanceResourceTiming[]} */ (
    performance.getEntriesByType('resource')
  )
    .filter((e) => /\.(?:js|css)$/.test(new URL(e.name).pathname))
    .filter((e) => e.responseEnd <= firstItemMs)
    .map((e) => new URL(e.name).pathname);
  const nav = /** @type {PerformanceNavigationTiming | undefined} */ (
    performance.getEntriesByType('navigation')[0]
  );
  return {
    htmlResponseStartMs: nav ? nav.responseStart : null,
    htmlResponseEndMs: nav ? nav.responseEnd : null,
    fcpMs: p.fcp,
    lcpMs: p.lcp,
    tbtMs: tbt,
    longTasks: p.longTasks.length,
    interactiveMs: p.interactive,
    earlyAssets: early,
  };
}
