// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n';
import { History } from '../../sim/history';
import { fn, scenario, type FunctionInput, type PlatformInput } from '../../sim/testkit';
import type { Frame } from '../../worker/frame';
import { buildFrame } from '../../worker/frameBuilder';
import { drawSandboxesOnCanvas } from './canvas';
import { renderTopology, type TopologyOptions } from './index';
import { layoutTopology } from './layout';
import { sandboxLegend } from './sandboxStyle';

afterEach(async () => {
  vi.restoreAllMocks();
  await i18n.changeLanguage('en');
});

const opts: TopologyOptions = { width: 900, animate: false, selected: null, onSelect: () => {} };

/** A frame of a small run: the first at which `until` holds (without it: at the start). */
function frameOf(platform: PlatformInput, f: Partial<FunctionInput> = {}, until?: (f: Frame) => boolean): Frame {
  const h = new History(
    scenario({ durationMs: 4_000, platform, functions: [fn({ timeoutMs: 10_000, durationMs: { dist: 'constant', ms: 2_000 }, workload: { type: 'periodic', everyMs: 100 }, ...f })] }),
  );
  for (let i = 0; i < 10_000; i++) {
    const frame = buildFrame(h, i);
    if (!until || until(frame)) return frame;
    if (!h.stepForward()) break;
  }
  throw new Error('never happened');
}

const draw = (frame: Frame, o: Partial<TopologyOptions> = {}) => {
  const el = document.createElement('div');
  renderTopology(el, frame, { ...opts, ...o });
  return el;
};

describe('the warm pool in the topology view', () => {
  it('draws the pool’s generic sandboxes on their host before any request: dotted, neutral ink, dotted outline while booting, no function colour', () => {
    const frame = frameOf({ warmPool: { size: 3 } });
    const el = draw(frame);
    expect(el.querySelectorAll('g.sandbox')).toHaveLength(0);
    const cells = [...el.querySelectorAll<SVGGElement>('g.pool-sandbox')];
    expect(cells).toHaveLength(3);
    for (const c of cells) {
      expect(c.getAttribute('data-state')).toBe('pool.ready');
      const rect = c.querySelector('rect.cell')!;
      expect(rect.getAttribute('fill')).toBe('url(#pool-dots)');
      expect(rect.getAttribute('stroke')).toContain('--pool-ink');
      expect(rect.hasAttribute('stroke-dasharray')).toBe(false);
      // Not selectable, but named.
      expect(c.hasAttribute('tabindex')).toBe(false);
      expect(c.querySelector('title')!.textContent).toMatch(/^Generic sandbox \d+, no function yet \(warm pool, ready to be assigned\), 1\.0 GB held$/);
    }
    expect(el.querySelector('pattern#pool-dots')).not.toBeNull();
    // In a group of their own on the host, labelled as the pool.
    const group = [...el.querySelectorAll('g.guest.pool text.guest-label')].map((t) => t.textContent);
    expect(group.join(' | ')).toMatch(/^Warm pool · \d generic microVMs?/);
  });

  it('turns the taken one into a function sandbox assigningFromPool (hatched, glyph A), and the replacement boots with a dotted outline', () => {
    const frame = frameOf({ warmPool: { size: 3 } }, {}, (f) => f.sandboxes.some((s) => s.state === 'initializing.assigningFromPool'));
    const el = draw(frame);
    const sb = el.querySelector<SVGGElement>('g.sandbox[data-state="initializing.assigningFromPool"]')!;
    expect(sb).not.toBeNull();
    expect(sb.querySelector('text.glyph')!.textContent).toBe('A');
    expect(sb.querySelector('rect.cell')!.getAttribute('fill')).toBe('url(#hatch-fn-0)');
    const booting = el.querySelectorAll('g.pool-sandbox[data-state="pool.booting"]');
    expect(booting).toHaveLength(1);
    expect(booting[0]!.querySelector('rect.cell')!.getAttribute('stroke-dasharray')).toBe('1.5 1.5');
    expect(el.querySelectorAll('g.pool-sandbox')).toHaveLength(3);
    // The function's sandbox is one: its pool predecessor is no longer drawn as a pool cell.
    expect(el.querySelectorAll('g.sandbox')).toHaveLength(frame.sandboxes.length);
  });

  it('draws a snapshot restore with its own letter, X', () => {
    const frame = frameOf({}, { snapStart: true }, (f) => f.sandboxes.some((s) => s.state === 'initializing.restoringSnapshot'));
    const el = draw(frame);
    expect(el.querySelector('g.sandbox[data-state="initializing.restoringSnapshot"] text.glyph')!.textContent).toBe('X');
    expect(el.querySelectorAll('g.pool-sandbox')).toHaveLength(0);
  });

  it('puts pool cells on the canvas too when the canvas takes over, and the new phases’ letters', () => {
    const calls: string[] = [];
    const ctx = new Proxy(
      {},
      {
        get: (_, k: string) => (k === 'canvas' ? undefined : (...args: unknown[]) => calls.push(`${k}(${args.join(',')})`)),
        set: () => true,
      },
    );
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(ctx as unknown as CanvasRenderingContext2D);
    const frame = frameOf({ warmPool: { size: 3 } }, {}, (f) => f.sandboxes.some((s) => s.state === 'initializing.assigningFromPool'));
    const layout = layoutTopology(frame, 900);
    expect(layout.cell).toBeGreaterThanOrEqual(11);
    drawSandboxesOnCanvas(document.createElement('canvas'), frame, layout, null);
    expect(calls.filter((c) => c.startsWith('fillText(A,'))).toHaveLength(1);
    // One dashed outline for the booting pool sandbox, reset after it.
    expect(calls.filter((c) => c === 'setLineDash(2,2)')).toHaveLength(1);
    // Each pool cell: a faint fill, a dot and an outline.
    expect(calls.filter((c) => c.startsWith('strokeRect(')).length).toBeGreaterThanOrEqual(3 + frame.sandboxes.length);

    // And in fast forward, renderTopology hands pool and sandboxes to the canvas, none to the SVG.
    const many = frameOf({ warmPool: { size: 3 } }, { memoryMb: 128, workload: { type: 'periodic', everyMs: 10 } }, (f) => f.sandboxes.length + f.poolSandboxes.length > 100);
    const el = draw(many, { fastForward: true, playing: true });
    expect(el.querySelector('canvas.topology-canvas')).not.toBeNull();
    expect(el.querySelectorAll('g.pool-sandbox, g.sandbox')).toHaveLength(0);
  });
});

