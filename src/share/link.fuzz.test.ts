import fc from 'fast-check';
import lz from 'lz-string';
import { describe, expect, it } from 'vitest';
import { presets } from '../lessons/presets';
import { checkScenario } from '../sim/scenario';
import { readStartupLink } from './boot';
import { decodeLink, encodeLink, type SharedState } from './link';

/**
 * Whatever link a student pastes: it opens its state, or says (in English and French) why it
 * cannot, and the default scenario runs; never an exception.
 */

const compressed = (v: unknown) => lz.compressToEncodedURIComponent(typeof v === 'string' ? v : JSON.stringify(v));

/** Fragments: plain strings, the link prefix with garbage, and well-compressed odd payloads. */
const fragment = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ maxLength: 300 }).map((s) => `#v1=${s}`),
  fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$'), maxLength: 400 }).map((s) => `#v1=${s}`),
  fc.jsonValue({ maxDepth: 3 }).map((v) => `#v1=${compressed(v)}`),
  fc.nat({ max: 9 }).map((n) => `#v${n}=${compressed({ v: n, scenario: presets[0]!.scenario })}`),
  fc
    .record({
      v: fc.oneof(fc.constant(1), fc.jsonValue({ maxDepth: 1 })),
      scenario: fc.oneof(fc.constantFrom(...presets.map((p) => p.scenario)), fc.jsonValue({ maxDepth: 3 })),
      t: fc.oneof(fc.double(), fc.integer(), fc.string({ maxLength: 5 })),
      presetId: fc.oneof(fc.constantFrom(...presets.map((p) => p.id)), fc.string({ maxLength: 8 })),
      lessonId: fc.string({ maxLength: 8 }),
      step: fc.oneof(fc.integer(), fc.double()),
      speedIndex: fc.oneof(fc.integer({ min: -5, max: 30 }), fc.double()),
      lang: fc.oneof(fc.constantFrom('en', 'fr'), fc.string({ maxLength: 4 })),
    }, { requiredKeys: ['v', 'scenario'] })
    .map((state) => `#v1=${compressed(state)}`),
  // A good link cut anywhere (a chat client that wraps or truncates it).
  fc.tuple(fc.constantFrom(...presets), fc.double({ min: 0, max: 1, noNaN: true })).map(([p, cut]) => {
    const link = encodeLink({ scenario: p.scenario, presetId: p.id, t: 1_000 } as SharedState);
    return link.slice(0, Math.floor(link.length * cut));
  }),
);

describe('shared links, fuzzed', () => {
  it('any fragment: its state, nothing, or a message in both languages; never an exception', () => {
    fc.assert(
      fc.property(fragment, (hash) => {
        const link = decodeLink(hash);
        if (link.kind === 'error') {
          expect(link.message.en.length).toBeGreaterThan(10);
          expect(link.message.fr.length).toBeGreaterThan(10);
        } else if (link.kind === 'ok') {
          // A link that opens carries a scenario the engine accepts.
          expect(checkScenario(link.state.scenario).ok).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('the start-up reading of any address (fragment and query) never throws', () => {
    fc.assert(
      fc.property(fragment, fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('?embed=1', '?embed', '?embed=0&lang=fr', '?lang=%E0%A4%A', '?%')), (hash, search) => {
        const startup = readStartupLink({ hash, search });
        expect(typeof startup.embed).toBe('boolean');
        if (startup.message) expect(startup.state).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });
});
