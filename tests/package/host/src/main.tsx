// A newsroom's React page, as a host writes it: the component, and the element itself in TSX.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LiveBlog, type HTMLLiveBlogElement, type LiveBlogProps } from 'live-blog';

const FEED = '/feeds/vilnius-2023.json';
const props: LiveBlogProps = { feed: FEED, topic: ['nato'], limit: 5, theme: 'light' };

function Article() {
  return (
    <main>
      <h1>Host article</h1>
      <section data-testid="component">
        <LiveBlog {...props} />
      </section>
      <section data-testid="element">
        <live-blog feed={FEED} key-events theme="dark" limit={3} />
      </section>
      {/* @ts-expect-error the attributes are typed, not any */}
      <live-blog feed={FEED} theme="purple" hidden />
    </main>
  );
}

const element: HTMLLiveBlogElement | null = document.querySelector('live-blog');
void element;
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Article />
  </StrictMode>,
);
