import { describe, expect, it, vi } from 'vitest';
import { lazyCode } from '../../../../src/shared/code/lazy-code';

describe('lazyCode', () => {
  it('loads once, and is there synchronously from then on', async () => {
    const importer = vi.fn(() => Promise.resolve({ answer: 42 }));
    const code = lazyCode(importer);
    expect(code.current()).toBeUndefined();
    await Promise.all([code.load(), code.load()]);
    expect(code.current()).toEqual({ answer: 42 });
    await code.load();
    expect(importer).toHaveBeenCalledTimes(1);
  });

  it('resolves when the chunk cannot come, and the next load tries again', async () => {
    const importer = vi
      .fn<() => Promise<{ answer: number }>>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValueOnce({ answer: 42 });
    const code = lazyCode(importer);
    await expect(code.load()).resolves.toBeUndefined();
    expect(code.current()).toBeUndefined();
    await code.load();
    expect(code.current()).toEqual({ answer: 42 });
    expect(importer).toHaveBeenCalledTimes(2);
  });
});
