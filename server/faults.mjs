// @ts-check
/**
 * Fault injection for the live feed: each kind reproduces one way a real
 * CDN, proxy or origin misbehaves, so the client's error handling can be
 * tested against the wire rather than against mocks.
 */
import { FEED_CORS_HEADERS } from './headers.mjs';
import { sendRepresentation } from './http-caching.mjs';

export const FAULT_KINDS = /** @type {const} */ ([
  '500',
  '502',
  '503',
  '429',
  '404',
  'hang',
  'reset',
  'truncate',
  'html200',
  'wrong-content-type',
  '304-no-validator',
  'stale',
  'huge',
  'skip',
]);

/** @typedef {typeof FAULT_KINDS[number]} FaultKind */
/**
 * @typedef {{ kind: FaultKind, times: number | null, retryAfter: number, pages: boolean, count?: number }} Fault
 * times: remaining faulted requests, null = until cleared.
 */

export const HUGE_BYTES = 50 * 1024 * 1024;
const DEFAULT_RETRY_AFTER = 30;

/**
 * Validates an admin request body.
 * @param {unknown} body
 * @returns {Fault}
 */
export function parseFault(body) {
  if (!body || typeof body !== 'object')
    throw new Error('expected a JSON object like {"kind": "503"}');
  const b = /** @type {Record<string, unknown>} */ (body);
  const kind = typeof b.kind === 'string' || typeof b.kind === 'number' ? String(b.kind) : '';
  if (!(/** @type {readonly string[]} */ (FAULT_KINDS).includes(kind))) {
    throw new Error(
      `unknown fault kind ${JSON.stringify(b.kind)}; known: ${FAULT_KINDS.join(', ')}`,
    );
  }
  const times = b.times === undefined || b.times === null ? null : Number(b.times);
  if (times !== null && !(Number.isInteger(times) && times > 0))
    throw new Error('"times" must be a positive integer');
  const retryAfter = b.retryAfter === undefined ? DEFAULT_RETRY_AFTER : Number(b.retryAfter);
  if (!(Number.isInteger(retryAfter) && retryAfter >= 0))
    throw new Error('"retryAfter" must be a whole number of seconds');
  /** @type {Fault} */
  const fault = {
    kind: /** @type {FaultKind} */ (kind),
    times,
    retryAfter,
    pages: b.pages === true,
  };
  if (b.count !== undefined) {
    const count = Number(b.count);
    if (!(Number.isInteger(count) && count > 0))
      throw new Error('"count" must be a positive integer');
    fault.count = count;
  }
  return fault;
}

export function createFaultState() {
  /** @type {Fault | null} */
  let active = null;
  return {
    /** @param {Fault} fault */
    set(fault) {
      active = { ...fault };
    },
    clear() {
      active = null;
    },
    get() {
      return active ? { ...active } : null;
    },
    /**
     * The fault to apply to this request, if any; counts it against `times`.
     * @param {boolean} isPage
     * @returns {Fault | null}
     */
    take(isPage) {
      if (!active || (isPage && !active.pages)) return null;
      const fault = { ...active };
      if (active.times !== null && --active.times <= 0) active = null;
      return fault;
    },
  };
}

