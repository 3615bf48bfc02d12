// English UI strings. Every catalogue has the same keys (checked by the type of messages-uk.ts).

/** A count as English readers write it: "1,234". */
const count = (n: number) => n.toLocaleString('en');

export const en = {
  loading: 'Loading live updates…',
  loadingRest: 'Loading all updates…',
  filtersPending: 'Filters appear once all updates have loaded.',
  liveBlog: 'Live blog',
  statusLive: 'Live',
  statusUpcoming: 'Coverage has not started yet',
  statusEnded: 'This live blog has ended',
  updatedAgo: (ago: string) => `updated ${ago}`,
  lastUpdateAt: (time: string) => `last update ${time}`,
  pageAsOf: (time: string) => `page as of ${time}`,
  retryIn: (seconds: number) =>
    seconds <= 0 ? 'retrying now' : `retrying in ${formatSeconds(seconds)}`,
  retryNow: 'Retry now',
  codeGone: 'This page has been updated. Please reload it.',
  reload: 'Reload',
  offline: 'You are offline. New updates will appear when the connection returns.',
  errorNetwork: 'Connection lost',
  errorTimeout: 'The server is not answering',
  errorBusy: 'The server is busy',
  errorNotFound: 'The feed is not available',
  errorServer: (status: number) => `The server had a problem (${status})`,
  errorInvalid: 'The feed could not be read',
  errorTooLarge: 'The feed is too large to load',
  firstLoadFailed: 'This live blog could not be loaded.',
  unavailable: 'Live blog unavailable',
  rejectedItems: (n: number) =>
    n === 1 ? '1 update could not be shown' : `${count(n)} updates could not be shown`,
  emptyFeed: 'No updates yet. New updates will appear here as they are published.',
  newUpdates: (n: number) => (n === 1 ? '1 new update' : `${count(n)} new updates`),
  pinned: 'Pinned',
  keyEvent: 'Key event',
  updatedAt: (time: string) => `Updated ${time}`,
  by: 'By',
  otherUpdates: 'Other updates',
  viewLabel: 'Show updates',
  viewTopics: 'By topic',
  viewLatest: 'Latest',
  orderLabel: 'Order',
  orderNewest: 'Newest first',
  orderOldest: 'Oldest first',
  jumpToLatest: 'Jump to latest',
  showEarlier: 'Show earlier updates',
  sinceLastVisit: (n: number, time: string) =>
    `${n === 1 ? '1 update' : `${count(n)} updates`} since you were here at ${time}`,
  goToFirstNew: (n: number): string => (n === 1 ? 'Go to it' : 'Go to the first of them'),
  newSinceVisit: 'New since your last visit',
  updateCount: (n: number) => (n === 1 ? '1 update' : `${count(n)} updates`),
  untitled: (time: string) => `Update at ${time}`,
  showMoreUpdates: 'Show more updates',
  justNow: 'just now',
  filtersButton: (n: number) => (n === 0 ? 'Filters' : `Filters (${n} active)`),
  /** Names the list of an update's topics. */
  topicsOfUpdate: 'Topics',
  clearFilters: 'Clear filters',
  resultCount: (shown: number, total: number) =>
    shown === total
      ? total === 1
        ? '1 update'
        : `${count(total)} updates`
      : `${count(shown)} of ${count(total)} updates`,
  showingResults: (shown: number, total: number) =>
    `Showing ${count(shown)} of ${count(total)} updates`,
  dismiss: 'Dismiss',
  seeAll: 'See all updates',
  copyLink: 'Copy link',
  share: 'Share',
  linkCopied: 'Link copied',
  copyFailed: 'Could not copy the link',
  keyEvents: 'Key events',
  keyEventsCount: (n: number) => `Key events (${count(n)})`,
  keyEventsAll: (n: number) => `Show all ${count(n)} key events`,
  keyEventsFewer: 'Show fewer key events',
  eventTime: (zone: string) => `Times: event (${zone})`,
  readerTime: 'Times: yours',
  timeZoneToggle: 'Show times in my time zone',
  atAGlance: 'The story at a glance',
  /** The activity chart's caption, for bars `hours` wide. */
  chartCaption: (hours: number) => {
    const { n, unit } = barWidth(hours);
    return n === 1 ? `Updates per ${unit}` : `Updates per ${n} ${unit}s`;
  },
  /** One bar's accessible name: its time range, its total, and the count per topic. */
  chartBar: (range: string, total: string, parts: string) =>
    parts ? `${range}, ${total}: ${parts}` : `${range}, ${total}`,
};

export type Messages = typeof en;

function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}

/** A bar width of the activity chart in the unit a reader would name it by. */
function barWidth(hours: number): { n: number; unit: 'week' | 'day' | 'hour' } {
  if (hours % 168 === 0) return { n: hours / 168, unit: 'week' };
  if (hours % 24 === 0) return { n: hours / 24, unit: 'day' };
  return { n: hours, unit: 'hour' };
}
