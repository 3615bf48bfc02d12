#!/usr/bin/env node
// @ts-check
/**
 * Writes a deterministic SYNTHETIC live-blog feed for load, rendering and
 * pagination tests:
 *
 *   node scripts/generate-feed.mjs --items 10000 --days 5 --out dir
 *     [--page-size 50] [--head-size 50] [--single] [--seed 1]
 *
 * Default output is the paged layout the server uses: <out>/synthetic-<N>.json
 * (head) plus <out>/synthetic-<N>/page-<k>.json. --single writes every item
 * in one document, <out>/synthetic-<N>-single.json.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildPagedDocuments, isTombstone, paginate } from '../server/pagination.mjs';

export { paginate, buildPagedDocuments } from '../server/pagination.mjs';

/**
 * @typedef {import('../server/pagination.mjs').FeedItem} FeedItem
 * @typedef {import('../server/pagination.mjs').FeedDocument} FeedDocument
 */

/** Fixed so that the same arguments always give byte-identical files. */
const COVERAGE_START = Date.parse('2024-05-06T05:00:00Z');

/**
 * mulberry32: small, fast and good enough to pick words.
 * @param {number} seed
 */
export function createRandom(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    /** @param {number} lo @param {number} hi inclusive */
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    /** @template T @param {readonly T[]} list @returns {T} */
    pick: (list) => /** @type {T} */ (list[Math.floor(next() * list.length)]),
    /** @param {number} p */
    chance: (p) => next() < p,
  };
}

const TOPIC_POOL = [
  { id: 'security', label: 'Security and defence' },
  { id: 'energy', label: 'Energy' },
  { id: 'trade', label: 'Trade talks' },
  { id: 'climate', label: 'Climate' },
  { id: 'elections', label: 'Elections' },
  { id: 'health', label: 'Public health' },
  { id: 'transport', label: 'Transport' },
  { id: 'economy', label: 'Economy' },
  { id: 'diplomacy', label: 'Diplomacy' },
  { id: 'culture', label: 'Culture' },
  { id: 'technology', label: 'Technology' },
  { id: 'agriculture', label: 'Agriculture' },
];
/** Used by some items but never declared: clients must still group it. */
const UNDECLARED_TOPIC = 'weather';

const COUNTRIES = [
  { code: 'LT', name: 'Lithuania' },
  { code: 'LV' },
  { code: 'EE', name: 'Estonia' },
  { code: 'PL', name: 'Poland' },
  { code: 'DE' },
  { code: 'FR', name: 'France' },
  { code: 'FI' },
  { code: 'SE', name: 'Sweden' },
  { code: 'NO', name: 'Norway' },
  { code: 'IS' },
];

/** Invented people: none of them exists. */
const PEOPLE = [
  ['agne-zukauskaite', 'Agnė Žukauskaitė', 'Minister of Energy', 'LT'],
  ['jonas-petrauskas', 'Jonas Petrauskas', 'Mayor of the host city', 'LT'],
  ['ruta-vaiciulyte', 'Rūta Vaičiulytė', 'Spokesperson for the organisers', 'LT'],
  ['laila-berzina', 'Laila Bērziņa', 'Foreign Minister', 'LV'],
  ['janis-kalnins', 'Jānis Kalniņš', 'Trade negotiator', 'LV'],
  ['kadri-tamm', 'Kadri Tamm', 'Prime Minister', 'EE'],
  ['mart-koiv', 'Märt Kõiv', 'Digital affairs adviser', 'EE'],
  ['lukasz-wojcik', 'Łukasz Wójcik', 'Defence Minister', 'PL'],
  ['zofia-slowinska', 'Zofia Słowińska', 'Opposition leader', 'PL'],
  ['jurgen-muller', 'Jürgen Müller', 'Economy Minister', 'DE'],
  ['anneliese-kraemer', 'Anneliese Krämer', 'Head of the energy agency', 'DE'],
  ['helene-lefevre', 'Hélène Lefèvre', 'Europe Minister', 'FR'],
  ['francois-dubois', 'François Dubois', 'Climate envoy', 'FR'],
  ['aino-jarvinen', 'Aino Järvinen', 'President', 'FI'],
  ['mikko-hamalainen', 'Mikko Hämäläinen', 'Transport Minister', 'FI'],
  ['bjorn-asberg', 'Björn Åsberg', 'Trade Minister', 'SE'],
  ['linnea-osterlund', 'Linnéa Österlund', 'Health agency director', 'SE'],
  ['sigrun-dahl', 'Sigrún Dahl', 'Fisheries Minister', 'NO'],
  ['havard-solberg', 'Håvard Sølberg', 'Central bank governor', 'NO'],
  ['olafur-jonsson', 'Ólafur Jónsson', 'Foreign Minister', 'IS'],
  ['thora-sigurdardottir', 'Þóra Sigurðardóttir', 'Parliament speaker', 'IS'],
  ['mariana-pena', 'Mariana Peña', 'Conference chair', 'SE'],
  ['zoe-duplessis', 'Zoë Duplessis', 'Campaign spokesperson', 'FR'],
  ['renata-kovac', 'Renata Kovač', 'Rapporteur', 'DE'],
  ['tomas-bartkus', 'Tomas Bartkus', 'Police commissioner', 'LT'],
].map(([id, name, role, country]) => ({
  id: String(id),
  name: String(name),
  role: String(role),
  country: String(country),
}));

