import { useState } from 'react';
import { useMessages } from '../../shared/i18n/use-messages';
import { dayKey, formatClock, formatDayAndClock } from '../../shared/time/format-time';
import { useNow } from '../../shared/time/use-now';
import { useRenderTime } from '../../shared/time/render-time';

interface Props {
  readonly count: number;
  /** When the reader was last here (epoch ms). */
  readonly at: number;
  readonly locale: string;
  readonly timeZone: string | undefined;
  readonly onGo: () => void;
}

/**
 * "12 updates since you were here at 14:05": rendered with the first updates (the record is read
 * before they arrive), so it never pushes down what the reader already sees. Over HTML a server
 * rendered (which knows no reader's record), the updates were there first: it floats above them
 * instead, pinned like the new-updates toast, until the reader goes or dismisses it.
 */
export function LastVisitBanner({ count, at, locale, timeZone, onGo }: Props) {
  const t = useMessages();
  const now = useNow();
  const floating = useRenderTime() > 0;
  const [dismissed, setDismissed] = useState(false);
  const time =
    dayKey(at, timeZone) === dayKey(now, timeZone)
      ? formatClock(at, locale, timeZone)
      : formatDayAndClock(at, locale, timeZone);
  const banner = (
    <p className={`lb-last-visit${floating ? ' lb-last-visit--floating' : ''}`} part="last-visit">
      {/* Its own direction: "2 updates since…", not "updates since… 2", in a right-to-left feed. */}
      <bdi>{t.sinceLastVisit(count, time)}</bdi>
      <button
        type="button"
        className="lb-link-button"
        onClick={() => {
          if (floating) setDismissed(true);
          onGo();
        }}
      >
        {t.goToFirstNew(count)}
      </button>
      {floating && (
        <button
          type="button"
          className="lb-last-visit__close"
          aria-label={t.dismiss}
          onClick={() => setDismissed(true)}
        >
          <span aria-hidden="true">×</span>
        </button>
      )}
    </p>
  );
  if (!floating) return banner;
  return <div className="lb-toast-slot lb-toast-slot--below">{dismissed ? null : banner}</div>;
}
