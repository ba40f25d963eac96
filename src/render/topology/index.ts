import * as d3 from 'd3';
import { setAttributeIfChanged, setTextIfChanged } from '../dom';
import type { Frame, PoolSandboxView, SandboxView } from '../../worker/frame';
import { functionColor } from '../palette';
import { layoutTopology, type TopologyLayout } from './layout';
import { drawSandboxesOnCanvas } from './canvas';
import { getLang, i18n } from '../../i18n';
import { sandboxGlyph } from './sandboxStyle';
import { formatMb, hostLabel, hostTitle, poolSandboxLabel, sandboxLabel } from './text';
import './topology.css';

export interface TopologyOptions {
  width: number;
  maxHeight?: number;
  /** Animate creation, freeze/thaw and reclaim (off for reduced motion and fast forward). */
  animate: boolean;
  selected: { kind: string; id: number } | null;
  onSelect: (s: { kind: 'host' | 'guestOs' | 'sandbox'; id: number }) => void;
  /**
   * Playing fast: every sandbox changes in every frame, faster than an eye follows, so above
   * FAST_CANVAS_THRESHOLD they go on the canvas too; paused, they are SVG again (focusable).
   */
  fastForward?: boolean;
  /**
   * Playing at any speed: above PLAYING_CANVAS_THRESHOLD the canvas takes over, because a
   * thousand SVG cells changing under the eye cost more than a frame; paused, SVG again.
   */
  playing?: boolean;
  /**
   * At most this many SVG cells are created in one call (default: no limit). Where more are
   * needed (Pause after fast forward turns 1,500 canvas cells back into SVG), the canvas keeps
   * showing the whole frame over the cells built so far, and the result says `pending`: call
   * again, in a later task, to build the next ones. Each call stays a short task.
   */
  newCellBudget?: number;
}

/** What a call drew: the layout (for hit-testing the canvas), and whether SVG cells are still to be built. */
export interface TopologyDrawn {
  layout: TopologyLayout;
  pending: boolean;
}

/** Above this many sandboxes, they are drawn on a canvas: thousands of SVG nodes cannot keep 60 fps. */
export const CANVAS_THRESHOLD = 1500;
/** While fast-forwarding, the canvas takes over above this many sandboxes (measured: 500 SVG cells cost ~40 ms a frame at 1,000×). */
export const FAST_CANVAS_THRESHOLD = 100;
/** While playing at up to 100×, the canvas takes over above this many (measured: 2,000 SVG cells missed the 20 ms frame budget at 1×). */
export const PLAYING_CANVAS_THRESHOLD = 1000;

/** How many sandboxes the SVG cells may show before the canvas takes over. */
export function svgSandboxLimit(opts: Pick<TopologyOptions, 'fastForward' | 'playing'>): number {
  return opts.fastForward ? FAST_CANVAS_THRESHOLD : opts.playing ? PLAYING_CANVAS_THRESHOLD : CANVAS_THRESHOLD;
}

const DURATION = 300;

type Sel<E extends d3.BaseType> = d3.Selection<E, null, HTMLElement, unknown>;

/**
 * The topology view: hosts > guest OSes (by account) > sandboxes, coloured by function, their
 * state shown by pattern and glyph as well as colour. A function of (element, frame, options):
 * calling it twice with the same frame draws the same picture (given the whole budget).
 */
