import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LiveBlog as ClientLiveBlog } from '../../../../src/entries/lib/live-blog';
import { LiveBlog as ServerLiveBlog } from '../../../../src/entries/lib/live-blog.react-server';

describe('the Server Components entry', () => {
  it('renders the same <live-blog> element as the client entry, and nothing else', () => {
    const props = {
      feed: 'https://news.example/feed.json',
      topic: ['economy,finance', 'nato'],
      keyEvents: true,
      limit: 5,
      poll: false,
      className: 'article-live',
    } as const;
    const server = render(<ServerLiveBlog {...props} />).container.innerHTML;
    const client = render(<ClientLiveBlog {...props} />).container.innerHTML;
    expect(server).toBe(client);
    expect(server).toBe(
      '<live-blog feed="https://news.example/feed.json" topic="economy%2Cfinance,nato" key-events="" limit="5" poll="off" class="article-live"></live-blog>',
    );
  });
});
