/** Why a request for a feed document failed, in terms the status line can put into plain words. */
export type FetchFailureKind =
  'network' | 'timeout' | 'http' | 'not-found' | 'busy' | 'invalid' | 'too-large';

export interface FeedProblem {
  readonly kind: FetchFailureKind;
  readonly message: string;
  readonly status?: number | undefined;
  /** How long the server asked clients to wait (Retry-After), in seconds. */
  readonly retryAfterSeconds?: number | undefined;
  /** The connection failed while the browser said it was offline: nothing is known of the server. */
  readonly offline?: boolean | undefined;
}
