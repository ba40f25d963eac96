import * as d3 from 'd3';
import type { Frame, SandboxView } from '../../worker/frame';
import { functionColor } from '../palette';
import { layoutTopology, type TopologyLayout } from './layout';
import { drawSandboxesOnCanvas } from './canvas';
import { phaseOf, sandboxGlyph } from './sandboxStyle';

export interface TopologyOptions {
  width: number;
  maxHeight?: number;
  /** Animate creation, freeze/thaw and reclaim (off for reduced motion and fast forward). */
  animate: boolean;
  selected: { kind: string; id: number } | null;
  onSelect: (s: { kind: 'host' | 'guestOs' | 'sandbox'; id: number }) => void;
}

/** Above this many sandboxes, they are drawn on a canvas: thousands of SVG nodes cannot keep 60 fps. */
export const CANVAS_THRESHOLD = 1500;

const DURATION = 300;

type Sel<E extends d3.BaseType> = d3.Selection<E, null, HTMLElement, unknown>;

/**
 * The topology view: hosts > guest OSes (by account) > sandboxes, coloured by function, their
 * state shown by pattern and glyph as well as colour. A function of (element, frame, options):
 * calling it twice with the same frame draws the same picture.
 */
export function renderTopology(container: HTMLElement, frame: Frame, opts: TopologyOptions): TopologyLayout {
  const layout = layoutTopology(frame, opts.width, opts.maxHeight);
  const root = d3.select(container);
  const svg = root
    .selectAll<SVGSVGElement, null>('svg.topology')
    .data([null])
    .join((enter) => {
      const s = enter.append('svg').attr('class', 'topology').attr('role', 'group').attr('aria-label', 'Hosts, guest OSes and sandboxes');
      s.append('defs');
      s.append('g').attr('class', 'hosts');
      s.append('g').attr('class', 'guests');
      s.append('g').attr('class', 'sandboxes');
      return s;
    })
    .attr('viewBox', `0 0 ${layout.width} ${layout.height}`)
    .attr('width', layout.width)
    .attr('height', layout.height);

  drawPatterns(svg.select('defs'), frame);
  drawHosts(svg.select('g.hosts'), frame, layout, opts);
  drawGuests(svg.select('g.guests'), layout, opts);

  const many = frame.sandboxes.length > CANVAS_THRESHOLD;
  const canvas = root
    .selectAll<HTMLCanvasElement, boolean>('canvas.topology-canvas')
    .data(many ? [true] : [])
    .join('canvas')
    .attr('class', 'topology-canvas')
    .attr('aria-hidden', 'true');
  if (many) {
    svg.select('g.sandboxes').selectAll('*').remove();
    drawSandboxesOnCanvas(canvas.node()!, frame, layout, opts.selected?.kind === 'sandbox' ? opts.selected.id : null);
  } else {
    drawSandboxes(svg.select('g.sandboxes'), frame, layout, opts);
  }
  return layout;
}

function drawPatterns(defs: Sel<SVGDefsElement>, frame: Frame): void {
  // Initializing sandboxes are hatched in their function's colour.
  defs
    .selectAll('pattern')
    .data(frame.functions, (f) => (f as { index: number }).index)
    .join((enter) => {
      const p = enter.append('pattern').attr('patternUnits', 'userSpaceOnUse').attr('width', 6).attr('height', 6).attr('patternTransform', 'rotate(45)');
      p.append('rect').attr('width', 6).attr('height', 6).attr('fill', 'white');
      p.append('rect').attr('class', 'stripe').attr('width', 3).attr('height', 6);
      return p;
    })
    .attr('id', (f) => `hatch-fn-${f.index}`)
    .select('rect.stripe')
    .attr('fill', (f) => functionColor(f.index));
}

