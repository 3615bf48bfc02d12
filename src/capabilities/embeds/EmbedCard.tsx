import { lazy, Suspense, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { Embed } from '../../core/feed/feed-types';
import { LOADABLE } from '../../core/embeds/provider-grant';
import { recogniseEmbed } from '../../core/embeds/providers';
import { useMessages } from '../../shared/i18n/use-messages';
import { formatDayAndClock } from '../../shared/time/format-time';
import { rememberProvider, useRememberedProviders } from './consent-store';
import { EmbedPolicyContext, hostGrants } from './embed-policy';

// The iframe and the table it is built from are a lazy chunk (docs/decisions/0012): most readers
// never agree to an embed. A chunk that cannot load leaves a note; the card keeps its link.
const LoadedEmbed = lazy(() => import('./LoadedEmbed').catch(() => ({ default: EmbedFailed })));

function EmbedFailed() {
  return <p className="lb-embed__failed">{useMessages().embedFailed}</p>;
}

export interface EmbedCardProps {
  readonly embed: Embed;
  readonly locale: string;
  readonly timeZone: string | undefined;
}

function hostName(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

/**
 * A post or player from another site. Until the reader, or the page hosting the widget, agrees,
 * nothing is requested from that site: the card shows the feed's fallback (text, author, date, a
 * link to the original) and asks. A provider the widget cannot load is a link card.
 */
export function EmbedCard({ embed, locale, timeZone }: EmbedCardProps) {
  const t = useMessages();
  const policy = useContext(EmbedPolicyContext);
  const remembered = useRememberedProviders();
  const target = useMemo(() => recogniseEmbed(embed.url), [embed.url]);
  const [once, setOnce] = useState(false);
  // Where focus goes once the reader's choice has changed what the card shows.
  const [focus, setFocus] = useState<'frame' | 'gate'>();
  const loadButton = useRef<HTMLButtonElement>(null);
  const gated = target && !policy.off && LOADABLE.includes(target.provider) ? target : undefined;
  const byHost = gated !== undefined && hostGrants(policy, gated.provider);
  const byReader = gated !== undefined && remembered.has(gated.provider);
  const loaded = gated !== undefined && (once || byHost || byReader);
  const name = target?.name ?? hostName(embed.url);
  useEffect(() => {
    if (focus === 'gate' && !loaded) loadButton.current?.focus();
  }, [focus, loaded]);
  const text = embed.text && embed.text.length > 80 ? `${embed.text.slice(0, 79)}…` : embed.text;
  const title = t.embedTitle(name, gated?.shape === 'video') + (text ? `: ${text}` : '');
  return (
    <figure className="lb-embed">
      {loaded ? (
        // Its box has the embed's size from the start: nothing below moves when it arrives.
        <div className={`lb-embed__frame lb-embed__frame--${gated.shape}`}>
          <Suspense>
            <LoadedEmbed target={gated} title={title} focus={focus === 'frame'} />
          </Suspense>
        </div>
      ) : (
        embed.text && (
          <blockquote className="lb-embed__text">
            <p>{embed.text}</p>
          </blockquote>
        )
      )}
      <figcaption className="lb-embed__source">
        {embed.author && <bdi className="lb-embed__author">{embed.author}</bdi>}
        {embed.published !== undefined && (
          <time dateTime={new Date(embed.published).toISOString()}>
            {formatDayAndClock(embed.published, locale, timeZone)}
          </time>
        )}
        <a href={embed.url} target="_blank" rel="noopener noreferrer">
          {t.embedViewOn(name)}
        </a>
        {loaded && byReader && !byHost && (
          <button
            type="button"
            className="lb-link-button"
            onClick={() => {
              setOnce(false);
              setFocus('gate');
              rememberProvider(gated.provider, false);
            }}
          >
            {t.embedStop(name)}
          </button>
        )}
      </figcaption>
      {gated && !loaded && (
        <div className="lb-embed__gate">
          <p>{t.embedNotice(name)}</p>
          <button
            ref={loadButton}
            type="button"
            className="lb-button"
            onClick={() => {
              setOnce(true);
              setFocus('frame');
            }}
          >
            {t.embedLoad(name)}
          </button>
          <button
            type="button"
            className="lb-button lb-button--secondary"
            onClick={() => {
              setFocus('frame');
              rememberProvider(gated.provider, true);
            }}
          >
            {t.embedAlways(name)}
          </button>
        </div>
      )}
    </figure>
  );
}
