import { FeedFetchError } from '../../src/capabilities/feed/fetch-feed-document';

/** The FeedFetchError a feed request fails with; any other outcome fails the test. */
export async function failure(promise: Promise<unknown>): Promise<FeedFetchError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FeedFetchError) return error;
    throw error;
  }
  throw new Error('expected a FeedFetchError');
}
