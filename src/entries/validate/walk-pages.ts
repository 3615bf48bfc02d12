// Follows a feed's older pages (`next_url`) as a client would, and checks the chain against
// docs/feed-format.md ("Pagination") and docs/scaling.md: no loops, pages that load and are
// feeds, each older than the one before (the first older than the head), bringing something
// new, cacheable for good, tombstones kept in the head, and an update in the head and a page
// only as an edit put back into the head (head-and-pages.ts).
import { fileURLToPath } from 'node:url';
import type { ParsedFeed } from '../../core/feed/feed-types';
import { MAX_EMPTY_PAGES, pageKey } from '../../core/feed/page-chain';
import { checkDocument } from './check-document';
import type { CheckedDocument, DocumentContext } from './document-context';
import { checkResponse, unreachablePage } from './check-http';
import { HeadRules, indexOfId } from './head-and-pages';
import { loadDocument, type Fetch, type Loaded } from './load-document';
import { jsonPath, quote, RULES, ProblemList } from './validation-problem';

/** Relative URLs in a local file resolve against this, to tell whether they would be http(s). */
export const FILE_STAND_IN_BASE = 'https://local-file.invalid/';

/** One document read, for the report's summary. */
export interface DocumentSummary {
  readonly document: string;
  readonly role: 'head' | 'page';
  readonly items: number;
  readonly tombstones: number;
  readonly dropped: number;
}

/** A document in the chain, as the walk holds it. */
export interface ChainLink {
  readonly role: 'head' | 'page';
  readonly name: string;
  readonly location: string;
  readonly checked: CheckedDocument;
  readonly list: ProblemList;
}

export interface WalkOptions {
  readonly now: number;
  readonly maxPages: number;
  readonly htmlProblem: DocumentContext['htmlProblem'];
  readonly fetch: Fetch;
  readonly timeoutMs?: number;
}

export interface WalkResult {
  readonly lists: ProblemList[];
  readonly documents: DocumentSummary[];
  readonly notes: string[];
}

/** How a document is named in the report: a file by its path, anything else by its URL. */
export function documentName(location: string): string {
  return location.startsWith('file:') ? fileURLToPath(location) : location;
}

export function baseOf(loaded: Extract<Loaded, { kind: 'document' }>): string {
  return loaded.http ? loaded.location : FILE_STAND_IN_BASE;
}

export function summaryOf(name: string, role: 'head' | 'page', feed: ParsedFeed): DocumentSummary {
  return {
    document: name,
    role,
    items: feed.items.length,
    tombstones: feed.tombstones.length,
    dropped: feed.rejected.reduce((n, r) => n + (r.count ?? 1), 0),
  };
}

/** Where `link` points next; undefined at the end of the chain or when it cannot be followed. */
function nextTarget(link: ChainLink): URL | undefined {
  const raw = link.checked.json.next_url;
  if (raw === undefined) return undefined;
  const fail = () => {
    link.list.error(
      jsonPath('next_url'),
      `${quote(raw)} is not an http(s) URL: clients cannot reach the older pages.`,
      RULES.pagination,
    );
    return undefined;
  };
  if (link.checked.feed.meta.nextUrl === undefined) {
    // The head's is reported with its other members (check-meta.ts).
    return link.role === 'page' ? fail() : undefined;
  }
  try {
    return new URL(typeof raw === 'string' ? raw.trim() : '', link.location);
  } catch {
    return fail();
  }
}

/** Checks one page against the head and the pages before it; false when the walk must stop. */
class ChainRules {
  private readonly seen = new Set<string>();
  private readonly headTombstones: ReadonlySet<string>;
  private readonly pageOf = new Map<string, string>();
  private empty = 0;
  private previous: { name: string; oldest: number } | undefined;
  private readonly headRules: HeadRules;

  constructor(head: ChainLink) {
    this.headRules = new HeadRules(head);
    const { feed } = head.checked;
    for (const item of feed.items) this.seen.add(item.id);
    for (const tombstone of feed.tombstones) this.seen.add(tombstone.id);
    this.headTombstones = new Set(feed.tombstones.map((t) => t.id));
  }

  check(link: ChainLink): boolean {
    const { feed } = link.checked;
    const ids = [...feed.items.map((i) => i.id), ...feed.tombstones.map((t) => t.id)];
    const fresh = ids.filter((id) => !this.seen.has(id)).length;
    for (const id of ids) this.seen.add(id);
    this.empty = fresh === 0 ? this.empty + 1 : 0;
    if (this.empty === MAX_EMPTY_PAGES) {
      link.list.error(
        jsonPath('items'),
        `${MAX_EMPTY_PAGES} pages in a row bring no update the head and newer pages did not already have: clients stop following next_url here.`,
        RULES.pagination,
      );
      return false;
    }
    if (this.empty > 0) {
      link.list.warning(
        jsonPath('items'),
        'This page brings no update the head and newer pages did not already have.',
        RULES.pagination,
      );
    }
    this.checkOrder(link);
    this.headRules.checkOverlap(link);
    this.headRules.checkMode(link);
    this.checkRepeats(link);
    this.checkTombstones(link);
    return true;
  }

