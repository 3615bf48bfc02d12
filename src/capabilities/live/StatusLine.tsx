import type { FeedStatus } from '../../core/feed/feed-types';
import { useMessages } from '../../shared/i18n/use-messages';
import { formatClock, formatDayAndClock, spanned } from '../../shared/time/format-time';
import { relativeTime } from '../../shared/time/relative-time';
import { useNow } from '../../shared/time/use-now';
import { useRenderTime } from '../../shared/time/render-time';
import { useOnline } from './use-online';

interface Props {
  readonly status: FeedStatus | undefined;
  readonly changedAt: number | undefined;
  readonly rejectedCount: number;
  readonly locale: string;
  readonly timeZone: string | undefined;
  /** The last poll failed: the notice says why; the live dot stops. */
  readonly stalled?: boolean;
}

/**
 * How the blog is doing, in plain words: live and when it last changed, upcoming, or ended. The
 * connection's trouble is ConnectionNotice's; here the live dot only stops while there is some.
 */
export function StatusLine(props: Props) {
  const { status, changedAt, rejectedCount, locale, timeZone, stalled } = props;
  const t = useMessages();
  const online = useOnline();
  const now = useNow(60_000);
  const renderedAt = useRenderTime();
  // The clock alone within a day of now (or of the page's making, before the reader's clock);
  // the year too when it is another (an archived blog), as each update's time names it.
  const ref = now || renderedAt;
  const when = (at: number) =>
    ref - at < 86_400_000
      ? formatClock(at, locale, timeZone)
      : formatDayAndClock(at, locale, timeZone, spanned([at, ref], timeZone).years);
  // Only `text` is announced: `tail` ticks ("5 minutes ago" each minute), and a live region
  // would read it out on every tick.
  // Nothing said until the first document tells: "Live" over a blog that has ended was untrue.
  let text = '';
  let tail = '';
  let asOf = '';
  let tone: 'live' | 'ended' | 'upcoming' | 'loading' = 'loading';
  if (status === 'ended') {
    text =
      changedAt === undefined
        ? t.statusEnded
        : `${t.statusEnded} · ${t.lastUpdateAt(when(changedAt))}`;
    tone = 'ended';
  } else if (status === 'upcoming') {
    text = t.statusUpcoming;
    tone = 'upcoming';
  } else if (status) {
    const ago =
      changedAt === undefined || now === 0
        ? undefined
        : relativeTime(changedAt, now, t.justNow, locale, timeZone);
    // A day or more ago has no relative wording (`ago` is null): the date says it. So does a
    // server, which has no clock of the reader's (`ago` is undefined).
    text = t.statusLive;
    tail = ago
      ? ` · ${t.updatedAgo(ago)}`
      : changedAt !== undefined
        ? ` · ${t.lastUpdateAt(when(changedAt))}`
        : '';
    // Rendered by a server: when the page was made too, for a reader without JavaScript who
    // reads it later (only for them: status-line-server.css).
    if (tail && now === 0 && renderedAt > 0)
      asOf = ` · ${t.pageAsOf(formatClock(renderedAt, locale, timeZone))}`;
    tone = 'live';
  }
  return (
    <div
      className={`lb-status lb-status--${tone}${stalled || !online ? ' lb-status--stalled' : ''}`}
      part="status"
    >
      <p className="lb-status__text">
        {tone === 'live' && <span className="lb-status__dot" aria-hidden="true" />}
        <span role="status">{text}</span>
        {tail}
        {asOf && <span className="lb-status__as-of">{asOf}</span>}
        {rejectedCount > 0 && (
          <span className="lb-status__note"> {t.rejectedItems(rejectedCount)}.</span>
        )}
      </p>
    </div>
  );
}
