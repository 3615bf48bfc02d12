// @vitest-environment node
// The build plugin that stands for Vite's preload helper (tooling/import-without-preload.mjs).
import { describe, expect, it } from 'vitest';
import { importWithoutPreload } from '../../tooling/import-without-preload.mjs';

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
  it('loads the helper as the bare call', () => {
    const load = importWithoutPreload().load as (id: string) => string | undefined;
    expect(load('\0vite/preload-helper.js')).toBe('export const __vitePreload = (load) => load();');
    expect(load('/src/main.ts')).toBeUndefined();
  });

  it('writes no preload list, and keeps every column', () => {
    const render = importWithoutPreload().renderChunk as (code: string) => { code: string };
    const code = 'p(()=>import(`./a.js`),__VITE_PRELOAD__,import.meta.url);x()';
    const out = render(code).code;
    expect(out).not.toContain('__VITE_PRELOAD__');
    expect(out).toHaveLength(code.length);
    expect(out.indexOf('x()')).toBe(code.indexOf('x()'));
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
