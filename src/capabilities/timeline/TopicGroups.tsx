import { groupTitleId } from '../../core/timeline/element-ids';
import type { TopicGroup } from '../../core/timeline/group-by-topic';
import { useMessages } from '../../shared/i18n/use-messages';
import type { TimelineViewProps } from './UpdateArticle';
import { UpdateArticles } from './UpdateArticles';

interface Props extends TimelineViewProps {
  readonly groups: readonly TopicGroup[];
}

/** The default view: one section per topic, in the feed's order. */
export function TopicGroups({ groups, context, fresh, since, budget }: Props) {
  const t = useMessages();
  return (
    <>
      {withinBudget(groups, budget).map(({ group, items }) => {
        const headingId = groupTitleId(group.id);
        // A retracted update's held place (core/timeline/held-place.ts) is no update.
        const updates = group.items.filter((item) => !('render' in item)).length;
        return (
          <section
            key={group.id ?? ''}
            className="lb-group"
            aria-labelledby={headingId}
            part="group"
          >
            <h2 id={headingId} className="lb-group__title">
              {/* "Other updates" is the widget's words; a topic's label is the feed's. */}
              <bdi lang={group.id ? context.lang : undefined}>{group.label}</bdi>{' '}
              {/* <bdi>: "(2 updates)" in a right-to-left feed too, not "(updates 2)". */}
              <bdi className="lb-group__count">({t.updateCount(updates)})</bdi>
            </h2>
            <UpdateArticles items={items} {...{ context, fresh, since }} />
          </section>
        );
      })}
    </>
  );
}

/** The groups to render and how many of each group's items fit the render budget. */
function withinBudget(groups: readonly TopicGroup[], budget: number) {
  const out: { group: TopicGroup; items: TopicGroup['items'] }[] = [];
  let left = budget;
  for (const group of groups) {
    if (left <= 0) break;
    const items = group.items.length <= left ? group.items : group.items.slice(0, left);
    out.push({ group, items });
    left -= items.length;
  }
  return out;
}