const CITIES = [
  'VILNIUS',
  'RIGA',
  'TALLINN',
  'WARSAW',
  'BERLIN',
  'PARIS',
  'HELSINKI',
  'STOCKHOLM',
  'OSLO',
  'REYKJAVÍK',
];
const AUTHORS = [
  { name: 'Synthetic desk' },
  { name: 'Generated reporter A' },
  { name: 'Generated reporter B' },
];

const SUBJECTS = [
  'Delegations',
  'Officials',
  'Negotiators',
  'Ministers',
  'Organisers',
  'Observers',
  'Analysts',
];
const VERBS = [
  'discussed',
  'reviewed',
  'postponed a decision on',
  'welcomed progress on',
  'raised concerns about',
  'agreed a timetable for',
];
const OBJECTS = [
  'a joint statement',
  'the draft agreement',
  'funding for the next phase',
  'the schedule for the rest of the week',
  'new reporting rules',
  'a regional working group',
];
const DETAILS = [
  'More details are expected later in the day.',
  'The session ran longer than planned.',
  'No vote was taken.',
  'A further meeting is scheduled for tomorrow morning.',
  'Reporters were not allowed into the room.',
  'The figures have not been independently checked.',
];
const TITLES = [
  'Talks on {topic} continue',
  '{subject} meet over {topic}',
  'Update on {topic}',
  'What was said about {topic}',
  'Statement on {topic} expected',
  'Briefing: {topic}',
];

/**
 * @param {ReturnType<typeof createRandom>} rnd
 * @param {string} topicLabel
 */
function sentence(rnd, topicLabel) {
  return `${rnd.pick(SUBJECTS)} ${rnd.pick(VERBS)} ${rnd.pick(OBJECTS)} on ${topicLabel.toLowerCase()}. ${rnd.pick(DETAILS)}`;
}

