import { describe, expect, it } from 'vitest';
import { en } from '../../../../src/shared/i18n/messages-en';
import { uk } from '../../../../src/shared/i18n/messages-uk';
import { localeSettingsFor } from '../../../../src/shared/i18n/pick-messages';
import type { LocaleSettings } from '../../../../src/shared/i18n/use-messages';
import { relativeTime } from '../../../../src/shared/time/relative-time';

const ago = (settings: LocaleSettings) =>
  relativeTime(0, 5 * 60_000, settings.messages.justNow, settings.locale);

describe('localeSettingsFor', () => {
  it.each(['uk', 'uk-UA', 'UK-ua', 'uk_UA'])('gives %s the Ukrainian catalogue', async (tag) => {
    const settings = await localeSettingsFor(tag);
    expect(settings.messages).toBe(uk);
    expect(settings.locale).toMatch(/^uk(-UA)?$/);
    expect(ago(settings)).toBe('5 хвилин тому');
  });

  it('loads the Ukrainian catalogue once: after that it is there at once', async () => {
    await localeSettingsFor('uk');
    const again = localeSettingsFor('uk-UA');
    expect(again).not.toBeInstanceOf(Promise);
    expect((again as LocaleSettings).messages).toBe(uk);
  });

  it('keeps the region of an English tag for Intl', () => {
    // English is there at once, with no promise to wait for.
    expect(localeSettingsFor('en-US')).toMatchObject({ locale: 'en-US', messages: en });
    expect(localeSettingsFor('en')).toMatchObject({ locale: 'en', messages: en });
    expect(localeSettingsFor('en-gb')).toMatchObject({ locale: 'en-GB', messages: en });
    expect(ago(localeSettingsFor('en-US') as LocaleSettings)).toBe('5 minutes ago');
  });

  it.each(['fr-FR', 'ar', 'he-IL', 'ru', 'not a tag', '', 'constructor', '__proto__', 'toString'])(
    'gives %j English strings with English dates',
    (tag) => {
      const settings = localeSettingsFor(tag) as LocaleSettings;
      expect(settings.messages).toBe(en);
      expect(settings.locale).toBe('en-GB');
      expect(ago(settings)).toBe('5 minutes ago');
    },
  );
});
