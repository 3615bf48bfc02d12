import type * as PageCode from './page-code';

let pageCode: Promise<typeof PageCode> | undefined;

/**
 * The code for pages of the chain (page-code.ts), asked for at the first page and kept: later
 * pages, and the walk back after an absence, then start at once, without waiting for the network
 * the reader has just come back to. Asked for again after a failure.
 */
export const loadPageCode = () =>
  (pageCode ??= import('./page-code').catch((error: unknown) => {
    pageCode = undefined;
    throw error;
  }));
