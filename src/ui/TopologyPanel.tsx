import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n';
import { functionColor } from '../render/palette';
import { renderTopology } from '../render/topology';
import { sandboxLegend } from '../render/topology/sandboxStyle';
import { sandboxAt } from '../render/topology/canvas';
import type { TopologyLayout } from '../render/topology/layout';
import { measured, subscribeFrames } from '../store/latestFrame';
import { speedOf, usePlayback } from '../store/playback';
import { useSelection } from '../store/selection';
import type { Frame } from '../worker/frame';
import { prefersReducedMotion, useFrame } from './useFrame';

/**
 * How many SVG cells one task may create. Pausing after fast forward turns up to 1,500 canvas
 * cells back into SVG; at about 0.15 ms a cell (measured, 500 cells: 75 ms), 100 keep each task
 * near 15 ms of script, with room for the frame that comes with it under the 50 ms of a long task.
 */
const NEW_CELLS_PER_TASK = 100;

/** Hosts, guest OSes and sandboxes; its words are in the interface's language, so a change of language redraws it. */
export function TopologyPanel() {
  const { t, lang } = useT();
  const ref = useRef<HTMLDivElement>(null);
  const layoutRef = useRef<TopologyLayout | null>(null);
  const [width, setWidth] = useState(800);
  const selected = useSelection((s) => s.selected);
  const select = useSelection((s) => s.select);
  const frame = useFrame(1);
  // Fast forward (100× and up, playing): many sandboxes go on the canvas; SVG again when paused
  // (a change redraws the current frame).
  const fastForward = usePlayback((s) => s.playing && speedOf(s) >= 100);
  const playing = usePlayback((s) => s.playing);

  useEffect(() => {
    const el = ref.current!;
    const ro = new ResizeObserver(([entry]) => setWidth(Math.max(320, Math.floor(entry!.contentRect.width))));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useEffect(() => {
    let more: ReturnType<typeof setTimeout> | null = null;
    const draw = (f: Frame) => {
      if (more !== null) clearTimeout(more);
      more = null;
      // Playing and speed as they are now, not as this effect last saw them: the first frame
      // after Play comes before React re-renders, and drawn as paused it took 200 ms of SVG.
      const now = usePlayback.getState();
      measured('topology', () => {
        const drawn = renderTopology(ref.current!, f, {
          width,
          animate: !prefersReducedMotion() && speedOf(now) <= 30 && f.sandboxes.length <= 300,
          selected,
          onSelect: select,
          fastForward: now.playing && speedOf(now) >= 100,
          playing: now.playing,
          newCellBudget: NEW_CELLS_PER_TASK,
        });
        layoutRef.current = drawn.layout;
        // The canvas shows the frame meanwhile; the next cells are built in a task of their own.
        if (drawn.pending) more = setTimeout(() => draw(f), 0);
      });
    };
    // subscribeFrames draws the current frame at once, then every later one.
    const unsubscribe = subscribeFrames(draw);
    return () => {
      unsubscribe();
      if (more !== null) clearTimeout(more);
    };
  }, [width, selected, select, lang, fastForward, playing]);

  // Canvas mode: clicks are hit-tested against the layout's grid.
  const onCanvasClick = (ev: React.MouseEvent) => {
    if (!(ev.target instanceof HTMLCanvasElement) || !layoutRef.current) return;
    const r = ev.target.getBoundingClientRect();
    const id = sandboxAt(layoutRef.current, ev.clientX - r.left, ev.clientY - r.top);
    if (id !== null) select({ kind: 'sandbox', id });
  };

  return (
    <section className="panel topology-panel" aria-labelledby="topology-title">
      <h2 id="topology-title">
        {t('render.topology.title')}{' '}
        <span className="subtle">{frame ? (frame.isolation === 'microvm' ? t('render.topology.microvm') : t('render.topology.accountVm')) : ''}</span>
      </h2>
      <div className="legend" aria-label={t('render.topology.legend')}>
        {frame?.functions.map((f) => (
          <span key={f.index} className="legend-item">
            <span className="swatch" style={{ background: functionColor(f.index) }} aria-hidden="true" />
            {f.name} <span className="subtle">({f.account})</span>
          </span>
        ))}
        {sandboxLegend(frame).map((l) => (
          <span key={l.state} className="legend-item">
            <span className={`state-chip chip-${l.state.split('.')[0]}`} aria-hidden="true">
              {l.glyph.split(' ')[0]}
            </span>
            {l.text}
          </span>
        ))}
      </div>
      <div ref={ref} className="topology-stage" onClick={onCanvasClick} />
    </section>
  );
}
