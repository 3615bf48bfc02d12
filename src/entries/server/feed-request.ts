// One feed request on the server, with node:http(s): redirects followed by hand and each hop
// checked, addresses checked as they are connected to, a deadline for the whole load, and the
// size limit counted on the decompressed bytes as they arrive.
import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { Transform } from 'node:stream';
import zlib from 'node:zlib';
import { FEED_REQUEST_INIT } from '../../capabilities/feed/read-body';
import { publicOnlyLookup } from './address-policy';
import { FeedLoadError } from './feed-load-error';
import { allowsPrivate, checkFeedUrl, type FeedPolicy } from './feed-url-policy';

export interface Validators {
  readonly etag: string | null;
  readonly lastModified: string | null;
}

export type FeedReply =
  | { kind: 'document'; url: string; text: string; headers: IncomingHttpHeaders }
  | { kind: 'not-modified'; url: string; headers: IncomingHttpHeaders };

type Hop = FeedReply | { kind: 'redirect'; location: string | undefined };

/** Keep-alive connections for a loader that makes many requests; none for a one-off load. */
export interface Agents {
  readonly http: http.Agent;
  readonly https: https.Agent;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function retryAfterSeconds(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const seconds = Number(header);
  if (header.trim() !== '' && Number.isInteger(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.round((date - Date.now()) / 1000));
}

/** The decompressors for a Content-Encoding, in the order to apply them; null if unknown. */
function decoders(header: string | undefined): Transform[] | null {
  const codings = (header ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity');
  const streams: Transform[] = [];
  // Listed in the order they were applied: undo the last first.
  for (const coding of codings.reverse()) {
    if (coding === 'gzip' || coding === 'x-gzip') streams.push(zlib.createGunzip());
    else if (coding === 'deflate') streams.push(zlib.createInflate());
    else if (coding === 'br') streams.push(zlib.createBrotliDecompress());
    else return null;
  }
  return streams;
}

function requestHeaders(validators: Validators | undefined): Record<string, string> {
  const headers: Record<string, string> = {
    Accept: FEED_REQUEST_INIT.headers.Accept,
    'Accept-Encoding': 'gzip, deflate, br',
    'User-Agent': 'live-blog-feed-loader',
  };
  if (validators?.etag) headers['If-None-Match'] = validators.etag;
  if (validators?.lastModified) headers['If-Modified-Since'] = validators.lastModified;
  return headers;
}

/** One request and its answer, read to the end unless it is an error or a redirect. */
function hop(
  url: URL,
  policy: FeedPolicy,
  validators: Validators | undefined,
  signal: AbortSignal,
  agents: Agents | undefined,
): Promise<Hop> {
  return new Promise((resolve, reject) => {
    const streams: { destroy(): void }[] = [];
    let settled = false;
    const fail = (error: FeedLoadError) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      for (const stream of streams) stream.destroy();
      reject(error);
    };
    const succeed = (value: Hop) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      resolve(value);
    };
    const failure = (reason: 'network' | 'too-large' | 'content-type', message: string) =>
      new FeedLoadError(reason, url.href, message);
    const broken = (error: unknown) =>
      error instanceof FeedLoadError
        ? error
        : new FeedLoadError('network', url.href, `The feed could not be loaded: ${String(error)}`, {
            cause: error,
          });
    const onAbort = () =>
      fail(new FeedLoadError('timeout', url.href, `No feed within ${policy.timeoutMs} ms.`));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });

    const secure = url.protocol === 'https:';
    const lookup = allowsPrivate(policy, url)
      ? undefined
      : publicOnlyLookup(
          (host, address) =>
            new FeedLoadError(
              'private-address',
              url.href,
              `The feed's host ${host} resolves to ${address}, which is not a public address.`,
            ),
        );
    const options: http.RequestOptions = {
      headers: requestHeaders(validators),
      agent: (secure ? agents?.https : agents?.http) ?? false,
      ...(lookup && { lookup }),
    };
    const req = (secure ? https : http).request(url, options);
    streams.push(req);
    // Listeners stay after the answer: a late error on a socket must not go unhandled.
    req.on('error', (error) => fail(broken(error)));
    req.on('response', (res: IncomingMessage) => {
      streams.push(res);
      // A connection that breaks off mid-body destroys the response with an error ('aborted').
      res.on('error', (error) => fail(broken(error)));
      const status = res.statusCode ?? 0;
      if (REDIRECTS.has(status)) {
        // Not read: a redirect's body is of no use, and a hostile one may never end.
        res.destroy();
        return succeed({ kind: 'redirect', location: res.headers.location });
      }
      if (status === 304) {
        res.resume(); // no body; frees the connection
        return succeed({ kind: 'not-modified', url: url.href, headers: res.headers });
      }
      if (status < 200 || status > 299) {
        return fail(
          new FeedLoadError('http', url.href, `The feed's server answered ${status}.`, {
            status,
            retryAfterSeconds: retryAfterSeconds(res.headers['retry-after']),
          }),
        );
      }
      // What the client refuses too (fetch-feed-document.ts): a CDN's or proxy's error page.
      if (/^\s*text\/html/i.test(res.headers['content-type'] ?? '')) {
        return fail(failure('content-type', 'The server sent a web page instead of the feed.'));
      }
      const declared = Number(res.headers['content-length']);
      if (declared > policy.maxBytes) {
        return fail(
          failure('too-large', `The feed is ${declared} bytes, over ${policy.maxBytes}.`),
        );
      }
      const unzip = decoders(res.headers['content-encoding']);
      if (unzip === null) {
        const coding = res.headers['content-encoding'] ?? '';
        return fail(failure('content-type', `Unsupported Content-Encoding "${coding}".`));
      }
      readBody(res, unzip);
    });
    req.end();

    function readBody(res: IncomingMessage, unzip: Transform[]) {
      const tooLarge = () =>
        fail(failure('too-large', `The feed is larger than ${policy.maxBytes} bytes.`));
      let body: NodeJS.ReadableStream = res;
      if (unzip.length > 0) {
        // Compressed bytes count too: a stream that never decompresses to anything still stops.
        let received = 0;
        res.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (received > policy.maxBytes) tooLarge();
        });
      }
      for (const stream of unzip) {
        streams.push(stream);
        stream.on('error', (error) =>
          fail(failure('network', `The feed could not be decompressed: ${error.message}`)),
        );
        body = body.pipe(stream);
      }
      const decoder = new TextDecoder();
      const pieces: string[] = [];
      let decoded = 0;
      body.on('data', (chunk: Buffer) => {
        decoded += chunk.length;
        if (decoded > policy.maxBytes) return tooLarge();
        pieces.push(decoder.decode(chunk, { stream: true }));
      });
      body.on('end', () => {
        pieces.push(decoder.decode());
        succeed({ kind: 'document', url: url.href, text: pieces.join(''), headers: res.headers });
      });
    }
  });
}

/**
 * Requests `url` (already checked with checkFeedUrl), following redirects, each checked the same
 * way. Validators make it conditional: a 304 is a 'not-modified' reply.
 */
export async function requestFeed(
  url: URL,
  policy: FeedPolicy,
  validators?: Validators,
  agents?: Agents,
): Promise<FeedReply> {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), policy.timeoutMs);
  try {
    let current = url;
    for (let redirects = 0; ; redirects++) {
      const answer = await hop(current, policy, validators, deadline.signal, agents);
      if (answer.kind !== 'redirect') return answer;
      if (redirects >= policy.maxRedirects) {
        throw new FeedLoadError(
          'redirect',
          current.href,
          `More than ${policy.maxRedirects} redirects.`,
        );
      }
      if (answer.location === undefined) {
        throw new FeedLoadError('redirect', current.href, 'A redirect without a Location.');
      }
      let next: URL;
      try {
        next = new URL(answer.location, current);
      } catch {
        throw new FeedLoadError('redirect', current.href, 'A redirect to an invalid URL.');
      }
      current = checkFeedUrl(next.href, policy);
    }
  } finally {
    clearTimeout(timer);
  }
}
