import { describe, expect, it } from 'vitest';
import { textDirection } from '../../../../src/shared/i18n/text-direction';

describe('textDirection', () => {
  it('is rtl for languages written right to left, with or without a region', () => {
    for (const tag of ['ar', 'ar-EG', 'he', 'fa-IR', 'ur', 'yi'])
      expect(textDirection(tag)).toBe('rtl');
  });
  it('follows the script: the tag’s own, else the one the language is written in', () => {
    // The server renders with Node's Intl: its direction must be the browser's.
    for (const tag of ['dv', 'ku-Arab', 'az-Arab', 'ms-Arab', 'pnb', 'sd', 'ckb', 'ug', 'syr'])
      expect(textDirection(tag), tag).toBe('rtl');
    for (const tag of ['ar-Latn', 'ks-Deva', 'sd-Deva', 'ku', 'az', 'pa'])
      expect(textDirection(tag), tag).toBe('ltr');
  });
  it('is ltr for others, for a missing language and for a malformed tag', () => {
    for (const tag of ['en', 'uk-UA', 'zh-Hant', 'ja', undefined, '', 'not a tag!'])
      expect(textDirection(tag)).toBe('ltr');
  });
});
