// @ts-check
/**
 * Validators, conditional requests and content-encoding negotiation.
 * A Representation is one immutable body; its compressed variants are made
 * once, on first demand, and shared by every later request for that version.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/** Bodies smaller than this gain nothing from compression. */
const MIN_COMPRESS_BYTES = 256;

export const FEED_CONTENT_TYPE = 'application/feed+json; charset=utf-8';
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const NO_CACHE = 'no-cache';

/** @typedef {'br' | 'gzip' | 'identity'} Encoding */

/**
 * @param {number} maxAgeSeconds
 * @returns {string}
 */
export function headCacheControl(maxAgeSeconds) {
  return maxAgeSeconds > 0 ? `public, max-age=${Math.floor(maxAgeSeconds)}` : NO_CACHE;
}

/**
 * @param {Buffer} body
 * @returns {string} an opaque tag without quotes
 */
export function hashBody(body) {
  return createHash('sha256').update(body).digest('base64url').slice(0, 27);
}

/**
 * HTTP dates have one-second resolution; keeping the rounded value makes
 * If-Modified-Since comparisons exact.
 * @param {number} ms
 */
export function floorToSecond(ms) {
  return Math.floor(ms / 1000) * 1000;
}

export class Representation {
  /**
   * @param {Buffer | string} body
   * @param {{ contentType: string, lastModified: Date | number, compressible?: boolean }} options
   */
  constructor(body, { contentType, lastModified, compressible = true }) {
    this.body = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    this.contentType = contentType;
    this.tag = hashBody(this.body);
    this.lastModifiedMs = floorToSecond(
      typeof lastModified === 'number' ? lastModified : lastModified.getTime(),
    );
    this.lastModified = new Date(this.lastModifiedMs).toUTCString();
    this.compressible = compressible && this.body.length >= MIN_COMPRESS_BYTES;
    /** @type {Map<Encoding, Promise<Buffer>>} */
    this.variants = new Map();
  }

  /** Strong ETag of the identity body. */
  get etag() {
    return `"${this.tag}"`;
  }

  /**
   * Each encoding is a different representation, so it gets its own strong
   * tag (RFC 9110 §8.8.3); matching strips the suffix again so that a client
   * switching encodings still revalidates.
   * @param {Encoding} encoding
   */
  etagFor(encoding) {
    return encoding === 'identity' ? this.etag : `"${this.tag}-${encoding}"`;
  }

  /**
   * @param {Encoding} encoding
   * @returns {Promise<Buffer>}
   */
  encoded(encoding) {
    if (encoding === 'identity' || !this.compressible) return Promise.resolve(this.body);
    let variant = this.variants.get(encoding);
    if (!variant) {
      variant =
        encoding === 'br'
          ? brotli(this.body, {
              params: {
                // Quality 11 takes seconds on multi-megabyte fixtures; 5 is close in size.
                [zlib.constants.BROTLI_PARAM_QUALITY]: this.body.length > 262144 ? 5 : 9,
                [zlib.constants.BROTLI_PARAM_SIZE_HINT]: this.body.length,
              },
            })
          : gzip(this.body, { level: 6 });
      this.variants.set(encoding, variant);
    }
    return variant;
  }
}

/**
 * Picks br or gzip from an Accept-Encoding header, honouring q-values and "*".
 * @param {string | undefined} header
 * @returns {Encoding}
 */
export function negotiateEncoding(header) {
  if (!header) return 'identity';
  /** @type {Map<string, number>} */
  const q = new Map();
  for (const part of header.split(',')) {
    const [rawName, ...params] = part.trim().split(';');
    const name = (rawName ?? '').trim().toLowerCase();
    if (!name) continue;
    let weight = 1;
    for (const p of params) {
      const m = /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(p);
      if (m) weight = Number(m[1]);
    }
    if (Number.isFinite(weight)) q.set(name, weight);
  }
  const star = q.get('*') ?? 0;
  const br = q.get('br') ?? star;
  const gz = q.get('gzip') ?? q.get('x-gzip') ?? star;
  if (br <= 0 && gz <= 0) return 'identity';
  return br >= gz ? 'br' : 'gzip';
}

/**
 * @param {string} tag a quoted tag, possibly weak
 * @returns {string} the opaque part without W/, quotes or encoding suffix
 */
function opaque(tag) {
  return tag
    .trim()
    .replace(/^W\//i, '')
    .replace(/^"|"$/g, '')
    .replace(/-(gzip|br)$/, '');
}

/**
 * An HTTP-date in any of its three forms (RFC 9110 §5.6.7). `Date.parse` also takes strings such
 * as "99999", which must not win a 304.
 */
const HTTP_DATE =
  /^(?:[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4}|[A-Z][a-z]+, \d{2}-[A-Z][a-z]{2}-\d{2}) \d{2}:\d{2}:\d{2} GMT$|^[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} \d{4}$/;

/**
 * If-None-Match takes precedence over If-Modified-Since (RFC 9110 §13.2.2);
 * both use weak comparison, which is what GET revalidation needs. An If-Modified-Since that is
 * not an HTTP-date is ignored (§13.1.3).
 * @param {import('node:http').IncomingHttpHeaders} headers
 * @param {{ tag: string, lastModifiedMs: number }} rep
 */
export function isNotModified(headers, rep) {
  const inm = headers['if-none-match'];
  if (inm !== undefined) {
    if (inm.trim() === '*') return true;
    return inm.split(',').some((t) => t.trim() && opaque(t) === rep.tag);
  }
  const ims = headers['if-modified-since'];
  if (ims !== undefined) {
    const since = HTTP_DATE.test(ims.trim()) ? Date.parse(ims) : NaN;
    return Number.isFinite(since) && rep.lastModifiedMs <= since;
  }
  return false;
}

/**
 * Sends a representation with validators, negotiation, 304 and HEAD handling.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {Representation} rep
 * @param {{ cacheControl: string, headers?: Record<string, string> }} options
 * @returns {Promise<number>} body bytes written
 */
export async function sendRepresentation(req, res, rep, { cacheControl, headers = {} }) {
  const encoding = rep.compressible
    ? negotiateEncoding(req.headers['accept-encoding'])
    : 'identity';
  /** @type {Record<string, string | number>} */
  const common = {
    ...headers,
    'Cache-Control': cacheControl,
    ETag: rep.etagFor(encoding),
    'Last-Modified': rep.lastModified,
  };
  if (rep.compressible)
    common.Vary = headers.Vary ? `${headers.Vary}, Accept-Encoding` : 'Accept-Encoding';
  // setHeader rather than writeHead(status, headers): the request log reads them back.
  for (const [name, value] of Object.entries(common)) res.setHeader(name, value);
  if (isNotModified(req.headers, rep)) {
    res.writeHead(304);
    res.end();
    return 0;
  }
  const body = await rep.encoded(encoding);
  if (res.destroyed) return 0;
  res.setHeader('Content-Type', rep.contentType);
  res.setHeader('Content-Length', body.length);
  if (encoding !== 'identity') res.setHeader('Content-Encoding', encoding);
  res.writeHead(200);
  if (req.method === 'HEAD') {
    res.end();
    return 0;
  }
  res.end(body);
  return body.length;
}
