import { en } from './messages-en';
import { uk } from './messages-uk';
import type { LocaleSettings } from './use-messages';

const primary = (tag: string) => tag.trim().split(/[-_]/)[0]!.toLowerCase();

/**
 * The catalogue and Intl locale for a requested BCP 47 tag (attribute, `?locale=`
 * or the browser's language). Ukrainian (`uk`, `uk-UA`…) gets the Ukrainian catalogue; everything
 * else gets English. The Intl locale always matches the catalogue's language, so that dates never
 * appear in a language the rest of the widget is not in ("mercredi" among English strings); an
 * English tag keeps its region (en-US readers keep their clock).
 */
export function localeSettingsFor(requested: string): LocaleSettings {
  const language = primary(requested);
  if (language === 'uk') {
    return { locale: canonical(requested, 'uk'), messages: uk };
  }
  if (language === 'en') {
    const locale = canonical(requested, 'en');
    return { locale, messages: en };
  }
  // Other languages: British English, whose 24-hour clock and "Wednesday 12 July" read more
  // naturally to an international audience than US forms.
  return { locale: 'en-GB', messages: en };
}

function canonical(tag: string, fallback: string): string {
  try {
    return Intl.getCanonicalLocales(tag.trim().replace(/_/g, '-'))[0] ?? fallback;
  } catch {
    return fallback;
  }
}
