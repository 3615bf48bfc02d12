import { describe, expect, it } from 'vitest';
import { readBody } from '../../../../src/capabilities/feed/read-body';

/** A response whose body arrives in the given byte pieces, with no Content-Length. */
function arriving(pieces: Uint8Array[]): Response {
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const piece of pieces) controller.enqueue(piece);
      controller.close();
    },
  });
  return new Response(stream);
}

describe('readBody', () => {
  it('decodes characters whose bytes are split between two pieces', async () => {
    const text = '{"title":"Вільнюс — 🇺🇦 café"}';
    const bytes = new TextEncoder().encode(text);
    // Every split point, including inside each multi-byte character.
    for (let at = 1; at < bytes.length; at++) {
      const read = await readBody(arriving([bytes.subarray(0, at), bytes.subarray(at)]), 1_000);
      expect(read).toEqual({ text });
    }
  });

  it('stops at the limit, counting bytes rather than characters', async () => {
    const piece = new TextEncoder().encode('ж'.repeat(300)); // 600 bytes
    expect(await readBody(arriving([piece, piece]), 1_000)).toEqual({ tooLarge: 1_200 });
    expect(await readBody(arriving([piece]), 1_000)).toEqual({ text: 'ж'.repeat(300) });
  });

  it('tells of each piece as it arrives, so that a slow body is not a silent one', async () => {
    const piece = new TextEncoder().encode('"a"');
    let heard = 0;
    await readBody(arriving([piece, piece, piece]), 1_000, () => heard++);
    expect(heard).toBe(3);
  });
});
