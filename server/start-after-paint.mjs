// @ts-check
import { Representation } from './http-caching.mjs';
/**
 * A rendered page is readable before any script runs. Its app is fetched and started once that
 * HTML is on screen, so that neither its download nor its start-up holds back the first paint
 * (docs/decisions/0023): the built page's module script and preloads become one inline module
 * that adds them after the first frame. A page the browser renders keeps them as built, behind a
 * script that loads the page again if they fail (docs/decisions/0031).
 */

const ENTRY = /<script type="module" crossorigin src="([^"]+)"><\/script>\s*/;
const PRELOAD = /<link rel="modulepreload" crossorigin href="([^"]+)">\s*/g;
/** The wait before the next try, kept while a page whose app failed is loaded again. */
const WAIT_KEY = 'live-blog:app-wait';

/**
 * `retry`, a function that loads the page again once the app's entry (`entry`, a script
 * expression) answers, asked when the browser is back online or after a wait that doubles (5 s
 * up to 5 min), and waits again if it does not. A module that could not be fetched stays failed in
 * its document, so only a reload brings the app. The wait goes on across those reloads (session
 * storage): an app that fails however it is fetched is not loaded again every few seconds.
 * Where that storage is blocked (cookies off), each reload would start at 5 s again: the wait
 * is then the longest from the start. An entry that is gone (404, 410) is not asked for again.
 * @param {string} entry
 */
const reloadWhenBack = (entry) => `let wait = 5e3;
try { wait = +sessionStorage.getItem('${WAIT_KEY}') || wait; } catch { wait = 3e5; }
const retry = () => {
  const again = () => {
    clearTimeout(timer);
    removeEventListener('online', again);
    fetch(${entry}, { cache: 'no-store' }).then((r) => {
      if (r.ok) {
        try { sessionStorage.setItem('${WAIT_KEY}', String(wait)); } catch {}
        location.reload();
      } else if (r.status !== 404 && r.status !== 410) retry();
    }, retry);
  };
  const timer = setTimeout(again, wait);
  wait = Math.min(wait * 2, 3e5);
  addEventListener('online', again);
};`;

/**
 * Until the app has taken the page over, the widget's buttons do nothing: the last one tapped is
 * kept, for the app to press again once it has (src/widget/hydrate-widget.tsx), rather than lost.
 */
const EARLY_TAP = `let tapped;
const keep = (event) => {
  const button = event.target instanceof Element && event.target.closest('#root button[type="button"]');
  if (button) tapped = button;
};
addEventListener('click', keep, true);
globalThis[Symbol.for('live-blog.early-tap')] = () => {
  removeEventListener('click', keep, true);
  return tapped;
};`;

/**
 * The inline module that starts the app: a frame is painted after its requestAnimationFrame
 * callbacks, and a task queued from one runs after that paint; or, where timers do not run, once
 * Paint Timing reports the first paint. A hidden page paints nothing, so it waits for nothing.
 * An app that could not be fetched (the link dropped after the HTML, a server error) is fetched
 * again with the page once its entry answers, the page then being all the reader had.
 * @param {string} entry
 * @param {string[]} preloads
 */
function starter(entry, preloads) {
  return [
    'let started = false;',
    EARLY_TAP,
    reloadWhenBack(JSON.stringify(entry)),
    'const start = () => {',
    '  if (started) return;',
    '  started = true;',
    `  for (const href of ${JSON.stringify(preloads)}) {`,
    "    const link = document.createElement('link');",
    "    link.rel = 'modulepreload';",
    "    link.crossOrigin = '';",
    '    link.href = href;',
    '    document.head.append(link);',
    '  }',
    `  import(${JSON.stringify(entry)}).then(() => { try { sessionStorage.removeItem('${WAIT_KEY}'); } catch {} }, retry);`,
    '};',
    "if (document.visibilityState === 'visible') {",
    '  requestAnimationFrame(() => setTimeout(start, 0));',
    "  // Where timers stand still (a frozen page, a test's paused clock), the first paint says so.",
    '  try {',
    "    new PerformanceObserver((_, seen) => { seen.disconnect(); start(); }).observe({ type: 'paint', buffered: true });",
    '  } catch {}',
    '} else start();',
  ].join('\n');
}

/**
 * The page with its app started after the first paint, and that inline script (for the CSP's
 * hash); the page unchanged, and no script, when it has no module entry as Vite builds one.
 * @param {string} html
 * @returns {{ html: string, script: string | undefined }}
 */
export function startAppAfterPaint(html) {
  const entry = ENTRY.exec(html);
  // Attribute values as Vite writes them: paths, no quotes or markup to escape.
  if (!entry?.[1] || /[<>"'&]/.test(entry[1])) return { html, script: undefined };
  const preloads = [...html.matchAll(PRELOAD)].flatMap((m) =>
    m[1] && !/[<>"'&]/.test(m[1]) ? [m[1]] : [],
  );
  const script = starter(entry[1], preloads);
  const page = html
    .replace(PRELOAD, '')
    .replace(ENTRY, () => `<script type="module">\n${script}\n</script>\n  `);
  return { html: page, script };
}

// The page's module entry failed (the link dropped after the HTML, a server error): the page is
// loaded again once that entry answers.
const RECOVER = [
  "addEventListener('error', (event) => {",
  '  const script = event.target;',
  "  if (!(script instanceof HTMLScriptElement) || script.type !== 'module' || !script.src) return;",
  `  ${reloadWhenBack('script.src').replaceAll('\n', '\n  ')}`,
  '  retry();',
  '}, true);',
  // Read by then if the entry failed: a page whose app came starts the next wait afresh.
  `addEventListener('load', () => { try { sessionStorage.removeItem('${WAIT_KEY}'); } catch {} });`,
].join('\n');

/**
 * A page that keeps its module entry as built (embed.html, a page the browser renders), with a
 * script before it that loads the page again once that entry answers if it failed; the page
 * unchanged when it has no such entry.
 * @param {string} html
 * @returns {string}
 */
export function reloadIfAppFails(html) {
  return html.replace(ENTRY, (tag) => `<script>\n${RECOVER}\n</script>\n    ${tag}`);
}

/**
 * reloadIfAppFails over a page's representation as built, made once per version of the file.
 * @returns {(rep: Representation) => Representation}
 */
export function appRecoveryRewriter() {
  /** @type {WeakMap<Representation, Representation>} */
  const rewritten = new WeakMap();
  return (rep) => {
    let out = rewritten.get(rep);
    if (!out) {
      const html = rep.body.toString('utf8');
      const page = reloadIfAppFails(html);
      out =
        page === html
          ? rep
          : new Representation(page, {
              contentType: rep.contentType,
              lastModified: rep.lastModifiedMs,
            });
      rewritten.set(rep, out);
    }
    return out;
  };
}
