// @vitest-environment node
// What a reader finds with the search box in other languages and scripts: accents and case are
// theirs to leave out, letters that make another word are not.
import { describe, expect, it } from 'vitest';
import type { LiveItem } from '../../../../src/core/feed/feed-types';
import { noFilters } from '../../../../src/core/filters/filter-state';
import {
  createMatcher,
  createSearchIndex,
  filterItems,
} from '../../../../src/core/filters/match-items';
import { item } from '../../../support/feed-builders';

const people = [{ id: 'speaker', name: 'Recep Tayyip Erdoğan' }];

/** Whether searching `q` finds an update whose headline is `title`. */
function finds(q: string, title: string, extra: Partial<LiveItem> = {}): boolean {
  const update = item('u', 0, { title, contentHtml: '<p>Update</p>', ...extra });
  const matcher = createMatcher({ ...noFilters, q }, createSearchIndex(people));
  return filterItems([update], matcher).length === 1;
}

describe('search across languages', () => {
  it.each([
    ['erdogan', 'Erdoğan in Ankara'],
    ['sanchez', 'Pedro Sánchez'],
    ['muller', 'Thomas Müller'],
    ['Ελλαδα', 'Η Ελλάδα ψηφίζει'],
    ['ελλάδα', 'ΕΛΛΑΔΑ'],
    ['istanbul', 'İstanbul'],
    ['İSTANBUL', 'ıstanbul'],
    ['strasse', 'STRAẞE'],
    ['STRASSE', 'Hauptstraße'],
    ['королев', 'Сергей Королёв'],
    ['محمد', 'مُحَمَّد'],
    ['احمد', 'أحمد'],
    ['שלום', 'שָׁלוֹם'],
    ['政府', '北京市政府今天宣布'],
    ['知事', '東京都知事が発表'],
    ['เทพ', 'กรุงเทพมหานคร'],
    ['パン', 'ﾊﾟﾝの値段'],
    ['한국', '한국 대통령'],
  ])('"%s" finds "%s"', (q, title) => {
    expect(finds(q, title)).toBe(true);
  });

  it('the text in NFD finds a query in NFC, and the other way round', () => {
    expect(finds('Sánchez'.normalize('NFC'), 'Sánchez'.normalize('NFD'))).toBe(true);
    expect(finds('Ελλάδα'.normalize('NFD'), 'Ελλάδα'.normalize('NFC'))).toBe(true);
  });

  it('a speaker is found by name, with or without accents', () => {
    expect(finds('erdogan', 'Press conference', { speakers: ['speaker'] })).toBe(true);
    expect(finds('ERDOĞAN', 'Press conference', { speakers: ['speaker'] })).toBe(true);
  });

  it('a Greek word typed in capitals finds one spelled with a final sigma', () => {
    expect(finds('ΚΑΣ', 'Κασσελάκης')).toBe(true);
    expect(finds('κασσελακησ', 'Κασσελάκης')).toBe(true);
    expect(finds('Τσίπρας', 'ΤΣΙΠΡΑΣ')).toBe(true);
  });

  it('the Arabic tatweel, a soft hyphen and a zero-width non-joiner are not part of a word', () => {
    expect(finds('محمد', 'محـــمد')).toBe(true);
    expect(finds('bundeskanzler', 'Bundes\u00adkanzler')).toBe(true);
    expect(finds('میخواهم', 'می\u200cخواهم')).toBe(true);
    expect(finds('می\u200cخواهم', 'میخواهم')).toBe(true);
  });

  it('Indic and Thai vowel signs and tone marks are letters, not accents', () => {
    expect(finds('कम', 'काम शुरू')).toBe(false);
    expect(finds('की', 'कल')).toBe(false);
    expect(finds('काम', 'काम शुरू')).toBe(true);
    expect(finds('มา', 'ม้าแข่ง')).toBe(false);
    expect(finds('ดี', 'ดาว')).toBe(false);
    expect(finds('ม้า', 'ม้าแข่ง')).toBe(true);
  });

  it('kana voicing marks and Hangul syllables are kept whole', () => {
    expect(finds('ハン', 'パンの値段')).toBe(false);
    expect(finds('はし', 'ばし')).toBe(false);
    expect(finds('하', '한국 대통령')).toBe(false);
  });

  it('digits are one whatever the script: Arabic, Persian or Devanagari digits find Western ones', () => {
    expect(finds('٢٠٢٣', 'The 2023 summit')).toBe(true);
    expect(finds('2023', 'قمة ٢٠٢٣ في فيلنيوس')).toBe(true);
    expect(finds('۱۴۰۲', 'Iran, 1402')).toBe(true);
    expect(finds('२०२४', 'Elections 2024')).toBe(true);
    expect(finds('٢٠٢٤', 'The 2023 summit')).toBe(false);
  });
});
