// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { emptyStore, mergeHead, mergePage } from '../../../../src/core/feed/feed-store';
import { followChain, MAX_EMPTY_PAGES, pageKey } from '../../../../src/core/feed/page-chain';
import { feedOf, item } from '../../../support/feed-builders';

const HEAD = 'https://feeds.example/live.json';
const A = 'https://feeds.example/live/a.json';
const B = 'https://feeds.example/live/b.json';

describe('pageKey: when two page URLs are one request', () => {
  it('ignores the fragment, the host’s case and a default port; keeps path and query', () => {
    expect(pageKey('https://Feeds.Example:443/live/a.json#x')).toBe(pageKey(A));
    expect(pageKey('https://feeds.example/live/./x/../a.json')).toBe(pageKey(A));
    expect(pageKey(`${A}?page=2`)).not.toBe(pageKey(A));
    expect(pageKey('https://feeds.example/live/A.json')).not.toBe(pageKey(A));
  });
});

describe('followChain', () => {
  const fetched = new Map<string, string | undefined>([
    [pageKey(HEAD), A],
    [pageKey(A), B],
  ]);

  it('skips pages already fetched, to the first one that is not', () => {
    expect(followChain(fetched, A)).toEqual({
      url: 'https://feeds.example/live/b.json',
      broken: false,
    });
    expect(followChain(fetched, undefined)).toEqual({ url: undefined, broken: false });
  });

  it('a cycle among fetched pages ends the chain as broken', () => {
    const loop = new Map(fetched).set(pageKey(B), HEAD);
    expect(followChain(loop, A)).toEqual({ url: undefined, broken: true });
    expect(followChain(new Map([[pageKey(A), `${A}#again`]]), A)).toEqual({
      url: undefined,
      broken: true,
    });
  });

  it('a fetched page without next_url is the end: everything is loaded, nothing broke', () => {
    expect(followChain(new Map(fetched).set(pageKey(B), undefined), A)).toEqual({
      url: undefined,
      broken: false,
    });
  });
});

describe('the store’s cursor over a looping next_url', () => {
  const head = (nextUrl: string) =>
    mergeHead(emptyStore, feedOf([item('h', 10)], { nextUrl }), 1, HEAD);

  it('a head whose next_url is the head itself has no older pages, and says so', () => {
    const store = head(`${HEAD}#older`);
    expect(store.olderUrl).toBeUndefined();
    expect(store.olderBroken).toBe(true);
  });

  it('a page pointing at itself, back at the head, or around a cycle stops the cursor', () => {
    for (const [first, second] of [
      [A, A],
      [A, HEAD],
      [A, B],
    ] as const) {
      let store = head(first);
      expect(store.olderUrl).toBe(first);
      store = mergePage(store, feedOf([item('a', 5)], { nextUrl: second }), 2, [first]);
      if (second === B) {
        expect(store.olderUrl).toBe(B);
        store = mergePage(store, feedOf([item('b', 4)], { nextUrl: A }), 3, [B]);
      }
      expect(store.olderUrl, `${first} → ${second}`).toBeUndefined();
      expect(store.olderBroken).toBe(true);
    }
  });

  it('a redirect to a page already fetched counts as that page', () => {
    let store = head(A);
    store = mergePage(store, feedOf([item('a', 5)], { nextUrl: B }), 2, [A, HEAD]);
    // The head answered for A: A's next_url is B, and B is new.
    expect(store.olderUrl).toBe(B);
    store = mergePage(store, feedOf([item('b', 4)], { nextUrl: `${HEAD}?x` }), 3, [B, A]);
    expect(store.olderUrl).toBe(`${HEAD}?x`);
  });

  it(`stops after ${MAX_EMPTY_PAGES} pages in a row that add nothing, even at new URLs`, () => {
    let store = head(`${A}?n=0`);
    for (let n = 0; n < MAX_EMPTY_PAGES; n++) {
      expect(store.olderUrl).toBe(`${A}?n=${n}`);
      store = mergePage(store, feedOf([item('h', 10)], { nextUrl: `${A}?n=${n + 1}` }), 2, [
        `${A}?n=${n}`,
      ]);
    }
    expect(store.olderUrl).toBeUndefined();
    expect(store.olderBroken).toBe(true);
  });

  it('a page that adds nothing once (a head that slid over it) does not stop the walk', () => {
    let store = head(A);
    store = mergePage(store, feedOf([item('h', 10)], { nextUrl: B }), 2, [A]);
    expect(store.olderUrl).toBe(B);
    store = mergePage(store, feedOf([item('b', 1)]), 3, [B]);
    expect(store.olderUrl).toBeUndefined();
    expect(store.olderBroken).toBe(false);
    expect(store.emptyPages).toBe(0);
  });
});
