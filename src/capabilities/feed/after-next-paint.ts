/**
 * Resolves once the browser has painted what React commits next, and then has nothing more
 * urgent to do (or soon, in a tab that does not paint). React renders the first screen in a task
 * after this is called, so the first frame may come before it: the second one cannot.
 */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 300);
    if (typeof requestAnimationFrame !== 'function') return;
    const done = () => {
      clearTimeout(fallback);
      resolve();
    };
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        if (typeof requestIdleCallback === 'function') requestIdleCallback(done, { timeout: 100 });
        else setTimeout(done, 0);
      }),
    );
  });
}
