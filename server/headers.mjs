// @ts-check
/**
 * Response header policies: the page's Content-Security-Policy and the CORS
 * headers that let an embed on another origin read the feeds.
 */
import { createHash } from 'node:crypto';

/**
 * The origins of the embeds a reader may agree to load (YouTube, Vimeo, X, Bluesky, Telegram,
 * Instagram, TikTok): exactly those the app builds iframes for
 * (src/core/embeds/embed-frames.ts, FRAME_ORIGINS; a unit test keeps the two lists equal).
 */
export const EMBED_FRAME_ORIGINS = [
  'https://www.youtube-nocookie.com',
  'https://player.vimeo.com',
  'https://platform.twitter.com',
  'https://embed.bsky.app',
  'https://t.me',
  'https://www.instagram.com',
  'https://www.tiktok.com',
];

/**
 * The Trusted Types policies the pages allow, and no other: the widget's, through which sanitised
 * feed HTML goes into the page (src/capabilities/timeline/sanitize-html.ts, HTML_POLICY), and the
 * standalone page's for its JSON-LD data (src/widget/live-blog-json-ld.ts, JSON_LD_POLICY).
 */
export const TRUSTED_TYPES_POLICIES = ['live-blog', 'live-blog-json-ld'];

/**
 * The Trusted Types directives alone: what the tests that turn the rest of the policy off still
 * enforce (the sanitiser must hold on its own, and every HTML sink still takes only its output).
 */
export const TRUSTED_TYPES_CSP = `require-trusted-types-for 'script'; trusted-types ${TRUSTED_TYPES_POLICIES.join(' ')}`;

/**
 * Strict CSP for the app's HTML. frame-ancestors is open because the blog is
 * meant to be embedded anywhere; connect-src allows https feeds and a local
 * replay server on any port; frame-src the site's own pages and the embeds' origins.
 * Trusted Types: an HTML sink takes only what the widget's policy made, which is
 * the sanitiser's output; a plain string there throws (docs/security.md).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' https: data:",
  // Video and audio attachments, like images, come from the feed's https media hosts.
  "media-src 'self' https:",
  "connect-src 'self' https: http://127.0.0.1:* http://localhost:*",
  "font-src 'self'",
  // 'self': the site's own pages frame embed.html (the iframe example page).
  `frame-src 'self' ${EMBED_FRAME_ORIGINS.join(' ')}`,
  "object-src 'none'",
  "base-uri 'none'",
  'frame-ancestors *',
  // 'self': without JavaScript the filter form is sent to the page itself (GET).
  "form-action 'self'",
  TRUSTED_TYPES_CSP,
].join('; ');

/**
 * SHA-256 sources for the inline scripts of one HTML page (the standalone page's early feed
 * request is one): the CSP allows exactly those, and no other inline script.
 * @param {string} html
 * @returns {string[]}
 */
export function inlineScriptHashes(html) {
  return [...html.matchAll(/<script\b(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map(
    (m) =>
      `'sha256-${createHash('sha256')
        .update(m[1] ?? '', 'utf8')
        .digest('base64')}'`,
  );
}

/**
 * The CSP of one HTML page: CONTENT_SECURITY_POLICY, with the page's own inline scripts allowed
 * by hash.
 * @param {string} [html]
 */
export function contentSecurityPolicy(html = '') {
  const hashes = inlineScriptHashes(html);
  return hashes.length === 0
    ? CONTENT_SECURITY_POLICY
    : CONTENT_SECURITY_POLICY.replace("script-src 'self'", `script-src 'self' ${hashes.join(' ')}`);
}

/**
 * @param {boolean | 'trusted-types'} csp the whole policy, none, or its Trusted Types part only
 * @param {string} [html] the page, whose inline scripts the CSP allows by hash
 * @returns {Record<string, string>}
 */
export function htmlSecurityHeaders(csp, html) {
  /** @type {Record<string, string>} */
  const headers = {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
  };
  if (csp) {
    headers['Content-Security-Policy'] =
      csp === 'trusted-types' ? TRUSTED_TYPES_CSP : contentSecurityPolicy(html);
  }
  return headers;
}

/** Headers a cross-origin client needs to poll and revalidate a feed. */
export const FEED_CORS_HEADERS = Object.freeze({
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'ETag, Last-Modified, Retry-After, Cache-Control, Date',
});

/**
 * @param {import('node:http').IncomingMessage} req
 * @returns {Record<string, string>}
 */
export function preflightHeaders(req) {
  const requested = req.headers['access-control-request-headers'];
  return {
    ...FEED_CORS_HEADERS,
    'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
    // Echoing is safe: the feeds are public and carry no credentials.
    'Access-Control-Allow-Headers':
      typeof requested === 'string' && requested.trim()
        ? requested
        : 'If-None-Match, If-Modified-Since, Cache-Control',
    'Access-Control-Max-Age': '86400',
    Vary: 'Access-Control-Request-Headers',
  };
}
