import { enGB } from 'date-fns/locale/en-GB';
import { uk as ukDateFns } from 'date-fns/locale/uk';
import { en } from './messages-en';
import { uk } from './messages-uk';
import type { LocaleSettings } from './use-messages';

const primary = (tag: string) => tag.trim().split(/[-_]/)[0]!.toLowerCase();

/**
 * The catalogue, Intl locale and date-fns locale for a requested BCP 47 tag (attribute, `?locale=`
 * or the browser's language). Ukrainian (`uk`, `uk-UA`…) gets the Ukrainian catalogue; everything
 * else gets English. The Intl locale always matches the catalogue's language, so that dates never
 * appear in a language the rest of the widget is not in ("mercredi" among English strings); an
 * English tag keeps its region (en-US readers keep their clock).
 */
export function localeSettingsFor(requested: string): LocaleSettings {
  const language = primary(requested);
  if (language === 'uk') {
    return { locale: canonical(requested, 'uk'), messages: uk, dateFnsLocale: ukDateFns };
  }
  if (language === 'en') {
    const locale = canonical(requested, 'en');
    // date-fns' built-in default is en-US; other English variants share its words but not its
    // week (Monday first) or date order.
    return locale === 'en' || locale === 'en-US'
      ? { locale, messages: en }
      : { locale, messages: en, dateFnsLocale: enGB };
  }
  // Other languages: British English, whose 24-hour clock and "Wednesday 12 July" read more
  // naturally to an international audience than US forms.
  return { locale: 'en-GB', messages: en, dateFnsLocale: enGB };
}

function canonical(tag: string, fallback: string): string {
  try {
    return Intl.getCanonicalLocales(tag.trim().replace(/_/g, '-'))[0] ?? fallback;
  } catch {
    return fallback;
  }
}
