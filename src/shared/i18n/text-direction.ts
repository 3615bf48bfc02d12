// Scripts written right to left, by primary language subtag (for browsers without
// Intl.Locale#getTextInfo): Arabic, Hebrew, Persian, Urdu, Pashto, Sindhi, Yiddish, Dhivehi,
// Kurdish (Sorani), Uyghur.
const RTL = new Set(['ar', 'he', 'iw', 'fa', 'ur', 'ps', 'sd', 'yi', 'dv', 'ckb', 'ug']);

type TextInfoLocale = Intl.Locale & {
  getTextInfo?: () => { direction?: string };
  textInfo?: { direction?: string };
};

/** 'rtl' for a language written right to left (a feed's `language`), else 'ltr'. */
export function textDirection(language: string | undefined): 'ltr' | 'rtl' {
  if (!language) return 'ltr';
  try {
    const locale = new Intl.Locale(language) as TextInfoLocale;
    const direction = (locale.getTextInfo?.() ?? locale.textInfo)?.direction;
    if (direction === 'rtl' || direction === 'ltr') return direction;
    return RTL.has(locale.language) ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}
