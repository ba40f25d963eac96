import fc from 'fast-check';
import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { presets } from '../lessons/presets';
import { checkScenario } from '../sim/scenario';
import { decodeLink, encodeLink, MAX_LINK_CHARS, type DecodedLink, type SharedState } from './link';

const scenario = () => structuredClone(presets[0]!.scenario);
/** A fragment holding `json` as the link format would, whatever `json` is. */
const fragmentOf = (json: unknown, version = 1) => `#v${version}=${compressToEncodedURIComponent(JSON.stringify(json))}`;
/**
 * An lz-string stream of `codes` codes that each repeat the previous entry plus one character:
 * the output grows as codes² / 2 (4,000 codes, 8 million characters), the worst case a link can be.
 */
function lzBomb(codes: number): string {
  const bits: number[] = [];
  const write = (n: number, value: number) => {
    for (let i = 0; i < n; i++) bits.push((value >> i) & 1);
  };
  write(2, 0);
  write(8, 'a'.charCodeAt(0));
  let dictSize = 4;
  let numBits = 3;
  let enlargeIn = 4;
  for (let k = 0; k < codes; k++) {
    write(numBits, dictSize++);
    if (--enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  }
  write(numBits, 2);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
  let out = '';
  for (let i = 0; i < bits.length; i += 6) out += alphabet[bits.slice(i, i + 6).reduce((v, b, j) => v | (b << (5 - j)), 0)];
  return out;
}

const errorOf = (d: DecodedLink) => {
  if (d.kind !== 'error') throw new Error(`expected an error, got ${d.kind}`);
  return d;
};

describe('a shared link', () => {
  it('opens exactly where the lecturer left it: scenario, lesson step, position, speed, language', () => {
    const state: SharedState = { v: 1, scenario: scenario(), presetId: 'one-cold-start', lessonId: 'cold-start', step: 2, t: 1234.5, speedIndex: 3, lang: 'fr' };
    const hash = encodeLink(state);
    expect(hash).toMatch(/^#v1=[A-Za-z0-9+\-$]+$/);
    expect(decodeLink(hash)).toEqual({ kind: 'ok', state });
  });

  it('carries a week of per-minute traffic for two hundred functions', () => {
    const big = scenario();
    big.accounts = [{ id: 'acme' }];
    big.functions = Array.from({ length: 200 }, (_, i) => ({
      ...big.functions[0]!,
      name: `fn-${i}`,
      account: 'acme',
      workload: { type: 'perMinute' as const, counts: Array.from({ length: i === 0 ? 7 * 24 * 60 : 10 }, (_, m) => (m * 7919) % 100) },
    }));
    expect(checkScenario(big).ok).toBe(true);
    const hash = encodeLink({ v: 1, scenario: big, t: 0 });
    expect(hash.length).toBeLessThan(MAX_LINK_CHARS);
    expect(decodeLink(hash)).toEqual({ kind: 'ok', state: { v: 1, scenario: big, t: 0 } });
  });

  it('still opens when a mail client percent-encoded it', () => {
    const state: SharedState = { v: 1, scenario: scenario(), t: 5 };
    const hash = encodeLink(state).replace(/\$/g, '%24').replace(/\+/g, '%2B');
    expect(decodeLink(hash)).toEqual({ kind: 'ok', state });
  });

  it('is not confused with an ordinary anchor or an empty fragment', () => {
    expect(decodeLink('')).toEqual({ kind: 'none' });
    expect(decodeLink('#')).toEqual({ kind: 'none' });
    expect(decodeLink('#main')).toEqual({ kind: 'none' });
  });
});

describe('a bad link gets a clear message, in both languages, and the default scenario', () => {
  it('cut short when copied', () => {
    const hash = encodeLink({ v: 1, scenario: scenario(), t: 10 });
    const d = errorOf(decodeLink(hash.slice(0, Math.floor(hash.length * 0.6))));
    expect(d.message.en).toContain('incomplete or damaged');
    expect(d.message.en).toContain('Copy the whole link');
    expect(d.message.en).toContain('The default scenario was opened instead.');
    expect(d.message.fr).toContain('incomplet ou abîmé');
  });

  it('garbage after the version', () => {
    expect(errorOf(decodeLink('#v1=this-is-not-a-link')).message.en).toContain('incomplete or damaged');
    expect(errorOf(decodeLink('#v1=')).message.en).toContain('incomplete or damaged');
  });

  it('valid JSON with a negative position names the field and what it must be', () => {
    const d = errorOf(decodeLink(fragmentOf({ v: 1, scenario: scenario(), t: -5 })));
    expect(d.message.en).toBe("The link's playback position (t) must be a number of milliseconds ≥ 0. Ask for a new link. The default scenario was opened instead.");
    expect(d.message.fr).toContain('La position de lecture du lien (t)');
    // The scenario itself was fine: it is handed back so the editor can keep it.
    expect(d.scenario).toEqual(scenario());
  });

  it('every wrong field is named, once', () => {
    const d = errorOf(decodeLink(fragmentOf({ v: 1, scenario: scenario(), speedIndex: 99, lang: 'de', step: 1.5 })));
    expect(d.message.en).toContain('(speedIndex) must be a whole number from 0 to 14');
    expect(d.message.en).toContain('(lang) must be one of "en", "fr"');
    expect(d.message.en).toContain('(step) must be a whole number');
    expect(decodeLink(fragmentOf({ v: 1 })).kind).toBe('error');
    expect(errorOf(decodeLink(fragmentOf({ v: 1 }))).message.en).toContain('no scenario');
  });

  it("a scenario problem is listed with its path, and the link's scenario is kept", () => {
    const bad = scenario();
    (bad.functions[0] as { memoryMb: number }).memoryMb = 64;
    const d = errorOf(decodeLink(encodeLink({ v: 1, scenario: bad })));
    expect(d.message.en).toBe("The link's scenario has 1 problem: functions[0].memoryMb: expected 128..10240, got 64. The default scenario was opened instead.");
    expect(d.message.fr).toContain('Le scénario du lien a 1 problème : functions[0].memoryMb');
    expect(d.scenario).toEqual(bad);
  });

  it('made by another version of FaaScope', () => {
    for (const hash of [fragmentOf({ v: 0, scenario: scenario() }, 0), fragmentOf({ v: 2, scenario: scenario() }, 2), fragmentOf({ v: 2, scenario: scenario() }, 1)]) {
      const d = errorOf(decodeLink(hash));
      expect(d.message.en).toContain('made by another version of FaaScope');
      expect(d.message.fr).toContain('autre version de FaaScope');
    }
  });

  it('too long to be ours is refused before it is decompressed', () => {
    const d = errorOf(decodeLink(`#v1=${'A'.repeat(MAX_LINK_CHARS + 1)}`));
    expect(d.message.en).toContain('too long to open');
    expect(d.message.en).toContain('Export scenario');
  });

  it('a small link that expands to gigabytes is stopped at the ceiling', () => {
    const bomb = `#v1=${lzBomb(4_000)}`;
    expect(bomb.length).toBeLessThan(10_000);
    expect(errorOf(decodeLink(bomb)).message.en).toContain('too large to open');
  });
});

describe('links, for any state and any string', () => {
  const stateArb: fc.Arbitrary<SharedState> = fc
    .record(
      {
        preset: fc.constantFrom(...presets),
        name: fc.string({ unit: 'grapheme', maxLength: 60 }),
        seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        presetId: fc.string({ maxLength: 100 }),
        lessonId: fc.string({ maxLength: 100 }),
        step: fc.nat({ max: 10_000 }),
        t: fc.double({ min: 0, max: 1e12, noNaN: true }),
        speedIndex: fc.nat({ max: 14 }),
        lang: fc.constantFrom('en' as const, 'fr' as const),
      },
      { requiredKeys: ['preset', 'name', 'seed'] },
    )
    .map(({ preset, name, seed, ...rest }) => ({ v: 1 as const, scenario: { ...structuredClone(preset.scenario), name, seed }, ...rest }));

  it('decode(encode(state)) is the state', () => {
    fc.assert(
      fc.property(stateArb, (state) => {
        expect(decodeLink(encodeLink(state))).toEqual({ kind: 'ok', state });
      }),
      { numRuns: 200 },
    );
  });

  it('decoding never throws, whatever is in the fragment', () => {
    const linkish = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$%'), maxLength: 300 }).map((s) => `#v1=${s}`);
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), linkish, fc.jsonValue().map((j) => fragmentOf(j))), (hash) => {
        const d = decodeLink(hash);
        expect(['none', 'ok', 'error']).toContain(d.kind);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('the bomb used above', () => {
  it('really is a valid stream that expands quadratically', async () => {
    const { decompressFromEncodedURIComponent } = await import('lz-string');
    // 'a', then entries of 2, 3, ... 101 characters: 1 + 2 + ... + 101.
    expect(decompressFromEncodedURIComponent(lzBomb(100))).toBe('a'.repeat((101 * 102) / 2));
  });
});
