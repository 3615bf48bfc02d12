import { en, type Messages } from './messages-en';
import { primaryLanguage } from './language';
import type { LocaleSettings } from './use-messages';

// Catalogues other than English load on demand (a chunk of their own): most readers never need
// them, and every reader would otherwise download them before the first update shows.
// A language added here goes into `Language` (language.ts) too: its type then asks every lazy
// chunk's `*-messages.ts` for that language's words.
const loaders = new Map<string, () => Promise<Messages>>([
  ['uk', () => import('./messages-uk').then((m) => m.uk)],
]);
const loaded = new Map<string, Messages>();

/**
 * The catalogue and Intl locale for a requested BCP 47 tag (attribute, `?locale=`
 * or the browser's language). Ukrainian (`uk`, `uk-UA`…) gets the Ukrainian catalogue; everything
 * else gets English. The Intl locale always matches the catalogue's language, so that dates never
 * appear in a language the rest of the widget is not in ("mercredi" among English strings); an
 * English tag keeps its region (en-US readers keep their clock). A promise while the catalogue
 * loads, the first time; English settings if it cannot be loaded.
 */
export function localeSettingsFor(requested: string): LocaleSettings | Promise<LocaleSettings> {
  const language = primaryLanguage(requested);
  const load = loaders.get(language);
  if (load) {
    const locale = canonical(requested, language);
    const messages = loaded.get(language);
    if (messages) return { locale, messages };
    return load().then(
      (m) => {
        loaded.set(language, m);
        return { locale, messages: m };
      },
      () => ({ locale: 'en-GB', messages: en }),
    );
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
