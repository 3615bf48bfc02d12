// The head against its older pages, as docs/feed-format.md ("Pagination") and docs/scaling.md
// ("The files") relate them: the head holds the newest updates, each page the ones that fell out
// of it, and an update in both is an edit put back into the head. Clients merge by id and keep
// whichever copy is not older (feed-store.ts), so a page loaded after the head rolls back a head
// copy that is not newer than the page's.
import { isObject, type RawObject } from '../../core/feed/feed-text';
import { itemVersion, type LiveItem } from '../../core/feed/feed-types';
import type { CheckedDocument } from './document-context';
import { jsonPath, quote, RULES, type ProblemList } from './validation-problem';

/** A document of the chain, as these checks need it. */
export interface PlacedDocument {
  readonly name: string;
  readonly checked: CheckedDocument;
  readonly list: ProblemList;
}

/** Where the entry `id` sits in a document's `items`, for its JSON path. */
export function indexOfId(json: RawObject, id: string): number {
  const entries = json.items as readonly unknown[];
  return entries.findIndex((entry) => isObject(entry) && entry.id === id);
}

/** The docs' own test (and the client's, in gapPageUrl): an update put back was edited. */
function neverEdited(item: LiveItem): boolean {
  return item.modified === undefined || item.modified === item.published;
}

/** The client tells copies apart by their parsed form, relative URLs resolved. */
function sameCopy(a: LiveItem, b: LiveItem): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

const andMore = (n: number) => (n > 1 ? ` (and ${n - 1} more)` : '');

export class HeadRules {
  private readonly items: ReadonlyMap<string, LiveItem>;

  constructor(private readonly head: PlacedDocument) {
    this.items = new Map(head.checked.feed.items.map((item) => [item.id, item]));
  }

  /** The first page with updates: older than the head's own. Updates in both are for checkOverlap. */
  checkOrder(page: PlacedDocument): void {
    const onPage = new Set(page.checked.feed.items.map((item) => item.id));
    // The head's own window: edited updates may be older ones put back into it.
    const oldest = this.head.checked.feed.items
      .filter((item) => neverEdited(item) && !onPage.has(item.id))
      .reduce<LiveItem | undefined>((a, b) => (a && a.published <= b.published ? a : b), undefined);
    if (oldest === undefined) return;
    const newer = page.checked.feed.items.filter(
      (item) => !this.items.has(item.id) && item.published > oldest.published,
    );
    if (newer.length === 0) return;
    const newest = newer.reduce((a, b) => (b.published > a.published ? b : a));
    page.list.warning(
      jsonPath('items', indexOfId(page.checked.json, newest.id), 'date_published'),
      `${quote(newest.id)}${andMore(newer.length)} is newer than ${quote(oldest.id)}, the head's oldest update that was never edited: the head should hold the newest updates and next_url lead to older ones, or readers who never load this page miss an update among those the head shows.`,
      RULES.pagination,
    );
  }

  /**
   * A page read the other way from the head (docs/feed-format.md, "Plain JSON Feed": decided per
   * document): its items' tags are their topics where the head's are not, or the other way.
   */
  checkMode(page: PlacedDocument): void {
    const plain = page.checked.mode.plain;
    if (plain === this.head.checked.mode.plain) return;
    const tagged = page.checked.feed.items.filter((item) => item.tags.length > 0);
    const first = tagged[0];
    if (first === undefined) return;
    page.list.warning(
      jsonPath('items', indexOfId(page.checked.json, first.id), 'tags'),
      plain
        ? `This page has no _liveblog anywhere, unlike the head: clients read it as a plain JSON Feed, and the tags of its ${tagged.length === 1 ? 'update' : `${tagged.length} updates`} become their topics (their groups and filters). Give the page "_liveblog": {} at its top level.`
        : `This page has a _liveblog member and the head has none: clients read its tags as tags, not topics as in the head, and its ${tagged.length === 1 ? 'update goes' : `${tagged.length} updates go`} to "Other updates". Leave _liveblog out of the pages too, or put it in the head.`,
      RULES.plainJsonFeed,
    );
  }

  /** Updates that are both in the head and in `page`. */
  checkOverlap(page: PlacedDocument): void {
    const unchanged: LiveItem[] = [];
    for (const item of page.checked.feed.items) {
      const inHead = this.items.get(item.id);
      if (inHead === undefined) continue;
      if (sameCopy(inHead, item)) {
        // An edited copy in both: the page was re-published with the edit, which is allowed.
        if (neverEdited(inHead)) unchanged.push(item);
      } else if (itemVersion(inHead) <= itemVersion(item)) {
        this.head.list.error(
          jsonPath('items', indexOfId(this.head.checked.json, item.id), 'date_modified'),
          `${quote(item.id)} is also in ${page.name} ($.items[${indexOfId(page.checked.json, item.id)}]) with other content, and the head's copy is not newer (date_modified, else date_published): readers who load that page get its copy, the others the head's. Put an edit back into the head with a newer date_modified.`,
          RULES.pagination,
        );
      }
    }
    const first = unchanged[0];
    if (first === undefined) return;
    page.list.warning(
      jsonPath('items', indexOfId(page.checked.json, first.id)),
      `${quote(first.id)}${andMore(unchanged.length)} is also in the head, never edited: an update leaves the head when its page is cut; only an edited or retracted one goes back into it.`,
      RULES.scalingFiles,
    );
  }
}
