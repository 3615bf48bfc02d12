import { describe, expect, it } from 'vitest';
import {
  noteServerClock,
  onServerClock,
  serverSkew,
} from '../../../../src/shared/time/server-clock';

const AT = Date.parse('2025-06-01T12:00:00Z');
const HOUR = 3_600_000;
const headers = (date?: number, age?: number) =>
  new Headers({
    ...(date === undefined ? {} : { date: new Date(date).toUTCString() }),
    ...(age === undefined ? {} : { age: String(age) }),
  });

describe('the server’s clock', () => {
  it('is the reader’s own until a response says otherwise', () => {
    expect(serverSkew()).toBe(0);
    expect(onServerClock(AT)).toBe(AT);
    expect(onServerClock(undefined)).toBeUndefined();
  });

  it('is taken from Date (and Age, a cache’s keeping) when an hour apart either way', () => {
    noteServerClock(headers(AT + HOUR), AT);
    expect(onServerClock(AT)).toBe(AT + HOUR);
    noteServerClock(headers(AT - HOUR - 60_000, 60), AT);
    expect(serverSkew()).toBe(-HOUR);
  });

  it('is left alone by a response without Date, and reset by one within a minute', () => {
    noteServerClock(headers(AT + HOUR), AT);
    noteServerClock(headers(), AT);
    expect(serverSkew()).toBe(HOUR);
    noteServerClock(headers(AT + 30_000), AT);
    expect(serverSkew()).toBe(0);
  });
});
