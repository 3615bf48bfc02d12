import type { ReactNode } from 'react';
import type { LiveItem } from '../../core/feed/feed-types';
import type { HeldPlace } from '../../core/timeline/held-place';
import { UpdateArticle, type UpdateContext } from './UpdateArticle';

/** Updates in a row, each highlighted if just released and marked if new since the last visit. */
export function UpdateArticles(props: {
  readonly items: readonly LiveItem[];
  readonly context: UpdateContext;
  readonly fresh: ReadonlySet<string>;
  readonly since: ReadonlySet<string>;
}) {
  const { items, context, fresh, since } = props;
  return items.map((item) =>
    // The place of one retracted on the reader's screen, where it was (core/timeline/held-place.ts).
    'render' in item ? (
      ((item as HeldPlace).render() as ReactNode)
    ) : (
      <UpdateArticle
        key={item.id}
        item={item}
        context={context}
        fresh={fresh.has(item.id)}
        since={since.has(item.id)}
      />
    ),
  );
}
