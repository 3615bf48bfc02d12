import { useMessages } from '../../shared/i18n/use-messages';
import { dayKey, formatClock, formatDayAndClock } from '../../shared/time/format-time';
import { useNow } from '../../shared/time/use-now';

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
 * before they arrive), so it never pushes down what the reader already sees.
 */
export function LastVisitBanner({ count, at, locale, timeZone, onGo }: Props) {
  const t = useMessages();
  const now = useNow();
  const time =
    dayKey(at, timeZone) === dayKey(now, timeZone)
      ? formatClock(at, locale, timeZone)
      : formatDayAndClock(at, locale, timeZone);
  return (
    <p className="lb-last-visit" part="last-visit">
      {t.sinceLastVisit(count, time)}
      <button type="button" className="lb-link-button" onClick={onGo}>
        {t.goToFirstNew(count)}
      </button>
    </p>
  );
}