function drawHosts(g: Sel<SVGGElement>, frame: Frame, layout: TopologyLayout, opts: TopologyOptions): void {
  const hostById = new Map(frame.hosts.map((h) => [h.id, h]));
  const sel = g
    .selectAll<SVGGElement, TopologyLayout['hosts'][number]>('g.host')
    .data(layout.hosts, (h) => h.id)
    .join((enter) => {
      const e = enter.append('g').attr('class', 'host').attr('tabindex', 0).attr('role', 'button');
      e.append('rect').attr('class', 'host-box').attr('rx', 6);
      e.append('text').attr('class', 'host-title').attr('x', 8).attr('y', 17);
      e.append('rect').attr('class', 'mem-track').attr('x', 8).attr('y', 25).attr('height', 6).attr('rx', 3);
      e.append('rect').attr('class', 'mem-used').attr('x', 8).attr('y', 25).attr('height', 6).attr('rx', 3);
      e.append('title');
      return e;
    })
    .attr('transform', (h) => `translate(${h.x},${h.y})`)
    .attr('aria-label', (h) => hostLabel(hostById.get(h.id)!))
    .classed('selected', (h) => opts.selected?.kind === 'host' && opts.selected.id === h.id)
    .on('click', (_, h) => opts.onSelect({ kind: 'host', id: h.id }))
    .on('keydown', (ev: KeyboardEvent, h) => {
      if (ev.key === 'Enter' || ev.key === ' ') {
        ev.preventDefault();
        opts.onSelect({ kind: 'host', id: h.id });
      }
    });
  sel.select('rect.host-box').attr('width', (h) => h.w).attr('height', (h) => h.h);
  sel.select('text.host-title').text((h) => {
    const host = hostById.get(h.id)!;
    return `Worker ${h.id} · ${Math.round((100 * host.usedMb) / host.memoryMb)}% of ${formatMb(host.memoryMb)}`;
  });
  sel.select('rect.mem-track').attr('width', (h) => h.w - 16);
  sel.select('rect.mem-used').attr('width', (h) => {
    const host = hostById.get(h.id)!;
    return ((h.w - 16) * host.usedMb) / host.memoryMb;
  });
  sel.select('title').text((h) => hostLabel(hostById.get(h.id)!));
}

function drawGuests(g: Sel<SVGGElement>, layout: TopologyLayout, opts: TopologyOptions): void {
  const sel = g
    .selectAll<SVGGElement, TopologyLayout['guests'][number]>('g.guest')
    .data(layout.guests, (d) => d.key)
    .join((enter) => {
      const e = enter.append('g').attr('class', 'guest');
      e.append('rect').attr('class', 'guest-box').attr('rx', 4);
      e.append('text').attr('class', 'guest-label').attr('x', 6).attr('y', 12);
      return e;
    })
    .attr('class', (d) => `guest ${d.kind}`)
    .attr('transform', (d) => `translate(${d.x},${d.y})`)
    .classed('selected', (d) => d.guestOs !== null && opts.selected?.kind === 'guestOs' && opts.selected.id === d.guestOs)
    .on('click', (ev: MouseEvent, d) => {
      if (d.guestOs === null) return;
      ev.stopPropagation();
      opts.onSelect({ kind: 'guestOs', id: d.guestOs });
    });
  sel.select('rect.guest-box').attr('width', (d) => d.w).attr('height', (d) => d.h);
  sel.select('text.guest-label').text((d) => d.label);
}

