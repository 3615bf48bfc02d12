import { useRef, useSyncExternalStore } from 'react';
import type { FeedProblem } from '../../core/feed/feed-problem';
import { codeGone, onCodeGone } from '../../shared/code/load-chunk';
import { useMessages } from '../../shared/i18n/use-messages';
import type { Messages } from '../../shared/i18n/messages-en';
import { useNow } from '../../shared/time/use-now';
import { useNotice } from './notice-seats';
import { useOnline } from './use-online';

interface Props {
  readonly error: FeedProblem | undefined;
  readonly nextAttemptAt: number | undefined;
  /** When the attempt failed: the countdown never starts above the wait it counts. */
  readonly failedAt?: number | undefined;
  readonly onRetry: () => void;
  /** The feed's URL: widgets that show the same feed say its trouble once (notice-seats.ts). */
  readonly feed?: string;
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

/**
 * Offline, code a deploy removed, or the trouble with the feed and when the next try is. Not in the header: its words
 * wrap where "Live" did not, and moved everything below. At the timeline's foot, held at the
 * bottom of the screen (status-line.css), it takes room only below all the updates. With several
 * widgets on a page, one of them says each trouble (notice-seats.ts).
 */
export function ConnectionNotice({
  error,
  nextAttemptAt,
  failedAt = 0,
  onRetry,
  feed = '',
}: Props) {
  const t = useMessages();
  const ref = useRef<HTMLDivElement>(null);
  const online = useOnline();
  // A deploy removed this build's chunks: parts that need them wait for a reload.
  const gone = useSyncExternalStore(onCodeGone, codeGone, () => false);
  // Seconds only matter while counting down to a retry.
  const now = useNow(error ? 1000 : 60_000);
  const page = !online ? t.offline : gone ? t.codeGone : '';
  // Back online, a failure of the offline spell is past: the poll the return started is out.
  const past = online && error?.offline && nextAttemptAt !== undefined;
  // Only `text` is announced: the countdown ticks each second.
  const [text, say] = useNotice(ref, feed, page, error && !past ? problemText(error, t) : '');
  let tail = '';
  // No next try (the widget does not poll, the blog has ended): only "Retry now" tries again.
  if (text && !page) tail = '.';
  if (tail && nextAttemptAt !== undefined) {
    // The shared second tick may be from just before the failure.
    const from = Math.max(now, failedAt);
    tail = `: ${t.retryIn(Math.max(0, Math.ceil((nextAttemptAt - from) / 1000)))}.`;
  }
  // The live region is there before its words: one added with them is not announced.
  return (
    <div ref={ref} className={text ? 'lb-notice lb-notice--on' : 'lb-notice'} part="notice">
      <p className="lb-notice__text">
        <span aria-live="polite">{say && text}</span>
        {!say && text}
        {tail}
      </p>
      {/* A first load that failed too: a reader who has just signed in to a network need not
          wait out the back-off, or reload. */}
      {text && (
        <button
          type="button"
          className="lb-button lb-button--small"
          onClick={online && gone ? reload : onRetry}
        >
          {online && gone ? t.reload : t.retryNow}
        </button>
      )}
    </div>
  );
}
