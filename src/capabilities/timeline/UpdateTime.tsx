import { useMessages } from '../../shared/i18n/use-messages';
import { formatClockWithZone, formatDayAndClock, spanned } from '../../shared/time/format-time';
import { relativeTime } from '../../shared/time/relative-time';
import { useNow } from '../../shared/time/use-now';
import { useRenderTime } from '../../shared/time/render-time';

interface Props {
  readonly ms: number;
  readonly locale: string;
  readonly timeZone: string | undefined;
}

/** "10:42 EEST · 5 minutes ago": absolute in the event's zone, relative from a shared ticker. */
export function UpdateTime({ ms, locale, timeZone }: Props) {
  // From the time the server rendered: the browser then moves it on without changing its shape.
  const now = useNow(60_000, true, useRenderTime());
  const t = useMessages();
  const relative = now === 0 ? null : relativeTime(ms, now, t.justNow, locale, timeZone);
  // A date of another year than the reader's (an archived blog, a mistyped year) names it.
  const year = relative === null && now !== 0 && spanned([ms, now], timeZone).years;
  const iso = new Date(ms).toISOString();
  // <bdi>: the words around the date keep their order in a right-to-left feed, not
  // "Jul 2023, 12:03 12".
  return (
    <bdi className="lb-time">
      <time dateTime={iso} className="lb-time__clock">
        {relative === null
          ? formatDayAndClock(ms, locale, timeZone, year)
          : formatClockWithZone(ms, locale, timeZone)}
      </time>
      {relative !== null && <span className="lb-time__ago"> · {relative}</span>}
    </bdi>
  );
}
