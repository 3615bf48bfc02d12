import { describe, expect, it } from 'vitest';
import { en } from '../../../src/i18n/messages-en';
import { uk } from '../../../src/i18n/messages-uk';
import { localeSettingsFor } from '../../../src/i18n/pick-messages';
import { relativeTime } from '../../../src/time/relative-time';

const ago = (settings: ReturnType<typeof localeSettingsFor>) =>
  relativeTime(0, 5 * 60_000, settings.messages.justNow, settings.locale);

describe('localeSettingsFor', () => {
  it.each(['uk', 'uk-UA', 'UK-ua', 'uk_UA'])('gives %s the Ukrainian catalogue', (tag) => {
    const settings = localeSettingsFor(tag);
    expect(settings.messages).toBe(uk);
    expect(settings.locale).toMatch(/^uk(-UA)?$/);
    expect(ago(settings)).toBe('5 хвилин тому');
  });

  it('keeps the region of an English tag for Intl', () => {
    expect(localeSettingsFor('en-US')).toMatchObject({ locale: 'en-US', messages: en });
    expect(localeSettingsFor('en')).toMatchObject({ locale: 'en', messages: en });
    expect(localeSettingsFor('en-gb')).toMatchObject({ locale: 'en-GB', messages: en });
    expect(ago(localeSettingsFor('en-US'))).toBe('5 minutes ago');
  });

  it.each(['fr-FR', 'ar', 'he-IL', 'ru', 'not a tag', ''])(
    'gives %j English strings with English dates',
    (tag) => {
      const settings = localeSettingsFor(tag);
      expect(settings.messages).toBe(en);
      expect(settings.locale).toBe('en-GB');
      expect(ago(settings)).toBe('5 minutes ago');
    },
  );
});
