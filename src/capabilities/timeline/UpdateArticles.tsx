import type { LiveItem } from '../../core/feed/feed-types';
import { UpdateArticle, type UpdateContext } from './UpdateArticle';

/** Updates in a row, each highlighted if just released and marked if new since the last visit. */
export function UpdateArticles(props: {
  readonly items: readonly LiveItem[];
  readonly context: UpdateContext;
  readonly fresh: ReadonlySet<string>;
  readonly since: ReadonlySet<string>;
}) {
  const { items, context, fresh, since } = props;
  return items.map((item) => (
    <UpdateArticle
      key={item.id}
      item={item}
      context={context}
      fresh={fresh.has(item.id)}
      since={since.has(item.id)}
    />
  ));
}