export function renderTopology(container: HTMLElement, frame: Frame, opts: TopologyOptions): TopologyDrawn {
  const layout = layoutTopology(frame, opts.width, opts.maxHeight);
  const root = d3.select(container);
  const svg = root
    .selectAll<SVGSVGElement, null>('svg.topology')
    .data([null])
    .join((enter) => {
      const s = enter.append('svg').attr('class', 'topology').attr('role', 'group');
      s.append('defs');
      s.append('g').attr('class', 'hosts');
      s.append('g').attr('class', 'guests');
      s.append('g').attr('class', 'sandboxes');
      s.append('g').attr('class', 'pool-sandboxes');
      return s;
    });
  // Written only when they change: setting the root's size or viewBox, even to the same value,
  // lays out every host and guest box again (six hosts' worth on each frame at 2,000 sandboxes).
  const svgNode = svg.node()!;
  setAttributeIfChanged(svgNode, 'aria-label', i18n.t('render.topology.aria'));
  setAttributeIfChanged(svgNode, 'viewBox', `0 0 ${layout.width} ${layout.height}`);
  setAttributeIfChanged(svgNode, 'width', String(layout.width));
  setAttributeIfChanged(svgNode, 'height', String(layout.height));

  drawPatterns(svg.select('defs'), frame);
  drawHosts(svg.select('g.hosts'), frame, layout, opts);
  drawGuests(svg.select('g.guests'), layout, opts);
  const sandboxG = svg.select<SVGGElement>('g.sandboxes');
  const poolG = svg.select<SVGGElement>('g.pool-sandboxes');

  // Warm-pool cells count towards the limit: they are cells to draw like any other.
  const many = frame.sandboxes.length + frame.poolSandboxes.length > svgSandboxLimit(opts);
  const budget = { left: many ? 0 : (opts.newCellBudget ?? Infinity) };
  const sandboxes = many ? [] : withinBudget(sandboxG.node()!, frame.sandboxes.filter((sb) => layout.sandboxes.has(sb.id)), budget);
  const pool = many ? [] : withinBudget(poolG.node()!, frame.poolSandboxes, budget);
  const pending = !many && budget.left < 0;
  const handingOver = !many && root.select('canvas.topology-canvas').size() > 0;
  const canvas = root
    .selectAll<HTMLCanvasElement, boolean>('canvas.topology-canvas')
    .data(many || pending ? [true] : [])
    .join((enter) => enter.append('canvas').attr('class', 'topology-canvas').attr('aria-hidden', 'true'));
  // The canvas first: setting its font brings the page's style up to date, which after new cells is their style too.
  if (many || pending) drawSandboxesOnCanvas(canvas.node()!, frame, layout, opts.selected?.kind === 'sandbox' ? opts.selected.id : null);
  if (many) {
    // Emptied in one operation: removing a thousand cells one by one took a 150 ms frame at Play.
    sandboxG.node()!.replaceChildren();
    poolG.node()!.replaceChildren();
  } else {
    // Cells built while the canvas shows them (or hands over to them) are not new sandboxes: no fade-in.
    const cellOpts = { ...opts, animate: opts.animate && !handingOver && !pending };
    drawSandboxes(sandboxG, sandboxes, frame, layout, cellOpts);
    drawPoolSandboxes(poolG, pool, frame, layout, cellOpts);
  }
  return { layout, pending };
}

/**
 * The items whose SVG cells exist, and as many of the others as the budget allows, in frame
 * order; `budget.left` goes below zero when some had to wait.
 */
function withinBudget<T extends { id: number }>(g: SVGGElement, items: readonly T[], budget: { left: number }): T[] {
  if (budget.left === Infinity) return items as T[];
  const built = new Set<number>();
  for (const node of g.children) {
    const d = (node as Element & { __data__?: T }).__data__;
    if (d) built.add(d.id);
  }
  const out: T[] = [];
  for (const item of items) {
    if (built.has(item.id)) out.push(item);
    else if (budget.left > 0) {
      budget.left--;
      out.push(item);
    } else budget.left = -1;
  }
  return out;
}

/** The warm pool's cells: neutral ink (they are no function's), dotted. Cells are always drawn on --cell-bg (white). */
export const POOL_INK = 'var(--pool-ink, #5f6975)';

