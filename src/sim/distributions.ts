import type { Distribution } from './scenario';
import type { Rng } from './rng';

const PERCENTILE_POINTS = [0, 0.01, 0.25, 0.5, 0.75, 0.99, 1] as const;

/** One draw, in ms, from a scenario distribution. */
export function sample(d: Distribution, rng: Rng): number {
  switch (d.dist) {
    case 'constant':
      return d.ms;
    case 'exponential':
      return -d.meanMs * Math.log(1 - rng.next());
    case 'lognormal':
      return d.medianMs * Math.exp(d.sigma * standardNormal(rng));
    case 'empirical': {
      // Piecewise-linear inverse CDF through the published percentiles (the shape in which
      // the Azure Functions 2019 trace gives durations).
      const p = d.percentiles;
      const values = [p.p0, p.p1, p.p25, p.p50, p.p75, p.p99, p.p100];
      const u = rng.next();
      let i = 1;
      while (i < PERCENTILE_POINTS.length - 1 && u > PERCENTILE_POINTS[i]!) i++;
      const lo = PERCENTILE_POINTS[i - 1]!;
      const hi = PERCENTILE_POINTS[i]!;
      return values[i - 1]! + ((u - lo) / (hi - lo)) * (values[i]! - values[i - 1]!);
    }
  }
}

/** The distribution's mean in ms (closed form), for presets and sanity checks. */
export function mean(d: Distribution): number {
  switch (d.dist) {
    case 'constant':
      return d.ms;
    case 'exponential':
      return d.meanMs;
    case 'lognormal':
      return d.medianMs * Math.exp((d.sigma * d.sigma) / 2);
    case 'empirical': {
      const p = d.percentiles;
      const v = [p.p0, p.p1, p.p25, p.p50, p.p75, p.p99, p.p100];
      let m = 0;
      for (let i = 1; i < v.length; i++) m += ((PERCENTILE_POINTS[i]! - PERCENTILE_POINTS[i - 1]!) * (v[i]! + v[i - 1]!)) / 2;
      return m;
    }
  }
}

/** Box-Muller, one value per call (the second is dropped: simpler state, still exact). */
function standardNormal(rng: Rng): number {
  const u1 = 1 - rng.next();
  const u2 = rng.next();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}
