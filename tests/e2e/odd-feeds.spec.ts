import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures';

// Odd but real feeds, written to a folder the server serves at /fixtures/.
const dir = mkdtempSync(path.join(os.tmpdir(), 'live-blog-odd-'));
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));
test.use({ serverOptions: { mode: 'static', staticDir: dir } });

const at = (minute: number) =>
  new Date(Date.UTC(2023, 6, 12, 9, 0) + minute * 60_000).toISOString();
const item = (id: string, minute: number, extra: Record<string, unknown> = {}) => ({
  id,
  title: `Update ${id}`,
  content_text: `Body of update ${id}.`,
  date_published: at(minute),
  ...extra,
});
function write(name: string, doc: Record<string, unknown>) {
  const file = path.join(dir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(
    file,
    JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Odd feed', ...doc }),
  );
}

/**
 * How far the page scrolls sideways, and the start of each line of text the reader cannot see
 * in full because it runs off the screen (the activity chart scrolls sideways on purpose, so it
 * is left out).
 */
const offScreen = (page: Page) =>
  page.evaluate(() => {
    const cut: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement?.closest('.lb-chart')) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const rects = [...range.getClientRects()];
      if (rects.some((r) => r.width > 0 && (r.right > window.innerWidth + 0.5 || r.left < -0.5))) {
        cut.push(node.textContent!.slice(0, 30));
      }
    }
    return { page: document.documentElement.scrollWidth - window.innerWidth, cut };
  });

test.describe('a next_url that loops', () => {
  // Heads that fit on one screen, so nothing but the client's own rules stops the walk.
  const shapes: Record<string, () => void> = {
    'a page pointing at itself': () => {
      write('self.json', { next_url: 'self/a.json', items: [item('h', 10)] });
      write('self/a.json', { next_url: 'a.json', items: [item('a', 5)] });
    },
    'a page pointing back at the head': () => {
      write('back.json', { next_url: 'back/a.json', items: [item('h', 10)] });
      write('back/a.json', { next_url: '../back.json', items: [item('a', 5)] });
    },
    'a cycle A → B → A': () => {
      write('cycle.json', { next_url: 'cycle/a.json', items: [item('h', 10)] });
      write('cycle/a.json', { next_url: 'b.json', items: [item('a', 5)] });
      write('cycle/b.json', { next_url: 'a.json#again', items: [item('b', 4)] });
    },
    'a page that repeats the head': () => {
      write('repeat.json', { next_url: 'repeat.json?page=1', items: [item('h', 10)] });
    },
  };

  for (const [shape, setUp] of Object.entries(shapes)) {
    test(`${shape}: a handful of requests, then a calm note and nothing to click`, async ({
      page,
      server,
    }) => {
      setUp();
      const name = Object.keys(shapes).indexOf(shape);
      const head = ['self', 'back', 'cycle', 'repeat'][name]!;
      const requests: string[] = [];
      page.on('request', (r) => {
        if (r.url().includes('/fixtures/')) requests.push(r.url());
      });
      await page.goto(`${server.url}?feed=fixtures/${head}.json&poll=off`);
      await expect(page.getByText('Older updates could not be loaded.')).toBeVisible();
      await expect(page.getByRole('button', { name: /older updates/i })).toHaveCount(0);
      // The reader scrolls and waits: nothing more is requested.
      const settled = requests.length;
      for (let i = 0; i < 5; i++) {
        await page.mouse.wheel(0, 2_000);
        await page.evaluate(
          () =>
            new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
        );
      }
      await expect(page.getByText('Older updates could not be loaded.')).toBeVisible();
      expect(requests.length).toBe(settled);
      expect(requests.length, requests.join('\n')).toBeLessThanOrEqual(4);
      expect(new Set(requests.map((u) => u.split('#')[0])).size).toBe(requests.length);
    });
  }
});

