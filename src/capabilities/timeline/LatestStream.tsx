import type { LiveItem } from '../../core/feed/feed-types';
import { useMessages } from '../../shared/i18n/use-messages';
import { dayKey, formatDay, spanned } from '../../shared/time/format-time';
import { useRenderTime } from '../../shared/time/render-time';
import { useNow } from '../../shared/time/use-now';
import type { TimelineViewProps } from './UpdateArticle';
import { UpdateArticles } from './UpdateArticles';

interface Props extends TimelineViewProps {
  readonly items: readonly LiveItem[];
}

/** The chronological view, in the reader's order, with a divider where the day changes. */
export function LatestStream({ items, context, fresh, since, budget }: Props) {
  const t = useMessages();
  const days: { key: string; items: LiveItem[] }[] = [];
  for (const item of items.length > budget ? items.slice(0, budget) : items) {
    const key = dayKey(item.published, context.timeZone);
    const last = days[days.length - 1];
    if (last && last.key === key) last.items.push(item);
    else days.push({ key, items: [item] });
  }
  // Over years, "Friday, 31 December" alone does not say which, nor does it in a year that is not
  // the reader's: the dividers then name the year, as the updates' times do. From the whole
  // stream (in order: its ends), not the part rendered yet, so that none changes; this year
  // from the time the server rendered, while hydrating.
  const now = useNow(60_000, true, useRenderTime());
  const ends = [items[0]?.published ?? 0, items.at(-1)?.published ?? 0];
  const years = spanned(now ? [...ends, now] : ends, context.timeZone).years;
  return (
    <section className="lb-group lb-group--latest" aria-label={t.viewLatest} part="group">
      {days.map((day) => (
        <div key={day.key} className="lb-day">
          <h2 className="lb-day__title">
            <time dateTime={day.key}>
              {formatDay(day.items[0]!.published, context.locale, context.timeZone, years)}
            </time>
          </h2>
          <UpdateArticles items={day.items} {...{ context, fresh, since }} />
        </div>
      ))}
    </section>
  );
}
