// @vitest-environment node
// The build plugin that stands for Vite's preload helper (tooling/import-without-preload.mjs).
import { describe, expect, it } from 'vitest';
import { HELPER, importWithoutPreload } from '../../tooling/import-without-preload.mjs';

/** A chunk's code as the plugin renders it; `errors` gets what it would fail the build with. */
function render(code: string, errors: string[]): { code: string; map: unknown } {
  const hook = importWithoutPreload().renderChunk as unknown as (
    this: unknown,
    code: string,
    chunk: { fileName: string },
  ) => { code: string; map: unknown };
  return hook.call({ error: (message: string) => errors.push(message) }, code, {
    fileName: 'index.js',
  });
}

interface FakeChunk {
  type: 'chunk';
  fileName: string;
  isEntry: boolean;
  isDynamicEntry: boolean;
  imports: string[];
  viteMetadata?: { importedCss: Set<string> };
}

const chunk = (fileName: string, parts: Partial<FakeChunk> = {}): FakeChunk => ({
  type: 'chunk',
  fileName,
  isEntry: false,
  isDynamicEntry: false,
  imports: [],
  ...parts,
});
const page = (fileName: string, css: string) => ({
  type: 'asset' as const,
  fileName,
  source: `<link rel="stylesheet" href="./${css}">`,
});

/** The errors the plugin raises on a bundle. */
function check(files: object[]): string[] {
  const errors: string[] = [];
  const hook = importWithoutPreload().generateBundle as unknown as {
    handler: (this: unknown, options: unknown, bundle: Record<string, object>) => void;
  };
  const bundle = Object.fromEntries(files.map((f, i) => [String(i), f]));
  hook.handler.call({ error: (message: string) => errors.push(message) }, {}, bundle);
  return errors;
}

describe('import without preload', () => {
  it('stands for the helper only, with the app’s own', () => {
    const load = importWithoutPreload().load as (id: string) => string | undefined;
    expect(load('\0vite/preload-helper.js')).toBe(HELPER);
    expect(HELPER).toMatch(/^export \{ loadChunk as __vitePreload \} from ".*load-chunk\.ts";$/);
    expect(load('/src/main.ts')).toBeUndefined();
  });

  it('rewrites the calls of a chunk that holds the helper, under its own name', () => {
    const errors: string[] = [];
    const out = render(
      'const A = loadChunk(() => import("./a.js").then((m) => m.A), __VITE_PRELOAD__, import.meta.url);',
      errors,
    );
    expect(errors).toEqual([]);
    expect(out.code).toBe(
      'const A = loadChunk((address) => import(address).then((m) => m.A), "./a.js", import.meta.url);',
    );
  });

  it('gives each lazy import its chunk’s address, in place of the preload list', () => {
    const code =
      'const A = __vitePreload(() => import("./a-!~{001}~.js").then((m) => m.A), __VITE_PRELOAD__, import.meta.url);\nx();';
    const errors: string[] = [];
    const out = render(code, errors);
    expect(errors).toEqual([]);
    expect(out.code).toBe(
      'const A = __vitePreload((address) => import(address).then((m) => m.A), "./a-!~{001}~.js", import.meta.url);\nx();',
    );
    expect(out.map).toBeTruthy();
  });

  it('gives it its importer’s address where Vite passes none (a base that is not relative)', () => {
    const errors: string[] = [];
    const out = render(
      'const A = __vitePreload(() => import("./a.js").then((m) => m.A), __VITE_PRELOAD__);',
      errors,
    );
    expect(errors).toEqual([]);
    expect(out.code).toBe(
      'const A = __vitePreload((address) => import(address).then((m) => m.A), "./a.js", import.meta.url);',
    );
  });

  it('fails the build on a lazy import it could not import again', () => {
    const errors: string[] = [];
    render(
      'const a = __vitePreload(async () => { const { a } = await import("./a.js"); return { a }; }, __VITE_PRELOAD__, import.meta.url);',
      errors,
    );
    expect(errors).toEqual([
      "index.js: 1 lazy import(s) of a shape that cannot be imported again (write import('./x').then(…))",
    ]);
  });

  it('passes lazy chunks that import only what every entry has loaded', () => {
    expect(
      check([
        chunk('index.js', { isEntry: true, imports: ['shared.js'] }),
        chunk('embed.js', { isEntry: true, imports: ['shared.js'] }),
        chunk('shared.js', { viteMetadata: { importedCss: new Set(['shared.css']) } }),
        chunk('lazy.js', { isDynamicEntry: true, imports: ['shared.js'] }),
        page('index.html', 'shared.css'),
        page('embed.html', 'shared.css'),
      ]),
    ).toEqual([]);
  });

  it('fails a lazy chunk that imports a script no entry has loaded', () => {
    const errors = check([
      chunk('embed.js', { isEntry: true }),
      chunk('chart.js', { isDynamicEntry: true, imports: ['common.js', 'embed.js'] }),
      chunk('common.js', { imports: ['embed.js'] }),
    ]);
    expect(errors).toEqual([expect.stringContaining('chart.js needs common.js')]);
  });

  it('fails a lazy chunk whose stylesheet no page links', () => {
    const errors = check([
      chunk('index.js', { isEntry: true }),
      chunk('lazy.js', {
        isDynamicEntry: true,
        viteMetadata: { importedCss: new Set(['lazy.css']) },
      }),
      page('index.html', 'other.css'),
    ]);
    expect(errors).toEqual([expect.stringContaining('lazy.js needs lazy.css')]);
  });
});
