// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { History } from '../../sim/history';
import { fn, scenario } from '../../sim/testkit';
import type { Frame, RequestView, SandboxView } from '../../worker/frame';
import { buildFrame } from '../../worker/frameBuilder';
import { renderPlane, type PlaneOptions } from './index';
import { placeRequest, TOKEN_DOT_R, workerBoxes, workerLabelBaseline, type SandboxIndex } from './layout';

const options: PlaneOptions = { trailMs: 900, animate: false, selected: null, onSelect: () => {}, tokens: false };
const svgWith = () => document.createElementNS('http://www.w3.org/2000/svg', 'svg');
/** What the plane's numbers say: each worker box's label, each station's count. */
const numbers = (svg: SVGSVGElement) => [...svg.querySelectorAll('text.worker-label, text.station-count')].map((t) => t.textContent);

describe('the plane’s numbers while playing', () => {
  it('say after every frame what a fresh drawing of that frame says, though each frame rewrites only what changed, in place', () => {
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
    // How each number was rewritten: in its text node ("characterData"), or by a new node
    // in place of the old one ("replaced"; a count's first text is a node added, not replaced).
    const observer = new MutationObserver(() => {});
    observer.observe(svg, { characterData: true, childList: true, subtree: true });
    const rewrites = new Set<string>();
    for (let t = 0; t <= 6_000; t += 50) {
      h.seek(t);
      const frame: Frame = buildFrame(h, t);
      observer.takeRecords();
      renderPlane(svg, frame, options);
      if (t > 0) for (const r of observer.takeRecords()) if ((r.type === 'characterData' ? r.target.parentElement : (r.target as Element))?.matches('text.worker-label, text.station-count')) rewrites.add(r.type === 'childList' && r.removedNodes.length > 0 ? 'replaced' : r.type);
      const fresh = svgWith();
      renderPlane(fresh, frame, options);
      expect(numbers(svg)).toEqual(numbers(fresh));
      seen.add(numbers(svg).join('|'));
    }
    // The run did change the numbers many times (else this checks nothing).
    expect(seen.size).toBeGreaterThan(20);
    // Each in place: a text node replaced is styled and laid out as new, for every count that
    // moved on every frame.
    expect(rewrites.has('characterData')).toBe(true);
    expect(rewrites.has('replaced')).toBe(false);
    expect(numbers(svg).some((n) => /running/.test(n ?? ''))).toBe(true);
  });
});

describe('requests at a worker', () => {
  it('stay in the band below the box’s label, so a crowd of them leaves the running count readable', () => {
    const frame = { t: 1_000 } as Frame;
    /** A box tall enough for a dot between the label's descenders and its bottom edge. */
    const hasRoom = (h: number) => h - TOKEN_DOT_R - 1 >= workerLabelBaseline(h) + 4 + TOKEN_DOT_R;
    let banded = 0;
    for (const hosts of [1, 2, 3, 4, 6, 8, 40]) {
      const boxes = workerBoxes(hosts);
      for (const b of boxes) {
        const sandbox = { id: 1, host: b.first, state: 'invoking' } as SandboxView;
        const index: SandboxIndex = { get: () => sandbox };
        const labelBottom = workerLabelBaseline(b.h) + 4;
        for (let id = 0; id < 300; id++) {
          for (const state of ['running', 'waitingForSandbox'] as const) {
            const rq = { id, fn: 0, state, sandbox: 1, stateSince: 0, stateEndsAt: 2_000 } as unknown as RequestView;
            const p = placeRequest(rq, frame, () => b, index);
            expect(p.x).toBeGreaterThanOrEqual(b.x);
            expect(p.x).toBeLessThanOrEqual(b.x + b.w);
            // Short boxes (eight of them) have no room below the label; all others do.
            if (hasRoom(b.h)) {
              expect(p.y - TOKEN_DOT_R).toBeGreaterThanOrEqual(b.y + labelBottom - 1e-9);
              expect(p.y + TOKEN_DOT_R).toBeLessThanOrEqual(b.y + b.h);
              banded++;
            }
          }
        }
      }
    }
    // Up to six boxes (2,000 sandboxes fill six hosts) the band is there.
    expect(workerBoxes(6).every((b) => hasRoom(b.h))).toBe(true);
    expect(banded).toBeGreaterThan(0);
  });
});
