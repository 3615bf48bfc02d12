import { useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { Embed } from '../../core/feed/feed-types';
import { hostGrants, LOADABLE } from '../../core/embeds/provider-grant';
import { recogniseEmbed } from '../../core/embeds/providers';
import { stylesRef } from '../../shared/styles/adopt-styles';
import { formatDayAndClock } from '../../shared/time/format-time';
import { rememberProvider, useRememberedProviders } from './consent-store';
import cardCss from './embed-card.css?inline';
import { useEmbedMessages } from './embed-messages';
import { EmbedPolicyContext } from './embed-policy';
import { LoadedEmbed } from './LoadedEmbed';

// Its styles come with this lazy chunk, into the document or <live-blog>'s shadow root.
const styled = stylesRef(cardCss);

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
  const t = useEmbedMessages();
  const policy = useContext(EmbedPolicyContext);
  const remembered = useRememberedProviders();
  const target = useMemo(() => recogniseEmbed(embed.url), [embed.url]);
  // "Load once" holds for the post the reader saw: an edit that puts another post in this
  // card's place (cards are keyed by position) must ask again.
  const [onceFor, setOnceFor] = useState<string>();
  const once = onceFor === embed.url;
  // Where focus goes once the reader's choice has changed what the card shows.
  const [focus, setFocus] = useState<'frame' | 'gate'>();
  const loadButton = useRef<HTMLButtonElement>(null);
  const gated = target && !policy.off && LOADABLE.includes(target.provider) ? target : undefined;
  const byHost = gated !== undefined && hostGrants(policy.granted, gated.provider);
  const byReader = gated !== undefined && remembered.has(gated.provider);
  const loaded = gated !== undefined && (once || byHost || byReader);
  const name = target?.name ?? hostName(embed.url);
  useEffect(() => {
    if (focus === 'gate' && !loaded) loadButton.current?.focus();
  }, [focus, loaded]);
  // Cut between code points: half of an emoji's UTF-16 pair is no character a reader can hear.
  // Spread, not Array.from, which old frameworks on news pages (MooTools) replace.
  const chars = [...(embed.text ?? '')];
  const text = chars.length > 80 ? `${chars.slice(0, 79).join('')}…` : embed.text;
  const title = t.title(name, gated?.shape === 'video') + (text ? `: ${text}` : '');
  return (
    <figure ref={styled} className="lb-embed">
      {loaded ? (
        // Its box has the embed's size from the start: nothing below moves when it arrives.
        <div className={`lb-embed__frame lb-embed__frame--${gated.shape}`}>
          <LoadedEmbed target={gated} title={title} focus={focus === 'frame'} />
        </div>
      ) : (
        embed.text && (
          <blockquote className="lb-embed__text">
            <p>{embed.text}</p>
          </blockquote>
        )
      )}
      {/* The card sits in the feed's words (an update's body), as does the author's name: the
          card's own words are in the reader's language. */}
      <figcaption className="lb-embed__source">
        {embed.author && <bdi className="lb-embed__author">{embed.author}</bdi>}
        {embed.published !== undefined && (
          <time dateTime={new Date(embed.published).toISOString()} lang={locale}>
            {formatDayAndClock(embed.published, locale, timeZone)}
          </time>
        )}
        <a href={embed.url} target="_blank" rel="noopener noreferrer" lang={locale}>
          {t.viewOn(name)}
        </a>
        {loaded && byReader && !byHost && (
          <button
            type="button"
            className="lb-link-button"
            lang={locale}
            onClick={() => {
              setOnceFor(undefined);
              setFocus('gate');
              rememberProvider(gated.provider, false);
            }}
          >
            {t.stop(name)}
          </button>
        )}
      </figcaption>
      {gated && !loaded && (
        <div className="lb-embed__gate" lang={locale}>
          <p>{t.notice(name)}</p>
          <button
            ref={loadButton}
            type="button"
            className="lb-button"
            onClick={() => {
              setOnceFor(embed.url);
              setFocus('frame');
            }}
          >
            {t.load(name)}
          </button>
          <button
            type="button"
            className="lb-button lb-button--secondary"
            onClick={() => {
              setFocus('frame');
              rememberProvider(gated.provider, true);
            }}
          >
            {t.always(name)}
          </button>
        </div>
      )}
    </figure>
  );
}