test.describe('text that misbehaves', () => {
  test('a label ending in U+202E does not turn the words after it around', async ({
    page,
    server,
  }) => {
    write('bidi.json', {
      _liveblog: { topics: [{ id: 'politics', label: 'Politics\u202e' }] },
      items: [
        item('a', 1, { _liveblog: { topics: ['politics'] } }),
        item('b', 2, { _liveblog: { topics: ['politics'] } }),
      ],
    });
    await page.goto(`${server.url}?feed=fixtures/bidi.json&poll=off`);
    const heading = page.getByRole('heading', { level: 2, name: /Politics/ });
    await expect(heading).toBeVisible();
    // Where two characters of the text after the label are drawn: left to right, the first
    // comes first. Under the label's override they would be drawn the other way round.
    const drawnInOrder = (selector: string, text: string, first: string, second: string) =>
      page.evaluate(
        ({ selector, text, first, second }) => {
          const el = [...document.querySelectorAll(selector)].find((e) =>
            e.textContent?.includes(text),
          )!;
          const left = (char: string) => {
            const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const at = node.textContent!.indexOf(char);
              if (at < 0) continue;
              const range = document.createRange();
              range.setStart(node, at);
              range.setEnd(node, at + 1);
              return range.getBoundingClientRect().left;
            }
            throw new Error(`${char} not found in ${el.textContent}`);
          };
          return left(first) < left(second);
        },
        { selector, text, first, second },
      );
    expect(await drawnInOrder('h2', '2 updates', '2', 'u'), 'group heading').toBe(true);
    // The filter panel is a lazy chunk: its labels may come a moment after the heading.
    await expect(page.locator('.lb-facet__item label', { hasText: '(2)' })).toBeVisible();
    expect(await drawnInOrder('.lb-facet__item label', '(2)', '(', ')'), 'filter label').toBe(true);
  });

  test('half an emoji, left where a CMS cut a headline, shows as "�" and the page stays as served', async ({
    page,
    server,
  }) => {
    // Cut at 8 UTF-16 code units: the first half of the emoji's surrogate pair is left.
    const cut = 'Summit 👍'.slice(0, 8);
    write('cut-emoji.json', {
      title: cut,
      items: [item('a', 1, { title: cut, content_text: `${cut} and more.` })],
    });
    // The server renders the page in UTF-8, which cannot hold half a character: the browser must
    // render the same text, or React throws the server's page away (the page fixture fails on it).
    await page.goto(`${server.url}?feed=fixtures/cut-emoji.json&poll=off`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Summit \ufffd');
    await expect(page.getByRole('article')).toContainText('Summit \ufffd and more.');
    await expect(page.getByRole('heading', { level: 3 })).toHaveText('Summit \ufffd');
  });

  test('long words wrap on a phone: no update is cut off, the page does not scroll sideways', async ({
    page,
    server,
  }) => {
    const url = `https://example.com/${'very-long-path-segment-'.repeat(5)}index.html`;
    write('long.json', {
      _liveblog: { topics: [{ id: 'long', label: 'L'.repeat(1_500) }] },
      items: [
        item('a', 1, {
          content_text: `Read it here: ${url} and more.`,
          _liveblog: { topics: ['long'] },
        }),
        item('b', 2, { title: 'W'.repeat(300), _liveblog: { topics: ['long'] } }),
      ],
    });
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${server.url}?feed=fixtures/long.json&poll=off`);
    await expect(page.getByRole('article')).toHaveCount(2);
    await page.getByRole('button', { name: /^Filters/ }).click();
    expect(await offScreen(page)).toEqual({ page: 0, cut: [] });
  });

  test('twice and three times the text size on a 320 px phone: an update’s time stays on the screen', async ({
    page,
    server,
  }) => {
    // A date with its year (no relative time), and recent times with theirs, in a zone whose
    // name is long: at twice the size neither fits on the line beside the other.
    const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
    write('big-text.json', {
      _liveblog: { timezone: 'America/Argentina/Buenos_Aires' },
      items: [
        { ...item('recent', 0), date_published: ago(5) },
        { ...item('key', 0), date_published: ago(55), _liveblog: { key_event: true } },
        item('old', 1),
      ],
    });
    await page.setViewportSize({ width: 320, height: 568 });
    await page.goto(`${server.url}?feed=fixtures/big-text.json&poll=off`);
    await expect(page.getByRole('article')).toHaveCount(3);
    await expect(page.locator('#update-recent')).toContainText('minutes ago');
    // As a reader's larger text setting does: the widget is sized in rem and em.
    await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
    expect(await offScreen(page)).toEqual({ page: 0, cut: [] });
    // Three times: the room kept for the relative time is wider than the column by then.
    await page.evaluate(() => (document.documentElement.style.fontSize = '300%'));
    expect(await offScreen(page)).toEqual({ page: 0, cut: [] });
  });
});

test.describe('updates without a headline', () => {
  test('a key event is named in the rail by the first words of its body, never by its id', async ({
    page,
    server,
  }) => {
    const uuid = '3f2a9c1e-7b4d-4e0a-9f51-0c2d8e6b1a77';
    const { title: _html, ...html } = item(uuid, 2, {
      content_html: '<p>Polls <b>close</b> at 8&nbsp;pm.</p><p>Counting starts at once.</p>',
      _liveblog: { key_event: true },
    });
    const { title: _text, ...text } = item('wire-0931', 1, {
      content_text: `Turnout passed 60 per cent. ${'More figures follow from the districts. '.repeat(5)}`,
      _liveblog: { key_event: true },
    });
    write('untitled-key-events.json', { items: [html, text] });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${server.url}?feed=fixtures/untitled-key-events.json&poll=off`);
    const rail = page.getByRole('navigation', { name: 'Key events' }).getByRole('link');
    await expect(rail).toHaveCount(2);
    await expect(rail.nth(0)).toContainText('Polls close at 8 pm. Counting starts at once.');
    // A long body: its opening words, cut at a space, not all of it.
    await expect(rail.nth(1)).toContainText(/Turnout passed 60 per cent\. More figures .*[a-z]…$/);
    expect((await rail.nth(1).textContent())!.length).toBeLessThan(140);
    await expect(page.getByRole('navigation', { name: 'Key events' })).not.toContainText(
      /3f2a9c1e|wire-0931/,
    );
    await expectNoAxeViolations(page);
  });
});

