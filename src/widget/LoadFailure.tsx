import type { FeedProblem } from '../core/feed/feed-problem';
import { problemText } from '../capabilities/live/StatusLine';
import { useMessages } from '../shared/i18n/use-messages';

/** The first load failed: nothing to show, and why, where the updates would be. */
export function LoadFailure({ problem }: { readonly problem: FeedProblem }) {
  const t = useMessages();
  return (
    <div className="lb-error" role="alert">
      <p>{t.firstLoadFailed}</p>
      <p>{problem.message || problemText(problem, t)}</p>
    </div>
  );
}
