import type { Theme } from '../../widget/LiveBlogRoot';

/**
 * The standalone page's settings from its address (besides the feed, the view and the locale),
 * read alike by the server that renders the page and by the browser that hydrates it.
 */
export function pageProps(params: URLSearchParams) {
  const theme = params.get('theme');
  return {
    standalone: true,
    syncUrl: true,
    timezone: params.get('timezone') ?? undefined,
    theme: (theme === 'light' || theme === 'dark' ? theme : 'auto') satisfies Theme,
    poll: params.get('poll') !== 'off',
  } as const;
}
