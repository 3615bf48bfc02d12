import { describe, expect, it } from 'vitest';
import {
  queryGetter,
  readEmbedSettings,
  type SettingName,
} from '../../../src/widget/embed-settings';

const BASE = 'https://news.example/world/article.html';

function read(attributes: Partial<Record<SettingName, string>>) {
  return readEmbedSettings((name) => attributes[name] ?? null, BASE);
}

describe('readEmbedSettings', () => {
  it('needs a feed', () => {
    expect(read({})).toBeUndefined();
    expect(read({ feed: '  ' })).toBeUndefined();
  });

  it('gives the defaults for a bare feed', () => {
    const settings = read({ feed: 'feeds/live.json' })!;
    expect(settings.props).toMatchObject({
      feed: 'feeds/live.json',
      controls: 'full',
      theme: 'auto',
      poll: true,
      syncUrl: false,
      limit: undefined,
      link: undefined,
      locale: undefined,
      timezone: undefined,
    });
    expect(settings.props.initialView).toEqual({
      topics: [],
      countries: [],
      speakers: [],
      q: '',
      keyOnly: false,
      view: 'topics',
      order: 'newest',
    });
  });

  it('reads preset filters with the URL state ids', () => {
    const { props } = read({
      feed: 'f.json',
      topic: 'ukraine, g7',
      country: 'ua,lt',
      speaker: 'zelenskyy',
      'key-events': '',
      view: 'latest',
      order: 'oldest',
    })!;
    expect(props.initialView).toEqual({
      topics: ['ukraine', 'g7'],
      countries: ['UA', 'LT'],
      speakers: ['zelenskyy'],
      q: '',
      keyOnly: true,
      view: 'latest',
      order: 'oldest',
    });
  });

  it('reads a comma as a separator and %2C as a comma inside an id, in attributes', () => {
    const view = (a: Partial<Record<SettingName, string>>) =>
      read({ feed: 'f', ...a })!.props.initialView!;
    expect(view({ topic: 'ukraine,nato' }).topics).toEqual(['ukraine', 'nato']);
    expect(view({ topic: 'economy%2Cfinance' }).topics).toEqual(['economy,finance']);
    expect(view({ topic: 'economy%2Cfinance,nato', speaker: 'smith%2C j' })).toMatchObject({
      topics: ['economy,finance', 'nato'],
      speakers: ['smith, j'],
    });
    // An attribute is not form-encoded: a plus is a plus; a stray % stays as it is.
    expect(view({ topic: 'c++, 100%' }).topics).toEqual(['c++', '100%']);
  });

  it('reads the same lists from the iframe page’s query', () => {
    const view = (search: string) =>
      readEmbedSettings(queryGetter(search), BASE)!.props.initialView!;
    expect(view('?feed=f.json&topic=ukraine,nato').topics).toEqual(['ukraine', 'nato']);
    expect(view('?feed=f.json&topic=economy%2Cfinance').topics).toEqual(['economy,finance']);
    expect(view('?feed=f.json&topic=economy%2Cfinance,nato&topic=g7')).toMatchObject({
      topics: ['economy,finance', 'nato', 'g7'],
    });
    expect(view('?feed=f.json&speaker=smith%2C+j&country=ua,lt')).toMatchObject({
      speakers: ['smith, j'],
      countries: ['UA', 'LT'],
    });
    const settings = readEmbedSettings(
      queryGetter(
        '?feed=https%3A%2F%2Fx.example%2Ff.json&locale=uk&key-events&view=latest&order=oldest',
      ),
      BASE,
    )!;
    expect(settings.props).toMatchObject({ feed: 'https://x.example/f.json', locale: 'uk' });
    expect(settings.props.initialView).toMatchObject({
      keyOnly: true,
      view: 'latest',
      order: 'oldest',
    });
    expect(queryGetter('?feed=f')('topic')).toBeNull();
  });

  it('treats boolean attributes as on when present, unless they say no', () => {
    expect(read({ feed: 'f', 'key-events': 'false' })!.props.initialView!.keyOnly).toBe(false);
    expect(read({ feed: 'f', 'sync-url': '' })!.props.syncUrl).toBe(true);
    expect(read({ feed: 'f', 'sync-url': 'off' })!.props.syncUrl).toBe(false);
    expect(read({ feed: 'f', poll: 'off' })!.props.poll).toBe(false);
    expect(read({ feed: 'f', poll: 'on' })!.props.poll).toBe(true);
  });

  it('falls back to defaults on invalid values', () => {
    const { props } = read({
      feed: 'f',
      limit: '-3',
      controls: 'everything',
      theme: 'neon',
      timezone: 'Mars/Arcadia',
      view: 'grid',
      order: 'sideways',
    })!;
    expect(props.limit).toBeUndefined();
    expect(props.controls).toBe('full');
    expect(props.theme).toBe('auto');
    expect(props.timezone).toBeUndefined();
    expect(props.initialView!.view).toBe('topics');
    expect(props.initialView!.order).toBe('newest');
    expect(read({ feed: 'f', limit: '2.5' })!.props.limit).toBeUndefined();
    expect(read({ feed: 'f', limit: '10' })!.props.limit).toBe(10);
    expect(read({ feed: 'f', timezone: 'Europe/Vilnius' })!.props.timezone).toBe('Europe/Vilnius');
    expect(read({ feed: 'f', controls: 'Compact' })!.props.controls).toBe('compact');
  });

  it('reads the host’s say on embeds: off, or providers agreed for the reader', () => {
    expect(read({ feed: 'f' })!.props.embeds).toEqual({ off: false });
    expect(read({ feed: 'f', embeds: 'off' })!.props.embeds!.off).toBe(true);
    expect(read({ feed: 'f', embeds: 'on' })!.props.embeds!.off).toBe(false);
    // The providers travel as the host wrote them; the embeds code reads them (provider-grant).
    expect(read({ feed: 'f', 'embeds-consent': 'youtube Vimeo, twitter' })!.props.embeds).toEqual({
      off: false,
      granted: 'youtube Vimeo, twitter',
    });
    expect(read({ feed: 'f', 'embeds-consent': 'all' })!.props.embeds!.granted).toBe('all');
    const frame = readEmbedSettings(
      queryGetter('?feed=f&embeds=off&embeds-consent=youtube+tiktok'),
      BASE,
    )!;
    expect(frame.props.embeds).toEqual({ off: true, granted: 'youtube tiktok' });
    // The host's consent changes nothing the reader is looking at: no restart.
    expect(read({ feed: 'f', 'embeds-consent': 'all' })!.resetKey).toBe(
      read({ feed: 'f' })!.resetKey,
    );
  });

  it('accepts only http(s) links, resolved against the page', () => {
    expect(read({ feed: 'f', link: 'javascript:alert(1)' })!.props.link).toBeUndefined();
    expect(read({ feed: 'f', link: 'data:text/html,x' })!.props.link).toBeUndefined();
    expect(read({ feed: 'f', link: '/live' })!.props.link).toBe('https://news.example/live');
  });

  it('changes its reset key with the feed or the preset, not with other attributes', () => {
    const key = (a: Partial<Record<SettingName, string>>) => read({ feed: 'f', ...a })!.resetKey;
    expect(key({ topic: 'china' })).not.toBe(key({}));
    expect(key({ 'key-events': '' })).not.toBe(key({}));
    expect(key({ order: 'oldest' })).not.toBe(key({}));
    expect(read({ feed: 'g' })!.resetKey).not.toBe(key({}));
    expect(key({ limit: '3', theme: 'dark', controls: 'none' })).toBe(key({}));
    expect(key({ topic: 'a%2Cb' })).not.toBe(key({ topic: 'a,b' }));
  });
});
