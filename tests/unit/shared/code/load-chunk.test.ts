// What the browser builds call for each lazy import (src/shared/code/load-chunk.ts): a chunk that
// failed is imported again under another address; one its server no longer has is not.
import { describe, expect, it, vi } from 'vitest';
import { codeGone, loadChunk, onCodeGone } from '../../../../src/shared/code/load-chunk';

const BASE = 'https://news.example/live/assets/index.js';
const at = (name: string) => `https://news.example/live/assets/${name}`;

/** An importer that fails while `down()` and records what it was asked for. */
function importer(down: () => boolean) {
  const asked: string[] = [];
  const load = (address: string) => {
    asked.push(address);
    return down()
      ? Promise.reject(new TypeError('Failed to fetch dynamically imported module'))
      : Promise.resolve('module');
  };
  return { asked, load };
}

/** The server's answer to the plain request after a failure: a status, or no answer. */
function answer(status: number | undefined) {
  const fetch = vi.fn((_: string, _init?: RequestInit) =>
    status === undefined
      ? Promise.reject(new TypeError('Failed to fetch'))
      : Promise.resolve(new Response(null, { status })),
  );
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('loadChunk', () => {
  it('imports a chunk that failed again under another address, then keeps to that one', async () => {
    answer(undefined);
    let down = true;
    const { asked, load } = importer(() => down);
    await expect(loadChunk(load, './a.js', BASE)).rejects.toThrow('Failed to fetch');
    await expect(loadChunk(load, './a.js', BASE)).rejects.toThrow('Failed to fetch');
    down = false;
    await expect(loadChunk(load, './a.js', BASE)).resolves.toBe('module');
    await loadChunk(load, './a.js', BASE);
    // Another chunk, as it was.
    await loadChunk(load, './b.js', BASE);
    const a = at('a.js');
    expect(asked).toEqual([a, `${a}?retry=1`, `${a}?retry=2`, `${a}?retry=2`, at('b.js')]);
    expect(codeGone()).toBe(false);
  });

  it('asks under another address at once, while it still checks whether the chunk is gone', async () => {
    let check!: (response: Response) => void;
    vi.stubGlobal('fetch', () => new Promise<Response>((resolve) => (check = resolve)));
    let down = true;
    const { asked, load } = importer(() => down);
    const first = loadChunk(load, './f.js', BASE);
    await vi.waitFor(() => expect(check).toBeDefined());
    // A permalink opened meanwhile needs the same code.
    down = false;
    await expect(loadChunk(load, './f.js', BASE)).resolves.toBe('module');
    check(new Response(null, { status: 200 }));
    await expect(first).rejects.toThrow('Failed to fetch');
    expect(asked).toEqual([at('f.js'), `${at('f.js')}?retry=1`]);
  });

  it('keeps asking for a chunk whose server failed or did not answer', async () => {
    const { asked, load } = importer(() => true);
    for (const status of [undefined, 500, 503, 200]) {
      answer(status);
      await expect(loadChunk(load, './c.js', BASE)).rejects.toThrow();
    }
    expect(asked).toHaveLength(4);
    expect(codeGone()).toBe(false);
  });

  it('asks no more for a chunk its server no longer has, and says code is gone', async () => {
    const heard = vi.fn();
    const stop = onCodeGone(heard);
    const { asked, load } = importer(() => true);
    const fetch = answer(404);
    await expect(loadChunk(load, './d.js', BASE)).rejects.toThrow('Failed to fetch');
    expect(fetch).toHaveBeenCalledWith(at('d.js'), { method: 'HEAD' });
    expect(codeGone()).toBe(true);
    expect(heard).toHaveBeenCalledTimes(1);

    await expect(loadChunk(load, './d.js', BASE)).rejects.toThrow(at('d.js'));
    expect(asked).toEqual([at('d.js')]);
    expect(fetch).toHaveBeenCalledTimes(1);

    // Another that is gone (410) says nothing more: the page already needs a reload.
    answer(410);
    await expect(loadChunk(load, './e.js', BASE)).rejects.toThrow('Failed to fetch');
    await expect(loadChunk(load, './e.js', BASE)).rejects.toThrow(at('e.js'));
    expect(heard).toHaveBeenCalledTimes(1);
    stop();
  });

  it('takes a 403 for a chunk as gone: a bucket without listing rights says so of a missing file', async () => {
    vi.resetModules();
    const fresh = await import('../../../../src/shared/code/load-chunk');
    const { asked, load } = importer(() => true);
    answer(403);
    await expect(fresh.loadChunk(load, './g.js', BASE)).rejects.toThrow('Failed to fetch');
    expect(fresh.codeGone()).toBe(true);
    await expect(fresh.loadChunk(load, './g.js', BASE)).rejects.toThrow(at('g.js'));
    expect(asked).toEqual([at('g.js')]);
  });
});
