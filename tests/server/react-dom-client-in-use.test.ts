// @vitest-environment jsdom
// The browser builds' ReactDOM client without the attribute aliases and unitless styles nothing of
// ours sets, and without the resource hints nothing calls (tooling/react-dom-client-in-use.mjs).
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { compileFunction } from 'node:vm';
import type * as ReactModule from 'react';
import type * as ReactDomModule from 'react-dom';
import type { Root } from 'react-dom/client';
import { describe, expect, it, vi } from 'vitest';
import { KEPT } from '../../tooling/react-exports-in-use.mjs';
import {
  HINTS,
  KEPT_NAMES,
  keepNames,
  leftOutNamed,
  reactDomClientInUse,
  withoutHints,
  withoutViewTransitions,
} from '../../tooling/react-dom-client-in-use.mjs';

const require = createRequire(import.meta.url);
const file = (pkg: string, name: string) =>
  path.join(path.dirname(require.resolve(`${pkg}/package.json`)), 'cjs', name);
const clientFile = file('react-dom', 'react-dom-client.production.js');
const installed = readFileSync(clientFile, 'utf8');

/** Runs a CommonJS file's code as Node would, with the modules it requires given. */
function run(code: string, modules: Record<string, unknown> = {}): unknown {
  const module = { exports: {} };
  const body = compileFunction(code, ['exports', 'module', 'require']) as (
    exports: object,
    module: object,
    require: (id: string) => unknown,
  ) => void;
  body(module.exports, module, (id) => (id in modules ? modules[id] : require(id)));
  return module.exports;
}

interface Dom {
  React: typeof ReactModule;
  ReactDom: typeof ReactDomModule;
  createRoot: (container: Element) => Root;
}

/**
 * React, ReactDOM and its client (as the browser builds have it, or whole), copies of their own:
 * the client sets ReactDOM's dispatcher, which must not be the one other test files use.
 */
function dom(client: string): Dom {
  const React = run(readFileSync(file('react', 'react.production.js'), 'utf8')) as Dom['React'];
  const ReactDom = run(readFileSync(file('react-dom', 'react-dom.production.js'), 'utf8'), {
    react: React,
  }) as Dom['ReactDom'];
  const { createRoot } = run(client, { react: React, 'react-dom': ReactDom }) as Dom;
  return { React, ReactDom, createRoot };
}

/** The client as the browser builds have it. */
function trimmedClient(): string {
  const aliases = keepNames(installed, 'aliases')!.code;
  return withoutHints(withoutViewTransitions(keepNames(aliases, 'unitless')!.code)!)!;
}

const built = () => dom(trimmedClient());

type Hook = (this: unknown, code: string, id: string) => { code: string } | null;
type End = (this: unknown, error?: Error) => void;

