// @vitest-environment node
// The browser builds' DOMPurify without its default allow-lists
// (tooling/dompurify-without-defaults.mjs): the sanitiser's output is the same, byte for byte.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type DOMPurifyType from 'dompurify';
import { JSDOM } from 'jsdom';
import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  dompurifyWithoutDefaults,
  withoutDefaults,
} from '../../tooling/dompurify-without-defaults.mjs';
import { PAYLOADS } from '../fixtures/xss/payloads';

const purifyFile = path.join(
  path.dirname(createRequire(import.meta.url).resolve('dompurify')),
  'purify.es.mjs',
);
const installed = readFileSync(purifyFile, 'utf8');

/** DOMPurify as the browser builds have it. */
async function builtPurify(): Promise<typeof DOMPurifyType> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'purify-')), 'purify.mjs');
  writeFileSync(file, withoutDefaults(installed)!.replace(/^\/\/# sourceMappingURL=.*$/m, ''));
  return ((await import(pathToFileURL(file).href)) as { default: typeof DOMPurifyType }).default;
}

type Sanitise = (html: string, base: string | undefined) => string;

/** The app's sanitiser, over the DOMPurify given (or the installed one), parsing in jsdom. */
async function appSanitiser(purify?: typeof DOMPurifyType): Promise<Sanitise> {
  vi.resetModules();
  if (purify) vi.doMock('dompurify', () => ({ default: purify }));
  else vi.doUnmock('dompurify');
  const dom = await import('../../src/shared/dom/dom-window');
  dom.parseFeedHtmlIn(new JSDOM('').window as unknown as Window & typeof globalThis);
  const { sanitizeHtml } = await import('../../src/capabilities/timeline/sanitize-html');
  return sanitizeHtml;
}

function transform(code: string, id: string) {
  const errors: string[] = [];
  const warnings: string[] = [];
  const hook = dompurifyWithoutDefaults().transform as unknown as (
    this: unknown,
    code: string,
    id: string,
  ) => { code: string } | null;
  const result = hook.call(
    { error: (m: string) => errors.push(m), warn: (m: string) => warnings.push(m) },
    code,
    id,
  );
  return { result, errors, warnings };
}

/** Markup a feed may carry: all that the allow-list keeps, and foreign content it does not. */
const ALLOWED_MARKUP = [
  '<p>One <strong>b</strong> <b>b</b> <em>e</em> <i>i</i> <u>u</u> <s>s</s> <small>s</small> <sub>1</sub> <sup>2</sup> <mark>m</mark> <abbr title="t">a</abbr> <span lang="uk" dir="ltr">x</span> <code>c</code></p>',
  '<blockquote cite="q.html"><p>Q <q cite="https://a.example/">q</q> <cite>c</cite></p></blockquote><hr><br>',
  '<ul><li>a</li></ul><ol><li>b</li></ol><h4>h</h4><h5>h</h5><h6>h</h6><h1>up</h1><pre>p</pre>',
  '<figure><img src="a.png" alt="A" width="10" height="20" title="t"><figcaption>c</figcaption></figure>',
  '<video src="v.mp4" poster="p.jpg"><source src="v.webm" type="video/webm"></video><audio src="a.mp3"></audio>',
  '<table><caption>c</caption><thead><tr><th scope="col">h</th></tr></thead><tbody><tr><td colspan="2" rowspan="1">d</td></tr></tbody></table>',
  '<details open><summary>s</summary><p>d</p></details><time datetime="2024-01-01">t</time>',
  '<a href="/x" title="t">relative</a> <a href="mailto:d@news.example">m</a> <a href="javascript:alert(1)">j</a>',
  '<svg><circle r="1"></circle><foreignObject><p>x</p></foreignObject></svg><math><mi>x</mi><mglyph></mglyph></math>',
  '<div class="c" id="i" style="color:red" data-x="1" aria-label="l" role="note" onclick="x()">div</div>',
  '<form><input name="a"><select><option>o</option></select><textarea>t</textarea></form><iframe src="f"></iframe>',
  '<p><font color="red">f</font><center>c</center><marquee>m</marquee><object data="o"></object></p>',
];

describe('DOMPurify without its default lists', () => {
  afterAll(() => vi.doUnmock('dompurify'));

  it('finds each list it empties in the installed DOMPurify, and keeps the namespace checks’ lists', () => {
    const trimmed = withoutDefaults(installed);
    expect(trimmed).toBeDefined();
    for (const name of ['html$1', 'html', 'svg', 'mathMl', 'xml']) {
      expect(trimmed).toContain(`\nconst ${name} = freeze([]);\n`);
    }
    expect(trimmed).toContain('\tconst DEFAULT_ALLOWED_TAGS = addToSet({}, []);');
    expect(trimmed).toContain('\tconst DEFAULT_ALLOWED_ATTR = addToSet({}, []);');
    expect(trimmed).toMatch(/const ALL_SVG_TAGS = addToSet\(\{\}, \[\n\t\t\.\.\.svg\$1,/);
    expect(trimmed).toMatch(/^const svg\$1 = freeze\(\[\n\t"svg",/m);
    expect(trimmed).toMatch(/^const mathMl\$1 = freeze\(\[\n\t"math",/m);
    expect(trimmed!.length).toBeLessThan(installed.length - 4000);
  });

  it('sanitises every hostile payload and every kind of allowed markup as the whole DOMPurify does', async () => {
    const whole = await appSanitiser();
    const trimmed = await appSanitiser(await builtPurify());
    const inputs = [
      ...PAYLOADS.map((p) => p.make('top.__pwned=true', 'https://canary.example/__canary/x')),
      ...ALLOWED_MARKUP,
    ];
    const base = 'https://news.example/live/feed.json';
    const kept = inputs.map((html) => whole(html, base));
    expect(inputs.map((html) => trimmed(html, base))).toEqual(kept);
    // What the comparison covers: markup kept, and markup removed.
    expect(kept.join('')).toContain('<figcaption>c</figcaption>');
    expect(kept.join('')).not.toContain('<svg');
  });

  it('allows nothing when given no allow-list, never more than the whole DOMPurify', async () => {
    const purify = (await builtPurify())(new JSDOM('').window);
    expect(
      purify.sanitize('<p>a <b>b</b> <svg><circle/></svg><a href="https://x.example/">c</a></p>'),
    ).toBe('a b c');
  });

  it('fails the build where DOMPurify is used without both lists, or with its profiles', () => {
    const importing = "import DOMPurify from 'dompurify';\n";
    expect(transform(`${importing}DOMPurify().sanitize(x)`, '/app/src/a.ts').errors).toHaveLength(
      1,
    );
    expect(
      transform(`${importing}p.setConfig({ ALLOWED_TAGS: [] })`, '/app/src/a.ts').errors,
    ).toHaveLength(1);
    expect(
      transform(`${importing}p.setConfig({ ALLOWED_TAGS: [], ALLOWED_ATTR: [] })`, '/app/src/a.ts')
        .errors,
    ).toEqual([]);
    expect(
      transform('p.setConfig({ USE_PROFILES: { html: true } })', '/app/src/b.ts').errors,
    ).toHaveLength(1);
    const app = readFileSync('src/capabilities/timeline/sanitize-html.ts', 'utf8');
    expect(transform(app, '/app/src/capabilities/timeline/sanitize-html.ts').errors).toEqual([]);
  });

  it('leaves a DOMPurify of another layout whole, and says so', () => {
    const { result, warnings } = transform(
      installed.replace('const xml = freeze([', 'const xml = Object.freeze(['),
      '/app/node_modules/dompurify/dist/purify.es.mjs',
    );
    expect(result).toBeNull();
    expect(warnings).toHaveLength(1);
  });
});