function drawPatterns(defs: Sel<SVGDefsElement>, frame: Frame): void {
  // The patterns depend on the functions and on whether there is a pool: most frames, no change.
  const node = defs.node() as SVGDefsElement & Drawn;
  const look = `${frame.functions.length}|${frame.poolSandboxes.length > 0}`;
  if (node.__look === look) return;
  node.__look = look;
  // Initializing sandboxes are hatched in their function's colour.
  defs
    .selectAll('pattern.hatch')
    .data(frame.functions, (f) => (f as { index: number }).index)
    .join((enter) => {
      const p = enter.append('pattern').attr('class', 'hatch').attr('patternUnits', 'userSpaceOnUse').attr('width', 6).attr('height', 6).attr('patternTransform', 'rotate(45)');
      p.append('rect').attr('width', 6).attr('height', 6).attr('fill', 'var(--cell-bg, #ffffff)');
      p.append('rect').attr('class', 'stripe').attr('width', 3).attr('height', 6);
      return p;
    })
    .attr('id', (f) => `hatch-fn-${f.index}`)
    .select('rect.stripe')
    .attr('fill', (f) => functionColor(f.index));
  // Warm-pool sandboxes are dotted in a neutral ink: generic, no function's colour yet.
  defs
    .selectAll('pattern.pool-dots')
    .data(frame.poolSandboxes.length > 0 ? [null] : [])
    .join((enter) => {
      const p = enter.append('pattern').attr('class', 'pool-dots').attr('id', 'pool-dots').attr('patternUnits', 'userSpaceOnUse').attr('width', 4).attr('height', 4);
      p.append('rect').attr('width', 4).attr('height', 4).attr('fill', 'var(--cell-bg, #ffffff)');
      p.append('circle').attr('cx', 2).attr('cy', 2).attr('r', 0.9).attr('fill', POOL_INK);
      return p;
    });
}

/** What a layer was last drawn from: the same layout, selection, handler and host figures need no join. */
const layerDrawnFrom = new WeakMap<Element, { layout: TopologyLayout; key: string; onSelect: TopologyOptions['onSelect'] }>();
function unchanged(g: Sel<SVGGElement>, layout: TopologyLayout, key: string, opts: TopologyOptions): boolean {
  const node = g.node()!;
  const last = layerDrawnFrom.get(node);
  if (last && last.layout === layout && last.key === key && last.onSelect === opts.onSelect) return true;
  layerDrawnFrom.set(node, { layout, key, onSelect: opts.onSelect });
  return false;
}

function drawHosts(g: Sel<SVGGElement>, frame: Frame, layout: TopologyLayout, opts: TopologyOptions): void {
  const lang = getLang();
  const selectedHost = opts.selected?.kind === 'host' ? opts.selected.id : -1;
  let used = '';
  for (const h of frame.hosts) used += `${h.usedMb}/${h.memoryMb},`;
  if (unchanged(g, layout, `${lang}|${selectedHost}|${used}`, opts)) return;
  const hostById = new Map(frame.hosts.map((h) => [h.id, h]));
  g.selectAll<SVGGElement, TopologyLayout['hosts'][number]>('g.host')
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
    .on('click', (_, h) => opts.onSelect({ kind: 'host', id: h.id }))
    .on('keydown', (ev: KeyboardEvent, h) => {
      if (ev.key === 'Enter' || ev.key === ' ') {
        ev.preventDefault();
        opts.onSelect({ kind: 'host', id: h.id });
      }
    })
    .each(function (h) {
      // A host changes when its box moves or its memory in use does: most frames, nothing to write.
      const node = this as SVGGElement & Drawn;
      const host = hostById.get(h.id)!;
      const look = `${lang}|${h.x},${h.y},${h.w},${h.h}|${host.usedMb}/${host.memoryMb}|${h.id === selectedHost}`;
      if (node.__look === look) return;
      node.__look = look;
      setAttributeIfChanged(node, 'transform', `translate(${h.x},${h.y})`);
      const label = hostLabel(host);
      setAttributeIfChanged(node, 'aria-label', label);
      node.classList.toggle('selected', h.id === selectedHost);
      const [box, title, track, used, tip] = node.children as unknown as [SVGRectElement, SVGTextElement, SVGRectElement, SVGRectElement, SVGTitleElement];
      // Most frames only the memory in use moves: the rest is written again only when it changed,
      // as a write of the same value is laid out again like a new one.
      setAttributeIfChanged(box, 'width', String(h.w));
      setAttributeIfChanged(box, 'height', String(h.h));
      // The title's whole percent seldom changes.
      const titleText = hostTitle(host);
      setTextIfChanged(title, titleText);
      setAttributeIfChanged(track, 'width', String(h.w - 16));
      used.setAttribute('width', String(((h.w - 16) * host.usedMb) / host.memoryMb));
      setTextIfChanged(tip, label);
    });
}