/** The plugin over `modules` (id → code), ReactDOM's client among them, and the build's errors. */
function build(modules: Record<string, string>): string[] {
  const plugin = reactDomClientInUse();
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

describe("ReactDOM's client in the browser builds", () => {
  it.each([
    ['aliases', /var aliases = new Map\(\[[^]*?\]\),/, ['strokeWidth', 'xHeight']],
    ['unitless', /var unitlessNumbers = new Set\([^;]*;/, ['lineHeight', 'opacity']],
  ] as const)(
    'keeps exactly the listed %s of the installed ReactDOM, and nothing else changes',
    (table, at, gone) => {
      const result = keepNames(installed, table)!;
      for (const name of gone) expect(result.leftOut).toContain(name);
      for (const name of KEPT_NAMES[table]) expect(result.leftOut).not.toContain(name);
      expect(result.code.replace(at, '')).toBe(installed.replace(at, ''));
      expect(result.code.length).toBeLessThan(installed.length - 900);
    },
  );

  it('still renders the props of the kept aliases as their attributes, and kept unitless styles', () => {
    const { React, ReactDom, createRoot } = built();
    const h = React.createElement;
    const container = document.createElement('div');
    const root = createRoot(container);
    ReactDom.flushSync(() =>
      root.render(
        h(
          'div',
          null,
          h('label', { htmlFor: 'x' }, 'x'),
          h(
            'svg',
            null,
            h('path', { d: 'M0 0', vectorEffect: 'non-scaling-stroke' }),
            h('circle', { r: 1, strokeWidth: 2 }),
          ),
          h('p', { style: { order: 2, zoom: 2, height: 3, lineHeight: 1.5 } }),
        ),
      ),
    );
    expect(container.querySelector('label')!.getAttribute('for')).toBe('x');
    expect(container.querySelector('path')!.getAttribute('vector-effect')).toBe(
      'non-scaling-stroke',
    );
    // A left-out alias is the prop's own name, which SVG does not read: the check below.
    expect(container.querySelector('circle')!.getAttribute('stroke-width')).toBeNull();
    // A kept unitless style is a plain number; a length is in px, and so (the check below) would
    // be a left-out one.
    const style = container.querySelector('p')!.style;
    expect([style.order, style.zoom, style.height, style.lineHeight]).toEqual([
      '2',
      '2',
      '3px',
      '1.5px',
    ]);
    ReactDom.flushSync(() => root.unmount());
  });

  it("leaves the client's resource hints unreached, and its dispatcher's other work as it was", () => {
    const trimmed = withoutHints(installed)!;
    for (const name of ['prefetchDNS', 'preconnect', 'preload', 'preinitStyle', 'preinitScript']) {
      // Defined, and named nowhere else (strings and properties are not names): the minifier
      // drops them.
      expect(
        installed.match(new RegExp(`(?<![."])\\b${name}\\b(?!"|\\s*:)`, 'g'))!.length,
        name,
      ).toBeGreaterThan(1);
      expect(
        trimmed.match(new RegExp(`(?<![."])\\b${name}\\b(?!"|\\s*:)`, 'g')),
        name,
      ).toHaveLength(1);
    }
    const whole = dom(installed);
    const { ReactDom } = built();
    expect(Object.keys(HINTS)).toHaveLength(7);
    // Whole, ReactDOM's preload adds a <link>; the browser builds have no preload to call (0049).
    whole.ReactDom.preload('https://cdn.example/a.css', { as: 'style' });
    expect(document.head.querySelectorAll('link[rel=preload]')).toHaveLength(1);
    const url = 'https://cdn.example/b.js';
    ReactDom.prefetchDNS(url);
    ReactDom.preconnect(url);
    ReactDom.preload(url, { as: 'script' });
    ReactDom.preloadModule(url);
    ReactDom.preinit(url, { as: 'script' });
    ReactDom.preinit('https://cdn.example/b.css', { as: 'style' });
    ReactDom.preinitModule(url);
    expect(document.head.querySelectorAll('link, script')).toHaveLength(1);
    document.head.replaceChildren();
    // flushSync still goes through the client's dispatcher.
    expect(ReactDom.flushSync(() => 7)).toBe(7);
  });

  it('commits without a view transition, which nothing can ask for', async () => {
    const trimmed = withoutViewTransitions(installed)!;
    // The one place the flag is read: what sets it needs a <ViewTransition>, whose export the
    // browser builds leave out of React.
    expect(installed.match(/shouldStartViewTransition(?! = )/g)).toHaveLength(1);
    expect(trimmed.match(/shouldStartViewTransition(?! = )/g)).toBeNull();
    expect(trimmed).toMatch(/ {2}!1\n {4}\? \(pendingViewTransition = startViewTransition\(/);
    expect(KEPT.react).not.toContain('ViewTransition');
    // A transition's commit (the lanes a view transition would take) still lands.
    const { React, ReactDom, createRoot } = built();
    const container = document.createElement('div');
    const root = createRoot(container);
    React.startTransition(() => root.render(React.createElement('p', null, 'later')));
    await vi.waitFor(() => expect(container.textContent).toBe('later'));
    ReactDom.flushSync(() => root.unmount());
  });

  it('fails the build where React keeps the export of a view transition', () => {
    const errors: string[] = [];
    const plugin = reactDomClientInUse();
    KEPT.react.push('ViewTransition');
    try {
      (plugin.buildStart as () => void).call({ error: (m: string) => errors.push(m) });
    } finally {
      KEPT.react.pop();
    }
    expect(errors).toEqual([expect.stringContaining("React's ViewTransition kept")]);
  });

  it('fails the build where a module of ours names a prop or a style left out', () => {
    const chart = 'export const C = () => <circle r={1} strokeWidth={2} />;';
    expect(build({ '/app/src/c.tsx': chart })).toEqual([
      expect.stringContaining('/app/src/c.tsx names strokeWidth'),
    ]);
    expect(build({ '/app/src/c.js': 'jsx("circle", { strokeWidth: 2 })' })).toHaveLength(1);
    expect(build({ '/app/src/l.tsx': '<label htmlFor="x" />' })).toEqual([]);
    expect(build({ '/app/src/s.tsx': '<p style={{ lineHeight: 1.5 }} />' })).toEqual([
      expect.stringContaining('/app/src/s.tsx names lineHeight'),
    ]);
    // A library's code, and styles, are not props.
    expect(build({ '/app/node_modules/x/index.js': 'o.strokeWidth = 1' })).toEqual([]);
    expect(build({ '/app/src/a.css?inline': '.a { stroke-width: 1px }' })).toEqual([]);
  });

  it('fails the build where a chunk calls a resource hint through the dispatcher', () => {
    const hook = reactDomClientInUse().renderChunk as unknown as (
      this: unknown,
      code: string,
      chunk: { fileName: string },
    ) => unknown;
    const errors: string[] = [];
    const context = { error: (m: string) => errors.push(m) };
    hook.call(context, 'function x(e){Q.d.L(e,`style`)}', { fileName: 'a.js' });
    hook.call(context, 'Q.d.f();a.d.Lx(1)', { fileName: 'b.js' });
    expect(errors).toEqual([expect.stringContaining('a.js calls a resource hint')]);
  });

  it('finds no left-out name of either table named anywhere in the app', () => {
    const leftOut = [
      ...keepNames(installed, 'aliases')!.leftOut,
      ...keepNames(installed, 'unitless')!.leftOut,
    ];
    const named = sources('src').flatMap((file) =>
      leftOutNamed(readFileSync(file, 'utf8'), leftOut).map((name) => `${file}: ${name}`),
    );
    expect(named).toEqual([]);
  });
});
