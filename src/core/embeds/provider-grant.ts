import type { ProviderKey } from './providers';

// What a page hosting the widget may say about embeds for its readers (docs/embedding.md). Apart
// from providers.ts so that embed-frame.js, which forwards a host's consent, stays small.

/** Providers whose embed can be loaded (a Mastodon server cannot be listed in a CSP). */
export const LOADABLE: readonly ProviderKey[] = [
  'youtube',
  'vimeo',
  'x',
  'bluesky',
  'telegram',
  'instagram',
  'tiktok',
];

/** Providers a host agrees to for its readers: "all", or a list such as "youtube vimeo". */
export type ProviderGrant = 'all' | readonly ProviderKey[];

/** A host's list of providers (attribute text or message), keeping only the known ones. */
export function readProviderGrant(value: unknown): ProviderGrant {
  const words =
    typeof value === 'string'
      ? value.split(/[\s,]+/)
      : Array.isArray(value)
        ? value.filter((v): v is string => typeof v === 'string')
        : [];
  const keys = words.map((w) => w.trim().toLowerCase()).map((w) => (w === 'twitter' ? 'x' : w));
  if (keys.includes('all')) return 'all';
  return LOADABLE.filter((p) => keys.includes(p));
}

/** Whether a host's word (`readProviderGrant`'s input, as the host said it) covers `provider`. */
export function hostGrants(granted: unknown, provider: ProviderKey): boolean {
  const grant = readProviderGrant(granted);
  return grant === 'all' || grant.includes(provider);
}
