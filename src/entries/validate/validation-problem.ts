// What the validator reports: one problem of one feed document, in terms its producer can act
// on, with the rule it breaks (a section of docs/feed-format.md or docs/scaling.md).
import { cut } from './terminal-text';

export type Severity = 'error' | 'warning';

export interface Problem {
  /** An error breaks the contract (the feed is not valid); a warning is a "should". */
  readonly severity: Severity;
  /** The document: the head as given (a path or URL), or a page's URL. */
  readonly document: string;
  /** A JSON path (`$.items[3].date_published`), or `HTTP <header>` for a response's headers. */
  readonly path: string;
  readonly message: string;
  /** The section of the docs that states the rule, e.g. `docs/feed-format.md#items`. */
  readonly rule: string;
}

/** The sections rules come from. A unit test checks each is a heading of its document. */
export const RULES = {
  conventions: 'docs/feed-format.md#conventions',
  serving: 'docs/feed-format.md#serving',
  topLevel: 'docs/feed-format.md#top-level',
  topLevelExtension: 'docs/feed-format.md#top-level-_liveblog',
  items: 'docs/feed-format.md#items',
  itemExtension: 'docs/feed-format.md#item-_liveblog',
  attachments: 'docs/feed-format.md#attachments',
  tombstones: 'docs/feed-format.md#tombstones-retractions',
  embeds: 'docs/feed-format.md#embedded-posts-and-players',
  grouping: 'docs/feed-format.md#grouping',
  mergeRules: 'docs/feed-format.md#merge-rules',
  order: 'docs/feed-format.md#order',
  pagination: 'docs/feed-format.md#pagination',
  plainJsonFeed: 'docs/feed-format.md#plain-json-feed',
  invalidInput: 'docs/feed-format.md#invalid-input',
  polling: 'docs/feed-format.md#polling',
  limits: 'docs/feed-format.md#limits',
  scalingFiles: 'docs/scaling.md#the-files',
  scalingHeaders: 'docs/scaling.md#the-headers',
} as const;

export type Rule = (typeof RULES)[keyof typeof RULES];

/** A JSON path from member names and array indexes: `$.items[3]._liveblog.topics[0]`. */
export function jsonPath(...segments: readonly (string | number)[]): string {
  let path = '$';
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(segment)) path += `.${segment}`;
    // A member the feed made up may be named by a whole paragraph: cut, it still says which.
    else path += `[${quote(segment)}]`;
  }
  return path;
}

/** Problems of one document, collected as its checks find them. */
export class ProblemList {
  readonly problems: Problem[] = [];
  constructor(readonly document: string) {}

  error(path: string, message: string, rule: Rule): void {
    this.problems.push({ severity: 'error', document: this.document, path, message, rule });
  }

  warning(path: string, message: string, rule: Rule): void {
    this.problems.push({ severity: 'warning', document: this.document, path, message, rule });
  }
}

/** A value as a producer would recognise it in their feed, shortened for one line. */
export function quote(value: unknown, max = 60): string {
  return cut(
    typeof value === 'string' ? JSON.stringify(value) : String(JSON.stringify(value)),
    max,
  );
}
