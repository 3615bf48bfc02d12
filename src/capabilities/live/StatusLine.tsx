import { useSyncExternalStore } from 'react';
import type { FeedStatus } from '../../core/feed/feed-types';
import type { FeedProblem } from '../../core/feed/feed-problem';
import { codeGone, onCodeGone } from '../../shared/code/load-chunk';
import { useMessages } from '../../shared/i18n/use-messages';
import type { Messages } from '../../shared/i18n/messages-en';
import { formatClock, formatDayAndClock, spanned } from '../../shared/time/format-time';
import { relativeTime } from '../../shared/time/relative-time';
import { useNow } from '../../shared/time/use-now';
import { useRenderTime } from '../../shared/time/render-time';
import { useOnline } from './use-online';

interface Props {
  readonly status: FeedStatus | undefined;
  readonly changedAt: number | undefined;
  readonly error: FeedProblem | undefined;
  readonly nextAttemptAt: number | undefined;
  /** When the attempt failed: the countdown never starts above the wait it counts. */
  readonly failedAt?: number | undefined;
  readonly rejectedCount: number;
  readonly locale: string;
  readonly timeZone: string | undefined;
  readonly onRetry: () => void;
}

export function problemText(error: FeedProblem, t: Messages): string {
  return {
    network: t.errorNetwork,
    timeout: t.errorTimeout,
    busy: t.errorBusy,
    'not-found': t.errorNotFound,
    http: t.errorServer(error.status ?? 0),
    'too-large': t.errorTooLarge,
    invalid: t.errorInvalid,
  }[error.kind];
}

const reload = () => location.reload();

/** The connection, in plain words: live, a problem and when the next try is, or ended. */
export function StatusLine(props: Props) {
  const { status, changedAt, error, nextAttemptAt, failedAt = 0 } = props;
  const { rejectedCount, locale, timeZone, onRetry } = props;
  const t = useMessages();
  const online = useOnline();
  // A deploy removed this build's chunks: parts that need them wait for a reload.
  const gone = useSyncExternalStore(onCodeGone, codeGone, () => false) && online;
  // Seconds only matter while counting down to a retry; otherwise a shared minute tick will do.
  const now = useNow(error ? 1000 : 60_000);
  const renderedAt = useRenderTime();
  // The clock alone within a day of now (or of the page's making, before the reader's clock);
  // the year too when it is another (an archived blog), as each update's time names it.
  const ref = now || renderedAt;
  const when = (at: number) =>
    ref - at < 86_400_000
      ? formatClock(at, locale, timeZone)
      : formatDayAndClock(at, locale, timeZone, spanned([at, ref], timeZone).years);
  // Only `text` is announced: `tail` ticks (a countdown each second, "5 minutes ago" each
  // minute), and a live region would read it out on every tick.
  // Nothing said until the first document tells: "Live" over a blog that has ended was untrue.
  let text = '';
  let tail = '';
  let asOf = '';
  let tone: 'live' | 'problem' | 'ended' | 'upcoming' | 'loading' = 'loading';
  if (!online) {
    text = t.offline;
    tone = 'problem';
  } else if (gone) {
    text = t.codeGone;
    tone = 'problem';
  } else if (error) {
    // The shared second tick may be from just before the failure.
    const from = Math.max(now, failedAt);
    const seconds =
      nextAttemptAt === undefined ? 0 : Math.max(0, Math.ceil((nextAttemptAt - from) / 1000));
    text = problemText(error, t);
    tail = `: ${t.retryIn(seconds)}.`;
    tone = 'problem';
  } else if (status === 'ended') {
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
    <div className={`lb-status lb-status--${tone}`} part="status">
      <p className="lb-status__text">
        {tone === 'live' && <span className="lb-status__dot" aria-hidden="true" />}
        <span role="status">{text}</span>
        {tail}
        {asOf && <span className="lb-status__as-of">{asOf}</span>}
        {rejectedCount > 0 && (
          <span className="lb-status__note"> {t.rejectedItems(rejectedCount)}.</span>
        )}
      </p>
      {/* A first load that failed too: a reader who has just signed in to a network need not
          wait out the back-off, or reload. */}
      {(error || !online || gone) && (
        <button
          type="button"
          className="lb-button lb-button--small"
          onClick={gone ? reload : onRetry}
        >
          {gone ? t.reload : t.retryNow}
        </button>
      )}
    </div>
  );
}
