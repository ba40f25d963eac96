import { useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import type { AnyStateMachine } from 'xstate';
import { useT } from '../i18n';
import { requestPath } from '../machines/requestPath';
import { sandboxLifecycle } from '../machines/sandboxLifecycle';
import {
  layoutGraph,
  machineGraph,
  paceFrames,
  renderStatechart,
  requestStateStyle,
  sandboxStateStyle,
  stateDescription,
  type GraphLayout,
  type MachineGraph,
  type StateStyleFor,
} from '../render/statechart';
import { latestFrame, subscribeFrames } from '../store/latestFrame';
import { useSelection, type Selection } from '../store/selection';
import type { Frame } from '../worker/frame';
import './statechart.css';

/** Counts change every frame; five redraws a wall second are plenty to read them, and cost little. */
const MIN_REDRAW_MS = 200;

type Kind = 'sandbox' | 'request';

interface Chart {
  kind: Kind;
  graph: MachineGraph;
  layout: GraphLayout;
  styleFor: StateStyleFor;
}

/** What the diagrams show now, for the caption and the screen-reader list. */
type Shown = Record<Kind, { counts: Record<string, number>; highlight: string | null; entity: number | null }>;

function chart(kind: Kind, machine: AnyStateMachine, styleFor: StateStyleFor): Chart {
  const graph = machineGraph(machine);
  return { kind, graph, layout: layoutGraph(graph, { symbolFor: (id) => styleFor(id)?.symbol }), styleFor };
}

/** A state the note under the diagrams describes: the one pointed at, else a selected entity's. */
interface Described {
  kind: Kind;
  id: string;
}

/** Where the selected sandbox or request is, if this frame holds it (a request that ended is no longer there). */
function shownFor(frame: Frame | null, selected: Selection): Shown {
  const find = (kind: Kind) => {
    if (!frame || selected?.kind !== kind) return { highlight: null, entity: null };
    const entity = (kind === 'sandbox' ? frame.sandboxes : frame.requests).find((e) => e.id === selected.id);
    return entity ? { highlight: entity.state, entity: entity.id } : { highlight: null, entity: null };
  };
  return {
    sandbox: { counts: frame?.counts.sandbox ?? {}, ...find('sandbox') },
    request: { counts: frame?.counts.request ?? {}, ...find('request') },
  };
}

const sameShown = (a: Shown, b: Shown) =>
  (['sandbox', 'request'] as const).every((k) => {
    const [x, y] = [a[k], b[k]];
    const keys = new Set([...Object.keys(x.counts), ...Object.keys(y.counts)]);
    return x.highlight === y.highlight && x.entity === y.entity && [...keys].every((s) => x.counts[s] === y.counts[s]);
  });

/**
 * The sandbox lifecycle and the request path, drawn from the machines the engine runs, with live
 * counts. State and event names are the code's in every language; titles, tooltips, what each
 * state does (in the note under the diagrams) and the screen-reader list are in the interface's.
 */
export function StatechartPanel() {
  const { t, lang } = useT();
  const charts = useMemo(() => [chart('sandbox', sandboxLifecycle, sandboxStateStyle), chart('request', requestPath, requestStateStyle)], []);
  const svgs = useRef<Partial<Record<Kind, SVGSVGElement | null>>>({});
  const [shown, setShown] = useState<Shown>(() => shownFor(latestFrame.getState().frame, useSelection.getState().selected));
  const [hovered, setHovered] = useState<Described | null>(null);
  const titleOf = (kind: Kind) => (kind === 'sandbox' ? t('render.statechart.sandboxTitle') : t('render.statechart.requestTitle'));

  useEffect(() => {
    const draw = (frame: Frame | null) => {
      const next = shownFor(frame, useSelection.getState().selected);
      for (const c of charts) {
        const svg = svgs.current[c.kind];
        if (svg) renderStatechart(svg, c.graph, c.layout, next[c.kind], { styleFor: c.styleFor, onHover: (id) => setHovered(id === null ? null : { kind: c.kind, id }) });
      }
      setShown((prev) => (sameShown(prev, next) ? prev : next));
    };
    const paced = paceFrames<Frame>(draw, { minIntervalMs: MIN_REDRAW_MS });
    if (!latestFrame.getState().frame) draw(null); // the charts are worth reading before any run
    const stopFrames = subscribeFrames(paced.push);
    const stopSelection = useSelection.subscribe((s, prev) => {
      if (s.selected === prev.selected) return;
      const frame = latestFrame.getState().frame;
      if (frame) paced.drawNow(frame);
      else draw(null);
    });
    return () => {
      stopFrames();
      stopSelection();
      paced.cancel();
    };
    // The tooltips are in the interface's language: a new one redraws (subscribeFrames draws at once).
  }, [charts, lang]);

  const described: Described | null =
    hovered ?? (['sandbox', 'request'] as const).map((kind) => ({ kind, id: shown[kind].highlight })).find((d): d is Described => d.id !== null) ?? null;
  const describedGraph = described && charts.find((c) => c.kind === described.kind)!.graph;
  const describedNode = described && describedGraph!.nodes.find((n) => n.id === described.id);
  const describedText = describedNode ? stateDescription(describedGraph!.id, describedNode) : '';

  const gridStyle = { '--statechart-columns': charts.map((c) => `${(c.layout.viewBox[2] / c.layout.viewBox[3]).toFixed(3)}fr`).join(' ') } as CSSProperties;
  return (
    <section className="statechart-panel" aria-label={t('render.statechart.panel')}>
      <div className="statechart-grid" style={gridStyle}>
      {charts.map((c) => {
        const { counts, highlight, entity } = shown[c.kind];
        return (
          <figure key={c.kind} className="statechart-figure">
            <figcaption>
              <strong>{titleOf(c.kind)}</strong>
              {highlight && (
                <span className="statechart-selected">
                  {t('render.statechart.selected', { kind: t(`render.statechart.kinds.${c.kind}`), id: entity })} <code>{highlight}</code>
                </span>
              )}
            </figcaption>
            <svg
              ref={(el) => {
                svgs.current[c.kind] = el;
              }}
              role="img"
              aria-label={t('render.statechart.aria', { title: titleOf(c.kind), machine: c.graph.id, states: c.graph.nodes.length, transitions: c.graph.edges.length })}
              viewBox={c.layout.viewBox.join(' ')}
              style={{ aspectRatio: `${c.layout.viewBox[2]} / ${c.layout.viewBox[3]}` }}
            />
            <StateList chart={c} counts={counts} highlight={highlight} />
          </figure>
        );
      })}
      </div>
      <p className="statechart-legend statechart-note">
        {describedNode ? (
          <>
            <code>{describedNode.label}</code>
            {describedText && ` — ${describedText}`}
          </>
        ) : (
          t('render.statechart.hoverHint')
        )}
      </p>
      <p className="statechart-legend">{t('render.statechart.legend')}</p>
    </section>
  );
}

/** The diagram as text, for screen readers: each state, its count, what it does and where it leads. */
function StateList({ chart: c, counts, highlight }: { chart: Chart; counts: Record<string, number>; highlight: string | null }) {
  const { t, lang } = useT();
  const labelOf = (id: string) => c.graph.nodes.find((n) => n.id === id)?.label ?? id;
  const countOf = (id: string) => Object.entries(counts).reduce((sum, [path, n]) => (path === id || path.startsWith(`${id}.`) ? sum + n : sum), 0);
  return (
    <ul className="statechart-sr">
      {c.graph.nodes.map((n) => {
        const out = c.graph.edges.filter((e) => e.from === n.id);
        const count = countOf(n.id).toLocaleString(lang);
        const description = stateDescription(c.graph.id, n);
        return (
          <li key={n.id}>
            {n.parent ? t('render.statechart.list.inParent', { state: n.label, parent: n.parent }) : n.label}
            {n.final ? t('render.statechart.list.finalCount', { n: count }) : t('render.statechart.list.count', { n: count })}
            {highlight === n.id && t('render.statechart.list.selectedHere')}
            {description && `. ${description}`}
            {out.length > 0 && t('render.statechart.list.leadsTo', { targets: out.map((e) => t('render.statechart.list.target', { state: labelOf(e.to), event: e.event })).join('; ') })}
          </li>
        );
      })}
    </ul>
  );
}
