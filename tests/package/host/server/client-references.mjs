// The loader a Server Components bundler stands for: the package's 'use client' modules become
// client references (React's own node loader), every other module loads as Node loads it.
import { load as loadReference } from 'react-server-dom-webpack/node-loader';

/** @type {import('node:module').LoadHook} */
export async function load(url, context, nextLoad) {
  if (!url.includes('/node_modules/live-blog/')) return nextLoad(url, context);
  // React's loader reads the source as a string; Node hands it over as bytes.
  return loadReference(url, context, async (u, c) => {
    const result = await nextLoad(u, c);
    const source = result.source;
    return {
      ...result,
      source: typeof source === 'string' ? source : String(source ? Buffer.from(source) : ''),
    };
  });
}
