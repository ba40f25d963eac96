// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { setup } from 'xstate';
import { presets } from '../../lessons/presets';
import { requestPath } from '../../machines/requestPath';
import { sandboxLifecycle } from '../../machines/sandboxLifecycle';
import { History } from '../../sim/history';
import { parseScenario } from '../../sim/scenario';
import { buildFrame } from '../../worker/frameBuilder';
import { machineGraph } from './graph';
import { layoutGraph } from './layout';
import { renderStatechart, type StatechartState } from './render';
import { formatCount } from './text';

const newSvg = () => document.createElementNS('http://www.w3.org/2000/svg', 'svg');
const sandboxGraph = machineGraph(sandboxLifecycle);
const sandboxLayout = layoutGraph(sandboxGraph);
const requestGraph = machineGraph(requestPath);
const requestLayout = layoutGraph(requestGraph);

function draw(state: StatechartState, svg = newSvg()) {
  renderStatechart(svg, sandboxGraph, sandboxLayout, state);
  return svg;
}
const countIn = (svg: SVGSVGElement, id: string) => svg.querySelector(`[data-state="${id}"] .sc-count`)?.textContent;

/** The burst lesson 5 s into its burst: sandboxes initializing, busy and idle, requests throttled. */
function burstFrame() {
  const preset = presets.find((p) => p.id === 'burst')!;
  const h = new History(parseScenario(preset.scenario));
  h.advanceTo(35_000);
  return buildFrame(h, 1);
}

