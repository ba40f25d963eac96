import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';

/**
 * A seeded random stream (xoroshiro128+ from pure-rand). The simulation never uses the
 * global random generator: every draw comes from a stream derived from the scenario's seed, so a run is
 * reproducible from its scenario alone.
 *
 * Each function gets its own streams (arrivals, service times), so changing one function's
 * parameters leaves the random draws of the others untouched: "change one thing, see its
 * effect" compares like with like (common random numbers).
 */
export class Rng {
  private constructor(private gen: JumpableRandomGenerator) {}

  /** The stream for (seed, index, purpose); distinct inputs give independent-looking streams. */
  static stream(seed: number, index: number, purpose: number): Rng {
    return new Rng(xoroshiro128plus(mix(seed, index, purpose)));
  }

  static fromState(state: readonly number[]): Rng {
    return new Rng(xoroshiro128plusFromState(state));
  }

  /** Uniform in [0, 1). */
  next(): number {
    return uniformFloat64(this.gen);
  }

  state(): readonly number[] {
    return this.gen.getState();
  }
}

/** splitmix32-style finaliser over the three inputs: well-spread 32-bit seeds. */
function mix(seed: number, index: number, purpose: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const v of [index, purpose]) {
    h = Math.imul(h ^ (v + 0x7f4a7c15), 0x85ebca6b) >>> 0;
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
    h = (h ^ (h >>> 16)) >>> 0;
  }
  return h | 0;
}
