// @vitest-environment node
// The browser builds' React and ReactDOM without the exports nothing uses
// (tooling/react-exports-in-use.mjs).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { compileFunction } from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  KEPT,
  keepExports,
  namesUsed,
  reactExportsInUse,
} from '../../tooling/react-exports-in-use.mjs';

const require = createRequire(import.meta.url);
const reactFile = path.join(
  path.dirname(require.resolve('react/package.json')),
  'cjs/react.production.js',
);
const reactDomFile = path.join(
  path.dirname(require.resolve('react-dom/package.json')),
  'cjs/react-dom.production.js',
);

/** Runs a CommonJS file's code as Node would, and gives its exports. */
function run(code: string): Record<string, unknown> {
  const module = { exports: {} as Record<string, unknown> };
  const body = compileFunction(code, ['exports', 'module', 'require']) as (
    exports: object,
    module: object,
    require: NodeJS.Require,
  ) => void;
  body(module.exports, module, require);
  return module.exports;
}

type Hook = (this: unknown, code: string, id: string) => { code: string } | null;
type End = (this: unknown, error?: Error) => void;

/** The plugin's transform over `modules` (id → code), and the errors its end of build gives. */
function build(modules: Record<string, string>): { out: Record<string, string>; errors: string[] } {
  const plugin = reactExportsInUse();
  const errors: string[] = [];
  const context = { error: (message: string) => errors.push(message) };
  (plugin.buildStart as () => void).call(context);
  const out: Record<string, string> = {};
  for (const [id, code] of Object.entries(modules)) {
    const result = (plugin.transform as unknown as Hook).call(context, code, id);
    out[id] = result?.code ?? code;
  }
  (plugin.buildEnd as unknown as End).call(context);
  return { out, errors };
}

describe("React's exports in the browser builds", () => {
  it('keeps only what the app and its libraries use of the installed React', () => {
    const code = readFileSync(reactFile, 'utf8');
    const whole = run(code);
    const kept = run(keepExports(code, 'react').toString());
    expect(Object.keys(kept).sort()).toEqual([...KEPT.react].sort());
    // Gone: what no reader's screen calls.
    for (const name of ['Children', 'cloneElement', 'Component', 'useActionState', 'use']) {
      expect(whole).toHaveProperty(name);
      expect(kept).not.toHaveProperty(name);
    }
    // The same objects and functions, not copies of them.
    for (const name of KEPT.react) expect(String(kept[name])).toBe(String(whole[name]));
  });

  it("keeps ReactDOM's internals and flushSync, which still works", () => {
    const code = readFileSync(reactDomFile, 'utf8');
    const kept = run(keepExports(code, 'react-dom').toString());
    expect(Object.keys(kept).sort()).toEqual([...KEPT['react-dom']].sort());
    expect(run(code)).toHaveProperty('createPortal');
    const flushSync = kept.flushSync as (fn: () => number) => number;
    expect(flushSync(() => 7)).toBe(7);
  });

  it('finds every name a module takes, however it imports it', () => {
    const used = namesUsed(
      [
        'import { useState as s, "memo" as m } from "react";',
        'import * as React from "react";',
        'React.useEffect(() => {});',
        'const Dom = require("react-dom");',
        'Dom.flushSync(f);',
        'const version = require("react").version;',
        'const other = { React: 1 }; other.React;',
      ].join('\n'),
    );
    expect([...(used.get('react') ?? [])].sort()).toEqual([
      'memo',
      'useEffect',
      'useState',
      'version',
    ]);
    expect([...(used.get('react-dom') ?? [])]).toEqual(['flushSync']);
  });

  it('counts a package used whole when a module passes it on or re-exports it', () => {
    expect(namesUsed('import * as R from "react"; use(R);').get('react')).toEqual(new Set(['*']));
    expect(namesUsed('export * from "react-dom";').get('react-dom')).toEqual(new Set(['*']));
    expect(namesUsed('import("react").then(f);').get('react')).toEqual(new Set(['*']));
    expect(namesUsed('import * as R from "react"; R[name];').get('react')).toEqual(new Set(['*']));
  });

  it('fails a build whose code uses an export it leaves out, naming the module', () => {
    const { errors } = build({
      '/src/a.ts': 'import { useState } from "react"; useState(0);',
      '/src/b.ts': 'import { cloneElement } from "react"; cloneElement(x);',
      '/src/c.ts': 'import * as D from "react-dom"; D.createPortal(x, y);',
    });
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/\/src\/b\.ts uses cloneElement of react/);
    expect(errors[1]).toMatch(/\/src\/c\.ts uses createPortal of react-dom/);
  });

  it('passes a build that uses only what it keeps, and trims only the two files', () => {
    const reactCode = readFileSync(reactFile, 'utf8');
    const { out, errors } = build({
      [reactFile]: reactCode,
      '/src/a.ts': 'import { useState, memo } from "react"; useState(memo);',
      '/node_modules/x/react.production.js': 'exports.Children = 1;',
    });
    expect(errors).toEqual([]);
    expect(out[reactFile]).not.toMatch(/^exports\.Children\b/m);
    expect(out[reactFile]).toMatch(/^exports\.useState\b/m);
    expect(out['/node_modules/x/react.production.js']).toBe('exports.Children = 1;');
  });
});
