import { describe, expect, it } from 'vitest';
import {
  isHelloMessage,
  parentOrigin,
  readConsentMessage,
  readHeightMessage,
} from '../../../../src/entries/common/frame-protocol';

describe('parentOrigin', () => {
  const params = (query: string) => new URLSearchParams(query);

  it('prefers the origin the host named', () => {
    expect(
      parentOrigin(
        params('parent-origin=https://news.example/some/page'),
        ['https://other.example'],
        'https://other.example/',
      ),
    ).toBe('https://news.example');
    expect(parentOrigin(params('origin=https://news.example'), [], '')).toBe(
      'https://news.example',
    );
  });

  it('never falls back when the named origin is unusable', () => {
    expect(parentOrigin(params('parent-origin=*'), ['https://a.example'], '')).toBeUndefined();
    expect(parentOrigin(params('parent-origin=javascript:x'), [], '')).toBeUndefined();
  });

  it('else uses the browser-reported ancestor, then the referrer', () => {
    expect(parentOrigin(params(''), ['https://a.example'], 'https://b.example/x')).toBe(
      'https://a.example',
    );
    expect(parentOrigin(params(''), [], 'https://b.example/x?y')).toBe('https://b.example');
  });

  it('is undefined when nothing tells (the frame then stays silent)', () => {
    expect(parentOrigin(params(''), [], '')).toBeUndefined();
    expect(parentOrigin(params(''), ['null'], '')).toBeUndefined();
  });
});

describe('readHeightMessage', () => {
  it('reads a height message', () => {
    expect(readHeightMessage({ type: 'live-blog:height', height: 812.4, id: null })).toBe(813);
  });

  it('rejects anything else', () => {
    for (const data of [
      null,
      'live-blog:height',
      { type: 'other', height: 10 },
      { type: 'live-blog:height', height: '100' },
      { type: 'live-blog:height', height: -1 },
      { type: 'live-blog:height', height: Number.NaN },
      { type: 'live-blog:height', height: Number.POSITIVE_INFINITY },
    ]) {
      expect(readHeightMessage(data)).toBeUndefined();
    }
  });

  it('caps absurd heights', () => {
    expect(readHeightMessage({ type: 'live-blog:height', height: 1e12 })).toBe(1_000_000);
  });
});

describe('isHelloMessage', () => {
  it('recognises only the hello', () => {
    expect(isHelloMessage({ type: 'live-blog:hello' })).toBe(true);
    expect(isHelloMessage({ type: 'live-blog:height' })).toBe(false);
    expect(isHelloMessage('live-blog:hello')).toBe(false);
  });
});

describe('readConsentMessage', () => {
  it('reads the providers a host agreed to as attribute text, strings only', () => {
    expect(
      readConsentMessage({ type: 'live-blog:consent', providers: ['youtube', 7, 'evil'] }),
    ).toBe('youtube evil');
    expect(readConsentMessage({ type: 'live-blog:consent', providers: 'all' })).toBe('all');
    expect(readConsentMessage({ type: 'live-blog:consent', providers: { all: true } })).toBe('');
    expect(readConsentMessage({ type: 'live-blog:consent' })).toBe('');
  });

  it('ignores every other message', () => {
    expect(readConsentMessage({ type: 'live-blog:hello' })).toBeUndefined();
    expect(readConsentMessage('live-blog:consent')).toBeUndefined();
    expect(readConsentMessage(null)).toBeUndefined();
  });
});
