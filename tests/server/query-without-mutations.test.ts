// @vitest-environment node
// The browser builds' React Query without mutations or infinite queries
// (tooling/query-without-mutations.mjs).
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { QueryClient, focusManager, onlineManager } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { MutationCache } from '../../tooling/mutation-cache-stand-in.mjs';
import { infiniteQueryBehavior } from '../../tooling/infinite-query-stand-in.mjs';
import * as hookStandIn from '../../tooling/query-hook-stand-in.mjs';
import {
  HOOK_STAND_IN,
  INFINITE_STAND_IN,
  STAND_IN,
  queryWithoutMutations,
} from '../../tooling/query-without-mutations.mjs';

const coreDir = path.dirname(
  createRequire(import.meta.url).resolve('@tanstack/query-core/package.json'),
);
const queryClientFile = path.join(coreDir, 'build/modern/queryClient.js');
const queryFile = path.join(coreDir, 'build/modern/query.js');
const reactDir = path.dirname(
  createRequire(import.meta.url).resolve('@tanstack/react-query/package.json'),
);
const useBaseQueryFile = path.join(reactDir, 'build/modern/useBaseQuery.js');
const HOOK_HELPERS = [
  'suspense',
  'errorBoundaryUtils',
  'QueryErrorResetBoundary',
  'IsRestoringProvider',
];

function resolve(source: string, importer: string): unknown {
  const hook = queryWithoutMutations().resolveId as (s: string, i: string) => unknown;
  return hook(source, importer);
}

function render(code: string, moduleIds: string[] = []): string[] {
  const errors: string[] = [];
  const hook = queryWithoutMutations().renderChunk as unknown as (
    this: unknown,
    code: string,
    chunk: { fileName: string; moduleIds: string[] },
  ) => unknown;
  hook.call({ error: (message: string) => errors.push(message) }, code, {
    fileName: 'x.js',
    moduleIds,
  });
  return errors;
}

describe('a QueryClient without mutations', () => {
  it('stands in for the MutationCache of the QueryClient only', () => {
    expect(resolve('./mutationCache.js', queryClientFile)).toBe(STAND_IN);
    expect(resolve('./mutationCache.js', path.join(coreDir, 'build/modern/index.js'))).toBeNull();
    expect(resolve('./queryCache.js', queryClientFile)).toBeNull();
  });

  it('has every method the installed QueryClient calls on its mutation cache', () => {
    const called = new Set(
      [...readFileSync(queryClientFile, 'utf8').matchAll(/#mutationCache\.(\w+)/g)].map(
        (m) => m[1],
      ),
    );
    expect(called.size).toBeGreaterThan(0);
    for (const method of called) expect(MutationCache.prototype).toHaveProperty(String(method));
  });

  it('lets a client mount, hear the connection and focus come back, and clear', async () => {
    const client = new QueryClient({ mutationCache: new MutationCache() as never });
    client.mount();
    onlineManager.setOnline(false);
    onlineManager.setOnline(true);
    focusManager.setFocused(false);
    focusManager.setFocused(true);
    expect(client.isMutating()).toBe(0);
    await expect(client.resumePausedMutations()).resolves.toBeUndefined();
    await expect(client.fetchQuery({ queryKey: ['feed'], queryFn: () => 'read' })).resolves.toBe(
      'read',
    );
    client.clear();
    expect(client.getQueryData(['feed'])).toBeUndefined();
    client.unmount();
    focusManager.setFocused(undefined);
  });

  it('fails a build whose code uses mutations', () => {
    expect(render('this.#client.getMutationCache().build(client, options)')).toHaveLength(1);
    expect(render('getMutationCache() { return this.#mutationCache; }')).toEqual([]);
  });
});

describe('a Query without infinite paging', () => {
  it("stands in for the Query's infinite paging only", () => {
    expect(resolve('./infiniteQueryBehavior.js', queryFile)).toBe(INFINITE_STAND_IN);
    const observer = path.join(coreDir, 'build/modern/infiniteQueryObserver.js');
    expect(resolve('./infiniteQueryBehavior.js', observer)).toBeNull();
    expect(
      resolve('./infiniteQueryBehavior.js', path.join(coreDir, 'build/modern/xquery.js')),
    ).toBeNull();
    expect(resolve('./retryer.js', queryFile)).toBeNull();
  });

  it('is asked for by the installed Query only for an infinite query', () => {
    const code = readFileSync(queryFile, 'utf8');
    const uses = [...code.matchAll(/infiniteQueryBehavior\(/g)];
    expect(uses).toHaveLength(1);
    expect(code).toMatch(/#queryType === "infinite" \? infiniteQueryBehavior\(/);
  });

  it('tells whoever makes an infinite query why it fails', () => {
    expect(() => infiniteQueryBehavior()).toThrow(/left out of this build/);
  });

  it('fails a build whose code uses infinite queries', () => {
    expect(render('fetchNextPage(e,t){return this.fetch({...t,meta:{fetchMore:e}})}')).toHaveLength(
      1,
    );
    expect(render('fetchInfiniteQuery(e){return e._type="infinite",this.fetchQuery(e)}')).toEqual(
      [],
    );
  });
});

describe('a useQuery without Suspense or error boundaries', () => {
  it("stands in for useQuery's helpers only", () => {
    for (const name of HOOK_HELPERS) {
      expect(resolve(`./${name}.js`, useBaseQueryFile)).toBe(HOOK_STAND_IN);
      // useQueries and the Suspense hooks keep them: the build fails on those (below).
      const queries = path.join(reactDir, 'build/modern/useQueries.js');
      expect(resolve(`./${name}.js`, queries)).toBeNull();
    }
    expect(resolve('./suspense.js', path.join(coreDir, 'build/modern/useBaseQuery.js'))).toBeNull();
    expect(resolve('./QueryClientProvider.js', useBaseQueryFile)).toBeNull();
  });

  it('has everything the installed useQuery imports from them', () => {
    const code = readFileSync(useBaseQueryFile, 'utf8');
    const imported = [...code.matchAll(/import \{([^}]*)\} from "\.\/(\w+)\.js"/g)]
      .filter((m) => HOOK_HELPERS.includes(m[2]!))
      .flatMap((m) => m[1]!.split(',').map((name) => name.trim()));
    expect(imported.length).toBeGreaterThanOrEqual(HOOK_HELPERS.length);
    for (const name of imported) expect(hookStandIn).toHaveProperty(name);
  });

  it('does what the helpers do for a query that neither suspends nor throws', () => {
    expect(hookStandIn.shouldSuspend()).toBe(false);
    expect(hookStandIn.getHasError()).toBe(false);
    expect(hookStandIn.useIsRestoring()).toBe(false);
    expect(hookStandIn.useQueryErrorResetBoundary().isReset()).toBe(false);
  });

  it("fails a build whose code uses React Query's own helpers", () => {
    for (const name of HOOK_HELPERS) {
      const id = path.join(reactDir, `build/modern/${name}.js`);
      expect(render('', [id])).toHaveLength(1);
    }
    expect(render('', [useBaseQueryFile, HOOK_STAND_IN])).toEqual([]);
  });

  it("leaves the app's queries neither suspending nor throwing to a boundary", () => {
    const src = path.join(import.meta.dirname, '../../src');
    const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) =>
      /\.tsx?$/.test(f),
    );
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const code = readFileSync(path.join(src, file), 'utf8');
      expect(code, file).not.toMatch(/\bthrowOnError\b|\bsuspense\s*:/);
    }
  });
});
