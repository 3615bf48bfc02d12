import { consentText } from '../../core/embeds/host-consent';
import { safeHttpUrl } from '../../core/feed/safe-url';
/**
 * The postMessage protocol between embed.html (in the iframe) and embed-frame.js (on the host
 * page). docs/embedding.md describes it for hosts that write their own listener.
 *
 *   frame → host  { type: 'live-blog:height', height: <CSS px, integer>, id: <the frame's `id`
 *                   query parameter, or null> }   whenever the content's height changes
 *   host → frame  { type: 'live-blog:hello' }     "I size you": the frame answers with its height
 *                                                  and hides its own scroll bar
 *   host → frame  { type: 'live-blog:consent', providers: ['youtube', …] | 'all' }
 *                                                  the host's consent manager agreed to these
 *                                                  embeds for the reader (replaces the last word)
 *
 * Each side checks the other: the host accepts a height only from the window of one of its
 * iframe[data-live-blog] elements and only from that iframe's src origin ('null' when a sandbox
 * without allow-same-origin makes the frame's origin opaque); the frame posts only to
 * its parent's origin (never '*') and accepts a hello or a consent only from its parent window and
 * origin.
 */

export const HEIGHT_MESSAGE = 'live-blog:height';
export const HELLO_MESSAGE = 'live-blog:hello';
export const CONSENT_MESSAGE = 'live-blog:consent';

export interface HeightMessage {
  readonly type: typeof HEIGHT_MESSAGE;
  readonly height: number;
  readonly id: string | null;
}

/** A sane height, or undefined for anything else that arrives on the message channel. */
export function readHeightMessage(data: unknown): number | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const message = data as Partial<HeightMessage>;
  if (message.type !== HEIGHT_MESSAGE) return undefined;
  const height = message.height;
  if (typeof height !== 'number' || !Number.isFinite(height) || height < 0) return undefined;
  return Math.min(Math.ceil(height), 1_000_000);
}

export function isHelloMessage(data: unknown): boolean {
  return (
    typeof data === 'object' && data !== null && (data as { type?: unknown }).type === HELLO_MESSAGE
  );
}

/** The providers a consent message agrees to, as attribute text; undefined for any other message. */
export function readConsentMessage(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const message = data as { type?: unknown; providers?: unknown };
  return message.type === CONSENT_MESSAGE ? consentText(message.providers) : undefined;
}

function originOf(url: string | null | undefined): string | undefined {
  const href = safeHttpUrl(url, undefined);
  return href === undefined ? undefined : new URL(href).origin;
}

/**
 * The origin the frame may talk to: the one the host named (`parent-origin`, or `origin`), else
 * the one the browser reports for the parent (location.ancestorOrigins, then the referrer).
 * Undefined when none is known: the frame then stays silent rather than post to '*'.
 */
export function parentOrigin(
  params: URLSearchParams,
  ancestorOrigins: readonly string[],
  referrer: string,
): string | undefined {
  const named = params.get('parent-origin') ?? params.get('origin');
  if (named !== null) return originOf(named);
  return originOf(ancestorOrigins[0]) ?? originOf(referrer);
}