describe('renderStatechart', () => {
  it("shows each state's count in that state's box, and a compound state the sum of its phases", () => {
    const svg = draw({ counts: { idle: 3, invoking: 12, 'initializing.bootingRuntime': 2, 'initializing.runningInit': 5, gone: 1500 }, highlight: null });
    expect(countIn(svg, 'idle')).toBe('3');
    expect(countIn(svg, 'invoking')).toBe('12');
    expect(countIn(svg, 'initializing.bootingRuntime')).toBe('2');
    expect(countIn(svg, 'initializing.fetchingCode')).toBe('0');
    expect(countIn(svg, 'initializing')).toBe('7');
    expect(countIn(svg, 'gone')).toBe('1.5k');
    expect(countIn(svg, 'placing')).toBe('0');
  });

  it('shows the counts of a real frame in both charts', () => {
    const frame = burstFrame();
    for (const [graph, layout, counts] of [
      [sandboxGraph, sandboxLayout, frame.counts.sandbox],
      [requestGraph, requestLayout, frame.counts.request],
    ] as const) {
      const svg = newSvg();
      renderStatechart(svg, graph, layout, { counts, highlight: null });
      for (const [path, n] of Object.entries(counts)) expect(countIn(svg, path), path).toBe(formatCount(n));
    }
    expect(Object.values(frame.counts.request).some((n) => n > 0)).toBe(true);
  });

  it('moves the highlight with the selected state, and drops it when there is none', () => {
    const svg = draw({ counts: {}, highlight: 'idle' });
    const selected = () => [...svg.querySelectorAll('.sc-state.sc-selected')].map((g) => g.getAttribute('data-state'));
    const markers = () => [...svg.querySelectorAll('.sc-marker, .sc-marker-ring')].map((g) => g.getAttribute('data-state'));
    expect(selected()).toEqual(['idle']);
    expect(markers()).toEqual(['idle', 'idle']);
    const pin = svg.querySelector('.sc-pin')!;
    const before = pin.getAttribute('d');

    draw({ counts: {}, highlight: 'initializing.runningInit' }, svg);
    expect(selected()).toEqual(['initializing.runningInit']);
    expect(markers()).toEqual(['initializing.runningInit', 'initializing.runningInit']);
    expect(svg.querySelector('.sc-pin')).toBe(pin); // the same element, moved
    expect(pin.getAttribute('d')).not.toBe(before);
    expect(svg.querySelector('[data-state="initializing.runningInit"] .sc-box')!.getAttribute('stroke-width')).toBe('3.5');
    expect(svg.querySelector('[data-state="idle"] .sc-box')!.getAttribute('stroke-width')).toBe('1.3');

    draw({ counts: {}, highlight: null }, svg);
    expect(selected()).toEqual([]);
    expect(markers()).toEqual([]);
  });

  it('draws the same DOM when called twice, or after drawing something else', () => {
    const state = { counts: { idle: 4, invoking: 1 }, highlight: 'invoking' };
    const first = draw(state).outerHTML;
    const svg = draw(state);
    draw(state, svg);
    expect(svg.outerHTML).toBe(first);
    draw({ counts: { placing: 9 }, highlight: 'gone' }, svg);
    draw(state, svg);
    expect(svg.outerHTML).toBe(first);
  });

  it('draws final states with a double border and states with their description on hover', () => {
    const svg = draw({ counts: {}, highlight: null });
    expect(svg.querySelectorAll('.sc-state.sc-final .sc-box-inner')).toHaveLength(1);
    expect(svg.querySelector('[data-state="gone"]')!.classList.contains('sc-final')).toBe(true);
    expect(svg.querySelector('[data-state="idle"] > title')!.textContent).toBe(`idle: ${sandboxGraph.nodes.find((n) => n.id === 'idle')!.description}`);
    expect(svg.querySelector('[data-state="initializing"] > title')!.textContent).toContain('The cold start');
  });

  it('labels every transition with its event, and names the actions it runs', () => {
    const svg = draw({ counts: {}, highlight: null });
    const label = svg.querySelector('.sc-edge-label[data-edge="idle|shuttingDown"]')!;
    expect([...label.querySelectorAll('tspan')].map((t) => t.textContent)).toEqual(['KEEP_ALIVE_EXPIRED', 'DEPROVISIONED', 'HOST_RECYCLED']);
    const fromContainer = svg.querySelector('.sc-edge[data-edge="initializing|shuttingDown"] title')!.textContent;
    expect(fromContainer).toBe('initializing → shuttingDown on HOST_RECYCLED (runs failWaitingRequest)');
    expect(svg.querySelectorAll('.sc-edge')).toHaveLength(sandboxLayout.edges.length);
  });

  it('reports hovered states as intents', () => {
    const onHover = vi.fn();
    const svg = newSvg();
    renderStatechart(svg, sandboxGraph, sandboxLayout, { counts: {}, highlight: null }, { onHover });
    svg.querySelector('[data-state="idle"]')!.dispatchEvent(new MouseEvent('mouseenter'));
    svg.querySelector('[data-state="idle"]')!.dispatchEvent(new MouseEvent('mouseleave'));
    expect(onHover.mock.calls).toEqual([['idle'], [null]]);
  });

  it('draws a state added to a machine, with no change to the view', () => {
    const machine = (withPaused: boolean) =>
      setup({}).createMachine({
        id: 'player',
        initial: 'stopped',
        states: {
          stopped: { description: 'Nothing plays.', on: { PLAY: 'playing' } },
          playing: { on: { STOP: 'stopped', ...(withPaused && { PAUSE: 'paused' }) } },
          ...(withPaused && { paused: { description: 'Holds its place.', on: { PLAY: 'playing' } } }),
        },
      });
    const render = (withPaused: boolean) => {
      const graph = machineGraph(machine(withPaused));
      const svg = newSvg();
      renderStatechart(svg, graph, layoutGraph(graph), { counts: { paused: 2 }, highlight: 'paused' });
      return svg;
    };
    const states = (svg: SVGSVGElement) => [...svg.querySelectorAll('.sc-state')].map((g) => g.getAttribute('data-state'));
    expect(states(render(false))).toEqual(['stopped', 'playing']);
    const svg = render(true);
    expect(states(svg)).toEqual(['stopped', 'playing', 'paused']);
    expect(countIn(svg, 'paused')).toBe('2');
    expect(svg.querySelector('[data-state="paused"] > title')!.textContent).toBe('paused: Holds its place.');
    expect([...svg.querySelectorAll('.sc-edge-label tspan')].map((l) => l.textContent)).toEqual(expect.arrayContaining(['PAUSE', 'PLAY']));
    expect(svg.querySelector('.sc-marker')!.getAttribute('data-state')).toBe('paused');
  });

  it('sets a viewBox so the chart scales to its panel', () => {
    expect(draw({ counts: {}, highlight: null }).getAttribute('viewBox')).toBe(sandboxLayout.viewBox.join(' '));
  });
});
