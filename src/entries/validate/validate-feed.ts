// A whole feed: the head (a file or a URL), its HTTP answer when it has one, then its older
// pages. The result is what the CLI prints.
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { checkDocument } from './check-document';
import type { HtmlCheck } from './check-html';
import { checkConditional, checkResponse } from './check-http';
import { conditionalStatus, loadDocument, type Fetch } from './load-document';
import { RULES, ProblemList, type Problem } from './validation-problem';
import { baseOf, summaryOf, walkPages, type DocumentSummary } from './walk-pages';

/** The newest updates a head holds at most, pages cut at 50 (docs/scaling.md, "The files"). */
const MAX_HEAD_ITEMS = 99;

export interface ValidateOptions {
  /** The clock, in ms since the epoch. */
  readonly now: number;
  /** Older pages to follow at most; 0 checks the head alone. */
  readonly maxPages: number;
  /** Undefined when the sanitiser cannot run here (no jsdom): the check is skipped. */
  readonly htmlProblem: HtmlCheck | undefined;
  readonly fetch?: Fetch;
  /** How long a server may send nothing: the client's own wait unless a test shortens it. */
  readonly timeoutMs?: number;
}

export interface Report {
  readonly valid: boolean;
  readonly errors: number;
  readonly warnings: number;
  readonly problems: readonly Problem[];
  /** What was read: the head, then each page. */
  readonly documents: readonly DocumentSummary[];
  /** Checks that could not run, and why. */
  readonly notes: readonly string[];
}

export type Outcome =
  { readonly ok: true; readonly report: Report } | { readonly ok: false; readonly message: string };

/** The head to validate: an http(s) URL as it is, anything else a path from `cwd`. */
export function targetUrl(target: string, cwd: string): URL {
  if (/^https?:\/\//i.test(target)) return new URL(target);
  return pathToFileURL(resolve(cwd, target));
}

function reportOf(
  lists: readonly ProblemList[],
  documents: DocumentSummary[],
  notes: string[],
): Report {
  const problems = lists.flatMap((list) => list.problems);
  const errors = problems.filter((p) => p.severity === 'error').length;
  return {
    valid: errors === 0,
    errors,
    warnings: problems.length - errors,
    problems,
    documents,
    notes,
  };
}

/** Validates the feed whose head is at `target`; not ok when the head cannot be read at all. */
export async function validateFeed(
  target: URL,
  name: string,
  options: ValidateOptions,
): Promise<Outcome> {
  const fetchFn = options.fetch ?? fetch;
  const loaded = await loadDocument(target, fetchFn, options.timeoutMs);
  if (loaded.kind === 'failed') return { ok: false, message: loaded.message };
  const notes: string[] = [];
  if (options.htmlProblem === undefined) {
    notes.push(
      'HTML the sanitiser would remove was not checked: that check needs jsdom (npm install jsdom).',
    );
  }
  const list = new ProblemList(name);
  if (loaded.kind === 'too-large') {
    if (loaded.http) checkResponse(loaded.http, 'head', undefined, list);
    list.error('$', loaded.message, RULES.limits);
    return { ok: true, report: reportOf([list], [], notes) };
  }
  const checked = checkDocument(
    loaded.text,
    {
      base: baseOf(loaded),
      fetchedFrom: loaded.http?.url,
      role: 'head',
      now: options.now,
      htmlProblem: options.htmlProblem,
    },
    list,
  );
  if (loaded.http) {
    checkResponse(loaded.http, 'head', checked?.feed.meta.pollSeconds, list);
    checkConditional(await conditionalStatus(loaded.http, fetchFn), list);
  }
  if (checked === undefined) return { ok: true, report: reportOf([list], [], notes) };
  const documents = [summaryOf(name, 'head', checked.feed)];
  if (checked.feed.items.length > MAX_HEAD_ITEMS) {
    list.warning(
      '$.items',
      `The head holds ${checked.feed.items.length} updates: readers poll it, so keep it to the newest 50–${MAX_HEAD_ITEMS} and move older ones into pages (next_url).`,
      RULES.scalingFiles,
    );
  }
  if (options.maxPages === 0) {
    if (checked.json.next_url !== undefined)
      notes.push('Older pages were not checked (--max-pages 0).');
    return { ok: true, report: reportOf([list], documents, notes) };
  }
  const walk = await walkPages(
    { role: 'head', name, location: loaded.location, checked, list },
    {
      now: options.now,
      maxPages: options.maxPages,
      htmlProblem: options.htmlProblem,
      fetch: fetchFn,
      timeoutMs: options.timeoutMs,
    },
  );
  return {
    ok: true,
    report: reportOf(
      [list, ...walk.lists],
      [...documents, ...walk.documents],
      [...notes, ...walk.notes],
    ),
  };
}
