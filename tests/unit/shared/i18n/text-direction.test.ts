import { describe, expect, it } from 'vitest';
import { textDirection } from '../../../../src/shared/i18n/text-direction';

describe('textDirection', () => {
  it('is rtl for languages written right to left, with or without a region', () => {
    for (const tag of ['ar', 'ar-EG', 'he', 'fa-IR', 'ur', 'yi'])
      expect(textDirection(tag)).toBe('rtl');
  });
  it('is ltr for others, for a missing language and for a malformed tag', () => {
    for (const tag of ['en', 'uk-UA', 'zh-Hant', 'ja', undefined, '', 'not a tag!'])
      expect(textDirection(tag)).toBe('ltr');
  });
});
