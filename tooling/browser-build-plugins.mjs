// @ts-check
import { dompurifyWithoutDefaults } from './dompurify-without-defaults.mjs';
import { importWithoutPreload } from './import-without-preload.mjs';
import { queryClientInUse } from './query-client-in-use.mjs';
import { queryWithoutMutations } from './query-without-mutations.mjs';
import { reactBindings } from './react-bindings.mjs';
import { reactDomClientInUse } from './react-dom-client-in-use.mjs';
import { reactExportsInUse } from './react-exports-in-use.mjs';

/**
 * What both browser builds (the pages' and embed.js) do beyond Vite's defaults: lazy imports
 * without the preload helper (docs/decisions/0030), React Query and React without what
 * nothing in them uses (0034, 0038, 0045, 0049, 0051; ReactDOM's client, 0055), and DOMPurify without the default lists
 * the sanitiser replaces with its own (0054). One list, so that the two first screens
 * the budget counts are built alike.
 * @returns {import('vite').Plugin[]}
 */
export function browserBuildPlugins() {
  return [
    importWithoutPreload(),
    queryWithoutMutations(),
    queryClientInUse(),
    reactBindings(),
    reactExportsInUse(),
    reactDomClientInUse(),
    dompurifyWithoutDefaults(),
  ];
}
