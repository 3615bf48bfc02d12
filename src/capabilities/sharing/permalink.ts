// Permalinks: `<page>#update-<id>`, the update's own element id, so the browser finds it too.
// The page is the newsroom's article (an embed's `link`) or the current page; an embed on that
// page reads the same hash, so one format serves both.
import { fromIdPart, UPDATE_ID_PREFIX, updateElementId } from '../../core/timeline/element-ids';

const PREFIX = `#${UPDATE_ID_PREFIX}`;

export function permalinkFor(id: string, pageUrl: string): string {
  const base = pageUrl.split('#')[0];
  return `${base}#${updateElementId(id)}`;
}

export function updateIdFromHash(hash: string): string | undefined {
  if (!hash.startsWith(PREFIX)) return undefined;
  const id = fromIdPart(hash.slice(PREFIX.length));
  return id === '' ? undefined : id;
}
