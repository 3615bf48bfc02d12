// @ts-check
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRandom, generateFeed } from '../../tooling/synthetic-feed.mjs';

const WORDS = (
  'the delegations met again after lunch and spent most of the afternoon on the wording of ' +
  'a joint text while officials outside the room said that progress had been slower than ' +
  'expected because several countries wanted firmer commitments on funding reporting and the ' +
  'timetable for the next round of talks which is now likely to slip into the autumn'
).split(' ');

/**
 * A synthetic blog whose updates read like real ones, and differ from the 14em the stylesheet
 * assumes for an update it has not laid out yet: `long` bodies are one to six paragraphs of one
 * to six sentences (two lines to a screenful, most taller than 14em), `short` ones a few lines
 * (most shorter). Some updates have no headline; the generator's key events and pinned update
 * stay. Deterministic (seeded).
 *
 * @param {string} dir
 * @param {{ items?: number, seed?: number, name?: string, bodies?: 'long' | 'short' }} [options]
 * @returns {{ file: string, items: import('../../server/pagination.mjs').FeedItem[] }}
 */
export function writeRealisticFeed(
  dir,
  { items = 300, seed = 11, name = 'realistic.json', bodies = 'long' } = {},
) {
  const [paragraphs, sentences] = bodies === 'long' ? [6, 6] : [1, 2];
  const feed = generateFeed({ items, days: 2, seed });
  const rnd = createRandom(seed * 31 + 7);
  const sentence = () => {
    const start = rnd.int(0, WORDS.length - 1);
    const words = Array.from(
      { length: rnd.int(8, 28) },
      (_, i) => WORDS[(start + i * 7) % WORDS.length],
    );
    const text = words.join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  for (const item of feed.items) {
    if (item.content_html === undefined || item._liveblog?.pinned) continue;
    const body = Array.from(
      { length: rnd.int(1, paragraphs) },
      () => `<p>${Array.from({ length: rnd.int(1, sentences) }, sentence).join(' ')}</p>`,
    );
    item.content_html = `<p>Synthetic test update, generated for testing.</p>${body.join('')}`;
    if (!item._liveblog?.key_event && rnd.chance(0.3)) delete item.title;
  }
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify(feed));
  return { file, items: feed.items };
}
