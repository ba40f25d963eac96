// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import '../../i18n';
import { breakEvenRate, defaultVm, type Workload } from '../../sim/breakEven';
import { renderBreakEvenChart } from './breakEvenChart';
import { renderMemorySweepChart } from './memorySweepChart';

const svgElement = () => document.createElementNS('http://www.w3.org/2000/svg', 'svg');
const opts = { width: 800, height: 340 };

describe('the break-even chart', () => {
  // 512 MB × 120 ms at 10 calls a second, peak twice the mean: break-even at 22.22/s (breakEven.test.ts).
  const w: Workload = { ratePerSec: 10, usdPerRequest: 0.000001200002, gbSecondsPerRequest: 0.06, peakFactor: 2, fixedUsdPerMonth: 0 };

  it('draws both lines, the break-even rate and this run, and the same picture when drawn twice', () => {
    const svg = svgElement();
    const data = { workload: w, vm: defaultVm, breakEven: breakEvenRate(w, defaultVm) };
    renderBreakEvenChart(svg, data, opts);
    expect(svg.querySelectorAll('path.line-functions')).toHaveLength(1);
    expect(svg.querySelectorAll('path.line-vms')).toHaveLength(1);
    expect(Number(svg.querySelector('g.break-even-rate')!.getAttribute('data-rate'))).toBeCloseTo(22.2222, 3);
    expect(svg.querySelector('g.break-even-rate')!.textContent).toContain('break-even 22.2/s');
    expect(Number(svg.querySelector('g.current-point')!.getAttribute('data-rate'))).toBe(10);
    const first = svg.outerHTML;
    renderBreakEvenChart(svg, data, opts);
    expect(svg.outerHTML).toBe(first);
  });

  it('marks no break-even when there is none', () => {
    const svg = svgElement();
    renderBreakEvenChart(svg, { workload: { ...w, peakFactor: 40 }, vm: defaultVm, breakEven: null }, opts);
    expect(svg.querySelectorAll('g.break-even-rate line')).toHaveLength(0);
    expect(svg.querySelectorAll('g.current-point circle')).toHaveLength(1);
  });
});

describe('the memory sweep chart', () => {
  it('rings the cheapest and the fastest sizes', () => {
    const svg = svgElement();
    renderMemorySweepChart(
      svg,
      {
        points: [
          { memoryMb: 128, costPerMillionUsd: 5, p50Ms: 900 },
          { memoryMb: 1024, costPerMillionUsd: 4, p50Ms: 120 },
          { memoryMb: 4096, costPerMillionUsd: 9, p50Ms: 60 },
        ],
        cheapestMb: 1024,
        fastestMb: 4096,
      },
      opts,
    );
    expect(svg.querySelector('g.sweep-cheapest')!.getAttribute('data-mb')).toBe('1024');
    expect(svg.querySelectorAll('g.sweep-cheapest circle')).toHaveLength(1);
    expect(svg.querySelector('g.sweep-fastest')!.textContent).toBe('fastest');
    expect(svg.querySelectorAll('g.sweep-dots circle')).toHaveLength(3);
  });
});
