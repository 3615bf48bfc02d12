// Permalinks: `<page>#update-<id>`, the update's own element id, so the browser finds it too.
// The page is the newsroom's article (an embed's `link`) or the current page; an embed on that
// page reads the same hash, so one format serves both.
import { updateElementId } from '../../core/timeline/element-ids';

export function permalinkFor(id: string, pageUrl: string): string {
  const base = pageUrl.split('#')[0];
  return `${base}#${updateElementId(id)}`;
}
