// Scripts written right to left, living ones (Unicode's Bidi_Class of their letters): Arabic,
// Hebrew, Syriac, Thaana (Dhivehi), N'Ko, Adlam (Fulani), Hanifi Rohingya, Mandaic, Mende Kikakui,
// Samaritan, Yezidi. The script is the tag's own, else the one its language is written in
// (Intl.Locale#maximize): "ku-Arab" and "dv" are right to left, "ar-Latn" is not. Not
// Intl.Locale#getTextInfo: Node's answers "ltr" for some of these, and the server's HTML would
// then disagree with the browser's.
const RTL_SCRIPTS = new Set([
  'Arab',
  'Hebr',
  'Syrc',
  'Thaa',
  'Nkoo',
  'Adlm',
  'Rohg',
  'Mand',
  'Mend',
  'Samr',
  'Yezi',
]);

/** 'rtl' for a language written right to left (a feed's `language`), else 'ltr'. */
export function textDirection(language: string | undefined): 'ltr' | 'rtl' {
  if (!language) return 'ltr';
  try {
    // A script maximize() cannot name is not in the set.
    return RTL_SCRIPTS.has(new Intl.Locale(language).maximize().script!) ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}
