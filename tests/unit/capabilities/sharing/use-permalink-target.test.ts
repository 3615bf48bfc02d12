import { describe, expect, it } from 'vitest';
import {
  jumpReducer,
  type JumpState,
} from '../../../../src/capabilities/sharing/use-permalink-target';

const idle: JumpState = { phase: 'idle', id: undefined, seq: 0, note: undefined };

describe('jumpReducer', () => {
  it('goes idle → seeking → landed, and a new jump starts again with a new seq', () => {
    const seeking = jumpReducer(idle, { type: 'jump', id: 'a' });
    expect(seeking).toEqual({ phase: 'seeking', id: 'a', seq: 1, note: undefined });
    const landed = jumpReducer(seeking, { type: 'found', seq: 1 });
    expect(landed.phase).toBe('landed');
    // The same update again: a new jump (highlighted again), not a no-op.
    expect(jumpReducer(landed, { type: 'jump', id: 'a' })).toEqual({
      phase: 'seeking',
      id: 'a',
      seq: 2,
      note: undefined,
    });
  });

  it('ignores news about an earlier jump, and a second "found"', () => {
    const second = jumpReducer(jumpReducer(idle, { type: 'jump', id: 'a' }), {
      type: 'jump',
      id: 'b',
    });
    expect(jumpReducer(second, { type: 'found', seq: 1 })).toBe(second);
    expect(jumpReducer(second, { type: 'not-found', seq: 1 })).toBe(second);
    const landed = jumpReducer(second, { type: 'found', seq: 2 });
    expect(jumpReducer(landed, { type: 'found', seq: 2 })).toBe(landed);
  });

  it('keeps the "filters cleared" note through landing; a new jump drops it', () => {
    const seeking = jumpReducer(idle, { type: 'jump', id: 'a' });
    const cleared = jumpReducer(seeking, { type: 'filters-cleared', seq: 1 });
    expect(jumpReducer(cleared, { type: 'filters-cleared', seq: 1 })).toBe(cleared);
    const landed = jumpReducer(cleared, { type: 'found', seq: 1 });
    expect(landed).toMatchObject({ phase: 'landed', note: 'filters-cleared' });
    expect(jumpReducer(landed, { type: 'jump', id: 'b' }).note).toBeUndefined();
  });

  it('not found: back to idle with a note', () => {
    const seeking = jumpReducer(idle, { type: 'jump', id: 'a' });
    expect(jumpReducer(seeking, { type: 'not-found', seq: 1 })).toEqual({
      phase: 'idle',
      id: undefined,
      seq: 1,
      note: 'not-found',
    });
  });

  it("another widget's update (quiet): back to idle without a note", () => {
    const seeking = jumpReducer(idle, { type: 'jump', id: 'a', shared: true });
    expect(seeking.shared).toBe(true);
    expect(jumpReducer(seeking, { type: 'not-found', seq: 1, quiet: true })).toMatchObject({
      phase: 'idle',
      id: undefined,
      note: undefined,
    });
  });

  it('a place kept for Back or reload lands quietly at its offset; a later jump has none', () => {
    const seeking = jumpReducer(idle, { type: 'jump', id: 'a', shared: true, at: -40 });
    expect(seeking).toMatchObject({ phase: 'seeking', id: 'a', shared: true, at: -40 });
    expect(jumpReducer(seeking, { type: 'found', seq: 1 })).toMatchObject({
      phase: 'landed',
      at: -40,
    });
    expect(jumpReducer(seeking, { type: 'jump', id: 'b' }).at).toBeUndefined();
  });
});
