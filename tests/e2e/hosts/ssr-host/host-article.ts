// A newsroom's article page, as its own React renders it on its server and hydrates it in the
// browser, with the live blog inside. The package's LiveBlog is passed in: the test's Node side
// and the host's browser bundle import the same built module (dist-lib/live-blog.js).
import { createElement, useState, useSyncExternalStore, type ComponentType } from 'react';

/** What the host hands to LiveBlog (the package's LiveBlogProps, as far as the host uses them). */
export interface HostLiveBlogProps {
  readonly feed: string;
  readonly snapshot?: unknown;
}

export interface HostArticleProps {
  readonly LiveBlog: ComponentType<HostLiveBlogProps>;
  readonly liveBlog: HostLiveBlogProps;
}

const never = () => () => {};

export const HOST_PROPS_ID = 'host-props';

/** The article; `data-hydrated` appears once the host's React has hydrated it. */
export function HostArticle({ LiveBlog, liveBlog }: HostArticleProps) {
  const hydrated = useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
  const [likes, setLikes] = useState(0);
  return createElement(
    'article',
    { className: 'host-article', 'data-hydrated': hydrated ? '' : undefined },
    createElement('h1', null, 'The host’s article'),
    createElement('p', null, 'The newsroom’s own text, above the live blog.'),
    createElement(LiveBlog, liveBlog),
    createElement(
      'button',
      { type: 'button', onClick: () => setLikes((n) => n + 1) },
      `Likes: ${likes}`,
    ),
  );
}
