// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { reloadIfAppFails, startAppAfterPaint } from '../../server/start-after-paint.mjs';

// The head of index.html as Vite builds it.
const BUILT = `<!doctype html><html><head>
    <meta charset="utf-8" />
    <script>early()</script>
    <script type="module" crossorigin src="./assets/index-abc.js"></script>
    <link rel="modulepreload" crossorigin href="./assets/runtime-def.js">
    <link rel="modulepreload" crossorigin href="./assets/live-blog-ghi.js">
    <link rel="stylesheet" crossorigin href="./assets/live-blog-jkl.css">
  </head><body><div id="root"></div></body></html>`;

describe('a rendered page starts its app after the first paint', () => {
  it('loads no script and preloads nothing while the HTML is parsed', () => {
    const { html } = startAppAfterPaint(BUILT);
    expect(html).not.toMatch(/<script[^>]*\ssrc=/);
    expect(html).not.toContain('modulepreload" crossorigin href');
    // The styles and the early script are the page's as built.
    expect(html).toContain('<link rel="stylesheet" crossorigin href="./assets/live-blog-jkl.css">');
    expect(html).toContain('<script>early()</script>');
  });

  it('imports the same entry and preloads the same chunks once painted', () => {
    const { html, script } = startAppAfterPaint(BUILT);
    expect(script).toBeDefined();
    expect(html).toContain(`<script type="module">\n${script}\n</script>`);
    expect(script).toContain('import("./assets/index-abc.js")');
    expect(script).toContain('["./assets/runtime-def.js","./assets/live-blog-ghi.js"]');
    expect(script).toContain('requestAnimationFrame(() => setTimeout(start, 0))');
    expect(script).toContain("observe({ type: 'paint', buffered: true })");
  });

  it('loads the page again once the app’s entry answers, if it could not be fetched', () => {
    const { script } = startAppAfterPaint(BUILT);
    expect(script).toMatch(/import\("\.\/assets\/index-abc\.js"\)\.then\(.*, retry\)/);
    // Asked when the browser is back online, or after a wait that doubles while it stays online.
    expect(script).toContain("addEventListener('online', again)");
    expect(script).toContain('setTimeout(again, wait)');
    expect(script).toContain('wait = Math.min(wait * 2, 3e5)');
    expect(script).toContain('fetch("./assets/index-abc.js", { cache: \'no-store\' })');
    // Not again for an entry that is gone; the wait goes on across the reloads.
    expect(script).toContain('r.status !== 404 && r.status !== 410');
    expect(script).toContain("sessionStorage.setItem('live-blog:app-wait'");
  });

  it('leaves a page it does not recognise as built', () => {
    const other = '<html><head><script src="/app.js"></script></head><body></body></html>';
    expect(startAppAfterPaint(other)).toEqual({ html: other, script: undefined });
    const odd = BUILT.replace('./assets/index-abc.js', './assets/x"onload="y.js');
    expect(startAppAfterPaint(odd).script).toBeUndefined();
  });
});

describe('a page that keeps its app as built', () => {
  it('loads the page again once its entry answers if it failed, before that entry runs', () => {
    const html = reloadIfAppFails(BUILT);
    const guard = html.indexOf("addEventListener('error'");
    expect(guard).toBeGreaterThan(0);
    expect(guard).toBeLessThan(html.indexOf('<script type="module" crossorigin src'));
    expect(html).toContain("addEventListener('online', again)");
    expect(html).toContain('setTimeout(again, wait)');
    expect(html).toContain("sessionStorage.removeItem('live-blog:app-wait')");
  });

  it('leaves a page without such an entry as it is', () => {
    const other = '<html><head><script src="/app.js"></script></head><body></body></html>';
    expect(reloadIfAppFails(other)).toBe(other);
  });
});
