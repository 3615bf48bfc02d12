// @vitest-environment node
// The browser builds' React bound once per export (tooling/react-bindings.mjs).
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BOUND, facade, reactBindings } from '../../tooling/react-bindings.mjs';

const require = createRequire(import.meta.url);
const src = path.join(import.meta.dirname, '../../src');

function resolve(source: string, importer: string | undefined): unknown {
  const hook = reactBindings().resolveId as (s: string, i: string | undefined) => unknown;
  return hook(source, importer);
}

describe("React's exports bound once", () => {
  it("gives the app's modules the bound React, and React's own users the real one", () => {
    const app = path.join(src, 'widget/LiveBlog.tsx');
    const bound = resolve('react', app);
    expect(bound).toEqual(expect.stringContaining('react-bindings'));
    const load = reactBindings().load as (id: string) => string | null;
    expect(load(String(bound))).toContain('export const {');
    expect(resolve('react/jsx-runtime', app)).not.toBe(bound);
    expect(resolve('react-dom/client', app)).toBeNull();
    const library = require.resolve('@tanstack/react-query');
    expect(resolve('react', library)).toBeNull();
    // The bindings themselves import the real package.
    expect(resolve('react', String(bound))).toBeNull();
  });

  it('binds every name the app imports from React', () => {
    const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) =>
      /\.tsx?$/.test(f),
    );
    const used = new Set<string>();
    for (const file of files) {
      const code = readFileSync(path.join(src, file), 'utf8');
      for (const [, names] of code.matchAll(/^import \{([^}]*)\} from 'react';$/gm)) {
        for (const name of names!.split(',').map((n) => n.trim())) {
          if (name && !name.startsWith('type ')) used.add(name.split(' as ')[0]!);
        }
      }
    }
    expect(used.size).toBeGreaterThan(0);
    for (const name of used) expect(BOUND.react, name).toContain(name);
  });

  it('binds the very functions React exports', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'react-bindings-'));
    for (const [pkg, names] of Object.entries(BOUND)) {
      const real = pathToFileURL(require.resolve(pkg)).href;
      const file = path.join(dir, `${names.length}.mjs`);
      writeFileSync(file, facade(pkg, names).replace(JSON.stringify(pkg), JSON.stringify(real)));
      const bound = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      const module = require(pkg) as Record<string, unknown>;
      for (const name of names) {
        expect(bound[name], name).toBeDefined();
        expect(bound[name], name).toBe(module[name]);
      }
    }
  });
});
