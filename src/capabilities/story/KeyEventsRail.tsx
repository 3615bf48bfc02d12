import { useState } from 'react';
import type { LiveItem } from '../../core/feed/feed-types';
import { KEY_EVENTS_AT_FIRST } from '../../core/feed/first-screen';
import { updateName } from '../../core/timeline/update-name';
import { useMessages } from '../../shared/i18n/use-messages';
import { formatClock, formatDayAndClock, spanned } from '../../shared/time/format-time';
import { useNow } from '../../shared/time/use-now';
import { useRenderTime } from '../../shared/time/render-time';

interface Props {
  readonly items: readonly LiveItem[];
  /** The feed's language, for the headlines. */
  readonly lang?: string | undefined;
  readonly locale: string;
  readonly timeZone: string | undefined;
  readonly onJump: (id: string) => void;
  readonly pageUrl: (id: string) => string;
  /** Open until the reader folds it: beside the timeline, not above it where it pushes it down. */
  readonly open: boolean;
}

// A glance, not an index: a long story's rail shows the newest few (KEY_EVENTS_AT_FIRST) until
// asked for all.
/** The story at a glance: key events (headline and time) that jump to the update. */
export function KeyEventsRail({
  items,
  lang,
  locale,
  timeZone,
  onJump,
  pageUrl,
  open: beside,
}: Props) {
  const t = useMessages();
  // Server HTML has it folded (the rail is not measured there): opened beside the timeline after
  // hydration, it moves nothing the reader is reading.
  const [chosen, setOpen] = useState<boolean>();
  const open = chosen ?? beside;
  const [all, setAll] = useState(false);
  // "14:05" twice in a rail that spans days is two different days, and "14:05" alone reads as
  // today: the rail names the day (and the year, over years) unless every event is of today, as
  // the updates' own times do. Today from the time the server rendered, while hydrating.
  const now = useNow(60_000, items.length > 0, useRenderTime());
  if (items.length === 0) return null;
  const shown = all ? items : items.slice(0, KEY_EVENTS_AT_FIRST);
  const times = items.map((item) => item.published);
  const span = spanned(now ? [...times, now] : times, timeZone);
  return (
    <nav className="lb-key-events" aria-label={t.keyEvents} part="key-events">
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary className="lb-key-events__summary">{t.keyEventsCount(items.length)}</summary>
        <ol className="lb-key-events__list">
          {shown.map((item) => (
            <li key={item.id}>
              <a
                href={pageUrl(item.id)}
                onClick={(e) => {
                  e.preventDefault();
                  onJump(item.id);
                }}
              >
                {/* dir: "12 Jul, 14:05" in a right-to-left feed too, not "Jul, 14:05 12". */}
                <time dateTime={new Date(item.published).toISOString()} dir="auto">
                  {span.days
                    ? formatDayAndClock(item.published, locale, timeZone, span.years)
                    : formatClock(item.published, locale, timeZone)}
                </time>{' '}
                <bdi lang={lang}>{updateName(item)}</bdi>
              </a>
            </li>
          ))}
        </ol>
        {items.length > KEY_EVENTS_AT_FIRST && (
          <button
            type="button"
            className="lb-link-button lb-key-events__more"
            aria-expanded={all}
            onClick={() => setAll(!all)}
          >
            {all ? t.keyEventsFewer : t.keyEventsAll(items.length)}
          </button>
        )}
      </details>
    </nav>
  );
}
