import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { EmbedPolicyContext, type EmbedPolicy } from '../capabilities/embeds/embed-policy';
import { LocaleContext, type LocaleSettings } from '../shared/i18n/use-messages';
import { localeSettingsFor } from '../shared/i18n/pick-messages';
import { LiveBlog } from './LiveBlog';
import type { LiveBlogOptions } from './live-blog-options';
import { sharedQueryClient } from './query-client';
import { useHydrated } from '../shared/hydration/use-hydrated';
import { RenderTimeContext } from '../shared/time/render-time';

export type Theme = 'light' | 'dark' | 'auto';

export interface LiveBlogRootProps extends Omit<LiveBlogOptions, 'locale'> {
  readonly locale?: string;
  readonly theme?: Theme;
  /** Rendered in <live-blog>'s shadow root: the theme then comes from the host element (:host). */
  readonly inShadowRoot?: boolean;
  /** The host's say on third-party embeds: off, or agreed for the reader. */
  readonly embeds?: EmbedPolicy;
  /** One per server request when rendering on a server; the page's shared one otherwise. */
  readonly client?: QueryClient;
  /** When the server rendered the HTML this hydrates (render-time.ts). */
  readonly renderedAt?: number;
}

const NO_POLICY: EmbedPolicy = {};

function pickLocale(requested: string | undefined): string {
  const candidates = [
    requested,
    typeof navigator !== 'undefined' ? navigator.language : undefined,
    'en',
  ];
  for (const c of candidates) {
    if (!c) continue;
    try {
      // "uk_UA", as server frameworks write a locale: the catalogues and the server read it too.
      return Intl.getCanonicalLocales(c.replace(/_/g, '-'))[0] ?? 'en';
    } catch {
      // not a valid tag: try the next
    }
  }
  return 'en';
}

/** Providers around the live blog: the shared query client, the locale and the theme. */
export function LiveBlogRoot({
  locale,
  theme = 'auto',
  inShadowRoot = false,
  embeds = NO_POLICY,
  client,
  renderedAt = 0,
  ...options
}: LiveBlogRootProps) {
  const requested = useMemo(() => localeSettingsFor(pickLocale(locale)), [locale]);
  const [arrived, setArrived] = useState<{ from: unknown; settings: LocaleSettings }>();
  useEffect(() => {
    if (!(requested instanceof Promise)) return;
    let current = true;
    void requested.then((settings) => current && setArrived({ from: requested, settings }));
    return () => {
      current = false;
    };
  }, [requested]);
  const settings =
    requested instanceof Promise
      ? arrived?.from === requested
        ? arrived.settings
        : undefined
      : requested;
  const themeClass = `lb-theme lb-theme--${theme}${inShadowRoot ? ' lb-theme--shadow' : ''}`;
  // Server HTML answers clicks once the browser has taken it over: styles and tests can tell.
  const interactive = useHydrated() ? '' : undefined;
  // A moment while the reader's catalogue loads, rather than a flash of English.
  if (!settings) return <div className={themeClass} data-interactive={interactive} />;
  return (
    <QueryClientProvider client={client ?? sharedQueryClient()}>
      <LocaleContext.Provider value={settings}>
        <EmbedPolicyContext.Provider value={embeds}>
          <RenderTimeContext.Provider value={renderedAt}>
            <div className={themeClass} lang={settings.locale} data-interactive={interactive}>
              <LiveBlog {...options} locale={settings.locale} />
            </div>
          </RenderTimeContext.Provider>
        </EmbedPolicyContext.Provider>
      </LocaleContext.Provider>
    </QueryClientProvider>
  );
}
