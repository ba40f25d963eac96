import { useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import type { AnyStateMachine } from 'xstate';
import { requestPath } from '../machines/requestPath';
import { sandboxLifecycle } from '../machines/sandboxLifecycle';
import {
  layoutGraph,
  machineGraph,
  paceFrames,
  renderStatechart,
  requestStateStyle,
  sandboxStateStyle,
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
  title: string;
  graph: MachineGraph;
  layout: GraphLayout;
  styleFor: StateStyleFor;
}

/** What the diagrams show now, for the caption and the screen-reader list. */
type Shown = Record<Kind, { counts: Record<string, number>; highlight: string | null; entity: number | null }>;

function chart(kind: Kind, title: string, machine: AnyStateMachine, styleFor: StateStyleFor): Chart {
  const graph = machineGraph(machine);
  return { kind, title, graph, layout: layoutGraph(graph, { symbolFor: (id) => styleFor(id)?.symbol }), styleFor };
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

/** The sandbox lifecycle and the request path, drawn from the machines the engine runs, with live counts. */
export function StatechartPanel() {
  const charts = useMemo(
    () => [
      chart('sandbox', 'Sandbox lifecycle', sandboxLifecycle, sandboxStateStyle),
      chart('request', 'Request path', requestPath, requestStateStyle),
    ],
    [],
  );
  const svgs = useRef<Partial<Record<Kind, SVGSVGElement | null>>>({});
  const [shown, setShown] = useState<Shown>(() => shownFor(latestFrame.getState().frame, useSelection.getState().selected));

  useEffect(() => {
    const draw = (frame: Frame | null) => {
      const next = shownFor(frame, useSelection.getState().selected);
      for (const c of charts) {
        const svg = svgs.current[c.kind];
        if (svg) renderStatechart(svg, c.graph, c.layout, next[c.kind], { styleFor: c.styleFor });
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
  }, [charts]);

  const gridStyle = { '--statechart-columns': charts.map((c) => `${(c.layout.viewBox[2] / c.layout.viewBox[3]).toFixed(3)}fr`).join(' ') } as CSSProperties;
  return (
    <section className="statechart-panel" aria-label="Statecharts">
      <div className="statechart-grid" style={gridStyle}>
      {charts.map((c) => {
        const { counts, highlight, entity } = shown[c.kind];
        return (
          <figure key={c.kind} className="statechart-figure">
            <figcaption>
              <strong>{c.title}</strong>
              {highlight && (
                <span className="statechart-selected">
                  ◆ {c.kind} {entity}: <code>{highlight}</code>
                </span>
              )}
            </figcaption>
            <svg
              ref={(el) => {
                svgs.current[c.kind] = el;
              }}
              role="img"
              aria-label={`${c.title} statechart, drawn from the ${c.graph.id} machine the simulation runs: ${c.graph.nodes.length} states, ${c.graph.edges.length} transitions. The states and their counts are listed next.`}
              viewBox={c.layout.viewBox.join(' ')}
              style={{ aspectRatio: `${c.layout.viewBox[2]} / ${c.layout.viewBox[3]}` }}
            />
            <StateList chart={c} counts={counts} highlight={highlight} />
          </figure>
        );
      })}
      </div>
      <p className="statechart-legend">
        Numbers: how many are in each state now; double border: a final state, with how many ended there so far. ◆ the selected one.
      </p>
    </section>
  );
}

/** The diagram as text, for screen readers: each state, its count, what it does and where it leads. */
function StateList({ chart: c, counts, highlight }: { chart: Chart; counts: Record<string, number>; highlight: string | null }) {
  const labelOf = (id: string) => c.graph.nodes.find((n) => n.id === id)?.label ?? id;
  const countOf = (id: string) => Object.entries(counts).reduce((sum, [path, n]) => (path === id || path.startsWith(`${id}.`) ? sum + n : sum), 0);
  return (
    <ul className="statechart-sr">
      {c.graph.nodes.map((n) => {
        const out = c.graph.edges.filter((e) => e.from === n.id);
        return (
          <li key={n.id}>
            {n.parent ? `${n.label} (in ${n.parent})` : n.label}
            {n.final ? `, final: ${countOf(n.id).toLocaleString('en-US')} so far` : `: ${countOf(n.id).toLocaleString('en-US')} now`}
            {highlight === n.id && ', the selected one is here'}
            {n.description && `. ${n.description}`}
            {out.length > 0 && ` Leads to ${out.map((e) => `${labelOf(e.to)} on ${e.event}`).join('; ')}.`}
          </li>
        );
      })}
    </ul>
  );
}