describe('the sandbox legend', () => {
  const states = (frame?: Frame) => sandboxLegend(frame).map((l) => l.state);
  const classic = ['initializing.fetchingCode', 'invoking', 'idle', 'shuttingDown'];

  it('stays at the four classic lines for a scenario without warm pool or snapStart', () => {
    expect(states()).toEqual(classic);
    expect(states(frameOf({}))).toEqual(classic);
  });

  it('adds the pool’s phase (A) and its generic cells when a warm pool is configured', () => {
    const legend = sandboxLegend(frameOf({ warmPool: { size: 3 } }));
    expect(legend.map((l) => l.state)).toEqual(['initializing.fetchingCode', 'initializing.assigningFromPool', 'invoking', 'idle', 'shuttingDown', 'pool']);
    expect(legend[1]!.glyph).toBe('A');
    expect(legend[5]!.text).toMatch(/^Warm pool: generic sandbox, not yet assigned/);
  });

  it('adds the snapshot restore (X) for a function with snapStart, not the pool’s (a snapStart function never takes one)', () => {
    const legend = sandboxLegend(frameOf({ warmPool: { size: 2 } }, { snapStart: true }));
    expect(legend.map((l) => l.state)).toEqual(['initializing.fetchingCode', 'initializing.restoringSnapshot', 'invoking', 'idle', 'shuttingDown', 'pool']);
    expect(legend[1]!.glyph).toBe('X');
  });

  it('says it in French', async () => {
    await i18n.changeLanguage('fr');
    const legend = sandboxLegend(frameOf({ warmPool: { size: 3 } }));
    expect(legend.find((l) => l.state === 'pool')!.text).toMatch(/^Pool chaud : sandbox générique, pas encore attribuée/);
    expect(legend.find((l) => l.state === 'initializing.assigningFromPool')!.text).toMatch(/^Démarrage à froid depuis le pool chaud/);
    const el = draw(frameOf({ warmPool: { size: 3 } }));
    expect(el.querySelector('g.pool-sandbox title')!.textContent).toMatch(/^Sandbox générique \d+, sans fonction encore \(pool chaud, prête à être attribuée\), 1,0 Go réservés$/);
  });
});