function drawSandboxes(g: Sel<SVGGElement>, frame: Frame, layout: TopologyLayout, opts: TopologyOptions): void {
  const s = layout.cell;
  const small = s < 11;
  const focusable = frame.sandboxes.length <= 300;
  const data = frame.sandboxes.filter((sb) => layout.sandboxes.has(sb.id));
  // Named transitions: a position change (every frame) must not interrupt a fade-in or fade-out.
  const move = d3.transition('move').duration(opts.animate ? DURATION : 0);
  const fade = d3.transition('fade').duration(opts.animate ? DURATION : 0);
  const sel = g
    .selectAll<SVGGElement, SandboxView>('g.sandbox')
    .data(data, (sb) => sb.id)
    .join(
      (enter) => {
        const e = enter
          .append('g')
          .attr('class', 'sandbox')
          .attr('transform', (sb) => {
            const p = layout.sandboxes.get(sb.id)!;
            return `translate(${p.x},${p.y})`;
          })
          .style('opacity', opts.animate ? 0 : 1);
        e.append('rect').attr('class', 'cell');
        e.append('rect').attr('class', 'progress');
        e.append('text').attr('class', 'glyph');
        e.append('title');
        if (opts.animate) e.transition(fade).style('opacity', 1);
        return e;
      },
      (update) => update,
      (exit) => (opts.animate ? exit.classed('leaving', true).transition(fade).style('opacity', 0).remove() : exit.remove()),
    )
    .attr('data-state', (sb) => sb.state)
    .attr('data-id', (sb) => sb.id)
    .attr('tabindex', focusable ? 0 : null)
    .attr('role', focusable ? 'button' : null)
    .attr('aria-label', (sb) => sandboxLabel(sb, frame))
    .classed('selected', (sb) => opts.selected?.kind === 'sandbox' && opts.selected.id === sb.id)
    .on('click', (ev: MouseEvent, sb) => {
      ev.stopPropagation();
      opts.onSelect({ kind: 'sandbox', id: sb.id });
    })
    .on('keydown', (ev: KeyboardEvent, sb) => {
      if (ev.key === 'Enter' || ev.key === ' ') {
        ev.preventDefault();
        opts.onSelect({ kind: 'sandbox', id: sb.id });
      }
    });
  (opts.animate ? sel.transition(move) : sel).attr('transform', (sb) => {
    const p = layout.sandboxes.get(sb.id)!;
    return `translate(${p.x},${p.y})`;
  });

  sel
    .select('rect.cell')
    .attr('width', s)
    .attr('height', s)
    .attr('rx', small ? 1 : 3)
    .attr('class', (sb) => `cell state-${sb.state.split('.')[0]}`)
    .attr('fill', (sb) => {
      const color = functionColor(sb.fn);
      if (sb.state.startsWith('initializing') || sb.state === 'placing') return `url(#hatch-fn-${sb.fn})`;
      if (sb.state === 'invoking') return color;
      return 'white';
    })
    .attr('stroke', (sb) => functionColor(sb.fn))
    .attr('stroke-width', (sb) => (sb.state === 'idle' ? Math.max(1.5, s / 7) : 1.5))
    .attr('stroke-dasharray', (sb) => (sb.state === 'shuttingDown' ? '3 2' : null))
    .attr('opacity', (sb) => (sb.state === 'shuttingDown' ? 0.5 : 1));

  // Init phases and keep-alive count down as a bar along the bottom edge.
  sel
    .select('rect.progress')
    .attr('x', 1)
    .attr('y', s - Math.max(2, s / 6))
    .attr('height', Math.max(2, s / 6))
    .attr('fill', '#1b1f24')
    .attr('width', (sb) => {
      if (sb.stateEndsAt === null || small) return 0;
      const span = sb.stateEndsAt - sb.stateSince;
      const f = span > 0 ? Math.min(1, Math.max(0, (frame.t - sb.stateSince) / span)) : 1;
      return (s - 2) * (sb.state === 'idle' ? 1 - f : f);
    });
  sel
    .select('text.glyph')
    .attr('x', s / 2)
    .attr('y', s / 2)
    .attr('font-size', Math.max(8, s * 0.55))
    .attr('fill', (sb) => (sb.state === 'invoking' ? 'white' : '#1b1f24'))
    .text((sb) => (small ? '' : sandboxGlyph(sb.state)));
  sel.select('title').text((sb) => sandboxLabel(sb, frame));
}

function hostLabel(h: Frame['hosts'][number]): string {
  return `Worker ${h.id}: ${formatMb(h.usedMb)} of ${formatMb(h.memoryMb)} in use`;
}

export function sandboxLabel(sb: SandboxView, frame: Frame): string {
  const fn = frame.functions[sb.fn]!;
  const phase = phaseOf(sb.state);
  return `Sandbox ${sb.id} of ${fn.name}: ${phase}, ${sb.invocations} invocation${sb.invocations === 1 ? '' : 's'}`;
}

export function formatMb(mb: number): string {
  return mb >= 1024 ? `${(mb / 1024).toFixed(mb % 1024 === 0 ? 0 : 1)} GB` : `${Math.round(mb)} MB`;
}
