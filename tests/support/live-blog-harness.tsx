// The widget under test in jsdom: a fake feed server behind a stubbed fetch, an
// IntersectionObserver that reports only when told to, and fake timers advanced explicitly.
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, onTestFinished, vi } from 'vitest';
import { loadEmbedsCode } from '../../src/capabilities/embeds/embeds-code';
import { loadMediaCode } from '../../src/capabilities/timeline/media-code';
import { LiveBlogRoot } from '../../src/widget/LiveBlogRoot';
import { sharedQueryClient } from '../../src/widget/query-client';
import { loadPageCode } from '../../src/capabilities/feed/load-page-code';

// ---- A fake feed server behind a stubbed fetch ----

export interface Route {
  body: string;
  etag?: string;
  status?: number;
  contentType?: string;
}

export const routes = new Map<string, Route>();
function respond(url: string): Response {
  const route = routes.get(url);
  if (!route) return new Response('not found', { status: 404 });
  return new Response(route.body, {
    status: route.status ?? 200,
    headers: {
      'content-type': route.contentType ?? 'application/feed+json',
      ...(route.etag ? { etag: route.etag } : {}),
    },
  });
}
// As fetch: a promise, rejected if the response cannot be made. The app asks with a string or URL.
export const fetchMock = vi.fn(
  (input: string | URL) => new Promise<Response>((resolve) => resolve(respond(String(input)))),
);

let feedCounter = 0;
/** A fresh feed URL per test, so no test sees another's cached feed. */
export function feedUrl(route: Route): string {
  const url = `https://feeds.test/live-${++feedCounter}.json`;
  routes.set(url, route);
  return url;
}

// ---- IntersectionObserver: absent in jsdom; this one reports only when told to ----

export class FakeIntersectionObserver {
  static live = new Set<FakeIntersectionObserver>();
  readonly elements = new Set<Element>();
  readonly root = null;
  readonly rootMargin = '';
  readonly thresholds = [];
  constructor(private readonly callback: IntersectionObserverCallback) {
    FakeIntersectionObserver.live.add(this);
  }
  observe(el: Element) {
    this.elements.add(el);
  }
  unobserve(el: Element) {
    this.elements.delete(el);
  }
  disconnect() {
    this.elements.clear();
    FakeIntersectionObserver.live.delete(this);
  }
  takeRecords() {
    return [];
  }
  /** Tells every observer of a matching element that it moved. */
  static report(selector: string, isIntersecting: boolean, top: number) {
    for (const observer of FakeIntersectionObserver.live) {
      for (const target of observer.elements) {
        if (!target.matches(selector)) continue;
        const entry = {
          target,
          isIntersecting,
          boundingClientRect: { top } as DOMRectReadOnly,
          intersectionRatio: isIntersecting ? 1 : 0,
        } as IntersectionObserverEntry;
        observer.callback([entry], observer);
      }
    }
  }
}

// ---- Lazy code ----

// The chunk that fetches pages of the chain (older, a gap's), which the app loads at the first
// page it needs: in the tests, in before any, so that a page's timing is the request's alone.
await loadPageCode();

// ---- Time: fake timers only, advanced explicitly ----

/** Lets fetches, body reads, React Query's notifications (setTimeout 0) and React settle. */
export async function settle() {
  for (let i = 0; i < 10; i++) {
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0);
    });
  }
}

export async function advance(ms: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
  await settle();
}

/** Comfortably past one poll: 15 s (the demo's poll_seconds) + 10 % jitter. */
export const PAST_ONE_POLL = 16_600;

export async function renderLoaded(url: string) {
  const view = render(<LiveBlogRoot feed={url} locale="en" />);
  await settle();
  return view;
}

export const articles = () => screen.queryAllByRole('article');

/** Fake timers, fetch and IntersectionObserver around each test of the file that calls it. */
export function installHarness() {
  // The widget's lazy parts, loaded once: under fake timers, settle() then sees them render in
  // the same steps as the rest, as a page does once the chunk is cached.
  beforeAll(async () => {
    await import('../../src/capabilities/filters/FilterPanel');
    await loadEmbedsCode();
    await loadMediaCode();
  });
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: false, now: new Date('2023-07-12T10:00:00Z') });
    vi.stubGlobal('fetch', fetchMock);
    vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
    // jsdom has no scrolling; "N new updates" scrolls the timeline's top into view.
    if (!Element.prototype.scrollIntoView) {
      Element.prototype.scrollIntoView = function scrollIntoView() {};
      onTestFinished(() => {
        Reflect.deleteProperty(Element.prototype, 'scrollIntoView');
      });
    }
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    fetchMock.mockClear();
  });

  afterEach(() => {
    cleanup();
    sharedQueryClient().clear();
    FakeIntersectionObserver.live.clear();
    routes.clear();
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });
}
