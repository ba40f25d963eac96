import fc from 'fast-check';
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { decompressBounded } from './lzBounded';

const URI_SAFE = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$'];

describe('bounded lz-string decompression', () => {
  it('reads back whatever lz-string compressed, unicode included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        expect(decompressBounded(compressToEncodedURIComponent(text), 1e6)).toEqual({ ok: true, text });
      }),
    );
  });

  it('never throws on garbage, and whatever text it reads from it, the library reads too', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...URI_SAFE, ' ', '%', '#'), maxLength: 60 }), (s) => {
        const got = decompressBounded(s, 10_000);
        if (!got.ok || got.text === null) return;
        // (On some garbage the library throws or reads on with an undefined entry; ours says null.)
        expect(decompressFromEncodedURIComponent(s)).toBe(got.text);
      }),
      { numRuns: 2000 },
    );
  });

  it('stops a decompression bomb at the ceiling instead of expanding it', () => {
    // 20,000 identical characters compress to a few hundred: refuse to expand past 1,000.
    const bomb = compressToEncodedURIComponent('a'.repeat(20_000));
    expect(bomb.length).toBeLessThan(1_000);
    expect(decompressBounded(bomb, 1_000)).toEqual({ ok: false, tooLarge: true });
    expect(decompressBounded(bomb, 20_000)).toEqual({ ok: true, text: 'a'.repeat(20_000) });
  });
});
