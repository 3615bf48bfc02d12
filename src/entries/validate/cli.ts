// `live-blog-validate <file-or-url>`: its arguments, what it prints, and its exit status
// (0 valid, warnings allowed; 1 errors; 2 a usage error or a feed that could not be read).
import { parseRfc3339 } from '../../core/feed/rfc3339';
import type { HtmlCheck } from './check-html';
import { formatJson, formatText } from './format-report';
import type { Fetch } from './load-document';
import { printable, printableJson } from './terminal-text';
import { targetUrl, validateFeed } from './validate-feed';

export const USAGE = `Usage: live-blog-validate <file-or-url> [--json] [--max-pages N] [--now TIME]

Checks a live-blog feed (JSON Feed 1.1 + _liveblog, docs/feed-format.md) with the client's own
parser and limits, and prints every problem with its JSON path and the rule it breaks.
Given a URL, it also checks the HTTP answers (content type, caching, ETag and 304, CORS) and
follows next_url through the older pages.

  --json          one JSON object: { valid, errors, warnings, problems, documents, notes },
                  and "unreadable" (why) when exiting 2 for a feed that could not be read
  --max-pages N   follow at most N older pages (default 1000; 0: the head alone)
  --now TIME      judge dates "in the future" against this RFC 3339 time, not the clock
  --help          this text

Exit status: 0 valid (warnings allowed), 1 errors, 2 usage error or feed not readable.
`;

const DEFAULT_MAX_PAGES = 1000;

export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly cwd: string;
  readonly now: () => number;
  /** The sanitiser check, once it can run here (undefined without jsdom). */
  readonly htmlCheck: () => Promise<HtmlCheck | undefined>;
  readonly fetch?: Fetch;
}

type Command =
  | {
      readonly kind: 'validate';
      readonly target: string;
      readonly json: boolean;
      readonly maxPages: number;
      readonly now: number | undefined;
    }
  | { readonly kind: 'help' }
  | { readonly kind: 'wrong'; readonly message: string };

function parseArgs(args: readonly string[]): Command {
  const wrong = (message: string): Command => ({ kind: 'wrong', message });
  let target: string | undefined;
  let json = false;
  let maxPages = DEFAULT_MAX_PAGES;
  let now: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [name = '', inline] = arg.startsWith('--') ? arg.split(/=(.*)/s) : [arg];
    // An option's value: after "=", else the next argument.
    const value = () => inline ?? args[++i];
    const shown = (v: string | undefined) => (v === undefined ? 'nothing' : JSON.stringify(v));
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    if (arg === '--json') json = true;
    else if (name === '--max-pages') {
      const v = value();
      if (v === undefined || !/^\d{1,9}$/.test(v)) {
        return wrong(`--max-pages needs a whole number, not ${shown(v)}.`);
      }
      maxPages = Number(v);
    } else if (name === '--now') {
      const v = value();
      now = v === undefined ? undefined : parseRfc3339(v);
      if (now === undefined) return wrong(`--now needs an RFC 3339 time, not ${shown(v)}.`);
    } else if (arg.startsWith('-') && arg !== '-') return wrong(`Unknown option ${arg}.`);
    else if (target === undefined) target = arg;
    else {
      return wrong(`One feed at a time: ${shown(target)} and ${shown(arg)} were given.`);
    }
  }
  if (target === undefined) return wrong('Which feed? Give a file or a URL.');
  return { kind: 'validate', target, json, maxPages, now };
}

/** Runs the command; resolves with its exit status. */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args);
  if (parsed.kind === 'help') {
    io.out(USAGE);
    return 0;
  }
  if (parsed.kind === 'wrong') {
    io.err(`live-blog-validate: ${parsed.message}\n\n${USAGE}`);
    return 2;
  }
  let url: URL;
  try {
    url = targetUrl(parsed.target, io.cwd);
  } catch {
    io.err(`live-blog-validate: ${JSON.stringify(parsed.target)} is not a URL.\n`);
    return 2;
  }
  const outcome = await validateFeed(url, parsed.target, {
    now: parsed.now ?? io.now(),
    maxPages: parsed.maxPages,
    htmlProblem: await io.htmlCheck(),
    fetch: io.fetch,
  });
  if (!outcome.ok) {
    // The report's every member, so that CI reads one shape whatever happened.
    const empty = { errors: 0, warnings: 0, problems: [], documents: [], notes: [] };
    const report = { valid: false, ...empty, unreadable: outcome.message };
    if (parsed.json) io.out(`${printableJson(JSON.stringify(report, null, 2))}\n`);
    // The message quotes the server (its status text): its characters are not ours to print.
    io.err(`live-blog-validate: ${printable(outcome.message)}\n`);
    return 2;
  }
  io.out(parsed.json ? formatJson(outcome.report) : formatText(parsed.target, outcome.report));
  return outcome.report.valid ? 0 : 1;
}
