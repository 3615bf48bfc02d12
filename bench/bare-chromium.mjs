// @ts-check
/* global window, location */
/**
 * A second Chromium for the number a reader feels first: time to the first update on screen.
 *
 * Playwright attaches to every page it drives with the DevTools Network domain on, and with that
 * domain on Chromium decodes a text copy of every response body for DevTools on the page's main
 * thread (`TextResourceDecoder::Decode` under `ResponseBodyLoader::DidFinishLoadingBody`, a
 * noticeable slice for a multi-megabyte document in traces), inside the load being measured. No reader's browser does
 * that. This one is driven over `--remote-debugging-pipe` with Target, Page (a script on new
 * documents, navigate), Emulation and Runtime.evaluate only: no Network domain. It starts with the
 * switches Playwright gives Chromium, so the page runs the same way in both; the benchmark prints
 * both figures (docs/performance.md).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromiumArgs, chromiumExecutable } from '../tooling/chromium.mjs';
import { pageProbe } from './page-probe.mjs';
import { paintProbe, paintSummary } from './paint-probe.mjs';

// Playwright's (chromiumSwitches.ts and its headless additions) that change how a page runs.
const PLAYWRIGHT_SWITCHES = [
  '--headless',
  '--hide-scrollbars',
  '--mute-audio',
  '--blink-settings=primaryHoverType=2,availableHoverTypes=2,primaryPointerType=4,availablePointerTypes=4',
  '--disable-field-trial-config',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
  '--disable-back-forward-cache',
  '--disable-breakpad',
  '--disable-component-extensions-with-background-pages',
  '--disable-default-apps',
  '--disable-dev-shm-usage',
  '--disable-extensions',
  '--disable-features=AvoidUnnecessaryBeforeUnloadCheckSync,DestroyProfileOnBrowserClose,HttpsUpgrades,HttpsFirstBalancedModeAutoEnable,LensOverlay,MediaRouter,PaintHolding,ThirdPartyStoragePartitioning,OptimizationHints,NetworkTimeServiceQuerying,PreconnectToSearch',
  '--allow-pre-commit-input',
  '--disable-hang-monitor',
  '--disable-ipc-flooding-protection',
  '--disable-popup-blocking',
  '--disable-prompt-on-repost',
  '--force-color-profile=srgb',
  '--metrics-recording-only',
  '--password-store=basic',
  '--use-mock-keychain',
  '--no-service-autorun',
  '--no-default-browser-check',
];

/**
 * The replies to the DevTools protocol commands sent here, as far as they are read.
 * @typedef {{
 *   'Browser.getVersion': { userAgent: string },
 *   'Target.createBrowserContext': { browserContextId: string },
 *   'Target.createTarget': { targetId: string },
 *   'Target.attachToTarget': { sessionId: string },
 *   'Page.navigate': { errorText?: string },
 *   'Runtime.evaluate': { result?: { value?: unknown }, exceptionDetails?: { exception?: unknown } },
 * }} Replies
 * @typedef {{ id?: number, error?: unknown, result?: unknown }} Message
 * @typedef {{ firstItemMs: number, firstItemInDomMs: number, feedReceivedMs: number | null }} FirstItem
 * @typedef {ReturnType<typeof paintSummary>} PaintSummary
 */

/**
 * @typedef {{
 *   send: <M extends string>(
 *     method: M,
 *     params?: Record<string, unknown>,
 *     sessionId?: string,
 *   ) => Promise<M extends keyof Replies ? Replies[M] : unknown>,
 *   userAgent: string,
 *   close: () => Promise<void>,
 * }} BareChromium
 */

