// @ts-check
/**
 * Admin endpoints for tests: publish, reset, faults, request log, canary.
 * They can change what every reader sees, so they answer only to loopback
 * clients and refuse cross-site browser requests (a page on another origin
 * must not be able to drive them through the tester's browser).
 */
import { parseFault } from './faults.mjs';

const MAX_BODY = 64 * 1024;

/**
 * @param {string | undefined} address a socket's remoteAddress
 */
export function isLoopbackAddress(address) {
  if (!address) return false;
  const a = address.toLowerCase();
  if (a === '::1' || a === '0:0:0:0:0:0:0:1') return true;
  const v4 = a.startsWith('::ffff:') ? a.slice(7) : a;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/** @param {string} hostname */
function isLoopbackName(hostname) {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h.endsWith('.localhost') || isLoopbackAddress(h);
}

/**
 * Why an admin request is refused, or null when it is allowed.
 * @param {{ remoteAddress?: string, headers: import('node:http').IncomingHttpHeaders }} req
 * @returns {string | null}
 */
export function adminRefusal({ remoteAddress, headers }) {
  if (!isLoopbackAddress(remoteAddress)) return 'admin endpoints answer only to loopback clients';
  // DNS rebinding: a hostile name resolving to 127.0.0.1 still carries its own Host.
  const host = headers.host ?? '';
  const hostname = host.replace(/:\d+$/, '');
  if (hostname && !isLoopbackName(hostname))
    return 'admin endpoints answer only to a loopback Host';
  const origin = headers.origin;
  if (origin && origin !== 'null') {
    try {
      if (new URL(origin).host !== host) return 'cross-origin admin requests are refused';
    } catch {
      return 'cross-origin admin requests are refused';
    }
  } else if (origin === 'null') {
    return 'cross-origin admin requests are refused';
  }
  if (headers['sec-fetch-site'] === 'cross-site') return 'cross-site admin requests are refused';
  return null;
}

/**
 * @param {import('node:http').IncomingMessage} req
 * @returns {Promise<unknown>}
 */
async function readJson(req) {
  const chunks = [];
  let size = 0;
  for await (const chunk of /** @type {AsyncIterable<Buffer>} */ (req)) {
    size += chunk.length;
    if (size > MAX_BODY) throw new Error('request body too large');
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (!text) return {};
  try {
    /** @type {unknown} */
    const body = JSON.parse(text);
    return body;
  } catch {
    throw new Error('request body is not JSON');
  }
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {unknown} value
 */
function sendJson(res, status, value) {
  const body = JSON.stringify(value, null, 2) + '\n';
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

/**
 * @typedef {{
 *   mode: 'live' | 'static',
 *   replay: import('./replay.mjs').Replay | null,
 *   faults: ReturnType<typeof import('./faults.mjs').createFaultState>,
 *   requests: unknown[],
 *   canary: unknown[],
 * }} AdminContext
 */

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {string} pathname
 * @param {AdminContext} ctx
 */
export async function handleAdmin(req, res, pathname, ctx) {
  const refusal = adminRefusal({ remoteAddress: req.socket.remoteAddress, headers: req.headers });
  if (refusal) return sendJson(res, 403, { error: refusal });

  const route = `${req.method} ${pathname.replace(/\/+$/, '')}`;
  /** @type {unknown} */
  let body;
  if (req.method === 'POST') {
    try {
      body = await readJson(req);
    } catch (err) {
      return sendJson(res, 400, { error: /** @type {Error} */ (err).message });
    }
  }
  const { replay, faults } = ctx;
  const needReplay = () => {
    if (!replay)
      sendJson(res, 409, { error: 'the server is in static mode: there is no live replay' });
    return replay;
  };

  switch (route) {
    case 'GET /__admin/state':
      return sendJson(res, 200, {
        mode: ctx.mode,
        replay: replay?.state() ?? null,
        fault: faults.get(),
      });
    case 'POST /__admin/publish': {
      const r = needReplay();
      if (!r) return;
      const count = Number(/** @type {Record<string, unknown>} */ (body).count ?? 1);
      if (!(Number.isInteger(count) && count > 0))
        return sendJson(res, 400, { error: '"count" must be a positive integer' });
      return sendJson(res, 200, r.publishNext(count));
    }
    case 'POST /__admin/reset': {
      const r = needReplay();
      if (!r) return;
      return sendJson(res, 200, r.reset());
    }
    case 'GET /__admin/fault':
      return sendJson(res, 200, { fault: faults.get() });
    case 'POST /__admin/fault': {
      let fault;
      try {
        fault = parseFault(body);
      } catch (err) {
        return sendJson(res, 400, { error: /** @type {Error} */ (err).message });
      }
      if (fault.kind === 'skip') {
        // Not a wire fault: it changes what is published, once, right now.
        const r = needReplay();
        if (!r) return;
        return sendJson(res, 200, { fault: null, replay: r.skip(fault.count ?? 120) });
      }
      faults.set(fault);
      return sendJson(res, 200, { fault: faults.get() });
    }
    case 'DELETE /__admin/fault':
      faults.clear();
      return sendJson(res, 200, { fault: null });
    case 'GET /__admin/requests':
      return sendJson(res, 200, { requests: ctx.requests });
    case 'DELETE /__admin/requests':
      ctx.requests.length = 0;
      return sendJson(res, 200, { requests: [] });
    case 'GET /__admin/canary':
      return sendJson(res, 200, { hits: ctx.canary });
    case 'DELETE /__admin/canary':
      ctx.canary.length = 0;
      return sendJson(res, 200, { hits: [] });
    default:
      return sendJson(res, 404, {
        error: `no admin endpoint ${route}`,
        endpoints: [
          'GET /__admin/state',
          'POST /__admin/publish {"count": n}',
          'POST /__admin/reset',
          'GET|POST|DELETE /__admin/fault',
          'GET|DELETE /__admin/requests',
          'GET|DELETE /__admin/canary',
        ],
      });
  }
}
