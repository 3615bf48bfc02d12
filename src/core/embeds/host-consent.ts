// A host page with its own consent manager agrees to embeds for the reader: an event on
// <live-blog> (or on its iframe, passed on by embed-frame.js as a message). What it says travels
// as the `embeds-consent` attribute's text, which the embeds code reads (provider-grant.ts).

/** The event a host dispatches on <live-blog> (or its iframe) when its consent manager agrees. */
export const CONSENT_EVENT = 'live-blog:consent';

/** A host's list of providers (`'all'`, `'youtube vimeo'`, `['youtube']`) as attribute text. */
export function consentText(providers: unknown): string {
  if (typeof providers === 'string') return providers;
  return Array.isArray(providers) ? providers.filter((p) => typeof p === 'string').join(' ') : '';
}
