/* global window, document, Element, MutationObserver, requestAnimationFrame */
// Runs in the page (Playwright serialises the function), not in Node.

/**
 * @typedef {object} PollWindow What the page did between a feed response and settling again.
 * @property {number} mutations
 * @property {string[]} mutationTargets the first few, described
 * @property {Record<string, number>} mutationKinds
 * @property {number} commits
 * @property {number} articlesRendered
 * @property {string[]} articleIds
 * @property {number} componentsRendered
 * @property {number} foreignTimers long timers that fired inside the window
 * @property {boolean} [walkFailed]
 */

/**
 * @typedef {object} BenchEvent An Event Timing entry.
 * @property {string} name
 * @property {number} duration
 * @property {number} interactionId
 * @property {number} startTime
 */

/**
 * @typedef {object} ProbeState The probe's record, window.__bench.
 * @property {number | null} firstArticle
 * @property {number | null} firstArticlePaint
 * @property {number | null} groupsExpected
 * @property {number} groupsSeen
 * @property {number | null} groupsDone
 * @property {number | null} groupsDonePaint
 * @property {number} commits
 * @property {number} lastActivity
 * @property {{ started: number, resolved: number }} fetches
 * @property {number} pendingShortTimers
 * @property {BenchEvent[]} events
 * @property {PollWindow | null} win
 * @property {boolean} armed the next feed response opens a poll window
 * @property {boolean} [eventTimingUnsupported]
 * @property {() => Promise<number>} nextPaint
 * @property {(test: () => boolean, timeoutMs: number, pollMs: number) => Promise<void>} until
 * @property {() => void} armNextFetch
 * @property {(ms: number) => Promise<void>} [sleep] with trackTimers: the page's own timeout
 */

/**
 * @typedef {object} Fiber The fields of a React fiber that the commit walk reads.
 * @property {number} tag
 * @property {unknown} type
 * @property {number} flags
 * @property {{ id?: string } | null} memoizedProps
 * @property {Fiber | null} child
 * @property {Fiber | null} sibling
 * @property {Fiber | null} alternate
 */

/** @typedef {(handler: TimerHandler, timeout?: number, ...args: unknown[]) => number} SetTimer */

/**
 * Installed with page.addInitScript before any of the app's code runs. It records, into
 * window.__bench:
 * - when the first <article> is added and when every expected group heading is present
 *   (performance.now(), i.e. relative to navigation start), each with the next frame after it;
 * - React commits, through a minimal React DevTools global hook (React calls it on every commit,
 *   production builds included), and for commits inside a poll window which <article> elements
 *   were mounted or re-rendered and how many components rendered (the same walk DevTools does);
 * - DOM mutations inside a poll window (a window opens when a feed fetch resolves, so mutations
 *   made by clock ticks before the response arrives are not counted);
 * - Event Timing entries (durationThreshold 16);
 * - timers (only with trackTimers): pending short timeouts for settling, and long timers that
 *   fire inside a poll window, which mark that sample as confounded.
 *
 * Self-contained: no closure over module scope.
 * @param {{ expectedGroups?: string[], feedPathPart?: string, trackTimers?: boolean }} config
 */
