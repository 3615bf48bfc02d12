// The host's two halves, built from the package's library as it is built (dist-lib/, `npm run
// build`): its server renders with react-dom/server in this Node process, and its browser bundle
// (Vite, React in development mode for its hydration checks) hydrates the same tree.
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ComponentType } from 'react';
import { build } from 'vite';
import { HOST_PROPS_ID, type HostLiveBlogProps } from './host-article';

const LIB = resolve('dist-lib');
const ARTICLE = resolve('tests/e2e/hosts/ssr-host/host-article.ts');
const ENTRY = 'virtual:host-client';

/** What live-blog/server exports, as far as the host uses it. */
export interface LiveBlogServer {
  loadLiveBlogFeed(
    url: string,
    options: { allowedOrigins: string[]; allowPrivateAddresses?: string[] },
  ): Promise<{ url: string; text: string }>;
  renderLiveBlog(
    props: HostLiveBlogProps,
    feed: { url: string; text: string },
    options: { stylesheet: string; pageUrl: string },
  ): Promise<unknown>;
}

/** The package's server entry and client LiveBlog, from dist-lib/ (typed here: built later). */
export async function importLibrary() {
  const server = (await import(
    pathToFileURL(join(LIB, 'live-blog.server.js')).href
  )) as LiveBlogServer;
  const client = (await import(pathToFileURL(join(LIB, 'live-blog.js')).href)) as {
    LiveBlog: ComponentType<HostLiveBlogProps>;
  };
  return { server, LiveBlog: client.LiveBlog, libDir: LIB };
}

/** The host's browser entry: hydrates the article from the props its server wrote. */
const CLIENT = `
import { createElement } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { LiveBlog } from ${JSON.stringify(join(LIB, 'live-blog.js'))};
import { HostArticle } from ${JSON.stringify(ARTICLE)};
const liveBlog = JSON.parse(document.getElementById(${JSON.stringify(HOST_PROPS_ID)}).textContent);
hydrateRoot(document.getElementById('host'), createElement(HostArticle, { LiveBlog, liveBlog }));
`;

/** Builds the host's browser bundle into `outDir`, served at `/assets/` (entry: host.js). */
export async function buildHostBundle(outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: resolve('.'),
    base: '/assets/',
    publicDir: false,
    // Warnings about React Query's 'use client' directives, which a browser bundle drops.
    logLevel: 'error',
    define: { 'process.env.NODE_ENV': JSON.stringify('development') },
    plugins: [
      {
        name: 'host-client',
        resolveId: (id) => (id === ENTRY ? `\0${ENTRY}` : undefined),
        load: (id) => (id === `\0${ENTRY}` ? CLIENT : undefined),
      },
    ],
    build: {
      outDir,
      emptyOutDir: true,
      minify: false,
      modulePreload: false,
      rolldownOptions: { input: ENTRY, output: { entryFileNames: 'host.js' } },
    },
  });
}

/** The host page around the article its React rendered. */
export function hostPage(article: string, props: HostLiveBlogProps): string {
  const json = JSON.stringify(props).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Host article</title>
<script type="module" src="/assets/host.js"></script></head>
<body><div id="host">${article}</div>
<script type="application/json" id="${HOST_PROPS_ID}">${json}</script></body>
</html>`;
}