test.describe('large text on a phone', () => {
  test('twice the text size: a keyboard going back up a group finds each control in sight', async ({
    page,
    server,
  }) => {
    write('big-text-group.json', {
      _liveblog: {
        topics: [{ id: 'talks', label: 'Talks on the ceasefire, the hostages and the aid routes' }],
      },
      items: Array.from({ length: 6 }, (_, i) =>
        item(`u${i}`, i, { _liveblog: { topics: ['talks'] } }),
      ),
    });
    await page.setViewportSize({ width: 320, height: 568 });
    await page.goto(`${server.url}?feed=fixtures/big-text-group.json&poll=off`);
    await expect(page.getByRole('article')).toHaveCount(6);
    await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
    // From the group's last update upwards, as Shift+Tab goes: each control the keyboard reaches
    // is drawn on top at its centre, not hidden under the group's title.
    await page.locator('#update-u0 a').last().focus();
    const hidden: string[] = [];
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Shift+Tab');
      const covered = await page.evaluate(() => {
        const el = document.activeElement!;
        if (!el.closest('article')) return null;
        const box = el.getBoundingClientRect();
        const top = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
        return top && el.contains(top) ? null : `${el.textContent} under ${top?.textContent}`;
      });
      if (covered) hidden.push(covered.slice(0, 60));
    }
    expect(hidden).toEqual([]);
  });

  test('twice the text size: the view switch and the key events keep their words whole', async ({
    page,
    server,
  }) => {
    const DAY = 24 * 60;
    write('big-text-rail.json', {
      items: [
        item('a', 2 * DAY, {
          title: 'Talks resume in the capital',
          _liveblog: { key_event: true },
        }),
        item('b', DAY, { title: 'Border crossing reopens', _liveblog: { key_event: true } }),
        item('c', 0, { title: 'Ceasefire announced', _liveblog: { key_event: true } }),
      ],
    });
    await page.setViewportSize({ width: 320, height: 568 });
    await page.goto(`${server.url}?feed=fixtures/big-text-rail.json&poll=off`);
    await expect(page.getByRole('article')).toHaveCount(3);
    await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
    const rail = page.getByRole('navigation', { name: 'Key events' });
    if (!(await rail.getByRole('link').first().isVisible())) {
      await rail.getByText(/^Key events/).click();
    }
    // No more lines than words: none is broken across lines.
    const lines = (locator: Locator) =>
      locator.evaluate((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      });
    const texts = [
      ...(await page.getByRole('group', { name: 'Show updates' }).getByRole('button').all()),
      ...(await rail.locator('a bdi').all()),
    ];
    expect(texts).toHaveLength(5);
    for (const text of texts) {
      const words = (await text.textContent())!.split(' ').length;
      expect(await lines(text), (await text.textContent())!).toBeLessThanOrEqual(words);
    }
    expect(await offScreen(page)).toEqual({ page: 0, cut: [] });
  });
});

