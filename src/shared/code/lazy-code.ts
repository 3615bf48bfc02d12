// Code in a lazy chunk that, once in, is used synchronously while rendering: what only some feeds
// need (attachments, embeds), loaded before the items that need it are shown (feed-session.ts
// `prepare`), so nothing is filled in below the reader afterwards.

export interface LazyCode<M> {
  /** The module, once it is in. */
  readonly current: () => M | undefined;
  /** Loads it, once; resolves when it is in or could not come (a later call then tries again). */
  readonly load: () => Promise<void>;
}

export function lazyCode<M>(importer: () => Promise<M>): LazyCode<M> {
  let module: M | undefined;
  let loading: Promise<void> | undefined;
  return {
    current: () => module,
    load: () =>
      (loading ??= importer().then(
        (loaded) => {
          module = loaded;
        },
        () => {
          loading = undefined;
        },
      )),
  };
}
