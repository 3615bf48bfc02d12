// Figures and players in an update's own HTML: what survives the sanitiser, and how.
import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from '../../../../src/capabilities/timeline/sanitize-html';

const BASE = 'https://news.example/live/feed.json';

function sanitized(html: string): HTMLElement {
  const box = document.createElement('div');
  box.innerHTML = sanitizeHtml(html, BASE);
  return box;
}

describe('sanitizeHtml: figures', () => {
  it('keeps a figure with its image, text alternative and caption', () => {
    const box = sanitized(
      '<figure><img src="maps/route.png" alt="The route of the march"><figcaption>The route. <small>Map: Desk</small></figcaption></figure>',
    );
    const img = box.querySelector('figure > img')!;
    expect(img).toHaveAttribute('src', 'https://news.example/live/maps/route.png');
    expect(img).toHaveAttribute('alt', 'The route of the march');
    expect(img).toHaveAttribute('loading', 'lazy');
    expect(box.querySelector('figure > figcaption')).toHaveTextContent('The route. Map: Desk');
  });
});

describe('sanitizeHtml: video and audio', () => {
  it('keeps a video with http(s) sources and poster, with controls, never playing on its own', () => {
    const box = sanitized(
      '<video src="clip.mp4" poster="https://img.example/p.jpg" autoplay loop muted width="640" height="360">' +
        '<source src="https://cdn.example/clip.webm" type="video/webm"></video>',
    );
    const video = box.querySelector('video')!;
    expect(video).toHaveAttribute('src', 'https://news.example/live/clip.mp4');
    expect(video).toHaveAttribute('poster', 'https://img.example/p.jpg');
    expect(video).toHaveAttribute('controls');
    expect(video).toHaveAttribute('preload', 'metadata');
    expect(video).toHaveAttribute('width', '640');
    for (const attr of ['autoplay', 'loop', 'muted']) expect(video).not.toHaveAttribute(attr);
    const source = video.querySelector('source')!;
    expect(source).toHaveAttribute('src', 'https://cdn.example/clip.webm');
    expect(source).toHaveAttribute('type', 'video/webm');
  });

  it('keeps audio with its source, with controls', () => {
    const box = sanitized(
      '<audio autoplay><source src="https://cdn.example/a.mp3" type="audio/mpeg"></audio>',
    );
    const audio = box.querySelector('audio')!;
    expect(audio).toHaveAttribute('controls');
    expect(audio).toHaveAttribute('preload', 'metadata');
    expect(audio).not.toHaveAttribute('autoplay');
    expect(audio.querySelector('source')).toHaveAttribute('src', 'https://cdn.example/a.mp3');
  });

  it.each([
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:video/mp4;base64,AAAA'],
    ['vbscript:', 'vbscript:msgbox(1)'],
    ['mailto:', 'mailto:desk@news.example'],
    ['entity-encoded javascript:', 'jav&#x09;ascript:alert(1)'],
  ])('drops a %s source or poster', (_, url) => {
    const box = sanitized(
      `<video src="${url}" poster="${url}"><source src="${url}" type="video/mp4"></video>` +
        `<audio src="${url}"><source src="${url}"></audio>`,
    );
    for (const el of box.querySelectorAll('video, audio, source')) {
      expect(el).not.toHaveAttribute('src');
      expect(el).not.toHaveAttribute('poster');
    }
  });

  it('removes event handlers and everything else a player could be told to do', () => {
    const box = sanitized(
      '<video onloadstart="alert(1)" onerror="alert(1)" onplay="alert(1)" autoplay controlslist="nodownload" crossorigin="use-credentials" srcset="x">' +
        '<source src="https://cdn.example/v.mp4" onerror="alert(1)" srcset="x" media="all"><track src="https://cdn.example/t.vtt"></video>',
    );
    const names = [...box.querySelectorAll('*')].flatMap((el) =>
      [...el.attributes].map((a) => `${el.tagName.toLowerCase()} ${a.name}`),
    );
    expect(names.sort()).toEqual([
      'source src',
      'video controls',
      'video playsinline',
      'video preload',
    ]);
  });
});

describe('sanitizeHtml: tables', () => {
  it('makes a table reachable by keyboard (it may scroll sideways), and nothing else the feed marks', () => {
    const box = sanitized(
      '<table tabindex="-1"><tr><td tabindex="3">1</td></tr></table><p><b tabindex="1">x</b></p>',
    );
    expect(box.querySelector('table')).toHaveAttribute('tabindex', '0');
    expect(box.querySelector('td')).not.toHaveAttribute('tabindex');
    expect(box.querySelector('b')).not.toHaveAttribute('tabindex');
    // Unchanged through the sanitiser again, as a split body's pieces go.
    expect(sanitizeHtml(box.innerHTML, BASE)).toBe(box.innerHTML);
  });
});

describe('sanitizeHtml: headings', () => {
  it('shows a body’s own h1–h3 as headings under the update’s h3, not as plain text', () => {
    const box = sanitized(
      '<h1>Overview</h1><p>a</p><H2 title="t">Background</H2><p>b</p><h3>Reaction</h3 ><h5>Aside</h5><h1x>odd</h1x>',
    );
    expect(
      [...box.querySelectorAll('h4, h5, h6')].map((h) => `${h.tagName} ${h.textContent}`),
    ).toEqual(['H4 Overview', 'H4 Background', 'H4 Reaction', 'H5 Aside']);
    expect(box.querySelector('h4[title="t"]')).not.toBeNull();
    expect(box.querySelector('h1, h2, h3')).toBeNull();
    // An unknown element is removed as before, its words kept.
    expect(box).toHaveTextContent(/odd$/);
    expect(box.children).toHaveLength(6);
  });
});

describe('sanitizeHtml: disclosures', () => {
  it('keeps a <details> the reader opens, with its summary, and nothing it could run', () => {
    const box = sanitized(
      '<details open ontoggle="alert(1)" id="x"><summary onclick="alert(2)">Key points</summary><p>One</p></details><details><summary>More</summary><p>Two</p></details>',
    );
    const [first, second] = [...box.querySelectorAll('details')];
    expect(first).toHaveAttribute('open');
    expect(second).not.toHaveAttribute('open');
    expect(first?.querySelector(':scope > summary')).toHaveTextContent('Key points');
    expect(second?.querySelector(':scope > p')).toHaveTextContent('Two');
    expect(box.innerHTML).not.toMatch(/ontoggle|onclick|id=/);
  });

  it('drops a summary with no words and no image, so that the browser names the disclosure', () => {
    const box = sanitized(
      '<details><summary> </summary><p>One</p></details>' +
        '<details><summary><img src="/a.png"></summary><p>Two</p></details>' +
        '<details><summary><img src="/b.png" alt="Chart"></summary><p>Three</p></details>' +
        '<details><summary><em>Read</em> more</summary><p>Four</p></details>',
    );
    const summaries = [...box.querySelectorAll('details')].map(
      (d) => d.querySelector(':scope > summary')?.textContent ?? null,
    );
    // An image is kept with its summary: its alt, if any, is the name.
    expect(summaries).toEqual([null, '', '', 'Read more']);
    expect(box.querySelectorAll('details p')).toHaveLength(4);
    expect([...box.querySelectorAll('summary img')].map((img) => img.getAttribute('alt'))).toEqual([
      '',
      'Chart',
    ]);
  });
});
