// @ts-check

/**
 * What the browser builds' Query gets for infinite queries' paging (query-without-mutations.mjs,
 * docs/decisions/0038): a Query only asks for it when it is an infinite one, which the app never
 * makes, and the build fails on code that would.
 * @returns {never}
 */
export function infiniteQueryBehavior() {
  throw new Error('Infinite queries are left out of this build (docs/decisions/0038).');
}
