import { lazy, type ComponentType } from 'react';

/**
 * A component from a lazy chunk that renders nothing if the chunk cannot come (the link dropped
 * while it loaded). React.lazy would throw its error instead, and with no boundary to stop it the
 * whole widget would be unmounted, for good: browsers do not fetch a failed module again.
 */
export function lazyPart<P extends object>(importer: () => Promise<ComponentType<P>>) {
  return lazy(() =>
    importer().then(
      (part) => ({ default: part }),
      () => ({ default: (() => null) as ComponentType<P> }),
    ),
  );
}