/** @param {string} s */
function escapeHtml(s) {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/**
 * Builds the whole synthetic feed: every item and every tombstone, newest
 * first, in one document.
 * @param {{ items?: number, days?: number, seed?: number }} [options]
 * @returns {FeedDocument}
 */
export function generateFeed({ items: count = 10000, days = 5, seed = 1 } = {}) {
  if (!(Number.isInteger(count) && count >= 0))
    throw new RangeError('items must be a non-negative integer');
  if (!(days > 0)) throw new RangeError('days must be positive');
  const rnd = createRandom(seed);
  const topics = TOPIC_POOL.slice(0, rnd.int(8, 12));
  const span = days * 86_400_000;
  const coverageEnd = COVERAGE_START + span;

  // Whole-second, strictly increasing publication times.
  const times = Array.from({ length: count }, () => COVERAGE_START + Math.floor(rnd.next() * span));
  times.sort((a, b) => a - b);
  let previous = -Infinity;
  for (let i = 0; i < times.length; i++) {
    previous = Math.max(
      Math.floor(/** @type {number} */ (times[i]) / 1000) * 1000,
      previous + 1000,
    );
    times[i] = previous;
  }

  const tombstoneCount = count >= 20 ? Math.max(1, Math.round(count * 0.005)) : 0;
  const pinnedIndex = count > 0 ? Math.min(1, count - 1) : -1;
  /** @type {FeedItem[]} */
  const out = [];
  for (let i = 0; i < count; i++) {
    const id = `synthetic-${String(i + 1).padStart(6, '0')}`;
    const published = /** @type {number} */ (times[i]);
    // Tombstones: the item was published and later retracted; only the tombstone remains.
    if (i !== pinnedIndex && tombstoneCount > 0 && rnd.chance(tombstoneCount / count)) {
      out.push({
        id,
        date_modified: new Date(
          Math.min(published + rnd.int(5, 120) * 60_000, coverageEnd),
        ).toISOString(),
        _liveblog: { deleted: true },
      });
      continue;
    }

    /** @type {string[]} */
    let itemTopics;
    const roll = rnd.next();
    if (roll < 0.05) itemTopics = [];
    else if (roll < 0.11) itemTopics = [UNDECLARED_TOPIC];
    else {
      itemTopics = [rnd.pick(topics).id];
      if (rnd.chance(0.25)) {
        const second = rnd.pick(topics).id;
        if (second !== itemTopics[0]) itemTopics.push(second);
      }
    }
    const label = topics.find((t) => t.id === itemTopics[0])?.label ?? (itemTopics[0] || 'the day');
    const speaker = rnd.chance(0.4) ? rnd.pick(PEOPLE) : null;
    const speakers = speaker ? [speaker] : [];
    const countries = [...new Set([...speakers.map((p) => p.country), rnd.pick(COUNTRIES).code])];
    const dateline = rnd.chance(0.3) ? rnd.pick(CITIES) : undefined;
    const keyEvent = rnd.chance(0.03);
    const pinned = i === pinnedIndex;

    const paragraphs = [
      `<p>Synthetic test update, generated for testing: ${escapeHtml(sentence(rnd, label))}</p>`,
    ];
    const extra = rnd.int(0, 3);
    for (let p = 0; p < extra; p++) {
      const kind = rnd.next();
      if (kind < 0.15 && speaker) {
        paragraphs.push(
          `<blockquote><p>“We ${rnd.pick(VERBS)} ${rnd.pick(OBJECTS)}, and we will say more later,” said ${escapeHtml(speaker.name)}, ${escapeHtml(speaker.role.toLowerCase())} (a synthetic person).</p></blockquote>`,
        );
      } else if (kind < 0.25) {
        paragraphs.push(
          `<ul><li>${escapeHtml(rnd.pick(OBJECTS))}</li><li>${escapeHtml(rnd.pick(OBJECTS))}</li><li>${escapeHtml(rnd.pick(DETAILS))}</li></ul>`,
        );
      } else if (kind < 0.35) {
        paragraphs.push(
          `<p>The organisers published <a href="https://example.com/synthetic/documents/${i + 1}">a synthetic background document</a>. ${escapeHtml(rnd.pick(DETAILS))}</p>`,
        );
      } else {
        paragraphs.push(`<p>${escapeHtml(sentence(rnd, label))}</p>`);
      }
    }

    const title = pinned
      ? 'Pinned: about this synthetic live blog'
      : rnd
          .pick(TITLES)
          .replace('{topic}', label.toLowerCase())
          .replace('{subject}', rnd.pick(SUBJECTS));
    /** @type {FeedItem} */
    const item = {
      id,
      url: `https://example.com/live/synthetic#${id}`,
      title: title.charAt(0).toUpperCase() + title.slice(1),
      content_html: pinned
        ? '<p>Synthetic test update, generated for testing: this feed is machine-made. Every update in it is invented and none reports real events.</p>'
        : paragraphs.join(''),
      date_published: new Date(published).toISOString(),
      authors: [rnd.pick(AUTHORS)],
    };
    if (rnd.chance(0.05)) {
      item.date_modified = new Date(
        Math.min(published + rnd.int(2, 90) * 60_000, coverageEnd),
      ).toISOString();
    }
    if (itemTopics.length) item.tags = itemTopics;
    /** @type {Record<string, unknown>} */
    const lb = { topics: itemTopics, countries, speakers: speakers.map((p) => p.id) };
    if (dateline) lb.dateline = dateline;
    if (keyEvent || pinned) lb.key_event = true;
    if (pinned) lb.pinned = true;
    item._liveblog = lb;
    out.push(item);
  }

  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Synthetic live blog (generated)',
    home_page_url: 'https://example.com/live/synthetic',
    description: `Synthetic live blog (generated): ${count} invented updates over ${days} days, seed ${seed}. Not real news.`,
    language: 'en',
    authors: [AUTHORS[0]],
    _liveblog: {
      status: 'live',
      poll_seconds: 30,
      timezone: 'Europe/Vilnius',
      coverage_start: new Date(COVERAGE_START).toISOString(),
      topics,
      countries: COUNTRIES,
      people: PEOPLE,
    },
    items: out.reverse(),
  };
}

