// A newsroom's React page, as a host writes it: the component, and the element itself in TSX.
import { StrictMode, useEffect, useRef } from 'react';
import { createRoot } from 'react-dom/client';
import { LiveBlog, type HTMLLiveBlogElement, type LiveBlogProps } from 'live-blog';

const FEED = '/feeds/vilnius-2023.json';
const props: LiveBlogProps = { feed: FEED, topic: ['nato'], limit: 5, theme: 'light' };

function Article() {
  // The consent event goes to the element, as docs/embedding.md has hosts send it.
  const ref = useRef<HTMLLiveBlogElement>(null);
  useEffect(() => {
    ref.current!.dispatchEvent(
      new CustomEvent('live-blog:consent', { detail: { providers: ['youtube'] } }),
    );
  }, []);
  return (
    <main>
      <h1>Host article</h1>
      <section data-testid="component">
        <LiveBlog {...props} ref={ref} style={{ '--lb-accent': '#0a3d62', minHeight: '40rem' }} />
      </section>
      <section data-testid="element">
        <live-blog
          feed={FEED}
          key-events
          theme="dark"
          limit={3}
          style={{ '--lb-accent': 'navy' }}
        />
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