function drawGuests(g: Sel<SVGGElement>, layout: TopologyLayout, opts: TopologyOptions): void {
  const selectedGuest = opts.selected?.kind === 'guestOs' ? opts.selected.id : -1;
  // Guest OS boxes and labels come from the layout (labels in the layout's language).
  if (unchanged(g, layout, String(selectedGuest), opts)) return;
  g.selectAll<SVGGElement, TopologyLayout['guests'][number]>('g.guest')
    .data(layout.guests, (d) => d.key)
    .join((enter) => {
      const e = enter.append('g').attr('class', 'guest');
      e.append('rect').attr('class', 'guest-box').attr('rx', 4);
      e.append('text').attr('class', 'guest-label').attr('x', 6).attr('y', 12);
      return e;
    })
    .on('click', (ev: MouseEvent, d) => {
      if (d.guestOs === null) return;
      ev.stopPropagation();
      opts.onSelect({ kind: 'guestOs', id: d.guestOs });
    })
    .each(function (d) {
      const node = this as SVGGElement & Drawn;
      const selected = d.guestOs !== null && d.guestOs === selectedGuest;
      const look = `${d.kind}|${d.x},${d.y},${d.w},${d.h}|${d.label}|${selected}`;
      if (node.__look === look) return;
      node.__look = look;
      node.setAttribute('class', `guest ${d.kind}${selected ? ' selected' : ''}`);
      node.setAttribute('transform', `translate(${d.x},${d.y})`);
      const [box, label] = node.children as unknown as [SVGRectElement, SVGTextElement];
      box.setAttribute('width', String(d.w));
      box.setAttribute('height', String(d.h));
      setTextIfChanged(label, d.label);
    });
}

/** What a sandbox last showed: attributes are written only when it changes. */
interface Drawn {
  __place?: string;
  __look?: string;
  __bar?: string;
}

/** One click and one key listener for all sandboxes, not one each per frame. */
function delegateEvents(g: Sel<SVGGElement>, opts: TopologyOptions): void {
  const select = (ev: Event) => {
    const node = (ev.target as Element).closest('g.sandbox');
    if (!node) return false;
    opts.onSelect({ kind: 'sandbox', id: (d3.select(node).datum() as SandboxView).id });
    return true;
  };
  g.on('click', (ev: MouseEvent) => {
    if (select(ev)) ev.stopPropagation();
  });
  g.on('keydown', (ev: KeyboardEvent) => {
    if ((ev.key === 'Enter' || ev.key === ' ') && select(ev)) ev.preventDefault();
  });
}

/**
 * Sandboxes as SVG cells (below CANVAS_THRESHOLD). Every frame touches every sandbox, so each
 * writes only what changed since the last frame: its place (moved by a CSS transition), its
 * look (state, selection, size) and its countdown bar. Creation fades in by a CSS animation;
 * reclaim fades out before removal.
 */
