/** The feed the standalone page shows: ?feed= (relative to the page), else the demo next to it. */
export function pageFeed(search: string): string {
  return new URLSearchParams(search).get('feed') || 'feeds/vilnius-2023.json';
}

export function pageFeedUrl(search: string, baseUri: string): string {
  return new URL(pageFeed(search), baseUri).href;
}