  private checkOrder(link: ChainLink) {
    const items = link.checked.feed.items;
    if (items.length === 0) return;
    const newest = items.reduce((a, b) => (b.published > a.published ? b : a));
    const oldest = items.reduce((min, i) => Math.min(min, i.published), Infinity);
    if (this.previous === undefined) this.headRules.checkOrder(link);
    else if (newest.published > this.previous.oldest) {
      link.list.warning(
        jsonPath('items', indexOfId(link.checked.json, newest.id), 'date_published'),
        `This page holds updates newer than the oldest of the page before it (${this.previous.name}): each next_url should lead to an older page.`,
        RULES.pagination,
      );
    }
    this.previous = { name: link.name, oldest };
  }

  private checkRepeats(link: ChainLink) {
    const repeated = link.checked.feed.items.filter((i) => this.pageOf.has(i.id));
    const first = repeated[0];
    if (first) {
      const more = repeated.length > 1 ? ` (and ${repeated.length - 1} more)` : '';
      link.list.warning(
        jsonPath('items', indexOfId(link.checked.json, first.id)),
        `${quote(first.id)}${more} is also in ${this.pageOf.get(first.id)}: each update belongs to one page; an edit goes into the head.`,
        RULES.scalingFiles,
      );
    }
    for (const item of link.checked.feed.items)
      if (!this.pageOf.has(item.id)) this.pageOf.set(item.id, link.name);
  }

  private checkTombstones(link: ChainLink) {
    const missing = link.checked.feed.tombstones.filter((t) => !this.headTombstones.has(t.id));
    const first = missing[0];
    if (!first) return;
    const more = missing.length > 1 ? ` (and ${missing.length - 1} more)` : '';
    link.list.warning(
      jsonPath('items', indexOfId(link.checked.json, first.id)),
      `The tombstone of ${quote(first.id)}${more} is not in the head: keep tombstones in the head, so that the retraction reaches readers who never load this page.`,
      RULES.pagination,
    );
  }
}

/** Walks the chain from the head (already checked), up to `maxPages` pages. */
export async function walkPages(head: ChainLink, options: WalkOptions): Promise<WalkResult> {
  const result: WalkResult = { lists: [], documents: [], notes: [] };
  const chain = new Map<string, string>([[pageKey(head.location), head.name]]);
  const rules = new ChainRules(head);
  const declared = head.checked.mode.plain ? undefined : head.checked.feed.meta;
  let link = head;
  for (;;) {
    const target = nextTarget(link);
    if (target === undefined) break;
    const earlier = chain.get(pageKey(target.href));
    if (earlier !== undefined) {
      link.list.error(
        jsonPath('next_url'),
        `Leads back to ${earlier}, already in the chain: clients stop there, and tell readers that older updates could not be loaded.`,
        RULES.pagination,
      );
      break;
    }
    if (result.documents.length >= options.maxPages) {
      result.notes.push(
        `Stopped after ${options.maxPages} pages (--max-pages): ${documentName(target.href)} and older pages were not checked.`,
      );
      break;
    }
    const loaded = await loadDocument(target, options.fetch, options.timeoutMs);
    const name = documentName(target.href);
    if (loaded.kind === 'failed') {
      link.list.error(
        jsonPath('next_url'),
        `The page could not be loaded: ${loaded.message}`,
        RULES.pagination,
      );
      break;
    }
    chain.set(pageKey(target.href), name);
    chain.set(pageKey(loaded.location), name);
    const list = new ProblemList(name);
    result.lists.push(list);
    if (loaded.http) {
      checkResponse(loaded.http, 'page', undefined, list);
      const unreachable = unreachablePage(head.location, loaded.http);
      if (unreachable) link.list.error(jsonPath('next_url'), unreachable, RULES.pagination);
    }
    if (loaded.kind === 'too-large') {
      list.error('$', loaded.message, RULES.limits);
      break;
    }
    const checked = checkDocument(
      loaded.text,
      {
        base: baseOf(loaded),
        role: 'page',
        now: options.now,
        declared,
        htmlProblem: options.htmlProblem,
      },
      list,
    );
    if (checked === undefined) break;
    result.documents.push(summaryOf(name, 'page', checked.feed));
    link = { role: 'page', name, location: loaded.location, checked, list };
    if (!rules.check(link)) break;
  }
  return result;
}