const CDN_ERROR_PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Error 502 - Origin unreachable</title></head>
<body><h1>Origin unreachable</h1>
<p>The edge server could not reach the origin. Please try again in a few minutes.</p>
<p>Reference: edge-fault-injection</p></body></html>
`;

/** @type {Record<string, string>} */
const STATUS_TEXT = {
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  429: 'Too Many Requests',
  404: 'Not Found',
};

/**
 * The document a fault answers for, parsed: a feed document, as far as the faults read it.
 * @typedef {{ items?: unknown[], [field: string]: unknown }} FaultDocument
 */

/**
 * @typedef {{
 *   current: import('./http-caching.mjs').Representation,
 *   stale: import('./http-caching.mjs').Representation,
 *   document: () => FaultDocument,
 *   cacheControl: string,
 *   hanging: Set<import('node:http').ServerResponse>,
 * }} FaultContext
 */

/**
 * Answers a request with a fault. Resolves with the body bytes written.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {Fault} fault
 * @param {FaultContext} ctx
 * @returns {Promise<number>}
 */
export async function sendFault(req, res, fault, ctx) {
  const head = req.method === 'HEAD';
  switch (fault.kind) {
    case '500':
    case '502':
    case '503':
    case '429':
    case '404': {
      const status = Number(fault.kind);
      const body = `${status} ${STATUS_TEXT[status]} (injected fault)\n`;
      /** @type {Record<string, string | number>} */
      const headers = {
        ...FEED_CORS_HEADERS,
        'Content-Type': 'text/plain; charset=utf-8',
        'Content-Length': Buffer.byteLength(body),
        'Cache-Control': 'no-store',
      };
      if (status === 503 || status === 429) headers['Retry-After'] = String(fault.retryAfter);
      res.writeHead(status, headers);
      res.end(head ? undefined : body);
      return head ? 0 : Buffer.byteLength(body);
    }
    case 'hang': {
      // Keep the socket open until the client gives up or the server closes.
      ctx.hanging.add(res);
      res.on('close', () => ctx.hanging.delete(res));
      return new Promise((resolve) => res.on('close', () => resolve(0)));
    }
    case 'reset': {
      const socket = req.socket;
      if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
      else socket.destroy();
      return 0;
    }
    case 'truncate': {
      const body = ctx.current.body;
      res.writeHead(200, {
        ...FEED_CORS_HEADERS,
        'Content-Type': ctx.current.contentType,
        'Content-Length': body.length,
        'Cache-Control': ctx.cacheControl,
        ETag: ctx.current.etag,
      });
      if (head) {
        res.destroy();
        return 0;
      }
      const half = body.subarray(0, Math.floor(body.length / 2));
      // Destroy only once the half is handed to the kernel, so it does arrive.
      await new Promise((resolve) => res.write(half, () => resolve(undefined)));
      res.destroy();
      return half.length;
    }
    case 'html200': {
      res.writeHead(200, {
        ...FEED_CORS_HEADERS,
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Length': Buffer.byteLength(CDN_ERROR_PAGE),
        'Cache-Control': 'no-store',
      });
      res.end(head ? undefined : CDN_ERROR_PAGE);
      return head ? 0 : Buffer.byteLength(CDN_ERROR_PAGE);
    }
    case 'wrong-content-type': {
      const body = ctx.current.body;
      res.writeHead(200, {
        ...FEED_CORS_HEADERS,
        'Content-Type': 'text/plain; charset=utf-8',
        'Content-Length': body.length,
        'Cache-Control': ctx.cacheControl,
        ETag: ctx.current.etag,
        'Last-Modified': ctx.current.lastModified,
      });
      res.end(head ? undefined : body);
      return head ? 0 : body.length;
    }
    case '304-no-validator': {
      res.writeHead(304, { ...FEED_CORS_HEADERS, 'Cache-Control': ctx.cacheControl });
      res.end();
      return 0;
    }
    case 'stale':
      return sendRepresentation(req, res, ctx.stale, {
        cacheControl: ctx.cacheControl,
        headers: { ...FEED_CORS_HEADERS },
      });
    case 'huge':
      return sendHuge(req, res, ctx);
    case 'skip':
      // Applied when the fault is set (see the admin API), never per request.
      return sendRepresentation(req, res, ctx.current, {
        cacheControl: ctx.cacheControl,
        headers: { ...FEED_CORS_HEADERS },
      });
  }
}

/**
 * A valid feed of exactly HUGE_BYTES whose first item carries a giant string.
 * Streamed from one reused chunk, so memory stays flat whatever the size.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {FaultContext} ctx
 * @returns {Promise<number>}
 */
async function sendHuge(req, res, ctx) {
  const marker = '\u0000PADDING\u0000';
  const doc = ctx.document();
  const padded = {
    ...doc,
    items: [
      {
        id: 'oversized-response-padding',
        title: 'Oversized response (injected fault)',
        date_published: new Date().toISOString(),
        content_text: marker,
      },
      ...(doc.items ?? []),
    ],
  };
  const [before, after] = JSON.stringify(padded).split(JSON.stringify(marker));
  const prefix = Buffer.from(`${before}"`);
  const suffix = Buffer.from(`"${after}`);
  let remaining = HUGE_BYTES - prefix.length - suffix.length;
  res.writeHead(200, {
    ...FEED_CORS_HEADERS,
    'Content-Type': 'application/feed+json; charset=utf-8',
    'Content-Length': HUGE_BYTES,
    'Cache-Control': 'no-store',
  });
  if (req.method === 'HEAD') {
    res.end();
    return 0;
  }
  const chunk = Buffer.alloc(64 * 1024, 'x');
  let written = 0;
  /** @param {Buffer} buf */
  const write = async (buf) => {
    if (res.destroyed) return false;
    written += buf.length;
    if (!res.write(buf)) {
      await new Promise((resolve) => {
        const done = () => {
          res.off('drain', done);
          res.off('close', done);
          resolve(undefined);
        };
        res.on('drain', done);
        res.on('close', done);
      });
    }
    return !res.destroyed;
  };
  if (!(await write(prefix))) return written;
  while (remaining > 0) {
    const n = Math.min(remaining, chunk.length);
    if (!(await write(n === chunk.length ? chunk : chunk.subarray(0, n)))) return written;
    remaining -= n;
  }
  if (await write(suffix)) res.end();
  return written;
}
