import { hostDocument, type HostServer } from './host-server';

/** The policy names docs/embedding.md tells a host to allow for <live-blog>. */
export const DOCUMENTED_POLICIES = ['live-blog'] as const;

/**
 * A newsroom's article that enforces Trusted Types, allowing the policies `allowed` and no
 * other, with one <live-blog> per feed URL from the widget's server. Returns the page's URL.
 */
export function trustedTypesArticle(
  host: HostServer,
  widgetUrl: string,
  options: { readonly path: string; readonly allowed: readonly string[]; readonly feeds: string[] },
): string {
  const widgets = options.feeds
    .map((feed) => `<live-blog feed="${widgetUrl}${feed}" poll="off"></live-blog>`)
    .join('\n');
  return host.page(options.path, {
    html: hostDocument(
      `<h1>An article</h1>\n${widgets}`,
      `<script type="module" src="${widgetUrl}embed.js"></script>`,
    ),
    headers: {
      'Content-Security-Policy': [
        "require-trusted-types-for 'script'",
        `trusted-types ${options.allowed.join(' ')}`,
      ].join('; '),
    },
  });
}