test.describe('a blog over two days with topics that share a label', () => {
  test('the rail names the days; the groups are landmarks of their own names', async ({
    page,
    server,
  }) => {
    const DAY = 24 * 60;
    write('shared-label.json', {
      _liveblog: {
        topics: [
          { id: 'a', label: 'Markets' },
          { id: 'b', label: 'Markets' },
        ],
      },
      items: [
        item('a1', DAY + 1, { _liveblog: { topics: ['a'], key_event: true } }),
        item('b1', 1, { _liveblog: { topics: ['b'], key_event: true } }),
      ],
    });
    await page.goto(`${server.url}?feed=fixtures/shared-label.json&poll=off`);
    await expect(page.getByRole('region', { name: 'Markets (1 update)' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Markets #2 (1 update)' })).toBeVisible();
    const times = page.getByRole('navigation', { name: 'Key events' }).locator('time');
    await expect(times).toHaveCount(2);
    for (const time of await times.all()) await expect(time).toHaveText(/\b1[23]\b.*\d\d:01/);
    await expectNoAxeViolations(page);
  });
});

test.describe('a blog over New Year', () => {
  test('the Latest view’s day dividers name the year', async ({ page, server }) => {
    write('new-year.json', {
      _liveblog: { timezone: 'UTC' },
      items: [
        { ...item('new', 0), date_published: '2023-01-01T00:30:00Z' },
        { ...item('old', 0), date_published: '2022-12-31T23:30:00Z' },
      ],
    });
    await page.goto(`${server.url}?feed=fixtures/new-year.json&poll=off&view=latest`);
    const days = page.getByRole('main').getByRole('heading', { level: 2 });
    await expect(days).toHaveText([/^Sunday,? 1 January 2023$/, /^Saturday,? 31 December 2022$/]);
  });
});

test.describe('a blog with no update yet', () => {
  test('names its zone as it is now, not as it was in 1970', async ({ page, server }) => {
    write('upcoming.json', {
      _liveblog: { status: 'upcoming', timezone: 'Asia/Kathmandu' },
      items: [],
    });
    await page.goto(`${server.url}?feed=fixtures/upcoming.json&poll=off`);
    await expect(page.getByRole('status')).toHaveText('Coverage has not started yet');
    // Nepal's clocks have been 5:45 ahead since 1986; they were 5:30 ahead before.
    await expect(page.getByText(/^Times: event/)).toHaveText('Times: event (GMT+5:45)');
  });
});

test.describe('media sizes at the edge of the contract', () => {
  test('a photo or player declared 1 × 100,000 px does not push the rest of the blog out of reach', async ({
    page,
    server,
  }) => {
    // Any width and height from 1 to 100,000 is valid: the box is reserved at their ratio.
    const tall = { width: 1, height: 100_000 };
    write('tall-media.json', {
      items: [
        item('photo', 1, {
          attachments: [
            { url: '/favicon.svg', mime_type: 'image/svg+xml', title: 'A photo', _liveblog: tall },
          ],
        }),
        item('video', 2, {
          attachments: [{ url: 'v.mp4', mime_type: 'video/mp4', title: 'A clip', _liveblog: tall }],
        }),
        item('body-video', 3, {
          content_html: '<p>Watch.</p><video src="v.mp4" width="1" height="100000"></video>',
        }),
        item('body-photo', 4, {
          content_html:
            '<p>Look.</p><img src="/favicon.svg" alt="A photo" width="1" height="100000">',
        }),
        item('after', 0),
      ],
    });
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${server.url}?feed=fixtures/tall-media.json&poll=off`);
    await expect(page.getByRole('article')).toHaveCount(5);
    await expect(page.locator('article video')).toHaveCount(2);
    for (const id of ['photo', 'video', 'body-video', 'body-photo']) {
      const box = await page.locator(`#update-${id}`).boundingBox();
      expect(box!.height, id).toBeLessThan(2 * 375 + 400);
    }
    await page.getByRole('article', { name: 'Update after' }).scrollIntoViewIfNeeded();
    await expect(page.getByRole('article', { name: 'Update after' })).toBeInViewport();
  });

  test('a portrait player in a body fits the screen, its controls in sight', async ({
    page,
    server,
  }) => {
    write('portrait-body-video.json', {
      items: [
        item('clip', 1, {
          content_html: '<p>Watch.</p><video src="v.mp4" width="1080" height="1920"></video>',
        }),
      ],
    });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${server.url}?feed=fixtures/portrait-body-video.json&poll=off`);
    const video = page.locator('#update-clip video');
    await expect(video).toHaveAttribute('height', '1920');
    expect((await video.boundingBox())!.height).toBeLessThanOrEqual(800);
  });
});

test.describe('filter values with the URL’s separator', () => {
  test('a topic "economy,finance" survives reload and Back/Forward', async ({ page, server }) => {
    write('comma.json', {
      _liveblog: {
        topics: [
          { id: 'economy,finance', label: 'Economy and finance' },
          { id: 'economy', label: 'Economy' },
          { id: 'finance', label: 'Finance' },
        ],
        people: [{ id: 'smith, j', name: 'J. Smith' }],
      },
      items: [
        item('a', 1, { _liveblog: { topics: ['economy,finance'], speakers: ['smith, j'] } }),
        item('b', 2, { _liveblog: { topics: ['economy'] } }),
        item('c', 3, { _liveblog: { topics: ['finance'] } }),
      ],
    });
    await page.goto(`${server.url}?feed=fixtures/comma.json&poll=off`);
    const articles = page.getByRole('main').getByRole('article');
    await expect(articles).toHaveCount(3);
    await page.getByRole('checkbox', { name: /^Economy and finance/ }).check();
    await expect(articles).toHaveCount(1);
    await page.getByRole('checkbox', { name: /^J\. Smith/ }).check();
    await expect(articles).toHaveCount(1);
    const filtered = page.url();
    await page.reload();
    await expect(articles).toHaveCount(1);
    await expect(page.getByRole('checkbox', { name: /^Economy and finance/ })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: /^J\. Smith/ })).toBeChecked();
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await expect(articles).toHaveCount(3);
    await page.goBack();
    await expect(articles).toHaveCount(1);
    expect(page.url()).toBe(filtered);
    await expect(page.getByRole('checkbox', { name: /^Economy and finance/ })).toBeChecked();
  });
});
