import { render } from '@testing-library/react';
import { createRef } from 'react';
import { describe, expect, it } from 'vitest';
import { readEmbedSettings } from '../../../../src/widget/embed-settings';
import { LiveBlog } from '../../../../src/entries/lib/live-blog';

describe('the React library entry', () => {
  it('renders <live-blog> with the props as attributes', () => {
    const { container } = render(
      <LiveBlog
        feed="https://news.example/feed.json"
        topic={['ukraine', 'g7']}
        country="UA"
        keyEvents
        view="latest"
        order="oldest"
        limit={5}
        link="https://news.example/live"
        controls="compact"
        theme="dark"
        poll={false}
        className="article-live"
      />,
    );
    const element = container.querySelector('live-blog')!;
    expect(element).not.toBeNull();
    expect(Object.fromEntries([...element.attributes].map((a) => [a.name, a.value]))).toEqual({
      feed: 'https://news.example/feed.json',
      topic: 'ukraine,g7',
      country: 'UA',
      'key-events': '',
      view: 'latest',
      order: 'oldest',
      limit: '5',
      link: 'https://news.example/live',
      controls: 'compact',
      theme: 'dark',
      poll: 'off',
      class: 'article-live',
    });
  });

  it('passes data-* and aria-* attributes to the element', () => {
    const { getByTestId } = render(
      <LiveBlog feed="f.json" data-testid="coverage" data-section={3} aria-label="Live coverage" />,
    );
    const element = getByTestId('coverage');
    expect(element.localName).toBe('live-blog');
    expect(element.getAttribute('data-section')).toBe('3');
    expect(element.getAttribute('aria-label')).toBe('Live coverage');
  });

  it('writes ids that hold a comma or a percent sign so that the element reads them back', () => {
    const { container } = render(
      <LiveBlog feed="f.json" topic={['economy,finance', '50%', 'nato']} speaker="a%2Cb,c" />,
    );
    const element = container.querySelector('live-blog')!;
    expect(element.getAttribute('topic')).toBe('economy%2Cfinance,50%25,nato');
    const settings = readEmbedSettings((name) => element.getAttribute(name), 'https://x.example/');
    expect(settings!.props.initialView).toMatchObject({
      topics: ['economy,finance', '50%', 'nato'],
      speakers: ['a,b', 'c'],
    });
  });

  it('passes the host’s say on embeds as the element’s attributes', () => {
    const { container } = render(
      <>
        <LiveBlog feed="a.json" embeds={false} />
        <LiveBlog feed="b.json" embedsConsent={['youtube', 'vimeo']} />
        <LiveBlog feed="c.json" embedsConsent="all" />
      </>,
    );
    const [off, some, all] = container.querySelectorAll('live-blog');
    expect(off!.getAttribute('embeds')).toBe('off');
    expect(some!.getAttribute('embeds-consent')).toBe('youtube vimeo');
    expect(all!.getAttribute('embeds-consent')).toBe('all');
  });

  it('leaves defaults out, so the element applies its own', () => {
    const { container } = render(<LiveBlog feed="feed.json" poll syncUrl={false} />);
    const element = container.querySelector('live-blog')!;
    expect(element.getAttributeNames()).toEqual(['feed']);
  });

  it('hands its ref the element, for the host’s consent event', () => {
    const ref = createRef<HTMLElement>();
    const { container } = render(<LiveBlog feed="feed.json" ref={ref} />);
    expect(ref.current).toBe(container.querySelector('live-blog'));
  });

  it('takes the --lb-* custom properties in its style', () => {
    const { container } = render(
      <LiveBlog feed="feed.json" style={{ '--lb-accent': '#0a3d62', minHeight: '40rem' }} />,
    );
    const element = container.querySelector('live-blog')!;
    expect(element.style.getPropertyValue('--lb-accent')).toBe('#0a3d62');
    expect(element.style.minHeight).toBe('40rem');
  });

  it('defines the custom element on import', () => {
    expect(customElements.get('live-blog')).toBeDefined();
  });
});