function drawSandboxes(g: Sel<SVGGElement>, data: readonly SandboxView[], frame: Frame, layout: TopologyLayout, opts: TopologyOptions): void {
  const s = layout.cell;
  const small = s < 11;
  const focusable = frame.sandboxes.length <= 300;
  const selectedId = opts.selected?.kind === 'sandbox' ? opts.selected.id : -1;
  delegateEvents(g, opts);
  g.node()!.classList.toggle('animate', opts.animate); // not d3's classed: see src/render/dom.ts
  const barH = Math.max(2, s / 6);
  g.selectAll<SVGGElement, SandboxView>('g.sandbox')
    .data(data, (sb) => sb.id)
    .join(
      (enter) =>
        enter
          .append('g')
          .attr('class', opts.animate ? 'sandbox entering' : 'sandbox')
          .attr('data-id', (sb) => sb.id)
          .call((e) => {
            e.append('rect').attr('class', 'cell');
            e.append('rect').attr('class', 'progress').attr('x', 1).attr('fill', '#1b1f24');
            e.append('text').attr('class', 'glyph');
            e.append('title');
          }),
      // A sandbox id never comes back once reclaimed, but a rewind can bring one back mid-fade.
      (update) => update.call((u) => u.filter('.leaving').each(function () { d3.interrupt(this, 'fade'); }).classed('leaving', false).style('opacity', null)),
      (exit) => (opts.animate ? exit.classed('leaving', true).transition('fade').duration(DURATION).style('opacity', 0).remove() : exit.remove()),
    )
    .each(function (sb) {
      const node = this as SVGGElement & Drawn;
      const p = layout.sandboxes.get(sb.id)!;
      const place = `translate(${p.x}px,${p.y}px)`;
      if (node.__place !== place) {
        node.style.transform = place;
        node.__place = place;
      }
      const cell = node.children[0] as SVGRectElement;
      const bar = node.children[1] as SVGRectElement;
      const glyph = node.children[2] as SVGTextElement;
      const look = `${sb.state}|${sb.invocations}|${sb.id === selectedId}|${s}|${focusable}|${frame.functions[sb.fn]!.name}|${i18n.language}`;
      if (node.__look !== look) {
        node.__look = look;
        paintSandbox(node, cell, bar, glyph, sb, frame, { s, small, focusable, selected: sb.id === selectedId, barH });
      }
      // Init phases and keep-alive count down as a bar along the bottom edge (idle: to the
      // sandbox's own reclaim time, which under the hybrid policy differs from one to the next).
      let width = 0;
      const endsAt = sb.state === 'idle' ? sb.reclaimAt : sb.stateEndsAt;
      if (endsAt !== null && !small) {
        const span = endsAt - sb.stateSince;
        const f = span > 0 ? Math.min(1, Math.max(0, (frame.t - sb.stateSince) / span)) : 1;
        width = (s - 2) * (sb.state === 'idle' ? 1 - f : f);
      }
      const w = width.toFixed(1);
      if (node.__bar !== w) {
        bar.setAttribute('width', w);
        node.__bar = w;
      }
    });
}

/** Writes a sandbox's look: its state as fill, outline and glyph, its labels, its size. */
function paintSandbox(
  node: SVGGElement,
  cell: SVGRectElement,
  bar: SVGRectElement,
  glyph: SVGTextElement,
  sb: SandboxView,
  frame: Frame,
  o: { s: number; small: boolean; focusable: boolean; selected: boolean; barH: number },
): void {
  const color = functionColor(sb.fn);
  const label = sandboxLabel(sb, frame);
  node.setAttribute('data-state', sb.state);
  node.classList.toggle('selected', o.selected);
  if (o.focusable) {
    node.setAttribute('tabindex', '0');
    node.setAttribute('role', 'button');
  } else {
    node.removeAttribute('tabindex');
    node.removeAttribute('role');
  }
  node.setAttribute('aria-label', label);
  (node.children[3] as SVGTitleElement).textContent = label;
  const initializing = sb.state.startsWith('initializing') || sb.state === 'placing';
  const attrs: Record<string, string | number> = {
    width: o.s,
    height: o.s,
    rx: o.small ? 1 : 3,
    class: `cell state-${sb.state.split('.')[0]}`,
    fill: initializing ? `url(#hatch-fn-${sb.fn})` : sb.state === 'invoking' ? color : 'var(--cell-bg, #ffffff)',
    stroke: color,
    'stroke-width': sb.state === 'idle' ? Math.max(1.5, o.s / 7) : 1.5,
    opacity: sb.state === 'shuttingDown' ? 0.5 : 1,
  };
  for (const [k, v] of Object.entries(attrs)) cell.setAttribute(k, String(v));
  if (sb.state === 'shuttingDown') cell.setAttribute('stroke-dasharray', '3 2');
  else cell.removeAttribute('stroke-dasharray');
  bar.setAttribute('y', String(o.s - o.barH));
  bar.setAttribute('height', String(o.barH));
  glyph.setAttribute('x', String(o.s / 2));
  glyph.setAttribute('y', String(o.s / 2));
  glyph.setAttribute('font-size', String(Math.max(8, o.s * 0.55)));
  glyph.setAttribute('fill', sb.state === 'invoking' ? 'white' : '#1b1f24');
  glyph.textContent = o.small ? '' : sandboxGlyph(sb.state);
}

