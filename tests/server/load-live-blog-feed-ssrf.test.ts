// @vitest-environment node
// The server-side feed loader fetches only allowed origins on public addresses: what it refuses,
// it refuses before a request reaches anyone.
import type { LookupAddress } from 'node:dns';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isPublicAddress, publicOnlyLookup } from '../../src/entries/server/address-policy';
import {
  FeedLoadError,
  createFeedLoader,
  loadLiveBlogFeed,
  type LoadFeedOptions,
} from '../../src/entries/server/load-live-blog-feed';
import {
  clearLog,
  makeFeedFiles,
  originOf,
  requestLog,
  startFeedServer,
  startTinyServer,
  type FeedFiles,
  type TinyServer,
} from './feed-loader-helpers';
import type { RunningServer } from './helpers';

let files: FeedFiles;
let server: RunningServer;
let origin: string;
let port: number;
const FEED = '/fixtures/live.json';

beforeAll(async () => {
  files = makeFeedFiles();
  server = await startFeedServer(files);
  origin = originOf(server.url);
  port = server.port;
});
afterAll(async () => {
  await server.close();
  files.cleanup();
});
beforeEach(() => clearLog(server));

async function refusal(url: string, options: LoadFeedOptions): Promise<FeedLoadError> {
  const error = await loadLiveBlogFeed(url, options).then(
    () => new Error(`expected ${url} to be refused`),
    (e: unknown) => e,
  );
  if (!(error instanceof FeedLoadError)) throw error;
  return error;
}

describe('addresses', () => {
  it('counts only public unicast addresses as public', () => {
    const notPublic = [
      '127.0.0.1',
      '127.255.0.9',
      '10.0.0.1',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '255.255.255.255',
      '224.0.0.1',
      '192.0.2.1',
      '198.18.0.1',
      '::',
      '::1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '0:0:0:0:0:ffff:a00:1',
      '::ffff:169.254.169.254',
      '::127.0.0.1',
      '64:ff9b::10.0.0.1',
      '2002:c0a8:101::1', // 6to4 of 192.168.1.1
      'fe80::1',
      'fe80::1%eth0',
      'fc00::1',
      'fd12:3456::1',
      'ff02::1',
      '2001:db8::1',
      '2001::1', // Teredo
      'localhost',
      '',
    ];
    for (const address of notPublic) expect(isPublicAddress(address), address).toBe(false);
    const public_ = [
      '8.8.8.8',
      '1.1.1.1',
      '172.32.0.1',
      '100.128.0.1',
      '2606:4700:4700::1111',
      '2a00:1450:4001::200e',
      '::ffff:8.8.8.8',
      '64:ff9b::8.8.8.8',
      '2002:808:808::1',
    ];
    for (const address of public_) expect(isPublicAddress(address), address).toBe(true);
  });

  it('refuses a name that resolves to a private address, in both callback shapes', async () => {
    const lookup = publicOnlyLookup((host, address) => new Error(`refused ${host} ${address}`));
    const ask = (host: string, all: boolean) =>
      new Promise<string | LookupAddress[]>((resolve, reject) =>
        lookup(host, { all }, (error, address) => (error ? reject(error) : resolve(address))),
      );
    await expect(ask('localhost', true)).rejects.toThrow(/refused localhost/);
    await expect(ask('localhost', false)).rejects.toThrow(/refused localhost/);
    // An IP address resolves to itself, without DNS.
    await expect(ask('8.8.8.8', false)).resolves.toBe('8.8.8.8');
    await expect(ask('8.8.8.8', true)).resolves.toEqual([{ address: '8.8.8.8', family: 4 }]);
  });
});

describe('private addresses', () => {
  it('refuses the loopback server by default, without a request', async () => {
    const byAddress = await refusal(server.url + FEED.slice(1), { allowedOrigins: [origin] });
    expect(byAddress.reason).toBe('private-address');
    // A name is checked when it is resolved, at connect time.
    const named = `http://localhost:${port}`;
    const byName = await refusal(named + FEED, { allowedOrigins: [named] });
    expect(byName.reason).toBe('private-address');
    expect(byName.message).toMatch(/resolves to/);
    const loader = createFeedLoader({ allowedOrigins: [named] });
    try {
      await expect(loader.load(named + FEED)).rejects.toMatchObject({ reason: 'private-address' });
    } finally {
      loader.close();
    }
    expect(await requestLog(server)).toEqual([]);
  });

  it('allows the origins listed in allowPrivateAddresses, or all with true', async () => {
    const named = `http://localhost:${port}`;
    const allowed = [origin, named];
    for (const allowPrivateAddresses of [[origin], true]) {
      const snapshot = await loadLiveBlogFeed(origin + FEED, {
        allowedOrigins: allowed,
        allowPrivateAddresses,
      });
      expect(snapshot.text).toBe(files.files['live.json']);
    }
    await loadLiveBlogFeed(named + FEED, { allowedOrigins: allowed, allowPrivateAddresses: true });
    // Another origin on the same host is another origin.
    const other = await refusal(named + FEED, {
      allowedOrigins: allowed,
      allowPrivateAddresses: [origin],
    });
    expect(other.reason).toBe('private-address');
    expect(await requestLog(server)).toHaveLength(3);
  });

  it.each([
    'http://10.0.0.1/feed.json',
    'http://169.254.169.254/latest/meta-data/',
    'http://192.168.0.1/feed.json',
    'http://100.64.0.1/feed.json',
    'http://[fd00::1]/feed.json',
    'http://[fe80::1]/feed.json',
  ])('refuses %s before connecting', async (url) => {
    const error = await refusal(url, { allowedOrigins: [originOf(url)] });
    expect(error.reason).toBe('private-address');
  });

  it.each([
    `http://[::1]:PORT${FEED}`,
    `http://[::ffff:127.0.0.1]:PORT${FEED}`,
    `http://0.0.0.0:PORT${FEED}`,
    `http://2130706433:PORT${FEED}`,
    `http://0x7f.1:PORT${FEED}`,
  ])('refuses %s, which would reach the server', async (template) => {
    const url = template.replace('PORT', String(port));
    const error = await refusal(url, { allowedOrigins: [originOf(url)] });
    expect(error.reason).toBe('private-address');
    expect(await requestLog(server)).toEqual([]);
  });
});

