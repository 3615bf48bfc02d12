import { QueryClientProvider } from '@tanstack/react-query';
import { useMemo } from 'react';
import { LocaleContext, type LocaleSettings } from '../i18n/use-messages';
import { localeSettingsFor } from '../i18n/pick-messages';
import { LiveBlog, type LiveBlogOptions } from './LiveBlog';
import { sharedQueryClient } from './query-client';

export type Theme = 'light' | 'dark' | 'auto';

export interface LiveBlogRootProps extends Omit<LiveBlogOptions, 'locale'> {
  readonly locale?: string;
  readonly theme?: Theme;
  /** Rendered in <live-blog>'s shadow root: the theme then comes from the host element (:host). */
  readonly inShadowRoot?: boolean;
}

function pickLocale(requested: string | undefined): string {
  const candidates = [
    requested,
    typeof navigator !== 'undefined' ? navigator.language : undefined,
    'en',
  ];
  for (const c of candidates) {
    if (!c) continue;
    try {
      return Intl.getCanonicalLocales(c)[0] ?? 'en';
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
  ...options
}: LiveBlogRootProps) {
  const settings: LocaleSettings = useMemo(() => localeSettingsFor(pickLocale(locale)), [locale]);
  return (
    <QueryClientProvider client={sharedQueryClient()}>
      <LocaleContext.Provider value={settings}>
        <div
          className={`lb-theme lb-theme--${theme}${inShadowRoot ? ' lb-theme--shadow' : ''}`}
          lang={settings.locale}
        >
          <LiveBlog {...options} locale={settings.locale} />
        </div>
      </LocaleContext.Provider>
    </QueryClientProvider>
  );
}
