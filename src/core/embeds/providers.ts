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
  readonly shape: EmbedShape;
}

interface Rule {
  readonly name: string;
  readonly shape: EmbedShape;
  /** Path patterns: the id is the last group, the owner (if any) the first of two. */
  readonly paths: readonly RegExp[];
}

const YOUTUBE: Rule = {
  name: 'YouTube',
  shape: 'video',
  paths: [/^\/(?:shorts|embed|live)\/([\w-]{11})$/],
};
// A Bluesky handle is a domain name (any case); a DID and a post's record key are lower case.
const HANDLE =
  '(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const DID = 'did:plc:[a-z2-7]{24}|did:web:[a-z0-9.-]{1,253}';

const RULES: Readonly<Record<string, readonly [Exclude<ProviderKey, 'mastodon'>, Rule]>> = {
  'youtube.com': ['youtube', YOUTUBE],
  'youtube-nocookie.com': ['youtube', YOUTUBE],
  'youtu.be': ['youtube', { ...YOUTUBE, paths: [/^\/([\w-]{11})$/] }],
  'vimeo.com': ['vimeo', { name: 'Vimeo', shape: 'video', paths: [/^\/(\d{1,12})$/] }],
  'player.vimeo.com': [
    'vimeo',
    { name: 'Vimeo', shape: 'video', paths: [/^\/video\/(\d{1,12})$/] },
  ],
  'x.com': [
    'x',
    { name: 'X', shape: 'post', paths: [/^\/([A-Za-z0-9_]{1,15})\/status\/(\d{1,20})$/] },
  ],
  'bsky.app': [
    'bluesky',
    {
      name: 'Bluesky',
      shape: 'post',
      paths: [new RegExp(`^/profile/(${HANDLE}|${DID})/post/([a-z2-7]{13})$`)],
    },
  ],
  't.me': [
    'telegram',
    { name: 'Telegram', shape: 'post', paths: [/^\/([A-Za-z][A-Za-z0-9_]{3,31})\/(\d{1,10})$/] },
  ],
  'instagram.com': [
    'instagram',
    {
      name: 'Instagram',
      shape: 'tall',
      paths: [/^(?:\/[A-Za-z0-9_.]{1,30})?\/(?:p|reel|tv)\/([A-Za-z0-9_-]{5,40})$/],
    },
  ],
  'tiktok.com': [
    'tiktok',
    { name: 'TikTok', shape: 'tall', paths: [/^\/@([A-Za-z0-9_.]{2,24})\/video\/(\d{1,20})$/] },
  ],
};
const ALIASES: Readonly<Record<string, string>> = {
  'twitter.com': 'x.com',
  'telegram.me': 't.me',
};
const MASTODON = /^\/@([A-Za-z0-9_]{1,30})\/(\d{1,20})$/;
const YOUTUBE_ID = /^[\w-]{11}$/;

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
  const bare = parsed.hostname.replace(/^(?:www|m|mobile)\./, '');
  const host = ALIASES[bare] ?? bare;
  const path = parsed.pathname.replace(/(.)\/$/, '$1');
  const known = RULES[host];
  if (known) {
    const [provider, rule] = known;
    if (provider === 'youtube' && path === '/watch') {
      const id = parsed.searchParams.get('v') ?? '';
      return YOUTUBE_ID.test(id) ? { provider, name: rule.name, id, shape: rule.shape } : undefined;
    }
    for (const pattern of rule.paths) {
      const m = pattern.exec(path);
      if (!m) continue;
      const id = m[m.length - 1]!;
      const owner = m.length > 2 ? m[1] : undefined;
      return { provider, name: rule.name, id, shape: rule.shape, ...(owner ? { owner } : {}) };
    }
    return undefined;
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