/**
 * Splits a full feed into the server's paged layout.
 * @param {FeedDocument} feed
 * @param {{ name: string, headSize?: number, pageSize?: number }} options name: head file name, e.g. "synthetic-10000.json"
 */
export function pageFeed(feed, { name, headSize = 50, pageSize = 50 }) {
  const live = feed.items.filter((i) => !isTombstone(i));
  const tombstones = feed.items.filter(isTombstone);
  // Publication order: oldest first. Whole-second times never tie.
  live.sort(
    (a, b) =>
      Date.parse(a.date_published ?? '') - Date.parse(b.date_published ?? '') ||
      (a.id < b.id ? -1 : 1),
  );
  tombstones.sort(
    (a, b) =>
      Date.parse(b.date_modified ?? '') - Date.parse(a.date_modified ?? '') ||
      (a.id < b.id ? -1 : 1),
  );
  const { items: _all, ...top } = feed;
  return buildPagedDocuments(top, paginate({ items: live, tombstones, headSize, pageSize }), name);
}

/**
 * @param {{ items: number, days: number, seed: number, out: string, single?: boolean, headSize?: number, pageSize?: number }} options
 * @returns {string[]} files written
 */
export function writeFeed({
  items,
  days,
  seed,
  out,
  single = false,
  headSize = 50,
  pageSize = 50,
}) {
  const feed = generateFeed({ items, days, seed });
  mkdirSync(out, { recursive: true });
  if (single) {
    const file = path.join(out, `synthetic-${items}-single.json`);
    writeFileSync(file, JSON.stringify(feed));
    return [file];
  }
  const name = `synthetic-${items}.json`;
  const { head, pages } = pageFeed(feed, { name, headSize, pageSize });
  const pageDir = path.join(out, `synthetic-${items}`);
  // Stale pages from an earlier run with other sizes would break the chain.
  rmSync(pageDir, { recursive: true, force: true });
  const headFile = path.join(out, name);
  const written = [headFile];
  writeFileSync(headFile, JSON.stringify(head));
  if (pages.length) mkdirSync(pageDir, { recursive: true });
  for (const p of pages) {
    const file = path.join(out, p.path);
    writeFileSync(file, JSON.stringify(p.doc));
    written.push(file);
  }
  return written;
}

/** @param {string[]} argv */
export function main(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      items: { type: 'string', default: '10000' },
      days: { type: 'string', default: '5' },
      out: { type: 'string' },
      'page-size': { type: 'string', default: '50' },
      'head-size': { type: 'string', default: '50' },
      single: { type: 'boolean', default: false },
      seed: { type: 'string', default: '1' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  const usage =
    'Usage: node scripts/generate-feed.mjs --items 10000 --days 5 --out DIR [--page-size 50] [--head-size 50] [--single] [--seed 1]';
  if (values.help) {
    console.log(usage);
    return;
  }
  if (!values.out) {
    console.error(usage);
    process.exit(2);
  }
  const files = writeFeed({
    items: Number(values.items),
    days: Number(values.days),
    seed: Number(values.seed),
    out: values.out,
    single: values.single,
    pageSize: Number(values['page-size']),
    headSize: Number(values['head-size']),
  });
  console.log(`Wrote ${files[0]}${files.length > 1 ? ` and ${files.length - 1} pages` : ''}`);
}