/** @returns {Promise<BareChromium>} */
export async function launchBareChromium() {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'live-blog-bench-chromium-'));
  const child = spawn(
    chromiumExecutable,
    [
      ...PLAYWRIGHT_SWITCHES,
      ...chromiumArgs,
      `--user-data-dir=${userDataDir}`,
      '--remote-debugging-pipe',
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
  );
  const toBrowser = /** @type {import('node:stream').Writable} */ (child.stdio[3]);
  const fromBrowser = /** @type {import('node:stream').Readable} */ (child.stdio[4]);
  /** @type {Map<number, { resolve: (v: unknown) => void, reject: (e: Error) => void, method: string }>} */
  const pending = new Map();
  let lastId = 0;
  /** @type {Buffer[]} */
  let partial = [];
  // Messages are JSON, each ended by a NUL byte; a message may span chunks.
  fromBrowser.on('data', (/** @type {Buffer} */ chunk) => {
    let from = 0;
    for (let nul = chunk.indexOf(0); nul !== -1; nul = chunk.indexOf(0, from)) {
      partial.push(chunk.subarray(from, nul));
      /** @type {unknown} */
      const parsed = JSON.parse(Buffer.concat(partial).toString('utf8'));
      const message = /** @type {Message} */ (parsed);
      partial = [];
      from = nul + 1;
      if (message.id === undefined) continue; // an event: none is subscribed to
      const waiting = pending.get(message.id);
      if (!waiting) continue;
      pending.delete(message.id);
      if (message.error)
        waiting.reject(new Error(`${waiting.method}: ${JSON.stringify(message.error)}`));
      else waiting.resolve(message.result);
    }
    if (from < chunk.length) partial.push(chunk.subarray(from));
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  void exited.then(() => {
    for (const { reject, method } of pending.values())
      reject(new Error(`${method}: Chromium exited`));
    pending.clear();
  });
  /** @type {BareChromium['send']} */
  const send = (method, params = {}, sessionId) =>
    new Promise((resolve, reject) => {
      // The reply is typed by the command (Replies); the browser sends what the command returns.
      const id = ++lastId;
      pending.set(id, { resolve: /** @type {(v: unknown) => void} */ (resolve), reject, method });
      toBrowser.write(JSON.stringify({ id, method, params, ...(sessionId && { sessionId }) }));
      toBrowser.write('\0');
    });
  const { userAgent } = await send('Browser.getVersion');
  return {
    send,
    userAgent,
    async close() {
      void send('Browser.close').catch(() => {});
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
      // Its helper processes may still be writing their last files for a moment.
      rmSync(userDataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    },
  };
}

/**
 * One cold load (a new browser context, so an empty HTTP cache) in the bare browser: when the
 * first <article> was added and painted, and when the feed's response ended. With `paint`, also
 * the paint figures once the page is quiet (and interactive, unless it runs no app).
 * @param {BareChromium} browser
 * @param {string} url
 * @param {{ feedPath: string, viewport: { width: number, height: number }, locale: string, timezoneId: string, paint?: Parameters<typeof paintProbe>[0] & { interactive: boolean } }} options
 * @returns {Promise<FirstItem & { paint?: PaintSummary }>}
 */
export async function measureFirstItemBare(
  browser,
  url,
  { feedPath, viewport, locale, timezoneId, paint },
) {
  const { send } = browser;
  const { browserContextId } = await send('Target.createBrowserContext');
  try {
    const { targetId } = await send('Target.createTarget', {
      url: 'about:blank',
      browserContextId,
    });
    const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
    /**
     * @template {string} M
     * @param {M} method
     * @param {Record<string, unknown>} [params]
     */
    const page = (method, params) => send(method, params, sessionId);
    await page('Page.enable');
    await page('Emulation.setDeviceMetricsOverride', {
      ...viewport,
      deviceScaleFactor: 1,
      mobile: false,
    });
    await page('Emulation.setLocaleOverride', { locale });
    await page('Emulation.setTimezoneOverride', { timezoneId });
    await page('Emulation.setUserAgentOverride', {
      userAgent: browser.userAgent,
      acceptLanguage: locale,
    });
    await page('Page.addScriptToEvaluateOnNewDocument', {
      source: `(${pageProbe.toString()})(${JSON.stringify({})})`,
    });
    if (paint) {
      await page('Page.addScriptToEvaluateOnNewDocument', {
        source: `(${paintProbe.toString()})(${JSON.stringify(paint)})`,
      });
    }
    const navigation = await page('Page.navigate', { url });
    if (navigation.errorText) throw new Error(`${url}: ${navigation.errorText}`);

    /** @param {number} firstItemMs */
    const settledPaint = async (firstItemMs) => {
      const settled = `window.__bench.until(() => (${JSON.stringify(!paint?.interactive)} || window.__paint.interactive !== null || performance.now() - window.__bench.firstArticlePaint > 20000) && performance.now() - window.__bench.lastActivity > 500, 30000, 100)`;
      const summary = `(${paintSummary.toString()})(${JSON.stringify({ firstItemMs })})`;
      const reply = await page('Runtime.evaluate', {
        expression: `${settled}.then(() => ${summary})`,
        awaitPromise: true,
        returnByValue: true,
      });
      if (reply.exceptionDetails)
        throw new Error(`paint: ${JSON.stringify(reply.exceptionDetails.exception)}`);
      return /** @type {PaintSummary} */ (reply.result?.value);
    };

    // Null until the new document (with the probe) is there; then the probe's own wait.
    const expression = `(${firstItemInPage.toString()})(${JSON.stringify(feedPath)})`;
    const deadline = Date.now() + 60_000;
    for (;;) {
      const reply = await page('Runtime.evaluate', {
        expression,
        awaitPromise: true,
        returnByValue: true,
      }).catch(() => null); // the old document went away under the call: ask the new one
      if (reply?.exceptionDetails)
        throw new Error(`first item: ${JSON.stringify(reply.exceptionDetails.exception)}`);
      const first = /** @type {FirstItem | undefined} */ (reply?.result?.value);
      if (first) return paint ? { ...first, paint: await settledPaint(first.firstItemMs) } : first;
      if (Date.now() > deadline) throw new Error(`${url}: no update on screen within 60 s`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await send('Target.disposeBrowserContext', { browserContextId });
  }
}

/**
 * Runs in the page (serialised into the expression).
 * @param {string} feedPath
 */
function firstItemInPage(feedPath) {
  const b = window.__bench;
  if (!b || location.href === 'about:blank') return null;
  return b
    .until(() => b.firstArticlePaint !== null, 60_000, 50)
    .then(() => {
      const feed = /** @type {PerformanceResourceTiming[]} */ (
        performance.getEntriesByType('resource')
      ).find((e) => new URL(e.name).pathname === feedPath);
      return {
        firstItemMs: b.firstArticlePaint,
        firstItemInDomMs: b.firstArticle,
        feedReceivedMs: feed ? feed.responseEnd : null,
      };
    });
}
