import type { EmbedTarget } from './providers';

// The address and the permissions of a loaded embed, built from the parsed id alone.

export interface EmbedFrame {
  readonly src: string;
  /** Only what the provider's player or post needs to work. */
  readonly sandbox: string;
  /** Permissions policy: the player's, nothing for a post. */
  readonly allow: string;
}

// Scripts and their own origin run the provider's page; popups (escaping the sandbox) open its
// links in a normal tab. No top navigation, no forms, no modals.
const POST = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';
const VIDEO = `${POST} allow-presentation`;
const PLAYER = 'fullscreen; picture-in-picture; encrypted-media';

/** Every origin an embed can come from: the CSP's frame-src (server/headers.mjs, docs). */
export const FRAME_ORIGINS = [
  'https://www.youtube-nocookie.com',
  'https://player.vimeo.com',
  'https://platform.twitter.com',
  'https://embed.bsky.app',
  'https://t.me',
  'https://www.instagram.com',
  'https://www.tiktok.com',
] as const;

/** The iframe for a recognised post; undefined where there is none to load (Mastodon). */
export function embedFrame(target: EmbedTarget): EmbedFrame | undefined {
  // The parts were matched against strict patterns (providers.ts): nothing to escape.
  const { id, owner, key } = target;
  switch (target.provider) {
    case 'youtube':
      return { src: `https://www.youtube-nocookie.com/embed/${id}`, sandbox: VIDEO, allow: PLAYER };
    case 'vimeo':
      return {
        src: `https://player.vimeo.com/video/${id}?${key ? `h=${key}&` : ''}dnt=1`,
        sandbox: VIDEO,
        allow: PLAYER,
      };
    case 'x':
      return {
        src: `https://platform.twitter.com/embed/Tweet.html?id=${id}&dnt=true`,
        sandbox: POST,
        allow: '',
      };
    case 'bluesky':
      // The embed page asks Bluesky's AppView for at://<owner>/…, which takes a DID or a handle.
      return {
        src: `https://embed.bsky.app/embed/${owner}/app.bsky.feed.post/${id}`,
        sandbox: POST,
        allow: '',
      };
    case 'telegram':
      return { src: `https://t.me/${owner}/${id}?embed=1`, sandbox: POST, allow: '' };
    case 'instagram':
      return { src: `https://www.instagram.com/p/${id}/embed/`, sandbox: POST, allow: '' };
    case 'tiktok':
      return {
        src: `https://www.tiktok.com/embed/v2/${id}`,
        sandbox: VIDEO,
        allow: 'fullscreen; encrypted-media',
      };
    default:
      return undefined;
  }
}
