// Which third party a link points at, read strictly from its URL. The gate names the provider
// from this, and a loaded embed's address is built from these parts alone (embed-frames.ts),
// never from the feed's text. Anything not recognised here is a plain link card.

export type ProviderKey =
  'youtube' | 'vimeo' | 'x' | 'bluesky' | 'telegram' | 'instagram' | 'tiktok' | 'mastodon';

/** The room a loaded embed takes: a 16:9 player, a post, or a tall (vertical) post. */
export type EmbedShape = 'video' | 'post' | 'tall';

export interface EmbedTarget {
  readonly provider: ProviderKey;
  /** What the reader is told: "YouTube", or a Mastodon server's host name. */
  readonly name: string;
  readonly id: string;
  /** The channel or account the id belongs to, where the embed's address needs one. */
  readonly owner?: string;
  /** An unlisted Vimeo video's key: its player shows nothing without it. */
  readonly key?: string;
  readonly shape: EmbedShape;
}

/** Provider, name, shape, and the path pattern: the id is its last group, the owner its first. */
type Rule = readonly [Exclude<ProviderKey, 'mastodon'>, string, EmbedShape, RegExp];

// A Bluesky handle is a domain name (any case); a DID and a post's record key are lower case.
const HANDLE =
  '(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const DID = 'did:plc:[a-z2-7]{24}|did:web:[a-z0-9.-]{1,253}';
const YOUTUBE: Rule = ['youtube', 'YouTube', 'video', /^\/(?:shorts|embed|live)\/([\w-]{11})$/];
const X: Rule = ['x', 'X', 'post', /^\/(\w{1,15})\/status\/(\d{1,20})$/];
// t.me/s/<channel>/<id>: the same post in Telegram's web preview (no channel is named "s").
const TELEGRAM: Rule = [
  'telegram',
  'Telegram',
  'post',
  /^(?:\/s)?\/([A-Za-z]\w{3,31})\/(\d{1,10})$/,
];

/** By host name, without a leading www., m. or mobile.: exact names only. */
const RULES: Readonly<Record<string, Rule>> = {
  'youtube.com': YOUTUBE,
  'youtube-nocookie.com': YOUTUBE,
  'youtu.be': ['youtube', 'YouTube', 'video', /^\/([\w-]{11})$/],
  'vimeo.com': ['vimeo', 'Vimeo', 'video', /^\/(\d{1,12})(?:\/([\da-f]{6,20}))?$/],
  'player.vimeo.com': ['vimeo', 'Vimeo', 'video', /^\/video\/(\d{1,12})$/],
  'x.com': X,
  'twitter.com': X,
  'bsky.app': [
    'bluesky',
    'Bluesky',
    'post',
    new RegExp(`^/profile/(${HANDLE}|${DID})/post/([a-z2-7]{13})$`),
  ],
  't.me': TELEGRAM,
  'telegram.me': TELEGRAM,
  'instagram.com': [
    'instagram',
    'Instagram',
    'tall',
    /^(?:\/[\w.]{1,30})?\/(?:p|reel|tv)\/([\w-]{5,40})$/,
  ],
  'tiktok.com': ['tiktok', 'TikTok', 'tall', /^\/@([\w.]{2,24})\/video\/(\d{1,20})$/],
};
const MASTODON = /^\/@(\w{1,30})\/(\d{1,20})$/;
const YOUTUBE_ID = /^[\w-]{11}$/;
const VIMEO_KEY = /^[\da-f]{6,20}$/;

function parse(url: string): URL | undefined {
  try {
    const parsed = new URL(url);
    const web = parsed.protocol === 'https:' || parsed.protocol === 'http:';
    // A port or credentials are not how anyone links a post: not worth the doubt.
    return web && !parsed.port && !parsed.username && !parsed.password ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** The provider and post a URL names, or undefined for anything else (a link card). */
export function recogniseEmbed(url: string): EmbedTarget | undefined {
  const parsed = parse(url);
  if (!parsed) return undefined;
  // Exact host names only: youtube.com.evil.example and evilyoutube.com are not YouTube.
  const host = parsed.hostname.replace(/^(?:www|m|mobile)\./, '');
  const rule = Object.hasOwn(RULES, host) ? RULES[host] : undefined;
  const path = parsed.pathname.replace(/(.)\/$/, '$1');
  if (rule) {
    const [provider, name, shape, pattern] = rule;
    const m =
      provider === 'youtube' && path === '/watch'
        ? YOUTUBE_ID.exec(parsed.searchParams.get('v') ?? '')
        : pattern.exec(path);
    if (!m) return undefined;
    if (provider === 'vimeo') {
      // An unlisted video's key: vimeo.com/<id>/<key>, or the player's ?h=<key>.
      const key = m[2] ?? parsed.searchParams.get('h') ?? undefined;
      if (key !== undefined && !VIMEO_KEY.test(key)) return undefined;
      return { provider, name, shape, id: m[1]!, key };
    }
    return { provider, name, shape, id: m[m.length - 1]!, owner: m.length > 2 ? m[1] : undefined };
  }
  const toot = parsed.protocol === 'https:' ? MASTODON.exec(path) : null;
  if (!toot) return undefined;
  return {
    provider: 'mastodon',
    name: parsed.hostname,
    id: toot[2]!,
    owner: toot[1]!,
    shape: 'post',
  };
}
