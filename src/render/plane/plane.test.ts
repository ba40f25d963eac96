// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { History } from '../../sim/history';
import { fn, scenario } from '../../sim/testkit';
import type { Frame } from '../../worker/frame';
import { buildFrame } from '../../worker/frameBuilder';
import { renderPlane, type PlaneOptions } from './index';

const options: PlaneOptions = { trailMs: 900, animate: false, selected: null, onSelect: () => {}, tokens: false };
const svgWith = () => document.createElementNS('http://www.w3.org/2000/svg', 'svg');
/** What the plane's numbers say: each worker box's label, each station's count. */
const numbers = (svg: SVGSVGElement) => [...svg.querySelectorAll('text.worker-label, text.station-count')].map((t) => t.textContent);

describe('the plane’s numbers while playing', () => {
  it('say after every frame what a fresh drawing of that frame says, though each frame rewrites only what changed', () => {
    // Bursts on three hosts, throttled above 4 at once: running counts and throttles change from frame to frame.
    const h = new History(
      scenario({
        durationMs: 6_000,
        platform: { hosts: 3, limits: { accountConcurrency: 4 } },
        functions: [fn({ timeoutMs: 10_000, durationMs: { dist: 'exponential', meanMs: 400 }, workload: { type: 'poisson', ratePerSec: 12 } })],
      }),
    );
    const svg = svgWith();
    const seen = new Set<string>();
    for (let t = 0; t <= 6_000; t += 50) {
      h.seek(t);
      const frame: Frame = buildFrame(h, t);
      renderPlane(svg, frame, options);
      const fresh = svgWith();
      renderPlane(fresh, frame, options);
      expect(numbers(svg)).toEqual(numbers(fresh));
      seen.add(numbers(svg).join('|'));
    }
    // The run did change the numbers many times (else this checks nothing).
    expect(seen.size).toBeGreaterThan(20);
    expect(numbers(svg).some((n) => /running/.test(n ?? ''))).toBe(true);
  });
});