/** What a pool cell last showed: attributes are written only when it changes. */
interface DrawnPool {
  __place?: string;
  __look?: string;
  __bar?: string;
}

/**
 * The warm pool's generic sandboxes as SVG cells, on their host: dotted, in a neutral ink, no
 * glyph, a dotted outline and a progress bar while they boot, a solid outline once ready. They
 * are no function's, so they are not selectable (not focusable either); each has its title.
 */
function drawPoolSandboxes(g: Sel<SVGGElement>, data: readonly PoolSandboxView[], frame: Frame, layout: TopologyLayout, opts: TopologyOptions): void {
  const s = layout.cell;
  const small = s < 11;
  const barH = Math.max(2, s / 6);
  g.node()!.classList.toggle('animate', opts.animate); // not d3's classed: see src/render/dom.ts
  g.selectAll<SVGGElement, PoolSandboxView>('g.pool-sandbox')
    .data(data, (p) => p.id)
    .join(
      (enter) =>
        enter
          .append('g')
          .attr('class', opts.animate ? 'pool-sandbox entering' : 'pool-sandbox')
          .attr('data-id', (p) => p.id)
          .call((e) => {
            e.append('rect').attr('class', 'cell');
            e.append('rect').attr('class', 'progress').attr('x', 1).attr('fill', '#1b1f24');
            e.append('title');
          }),
      (update) => update,
      // Taken (it becomes a function's sandbox in its account group) or gone: removed at once.
      (exit) => exit.remove(),
    )
    .each(function (p) {
      const node = this as SVGGElement & DrawnPool;
      const at = layout.pool.get(p.id);
      if (!at) return;
      const place = `translate(${at.x}px,${at.y}px)`;
      if (node.__place !== place) {
        node.style.transform = place;
        node.__place = place;
      }
      const cell = node.children[0] as SVGRectElement;
      const bar = node.children[1] as SVGRectElement;
      const look = `${p.state}|${s}|${i18n.language}`;
      if (node.__look !== look) {
        node.__look = look;
        const booting = p.state === 'pool.booting';
        const label = poolSandboxLabel(p);
        node.setAttribute('data-state', p.state);
        node.setAttribute('aria-label', label);
        (node.children[2] as SVGTitleElement).textContent = label;
        cell.setAttribute('width', String(s));
        cell.setAttribute('height', String(s));
        cell.setAttribute('rx', small ? '1' : '3');
        cell.setAttribute('fill', 'url(#pool-dots)');
        cell.setAttribute('stroke', POOL_INK);
        cell.setAttribute('stroke-width', '1.5');
        if (booting) cell.setAttribute('stroke-dasharray', '1.5 1.5');
        else cell.removeAttribute('stroke-dasharray');
        bar.setAttribute('y', String(s - barH));
        bar.setAttribute('height', String(barH));
      }
      // Booting: the bar fills up to readiness, as an init phase's does.
      let width = 0;
      if (p.state === 'pool.booting' && !small) {
        const span = p.readyAt - p.createdAt;
        width = (s - 2) * (span > 0 ? Math.min(1, Math.max(0, (frame.t - p.createdAt) / span)) : 1);
      }
      const w = width.toFixed(1);
      if (node.__bar !== w) {
        bar.setAttribute('width', w);
        node.__bar = w;
      }
    });
}

export { formatMb, sandboxLabel };
