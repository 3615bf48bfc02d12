// @vitest-environment node
// A hostile feed, or the server that serves it, must not write escape sequences, fake lines or
// reordered text to the producer's terminal through the report.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareHtmlCheck } from '../../../../src/entries/validate/check-html';
import { runCli, type CliIo } from '../../../../src/entries/validate/cli';
import { cut } from '../../../../src/entries/validate/terminal-text';
import { wireFeed, wireItem } from '../../../support/feed-builders';

const ESC = '\u001b';
const CSI = '\u009b'; // a CSI on its own in many terminals
const RLO = '\u202e';
// What a terminal must never receive from the feed: C0 other than the report's own line
// breaks, DEL, C1, bidirectional overrides.
function unsafe(text: string): boolean {
  return [...text].some((char) => {
    const code = char.codePointAt(0)!;
    if (code < 0x20) return code !== 0x0a;
    return (code >= 0x7f && code <= 0x9f) || (code >= 0x202a && code <= 0x202e);
  });
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'validate-terminal-'));
});

async function run(args: string[], fetch?: CliIo['fetch']) {
  let out = '';
  let err = '';
  const code = await runCli(args, {
    out: (text) => (out += text),
    err: (text) => (err += text),
    cwd: dir,
    now: () => Date.parse('2024-01-01T00:00:00Z'),
    htmlCheck: prepareHtmlCheck,
    fetch,
  });
  return { code, out, err };
}

const hostile = wireFeed(
  [
    wireItem('a', 1, {
      // An invented element's name may hold an ESC: the sanitiser removes it, and says so.
      content_html: `<p>x</p><x${ESC}]0;owned${'\u0007'}>y</x${ESC}]0;owned${'\u0007'}><p on${CSI}2J=1>z</p>`,
      _liveblog: { topics: [`t${CSI}2J`], speakers: [`p${RLO}gnp.exe`] },
    }),
    wireItem('b\u007f', 2, { date_published: `2023-01-01T00:00:0${CSI}H` }),
  ],
  {
    _liveblog: {
      topics: [
        { id: 'x', label: `L${CSI}31m` },
        { id: 'y', label: `l${CSI}31m` },
      ],
    },
  },
);

describe('what the report prints', () => {
  it('escapes control and bidirectional characters from the feed, and says where they are', async () => {
    await writeFile(join(dir, 'hostile.json'), JSON.stringify(hostile));
    const { code, out } = await run(['hostile.json']);
    expect(code).toBe(1);
    expect(unsafe(out)).toBe(false);
    expect(out).toContain('\\u009b2J');
    expect(out).toContain('<x\\u001b]0;owned\\u0007>');
    expect(out).toContain('p\\u202egnp.exe');
  });

  it('prints JSON whose strings hold the same values, with nothing a terminal would obey', async () => {
    const { out } = await run(['hostile.json', '--json']);
    expect(unsafe(out)).toBe(false);
    const report = JSON.parse(out) as { problems: { message: string }[] };
    expect(report.problems.some((p) => p.message.includes(`"l${CSI}31m"`))).toBe(true);
  });

  it('escapes and cuts what a server says: its status text and its headers', async () => {
    const type = `text/plain${CSI}2J${'x'.repeat(500)}`;
    const answers: Response[] = [
      new Response(JSON.stringify(wireFeed([])), { headers: { 'Content-Type': type } }),
      new Response(null, { status: 500, statusText: `Oops${CSI}2J` }),
    ];
    const fetch = (() => Promise.resolve(answers.shift()!)) as unknown as typeof globalThis.fetch;
    const served = await run(['https://feeds.example/head.json', '--max-pages', '0'], fetch);
    expect(unsafe(served.out)).toBe(false);
    expect(served.out).toContain('Content-Type text/plain\\u009b2Jxxx');
    expect(served.out).not.toContain('x'.repeat(100));
    const failed = await run(['https://feeds.example/head.json'], fetch);
    expect(failed.code).toBe(2);
    expect(failed.err).toBe(
      'live-blog-validate: https://feeds.example/head.json answered 500 Oops\\u009b2J.\n',
    );
  });
});

describe('cut', () => {
  it('keeps a short value, and never splits a surrogate pair', () => {
    expect(cut('abc', 5)).toBe('abc');
    expect(cut('abcdefgh', 5)).toBe('abcd…');
    expect(cut('abc😀defgh', 5)).toBe('abc…');
  });
});
