import { QueryClient } from '@tanstack/react-query';

/** One client per page: every widget on a page shares it, and with it one fetch per feed URL. */
let shared: QueryClient | undefined;

export function sharedQueryClient(): QueryClient {
  shared ??= new QueryClient();
  return shared;
}
