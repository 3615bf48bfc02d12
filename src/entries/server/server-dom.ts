// Feed HTML is sanitised on the server in a DOM of its own (jsdom), with the browser's allow-list.
// Imported when first needed: a host that only loads feeds does not need jsdom installed.
import { parseFeedHtmlIn } from '../../shared/dom/dom-window';

let ready: Promise<void> | undefined;

/** Resolves once feed HTML can be parsed here; call before the first render. */
export function prepareServerDom(): Promise<void> {
  ready ??= import('jsdom').then(
    ({ JSDOM }) => {
      parseFeedHtmlIn(new JSDOM('<!doctype html>').window as unknown as Window & typeof globalThis);
    },
    (error: unknown) => {
      ready = undefined;
      throw new Error('live-blog: rendering on a server needs the jsdom package installed.', {
        cause: error,
      });
    },
  );
  return ready;
}
