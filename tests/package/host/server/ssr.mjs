// Run without conditions, as the server-rendering pass of a Server Components app: the client
// entry's LiveBlog renders to HTML (the element and its attributes) with React DOM's server.
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { LiveBlog } from 'live-blog';

process.stdout.write(
  renderToString(
    createElement(LiveBlog, { feed: '/feeds/vilnius-2023.json', topic: ['nato'], limit: 5 }),
  ),
);
