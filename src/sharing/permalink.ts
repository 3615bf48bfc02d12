// Permalinks: `<page>#update-<id>`. The page is the newsroom's article (an embed's `link`) or
// the current page; an embed on that page reads the same hash, so one format serves both.
const PREFIX = '#update-';

export function permalinkFor(id: string, pageUrl: string): string {
  const base = pageUrl.split('#')[0];
  return `${base}${PREFIX}${encodeURIComponent(id)}`;
}

export function updateIdFromHash(hash: string): string | undefined {
  if (!hash.startsWith(PREFIX)) return undefined;
  try {
    const id = decodeURIComponent(hash.slice(PREFIX.length));
    return id === '' ? undefined : id;
  } catch {
    return undefined;
  }
}
