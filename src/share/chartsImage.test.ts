// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { presets } from '../lessons/presets';
import { CHARTS } from '../render/charts';
import { History } from '../sim/history';
import { parseScenario } from '../sim/scenario';
import { buildFrame } from '../worker/frameBuilder';
import { chartsImage, CHARTS_IMAGE_LAYOUT } from './chartsImage';
import { serializeSvg } from './svg';

function burstFrameAt(t: number) {
  const h = new History(parseScenario(presets.find((p) => p.id === 'burst')!.scenario));
  h.advanceTo(t);
  return buildFrame(h, 1);
}

describe('the charts as one picture', () => {
  const frame = burstFrameAt(20_000);

  it('holds every chart of the panel, in reading order, in a grid that does not overlap', () => {
    const { svg, dispose } = chartsImage(frame, 'Burst · at 20 s');
    const cells = [...svg.querySelectorAll(':scope > svg')];
    expect(cells.map((c) => c.getAttribute('data-chart'))).toEqual(CHARTS.map((c) => c.id));
    const { chartWidth, chartHeight } = CHARTS_IMAGE_LAYOUT;
    const boxes = cells.map((c) => ({ x: Number(c.getAttribute('x')), y: Number(c.getAttribute('y')) }));
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) expect(Math.abs(a.x - b.x) >= chartWidth || Math.abs(a.y - b.y) >= chartHeight).toBe(true);
      expect(a.x + chartWidth).toBeLessThanOrEqual(Number(svg.getAttribute('width')));
      expect(a.y + chartHeight).toBeLessThanOrEqual(Number(svg.getAttribute('height')));
    }
    // Each chart is drawn, with its own title, not an empty box.
    expect(cells.every((c) => c.querySelector('.chart-title')?.textContent)).toBe(true);
    dispose();
  });

  it('has the heading, and exports as a standalone SVG whose ids stay unique', () => {
    const { svg, dispose } = chartsImage(frame, 'Burst · at 20 s');
    const text = serializeSvg(svg);
    dispose();
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    expect(doc.documentElement.querySelector(':scope > text')?.textContent).toBe('Burst · at 20 s');
    const ids = [...doc.querySelectorAll('[id]')].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('leaves nothing behind in the page', () => {
    const before = document.body.childElementCount;
    chartsImage(frame, 'x').dispose();
    expect(document.body.childElementCount).toBe(before);
  });
});
