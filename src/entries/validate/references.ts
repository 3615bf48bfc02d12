// Topics, countries and people that items refer to but the feed does not declare. Each id is
// reported once, where it is first used, with how many items use it: a feed that forgot one
// declaration should read as one problem, not hundreds.
import type { FeedMeta, LiveItem } from '../../core/feed/feed-types';
import { jsonPath, quote, RULES, type ProblemList } from './validation-problem';

type Kind = 'topics' | 'countries' | 'speakers';

interface Use {
  readonly kind: Kind;
  readonly id: string;
  readonly path: string;
  count: number;
}

export class References {
  private readonly known: Record<Kind, ReadonlySet<string>>;
  private readonly unknown = new Map<string, Use>();

  constructor(declared: FeedMeta) {
    this.known = {
      topics: new Set(declared.topics.map((t) => t.id)),
      countries: new Set(declared.countries.map((c) => c.code)),
      speakers: new Set(declared.people.map((p) => p.id)),
    };
  }

  add(item: LiveItem, index: number): void {
    for (const kind of ['topics', 'countries', 'speakers'] as const) {
      for (const id of item[kind]) {
        if (this.known[kind].has(id)) continue;
        const key = `${kind}\u0000${id}`;
        const use = this.unknown.get(key);
        if (use) use.count += 1;
        // The item's list is named: which of its raw entries became this id is the parser's.
        else
          this.unknown.set(key, {
            kind,
            id,
            path: jsonPath('items', index, '_liveblog', kind),
            count: 1,
          });
      }
    }
  }

  report(list: ProblemList): void {
    for (const { kind, id, path, count } of this.unknown.values()) {
      const where = count > 1 ? ` (used by ${count} items; the first is here)` : '';
      if (kind === 'topics') {
        list.warning(
          path,
          `Topic ${quote(id)} is not declared in _liveblog.topics${where}: its group comes after the declared ones, labelled by its id.`,
          RULES.grouping,
        );
      } else if (kind === 'countries') {
        list.error(
          path,
          `Country ${quote(id)} is not declared in _liveblog.countries${where}. Declare every country an item refers to.`,
          RULES.topLevelExtension,
        );
      } else {
        list.error(
          path,
          `Speaker ${quote(id)} is not declared in _liveblog.people${where}. Declare every person an item refers to.`,
          RULES.topLevelExtension,
        );
      }
    }
  }
}