export function pageProbe(config) {
  const mc = new MessageChannel();
  /** @type {(() => void)[]} */
  const afterPaintQueue = [];
  mc.port1.onmessage = () => afterPaintQueue.shift()?.();
  /**
   * Resolves after the next frame has been produced: rAF, then a task after it.
   * @returns {Promise<number>}
   */
  const nextPaint = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        afterPaintQueue.push(() => resolve(performance.now()));
        mc.port2.postMessage(0);
      }),
    );

  // Waiting through the probe rather than page.waitForFunction: Playwright's first
  // waitForFunction evaluates its injected script in the page, a parse on the main thread
  // (seen in traces), which would land inside the load being measured. The page's timers as
  // they are before trackTimers wraps them: under page.clock they are fake, so not for polls.
  // (Typed as the DOM has them: the project also sees Node's, whose setTimeout returns an object.)
  const timers =
    /** @type {{ setTimeout: SetTimer, clearTimeout: (id?: number) => void, setInterval: SetTimer }} */ (
      window
    );
  const pageSetTimeout = timers.setTimeout.bind(window);
  /** @type {ProbeState['until']} Resolves once test() holds, checked every pollMs; rejects after timeoutMs. */
  const until = (test, timeoutMs, pollMs) =>
    new Promise((resolve, reject) => {
      const deadline = performance.now() + timeoutMs;
      const check = () => {
        if (test()) resolve();
        else if (performance.now() > deadline)
          reject(new Error(`condition not met within ${timeoutMs} ms: ${test.toString()}`));
        else pageSetTimeout(check, pollMs);
      };
      check();
    });

  /** @type {ProbeState} */
  const state = {
    firstArticle: null,
    firstArticlePaint: null,
    groupsExpected: config.expectedGroups ? config.expectedGroups.length : null,
    groupsSeen: 0,
    groupsDone: null,
    groupsDonePaint: null,
    commits: 0,
    lastActivity: 0,
    fetches: { started: 0, resolved: 0 },
    pendingShortTimers: 0,
    events: [],
    win: null,
    armed: false,
    nextPaint,
    until,
    armNextFetch: () => {
      state.win = null;
      state.armed = true;
    },
  };
  window.__bench = state;

  // --- Poll windows -------------------------------------------------------------------------
  const openWindow = () => {
    state.win = {
      mutations: 0,
      mutationTargets: [],
      mutationKinds: {},
      commits: 0,
      articlesRendered: 0,
      articleIds: [],
      componentsRendered: 0,
      foreignTimers: 0,
    };
  };

  // --- React commits ------------------------------------------------------------------------
  const PERFORMED_WORK = 1;
  const COMPONENT_TAGS = new Set([0, 1, 11, 14, 15]); // function, class, forwardRef, memo, simple memo
  /**
   * @param {Fiber | null} fiber
   * @param {PollWindow} win
   */
  const countMounted = (fiber, win) => {
    for (let f = fiber; f; f = f.sibling) {
      if (f.tag === 5 && f.type === 'article') {
        win.articlesRendered++;
        win.articleIds.push(f.memoizedProps?.id ?? '?');
      }
      if (COMPONENT_TAGS.has(f.tag)) win.componentsRendered++;
      countMounted(f.child, win);
    }
  };
  // DevTools' updateFiberRecursively: a subtree whose child pointer did not change was skipped.
  /**
   * @param {Fiber} next
   * @param {Fiber | null} prev
   * @param {PollWindow} win
   */
  const walk = (next, prev, win) => {
    if (!prev) {
      if (next.tag === 5 && next.type === 'article') {
        win.articlesRendered++;
        win.articleIds.push(next.memoizedProps?.id ?? '?');
      }
      if (COMPONENT_TAGS.has(next.tag)) win.componentsRendered++;
      countMounted(next.child, win);
      return;
    }
    if (next.tag === 5 && next.type === 'article' && next.memoizedProps !== prev.memoizedProps) {
      win.articlesRendered++;
      win.articleIds.push(next.memoizedProps?.id ?? '?');
    }
    if (COMPONENT_TAGS.has(next.tag) && (next.flags & PERFORMED_WORK) !== 0)
      win.componentsRendered++;
    if (next.child !== prev.child) {
      for (let c = next.child; c; c = c.sibling) walk(c, c.alternate, win);
    }
  };
  if (!window.__REACT_DEVTOOLS_GLOBAL_HOOK__) {
    let rendererId = 0;
    const renderers = new Map();
    window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
      supportsFiber: true,
      renderers,
      /** @param {unknown} renderer */
      inject(renderer) {
        rendererId += 1;
        renderers.set(rendererId, renderer);
        return rendererId;
      },
      /**
       * @param {number} _id
       * @param {{ current: Fiber }} root
       */
      onCommitFiberRoot(_id, root) {
        state.commits++;
        state.lastActivity = performance.now();
        const win = state.win;
        if (!win) return;
        win.commits++;
        try {
          walk(root.current, root.current.alternate, win);
        } catch {
          win.walkFailed = true;
        }
      },
      onCommitFiberUnmount() {},
      onPostCommitFiberRoot() {},
      checkDCE() {},
    };
  }

  // --- DOM ----------------------------------------------------------------------------------
  const remaining = new Set(config.expectedGroups ?? []);
  /** @param {Node} node */
  const describe = (node) => {
    const el = node instanceof Element ? node : node.parentElement;
    if (!el) return '?';
    const id = el.closest('[id]')?.id;
    return `${el.nodeName.toLowerCase()}${el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : ''}${id ? ' in #' + id : ''}`;
  };
  const observer = new MutationObserver((records) => {
    state.lastActivity = performance.now();
    const win = state.win;
    if (win) {
      win.mutations += records.length;
      for (const r of records) {
        const el = r.target instanceof Element ? r.target : r.target.parentElement;
        const kind = `${r.type}${r.attributeName ? ' ' + r.attributeName : ''} <${el ? el.nodeName.toLowerCase() : '?'}>`;
        win.mutationKinds[kind] = (win.mutationKinds[kind] ?? 0) + 1;
        if (win.mutationTargets.length < 12)
          win.mutationTargets.push(
            `${r.type}${r.attributeName ? ' ' + r.attributeName : ''}: ${describe(r.target)}`,
          );
      }
    }
    if (state.firstArticle === null) {
      for (const r of records) {
        for (const n of r.addedNodes) {
          if (n instanceof Element && (n.nodeName === 'ARTICLE' || n.querySelector('article'))) {
            state.firstArticle = performance.now();
            performance.mark('bench:first-article');
            void nextPaint().then((t) => (state.firstArticlePaint = t));
            break;
          }
        }
        if (state.firstArticle !== null) break;
      }
    }
    if (state.groupsDone === null && remaining.size > 0 && state.firstArticle !== null) {
      for (const id of remaining) if (document.getElementById(id)) remaining.delete(id);
      state.groupsSeen = (config.expectedGroups?.length ?? 0) - remaining.size;
      if (remaining.size === 0) {
        state.groupsDone = performance.now();
        performance.mark('bench:all-groups');
        void nextPaint().then((t) => (state.groupsDonePaint = t));
      }
    }
  });
  observer.observe(document, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
  });

  // --- Event Timing -------------------------------------------------------------------------
  try {
    new PerformanceObserver((list) => {
      // Entries of type 'event' are PerformanceEventTiming; TypeScript's DOM library does not
      // have its interactionId yet.
      const entries = /** @type {(PerformanceEventTiming & { interactionId: number })[]} */ (
        list.getEntries()
      );
      for (const e of entries) {
        state.events.push({
          name: e.name,
          duration: e.duration,
          interactionId: e.interactionId,
          startTime: e.startTime,
        });
      }
    }).observe(
      // durationThreshold (Event Timing) is not in TypeScript's DOM library.
      /** @type {PerformanceObserverInit & { durationThreshold: number }} */ ({
        type: 'event',
        durationThreshold: 16,
        buffered: true,
      }),
    );
  } catch {
    state.eventTimingUnsupported = true;
  }

  // --- Network: a poll window opens when the armed feed fetch resolves ----------------------
  const realFetch = fetch;
  window.fetch = function (input, init) {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const isFeed = config.feedPathPart ? url.includes(config.feedPathPart) : false;
    if (isFeed) state.fetches.started++;
    const p = realFetch.call(this, input, init);
    if (!isFeed) return p;
    return p.then((response) => {
      state.fetches.resolved++;
      if (state.armed) {
        state.armed = false;
        openWindow();
      }
      return response;
    });
  };

  // --- Timers (poll pages, after page.clock.install so these wrap the fake clock) -----------
  if (config.trackTimers) {
    const { setTimeout: st, clearTimeout: ct, setInterval: si } = timers;
    /** @type {Set<number | undefined>} */
    const pending = new Set();
    /** A timer's function handler (TimerHandler types it as any Function). */
    const callback = (/** @type {Function} */ f) =>
      /** @type {(...args: unknown[]) => unknown} */ (f);
    state.sleep = (ms) => new Promise((resolve) => st.call(window, resolve, ms));
    timers.setTimeout = function (cb, ms, ...args) {
      const delay = Number(ms) || 0;
      /** @type {number | undefined} */
      let id;
      const wrapped =
        typeof cb === 'function'
          ? (/** @type {unknown[]} */ ...a) => {
              if (pending.delete(id)) state.pendingShortTimers = pending.size;
              if (delay >= 1000 && state.win) state.win.foreignTimers++;
              return callback(cb)(...a);
            }
          : cb;
      id = st.call(window, wrapped, ms, ...args);
      if (delay < 200) {
        pending.add(id);
        state.pendingShortTimers = pending.size;
      }
      return id;
    };
    timers.clearTimeout = function (id) {
      if (pending.delete(id)) state.pendingShortTimers = pending.size;
      return ct.call(window, id);
    };
    timers.setInterval = function (cb, ms, ...args) {
      const wrapped =
        typeof cb === 'function'
          ? (/** @type {unknown[]} */ ...a) => {
              if (state.win) state.win.foreignTimers++;
              return callback(cb)(...a);
            }
          : cb;
      return si.call(window, wrapped, ms, ...args);
    };
  }
}
