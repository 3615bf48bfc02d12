import type { Embed } from '../../core/feed/feed-types';
import { embedsChunk } from './embeds-code';

export interface EmbedSlotProps {
  readonly embed: Embed;
  readonly locale: string;
  readonly timeZone: string | undefined;
}

/**
 * Where a post from another site goes: its card behind the privacy gate, or, if the embeds code
 * could not be loaded, a plain link to the original with the feed's fallback text.
 */
export function EmbedSlot(props: EmbedSlotProps) {
  const Card = embedsChunk()?.EmbedCard;
  if (Card) return <Card {...props} />;
  return (
    <p>
      <a href={props.embed.url} target="_blank" rel="noopener noreferrer">
        {props.embed.text ?? props.embed.url}
      </a>
    </p>
  );
}
