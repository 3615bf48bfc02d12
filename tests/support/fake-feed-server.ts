import { vi } from 'vitest';

export interface Route {
  readonly body: unknown;
  readonly etag?: string;
  readonly status?: number;
  /** The URL the response says it came from (a redirect). */
  readonly redirectedTo?: string;
}

/**
 * A fake server on the global fetch: URL → route, or a function of the URL. Unknown URLs answer
 * 404. Returns the mock, whose calls list every request.
 */
export function serve(routes: Record<string, Route> | ((url: string) => Route | undefined)) {
  const respond = (url: string): Response => {
    const route = typeof routes === 'function' ? routes(url) : routes[url];
    if (!route) return new Response('not found', { status: 404 });
    const response = new Response(
      typeof route.body === 'string' ? route.body : JSON.stringify(route.body),
      {
        status: route.status ?? 200,
        headers: {
          'content-type': 'application/feed+json',
          ...(route.etag ? { etag: route.etag } : {}),
        },
      },
    );
    if (route.redirectedTo !== undefined) {
      Object.defineProperty(response, 'url', { value: route.redirectedTo });
    }
    return response;
  };
  // As fetch: a promise, rejected if the response cannot be made.
  const fetchMock = vi.fn(
    (url: string) => new Promise<Response>((resolve) => resolve(respond(url))),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}
