import { createContext, useContext } from 'react';

/**
 * The time the server-rendered HTML being hydrated shows the feed as of (0: none). Relative times are rendered
 * from it on the server and while hydrating, so that the two agree and the reader's clock then
 * moves them on in place; the page's snapshot carries it to the browser.
 */
export const RenderTimeContext = createContext(0);

export const useRenderTime = () => useContext(RenderTimeContext);
