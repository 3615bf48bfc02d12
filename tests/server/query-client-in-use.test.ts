// @vitest-environment node
// The browser builds' React Query without the methods nothing in them calls
// (tooling/query-client-in-use.mjs).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { QueryClient as RealQueryClient } from '@tanstack/query-core';
import { describe, expect, it } from 'vitest';
import { LEFT_OUT, queryClientInUse, withoutMethods } from '../../tooling/query-client-in-use.mjs';

const modern = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@tanstack/query-core/package.json')),
  'build/modern',
);

function transform(file: string): string | undefined {
  const hook = queryClientInUse().transform as unknown as (
    code: string,
    id: string,
  ) => { code: string } | null;
  return hook(readFileSync(path.join(modern, file), 'utf8'), path.join(modern, file))?.code;
}

function render(code: string): string[] {
  const errors: string[] = [];
  const hook = queryClientInUse().renderChunk as unknown as (
    this: unknown,
    code: string,
    chunk: { fileName: string },
  ) => unknown;
  hook.call({ error: (message: string) => errors.push(message) }, code, { fileName: 'x.js' });
  return errors;
}

/** The QueryClient as the browser builds have it, loaded beside the installed query-core. */
async function builtQueryClient(): Promise<typeof RealQueryClient> {
  const code = transform('queryClient.js')!
    .replace(
      /from "\.\/([\w]+\.js)"/g,
      (_, file: string) => `from ${JSON.stringify(pathToFileURL(path.join(modern, file)).href)}`,
    )
    .replace(/^\/\/# sourceMappingURL=.*$/m, '');
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'query-client-')), 'queryClient.mjs');
  writeFileSync(file, code);
  const module = (await import(pathToFileURL(file).href)) as {
    QueryClient: typeof RealQueryClient;
  };
  return module.QueryClient;
}

describe('React Query without the methods nothing calls', () => {
  it.each(Object.entries(LEFT_OUT))('finds each method it leaves out in %s.js', (file, names) => {
    const before = readFileSync(path.join(modern, `${file}.js`), 'utf8');
    const after = transform(`${file}.js`)!;
    for (const name of names) {
      expect(before, name).toMatch(new RegExp(`^\\t(async )?${name}\\(`, 'm'));
      expect(after, name).not.toMatch(new RegExp(`^\\t(async )?${name}\\(`, 'm'));
    }
    expect(after.length).toBeLessThan(before.length);
  });

  it('leaves every other file alone', () => {
    expect(transform('queryCache.js')).toBeUndefined();
    expect(transform('retryer.js')).toBeUndefined();
  });

  it('keeps a method whose name only begins like a left-out one', () => {
    const code = [
      'class A {',
      '\tquery(x) {',
      '\t\treturn x;',
      '\t}',
      '\tqueryKey(x) {',
      '\t}',
      '}',
    ];
    expect(withoutMethods(code.join('\n'), ['query'])).toBe(
      ['class A {', '\tqueryKey(x) {', '\t}', '}'].join('\n'),
    );
  });

  it('leaves a QueryClient that does what the widget asks of it', async () => {
    const QueryClient = await builtQueryClient();
    const client = new QueryClient();
    client.mount();
    client.setQueryDefaults(['feed'], { structuralSharing: false });
    const events: string[] = [];
    const unsubscribe = client.getQueryCache().subscribe((event) => events.push(event.type));
    await client.prefetchQuery({ queryKey: ['feed'], queryFn: () => 'first' });
    expect(client.getQueryCache().find({ queryKey: ['feed'] })?.state.data).toBe('first');
    client.setQueryData(['feed'], 'seeded');
    await client.refetchQueries({ queryKey: ['feed'] }, { cancelRefetch: true });
    expect(events).toContain('added');
    const methods = client as unknown as Record<string, unknown>;
    expect(typeof methods.prefetchQuery).toBe('function');
    for (const name of LEFT_OUT.queryClient!) expect(typeof methods[name], name).toBe('undefined');
    unsubscribe();
    client.clear();
    client.unmount();
  });

  it('fails a build whose code calls a method it leaves out', () => {
    expect(render('e.invalidateQueries({queryKey:t})')).toHaveLength(1);
    expect(render('o?.fetchOptimistic(e)')).toHaveLength(1);
    expect(render('t.query(e).catch(n)')).toHaveLength(1);
    // Definitions and look-alikes are not calls of them.
    expect(render('invalidateQueries(e){return 1}')).toEqual([]);
    expect(render('e.queryHash(t),e.isFetching,e.querySelector(t)')).toEqual([]);
  });
});
