import { useCallback, useEffect, useState } from 'react';
import type { SetViewState, ViewState } from '../../core/filters/filter-state';
import { parseViewState, serializeViewState } from '../../core/filters/url-state';
import { updateIdFromHash } from '../../core/timeline/element-ids';

/** The view in the address; one that names none leaves the preset (an embed's attributes). */
function viewInAddress(initial: ViewState): ViewState {
  const state = parseViewState(window.location.search);
  return serializeViewState(state) ? state : initial;
}

/**
 * The reader's filters and view. With `syncUrl` they live in the address bar (a link
 * reproduces the view; Back and Forward step through filter changes); otherwise they stay inside
 * the widget and the host page's history is left alone.
 */
export function useViewState(
  initial: ViewState,
  syncUrl: boolean,
): [ViewState, SetViewState, number] {
  const [state, setState] = useState<ViewState>(() =>
    syncUrl && typeof window !== 'undefined' ? viewInAddress(initial) : initial,
  );
  // Counts Back/Forward steps: what the reader was typing belongs to the entry they left.
  const [navigations, setNavigations] = useState(0);
  // The preset is the same for the widget's life: the widget starts afresh when it changes.
  const [preset] = useState(initial);
  useEffect(() => {
    if (!syncUrl) return;
    const onPop = () => {
      setState(viewInAddress(preset));
      setNavigations((n) => n + 1);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [syncUrl, preset]);
  const update = useCallback<SetViewState>(
    (next, options) => {
      setState(next);
      if (!syncUrl) return;
      const search = serializeViewState(next, window.location.search);
      if (search === window.location.search) return;
      // A permalink's hash, once the reader picks filters, would land again on reload or in a
      // shared copy and clear them: it goes (a landing's own clearing keeps it). A host's stays.
      const { hash } = window.location;
      const keepHash = options?.replace || updateIdFromHash(hash) === undefined;
      const url = `${window.location.pathname}${search}${keepHash ? hash : ''}`;
      if (options?.replace) window.history.replaceState(window.history.state, '', url);
      else window.history.pushState(window.history.state, '', url);
    },
    [syncUrl],
  );
  return [state, update, navigations];
}
