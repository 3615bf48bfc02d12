// @vitest-environment node
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { makeWorkspace, type Workspace } from './helpers';

/** The arguments of a child process's 'exit' event. */
type ExitArgs = [code: number | null, signal: NodeJS.Signals | null];

const MAIN = fileURLToPath(new URL('../../server/main.mjs', import.meta.url));

function launch(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [MAIN, ...args], {
    env: { ...process.env, PORT: '', REPLAY_INTERVAL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const firstLine = new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`exited with ${code}`)));
  });
  // Tests that expect an early exit never read the line.
  firstLine.catch(() => undefined);
  return { child, firstLine };
}

describe('node server/main.mjs', () => {
  let ws: Workspace;
  afterEach(() => ws.cleanup());

  it('prints one line with the URLs, serves, and stops cleanly on SIGTERM', async () => {
    ws = makeWorkspace();
    const { child, firstLine } = launch(
      ['--port', '0', '--dist', ws.dist, '--feed', ws.feedFile, '--admin'],
      { REPLAY_INTERVAL: '7' },
    );
    const line = await firstLine;
    const m =
      /^Live blog at (http:\/\/127\.0\.0\.1:(\d+)\/) {2}\(feed: (\S+), live replay: one update every 7 s\)$/.exec(
        line,
      );
    expect(m, line).not.toBeNull();
    const [, url, , feedUrl] = m!;
    expect(feedUrl).toBe(`${url}feeds/vilnius-2023.json`);
    const feed = (await (await fetch(feedUrl!)).json()) as {
      items: unknown[];
      _liveblog: { poll_seconds: number };
    };
    expect(feed.items).toHaveLength(3);
    expect(feed._liveblog.poll_seconds).toBe(7);
    expect((await fetch(new URL('/__admin/state', url))).status).toBe(200);
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as ExitArgs;
    expect(code).toBe(0);
  });

  it('runs in static mode and stops on SIGINT', async () => {
    ws = makeWorkspace();
    const { child, firstLine } = launch([
      '--mode',
      'static',
      '--port',
      '0',
      '--dist',
      ws.dist,
      '--static-dir',
      ws.fixtures,
    ]);
    const line = await firstLine;
    expect(line).toMatch(/^Live blog at http:\/\/127\.0\.0\.1:\d+\/ {2}\(feed: .*, static feeds/);
    const url = /at (\S+)/.exec(line)![1]!;
    expect((await fetch(new URL('/fixtures/nested/page-2.json', url))).status).toBe(200);
    child.kill('SIGINT');
    const [code] = (await once(child, 'exit')) as ExitArgs;
    expect(code).toBe(0);
  });

  it('rejects unknown flags with usage', async () => {
    ws = makeWorkspace();
    const { child } = launch(['--bogus']);
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const [code] = (await once(child, 'exit')) as ExitArgs;
    expect(code).toBe(2);
    expect(stderr).toContain('Usage: node server/main.mjs');
  });

  it('writes --feed-origins into the pages, and refuses an entry that is not an origin', async () => {
    ws = makeWorkspace();
    writeFileSync(
      path.join(ws.dist, 'embed.html'),
      '<!DOCTYPE html><meta name="live-blog-feed-origins" content=""><title>embed</title>',
    );
    const ok = launch([
      '--port',
      '0',
      '--dist',
      ws.dist,
      '--feed',
      ws.feedFile,
      '--feed-origins',
      'https://feeds.example.com http://127.0.0.1:9999',
    ]);
    const url = /^Live blog at (\S+)/.exec(await ok.firstLine)![1]!;
    expect(await (await fetch(new URL('/embed.html', url))).text()).toContain(
      'content="https://feeds.example.com http://127.0.0.1:9999"',
    );
    ok.child.kill('SIGTERM');
    await once(ok.child, 'exit');

    const bad = launch([
      '--port',
      '0',
      '--dist',
      ws.dist,
      '--feed-origins',
      'https://x.example/feeds/',
    ]);
    let stderr = '';
    bad.child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const [code] = (await once(bad.child, 'exit')) as ExitArgs;
    expect(code).toBe(1);
    expect(stderr).toContain('feed origins must be http(s) origins');
  });
});
