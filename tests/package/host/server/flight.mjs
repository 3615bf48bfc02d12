// Run with --conditions=react-server and React's node loader, as a Server Components bundler
// would run it: renders a server component tree that contains LiveBlog into React's Flight
// stream, on stdout. Client modules ('use client') become client references.
import * as React from 'react';
import { renderToPipeableStream } from 'react-server-dom-webpack/server';
import { LiveBlog } from 'live-blog';

if ('useState' in React) throw new Error('React is not the react-server build: no condition?');

async function Article() {
  // A server component that awaits its data, as a newsroom's page does.
  const title = await Promise.resolve('Summit, day two');
  return React.createElement(
    'article',
    null,
    React.createElement('h1', null, title),
    React.createElement(LiveBlog, { feed: '/feeds/vilnius-2023.json', topic: ['nato'], limit: 5 }),
  );
}

// Every client reference resolves to its module URL and export name.
const clientManifest = new Proxy(
  {},
  {
    get: (_, key) => {
      const [id, name] = String(key).split('#');
      return { id, chunks: [], name };
    },
  },
);
renderToPipeableStream(React.createElement(Article), clientManifest, {
  onError: (error) => {
    console.error(error);
    process.exitCode = 1;
  },
}).pipe(process.stdout);