describe('the hand-over from canvas to SVG cells (Pause after fast forward)', () => {
  const fakeCanvas = () => {
    const ctx = new Proxy({}, { get: (_, k: string) => (k === 'canvas' ? undefined : () => {}), set: () => true });
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(ctx as unknown as CanvasRenderingContext2D);
  };
  const busy = () => frameOf({ warmPool: { size: 3 } }, { memoryMb: 128, workload: { type: 'periodic', everyMs: 10 } }, (f) => f.sandboxes.length + f.poolSandboxes.length > 120);
  const cells = (el: Element) => el.querySelectorAll('g.sandbox, g.pool-sandbox').length;

  it('builds the cells a budget at a time while the canvas shows the frame, and ends as one full draw does', () => {
    fakeCanvas();
    const frame = busy();
    const total = frame.sandboxes.length + frame.poolSandboxes.length;
    const el = document.createElement('div');
    renderTopology(el, frame, { ...opts, fastForward: true, playing: true });
    expect(cells(el)).toBe(0);
    const built: number[] = [];
    for (let pending = true; pending && built.length < 10; ) {
      pending = renderTopology(el, frame, { ...opts, animate: true, newCellBudget: 50 }).pending;
      built.push(cells(el));
      // Until the last cell is built, the canvas stays over them, showing the whole frame.
      expect(el.querySelector('canvas.topology-canvas') !== null).toBe(pending);
    }
    expect(built).toEqual([50, 100, 150].filter((n) => n < total).concat(total));
    // The same SVG as one draw with no budget, and no fade-in: these sandboxes are not new.
    expect(el.querySelector('svg.topology')!.outerHTML).toBe(draw(frame).querySelector('svg.topology')!.outerHTML);
    expect(el.querySelectorAll('.entering')).toHaveLength(0);
  });

  it('fades in only the sandboxes created while animating, not the cells there before it began', () => {
    const h = new History(scenario({ durationMs: 4_000, functions: [fn({ timeoutMs: 10_000, durationMs: { dist: 'constant', ms: 2_000 }, workload: { type: 'periodic', everyMs: 200 } })] }));
    h.seek(500);
    const early = buildFrame(h, 500);
    h.seek(1_500);
    const later = buildFrame(h, 1_500);
    const el = document.createElement('div');
    renderTopology(el, early, { ...opts, animate: false });
    renderTopology(el, later, { ...opts, animate: true });
    const before = new Set(early.sandboxes.map((s) => String(s.id)));
    const fading = [...el.querySelectorAll('g.sandbox.entering')].map((g) => g.getAttribute('data-id')!);
    expect(before.size).toBeGreaterThan(0);
    expect(fading.length).toBe(later.sandboxes.filter((s) => !before.has(String(s.id))).length);
    expect(fading.length).toBeGreaterThan(0);
    expect(fading.some((id) => before.has(id))).toBe(false);
  });
});

describe('drawing again', () => {
  /** Every change made to the view's DOM while `fn` runs (attributes, text, nodes added or removed). */
  const writesDuring = (el: Element, fn: () => void) => {
    const observer = new MutationObserver(() => {});
    observer.observe(el, { attributes: true, characterData: true, childList: true, subtree: true });
    fn();
    const records = observer.takeRecords();
    observer.disconnect();
    return records.map((r) => `${r.type} ${(r.target as Element).getAttribute?.('class') ?? r.target.parentElement?.getAttribute('class')}${r.attributeName ? `@${r.attributeName}` : ''}`);
  };

  // A write of the same value costs the browser a new layout of every host and guest box, on
  // every frame: at 2,000 sandboxes that was a tenth of the page's time while playing.
  it('writes nothing when the frame has not changed', () => {
    const frame = frameOf({ hosts: 3 }, {}, (f) => f.sandboxes.length >= 3);
    const el = draw(frame);
    expect(writesDuring(el, () => renderTopology(el, frame, opts))).toEqual([]);
    // Nor when a new frame object brings the same picture (the worker sends a new one each time).
    expect(writesDuring(el, () => renderTopology(el, { ...frame, hosts: frame.hosts.map((h) => ({ ...h })) }, opts))).toEqual([]);
  });

  it('writes only the memory bar and the title of a host whose memory in use changed, its text in place', () => {
    const frame = frameOf({ hosts: 3 }, {}, (f) => f.sandboxes.length >= 3);
    const el = draw(frame);
    const host = frame.hosts[0]!;
    const grown = { ...frame, hosts: frame.hosts.map((h) => (h.id === host.id ? { ...h, usedMb: h.usedMb + h.memoryMb / 2 } : h)) };
    const writes = writesDuring(el, () => renderTopology(el, grown, opts));
    // Its aria-label and tooltip give the memory in use too: they change with it.
    expect([...new Set(writes)].sort()).toEqual(['attributes host@aria-label', 'attributes mem-used@width', 'characterData host-title', 'characterData null'].sort());
  });
});
