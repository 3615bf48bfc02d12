import type { FeedProblem } from '../core/feed/feed-problem';
import { problemText } from '../capabilities/live/ConnectionNotice';
import { en } from '../shared/i18n/messages-en';
import { useMessages } from '../shared/i18n/use-messages';

/** The first load failed: nothing to show, and why, where the updates would be. */
export function LoadFailure({ problem }: { readonly problem: FeedProblem }) {
  const t = useMessages();
  return (
    <div className="lb-error" role="alert">
      <p>{t.firstLoadFailed}</p>
      {/* The parser's and fetcher's own words are English: other readers get the catalogue's. */}
      <p>{(t === en && problem.message) || problemText(problem, t)}</p>
    </div>
  );
}
