// @vitest-environment jsdom
// The browser builds' ReactDOM without the attribute aliases nothing of ours sets
// (tooling/react-dom-aliases-in-use.mjs).
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { compileFunction } from 'node:vm';
import { createElement } from 'react';
import { flushSync } from 'react-dom';
import type { Root } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import {
  aliasesNamed,
  KEPT_ALIASES,
  keepAliases,
  reactDomAliasesInUse,
} from '../../tooling/react-dom-aliases-in-use.mjs';

const require = createRequire(import.meta.url);
const clientFile = path.join(
  path.dirname(require.resolve('react-dom/package.json')),
  'cjs/react-dom-client.production.js',
);
const installed = readFileSync(clientFile, 'utf8');

/** ReactDOM's client as the browser builds have it, run as Node would run the file. */
function builtClient(): { createRoot: (container: Element) => Root } {
  const module = { exports: {} as { createRoot: (container: Element) => Root } };
  const body = compileFunction(keepAliases(installed)!.code, ['exports', 'module', 'require']) as (
    exports: object,
    module: object,
    require: NodeJS.Require,
  ) => void;
  body(module.exports, module, require);
  return module.exports;
}

type Hook = (this: unknown, code: string, id: string) => { code: string } | null;
type End = (this: unknown, error?: Error) => void;

/** The plugin over `modules` (id → code), ReactDOM's client among them, and the build's errors. */
function build(modules: Record<string, string>): string[] {
  const plugin = reactDomAliasesInUse();
  const errors: string[] = [];
  const context = { error: (m: string) => errors.push(m), warn: (m: string) => errors.push(m) };
  (plugin.buildStart as () => void).call(context);
  for (const [id, code] of Object.entries(modules)) {
    (plugin.transform as unknown as Hook).call(context, code, id);
  }
  (plugin.transform as unknown as Hook).call(context, installed, clientFile);
  (plugin.buildEnd as unknown as End).call(context);
  return errors;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe("ReactDOM's attribute aliases in the browser builds", () => {
  it('keeps exactly the listed aliases of the installed ReactDOM, and nothing else changes', () => {
    const result = keepAliases(installed)!;
    expect(result.leftOut).toContain('strokeWidth');
    expect(result.leftOut).toContain('xHeight');
    for (const name of KEPT_ALIASES) expect(result.leftOut).not.toContain(name);
    const table = /var aliases = new Map\(\[[^]*?\]\),/;
    expect(result.code.replace(table, '')).toBe(installed.replace(table, ''));
    expect(result.code.length).toBeLessThan(installed.length - 2000);
  });

  it('still renders the props of the kept aliases as their attributes', () => {
    const container = document.createElement('div');
    const root = builtClient().createRoot(container);
    flushSync(() =>
      root.render(
        createElement(
          'div',
          null,
          createElement('label', { htmlFor: 'x' }, 'x'),
          createElement(
            'svg',
            null,
            createElement('path', { d: 'M0 0', vectorEffect: 'non-scaling-stroke' }),
            createElement('circle', { r: 1, strokeWidth: 2 }),
          ),
        ),
      ),
    );
    expect(container.querySelector('label')!.getAttribute('for')).toBe('x');
    expect(container.querySelector('path')!.getAttribute('vector-effect')).toBe(
      'non-scaling-stroke',
    );
    // A left-out alias is the prop's own name, which SVG does not read: the check below.
    expect(container.querySelector('circle')!.getAttribute('stroke-width')).toBeNull();
    flushSync(() => root.unmount());
  });

  it('fails the build where a module of ours names a prop whose alias is left out', () => {
    const chart = 'export const C = () => <circle r={1} strokeWidth={2} />;';
    expect(build({ '/app/src/c.tsx': chart })).toEqual([
      expect.stringContaining('/app/src/c.tsx names strokeWidth'),
    ]);
    expect(build({ '/app/src/c.js': 'jsx("circle", { strokeWidth: 2 })' })).toHaveLength(1);
    expect(build({ '/app/src/l.tsx': '<label htmlFor="x" />' })).toEqual([]);
    // A library's code, and styles, are not props.
    expect(build({ '/app/node_modules/x/index.js': 'o.strokeWidth = 1' })).toEqual([]);
    expect(build({ '/app/src/a.css?inline': '.a { stroke-width: 1px }' })).toEqual([]);
  });

  it('finds no left-out alias named anywhere in the app', () => {
    const { leftOut } = keepAliases(installed)!;
    const named = sources('src').flatMap((file) =>
      aliasesNamed(readFileSync(file, 'utf8'), leftOut).map((name) => `${file}: ${name}`),
    );
    expect(named).toEqual([]);
  });
});
