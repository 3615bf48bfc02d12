// Which feeds a page may show from its own address (?feed= on the standalone page and on
// embed.html). Anyone can send a link, and a feed shown there is shown under the page's address:
// a made-up blog on a newsroom's domain. So a feed named there must be http(s) on the page's own
// origin or on an origin the deployer listed (docs/security.md). <live-blog feed> is the host
// page's own choice and is not checked. embed.html holds its `link` (where "See all updates" and
// permalinks lead) to the same rule. Kept small: the standalone page's inline early script
// carries a copy (vite.config.ts), and it counts towards the bundle budget.

const isHttp = (url: URL) => url.protocol === 'https:' || url.protocol === 'http:';

/**
 * The origins in a space-separated list (the content of `<meta name="live-blog-feed-origins">`).
 * An entry counts only if it is an http(s) origin and nothing more: `https://feeds.example.com`,
 * with or without a final `/`, in any case, with or without the default port. Anything else is
 * dropped, so that a mistake never widens the list: not read as its origin, an entry with a path
 * (`https://cdn.example/feeds/`) would allow more than it says; there are no wildcards
 * (`https://*.example.com`), which would allow every subdomain, however it is run.
 */
export function parseFeedOrigins(list: string | null | undefined): string[] {
  const origins: string[] = [];
  for (const entry of list?.split(/\s+/) ?? []) {
    try {
      const url = new URL(entry);
      // Nothing but the origin: no path, query, fragment or user info.
      if (isHttp(url) && url.href === `${url.origin}/` && !url.host.includes('*')) {
        origins.push(url.origin);
      }
    } catch {
      // Not a URL: ignored.
    }
  }
  return origins;
}

/**
 * The feed a page may show for a `?feed=` value, as an absolute URL; undefined when it may not.
 * Resolved against the page, it must be http(s), carry no user info, and be on the page's origin
 * or one of `allowed` (parseFeedOrigins). Origins compare as `URL.origin`, so that case and
 * default ports do not matter. (No reason is returned: the page shows one message for all, and
 * the bytes count in the standalone page's budget.)
 */
export function checkPageFeed(
  raw: string,
  pageUrl: string,
  allowed: readonly string[],
): string | undefined {
  try {
    const url = new URL(raw.trim(), pageUrl);
    if (
      isHttp(url) &&
      !url.username &&
      !url.password &&
      (url.origin === new URL(pageUrl).origin || allowed.includes(url.origin))
    ) {
      return url.href;
    }
  } catch {
    // Not a URL: refused.
  }
  return undefined;
}
