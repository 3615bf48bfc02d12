// @vitest-environment node
// On the server a part whose chunk cannot come is left to the browser to render, as any part
// that fails there (prerender-from-document.tsx): the page is sent without it, at once.
import { Suspense } from 'react';
import { prerenderToNodeStream } from 'react-dom/static';
import { expect, it } from 'vitest';
import { lazyPart } from '../../../../src/shared/code/lazy-part';

it('lets the browser render a part whose chunk the server could not import', async () => {
  const Part = lazyPart<{ name: string }>(() => Promise.reject(new Error('no chunk')));
  const errors: unknown[] = [];
  const { prelude } = await prerenderToNodeStream(
    <div>
      <p>An update</p>
      <Suspense fallback={<p>pending</p>}>
        <Part name="filters" />
      </Suspense>
    </div>,
    { onError: (error) => void errors.push(error) },
  );
  let html = '';
  for await (const chunk of prelude) html += String(chunk);
  expect(html).toContain('An update');
  expect(html).toContain('pending');
  expect(errors).toEqual([new Error('no chunk')]);
});
