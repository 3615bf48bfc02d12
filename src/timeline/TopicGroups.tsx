import type { TopicGroup } from '../core/timeline/group-by-topic';
import { useMessages } from '../i18n/use-messages';
import { UpdateArticle, type UpdateContext } from './UpdateArticle';

interface Props {
  readonly groups: readonly TopicGroup[];
  readonly context: UpdateContext;
  readonly freshAfter: number;
}

export function groupElementId(id: string | null): string {
  return id === null ? 'group--other' : `group-${id.replace(/\s+/g, '_')}`;
}

/** The default view: one section per topic, in the feed's order. */
export function TopicGroups({ groups, context, freshAfter }: Props) {
  const t = useMessages();
  return (
    <>
      {groups.map((group) => {
        const headingId = `${groupElementId(group.id)}-title`;
        return (
          <section
            key={group.id ?? ''}
            className="lb-group"
            aria-labelledby={headingId}
            part="group"
          >
            <h2 id={headingId} className="lb-group__title">
              {group.label}{' '}
              <span className="lb-group__count">({t.updateCount(group.items.length)})</span>
            </h2>
            {group.items.map((item) => (
              <UpdateArticle
                key={item.id}
                item={item}
                context={context}
                fresh={item.published > freshAfter}
              />
            ))}
          </section>
        );
      })}
    </>
  );
}
