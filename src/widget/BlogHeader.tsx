import type { ReactNode } from 'react';
import { contentLang } from '../core/feed/content-lang';
import type { FeedMeta } from '../core/feed/feed-types';
import { useMessages } from '../shared/i18n/use-messages';

interface Props {
  readonly meta: FeedMeta | undefined;
  /** The standalone page: the blog's title is the page's h1. */
  readonly standalone: boolean;
  /** The first load failed: the title says so rather than "Loading…". */
  readonly failed: boolean;
  /** The status line, the time-zone toggle and any note about a linked update. */
  readonly children: ReactNode;
}

/** The top of the blog: "Live blog", its title and description, and how it is doing. */
export function BlogHeader({ meta, standalone, failed, children }: Props) {
  const t = useMessages();
  const lang = contentLang(meta);
  return (
    <header className="lb-header" part="header">
      <p className="lb-kicker">{t.liveBlog}</p>
      {standalone ? (
        <h1 className="lb-title" lang={lang}>
          {meta?.title ?? (failed ? t.unavailable : t.loading)}
        </h1>
      ) : (
        meta && (
          <p className="lb-title" lang={lang}>
            {meta.title}
          </p>
        )
      )}
      {meta?.description && (
        <p className="lb-description" lang={lang}>
          {meta.description}
        </p>
      )}
      {children}
    </header>
  );
}