describe('origins and URLs', () => {
  it('refuses an origin that is not allowed, without a request', async () => {
    const allowPrivateAddresses = true;
    for (const allowedOrigins of [
      ['https://feeds.example.com'],
      [`http://127.0.0.1:${port + 1}`],
      [`https://127.0.0.1:${port}`],
      [],
    ]) {
      const error = await refusal(origin + FEED, { allowedOrigins, allowPrivateAddresses });
      expect(error.reason).toBe('not-allowed');
    }
    expect(await requestLog(server)).toEqual([]);
  });

  it('refuses credentials in the URL and schemes other than http(s)', async () => {
    const options = { allowedOrigins: [origin], allowPrivateAddresses: true };
    for (const url of [
      `http://user:secret@127.0.0.1:${port}${FEED}`,
      `http://user@127.0.0.1:${port}${FEED}`,
      'file:///etc/passwd',
      'ftp://127.0.0.1/feed.json',
      'data:application/json,{}',
      'javascript:alert(1)',
      'not a URL',
    ]) {
      expect((await refusal(url, options)).reason, url).toBe('not-allowed');
    }
    expect(await requestLog(server)).toEqual([]);
  });
});

describe('redirects', () => {
  let redirector: TinyServer;
  const routes: Record<string, string> = {};
  beforeAll(async () => {
    redirector = await startTinyServer((req, res) => {
      const location = routes[req.url ?? ''];
      res.writeHead(302, location === undefined ? {} : { Location: location });
      res.end('moved');
    });
    Object.assign(routes, {
      '/elsewhere': 'https://feeds.example.net/live.json',
      '/private': `${origin}${FEED}`,
      '/private-name': `http://localhost:${port}${FEED}`,
      '/credentials': `http://u:p@127.0.0.1:${port}${FEED}`,
      '/file': 'file:///etc/passwd',
      '/loop': '/loop',
      '/nowhere': 'http://[bad',
    });
  });
  afterAll(() => redirector.close());
  const via = (route: string) => `${redirector.origin}${route}`;

  it('follows a redirect to an allowed origin and says where the document came from', async () => {
    const snapshot = await loadLiveBlogFeed(via('/private'), {
      allowedOrigins: [redirector.origin, origin],
      allowPrivateAddresses: true,
    });
    expect(snapshot.url).toBe(origin + FEED);
    expect(snapshot.text).toBe(files.files['live.json']);
  });

  it('checks every hop against the allowed origins and the address rule', async () => {
    const named = `http://localhost:${port}`;
    const options = {
      allowedOrigins: [redirector.origin, origin, named],
      allowPrivateAddresses: [redirector.origin],
    };
    expect(await refusal(via('/elsewhere'), options)).toMatchObject({
      reason: 'not-allowed',
      url: 'https://feeds.example.net/live.json',
    });
    expect((await refusal(via('/private'), options)).reason).toBe('private-address');
    expect((await refusal(via('/private-name'), options)).reason).toBe('private-address');
    const everywhere = { ...options, allowPrivateAddresses: true };
    expect((await refusal(via('/credentials'), everywhere)).reason).toBe('not-allowed');
    expect((await refusal(via('/file'), everywhere)).reason).toBe('not-allowed');
    expect(await requestLog(server)).toEqual([]);
  });

  it('gives up after maxRedirects, and on a redirect without a usable Location', async () => {
    const options = { allowedOrigins: [redirector.origin], allowPrivateAddresses: true };
    redirector.hits.length = 0;
    expect((await refusal(via('/loop'), { ...options, maxRedirects: 2 })).reason).toBe('redirect');
    expect(redirector.hits).toEqual(['/loop', '/loop', '/loop']);
    expect((await refusal(via('/missing'), options)).reason).toBe('redirect');
    expect((await refusal(via('/nowhere'), options)).reason).toBe('redirect');
    expect((await refusal(via('/loop'), { ...options, maxRedirects: 0 })).reason).toBe('redirect');
  });
});
