import { useEffect, useRef } from 'react';
import { useT } from '../i18n';
import { renderPlane } from '../render/plane';
import type { PlaneBox } from '../render/plane/canvas';
import { PLANE_H, PLANE_W } from '../render/plane/layout';
import { measured, subscribeFrames } from '../store/latestFrame';
import { speedOf, usePlayback } from '../store/playback';
import { useSelection } from '../store/selection';
import type { Frame } from '../worker/frame';
import { shouldAnimate } from './useFrame';

/** How long an ended request stays on screen, in wall-clock ms (scaled by the speed). */
const TRAIL_WALL_MS = 900;

/** The data plane view; its words are in the interface's language, so a change of language redraws it. */
export function PlanePanel() {
  const { t, lang } = useT();
  const ref = useRef<SVGSVGElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const boxRef = useRef<PlaneBox | null>(null);
  const selected = useSelection((s) => s.selected);
  const select = useSelection((s) => s.select);
  // Paused, the tokens go back from the canvas to the SVG: a change of playing redraws.
  const playing = usePlayback((s) => s.playing);

  // The canvas lies over the SVG at its size; read when either changes (layout is up to date then).
  useEffect(() => {
    const svg = ref.current!;
    const canvas = canvasRef.current!;
    const ro = new ResizeObserver(() => {
      const r = svg.getBoundingClientRect();
      const section = svg.parentElement!;
      const p = section.getBoundingClientRect();
      boxRef.current = { width: r.width, height: r.height };
      canvas.style.left = `${r.left - p.left - section.clientLeft}px`;
      canvas.style.top = `${r.top - p.top - section.clientTop}px`;
    });
    ro.observe(svg);
    ro.observe(svg.parentElement!);
    return () => ro.disconnect();
  }, []);

  useEffect(() => {
    const draw = (frame: Frame) => {
      const speed = speedOf(usePlayback.getState());
      measured('plane', () =>
        renderPlane(ref.current!, frame, {
          trailMs: TRAIL_WALL_MS * Math.max(speed, 0.01),
          animate: shouldAnimate(frame.requests.length),
          tokens: !(usePlayback.getState().playing && speed >= 1_000),
          selected,
          onSelect: select,
          playing: usePlayback.getState().playing,
          canvas: boxRef.current && { element: canvasRef.current!, box: boxRef.current },
        }),
      );
    };
    // subscribeFrames draws the current frame at once, then every later one.
    return subscribeFrames(draw);
  }, [selected, select, lang, playing]);
  return (
    <section className="panel plane-panel" aria-labelledby="plane-title">
      <h2 id="plane-title">{t('render.plane.title')}</h2>
      {/* The viewBox is in the markup so the view has its size before the first frame (no layout shift). */}
      <svg ref={ref} className="plane" viewBox={`0 0 ${PLANE_W} ${PLANE_H}`} />
      <canvas ref={canvasRef} className="plane-canvas" aria-hidden="true" width={0} height={0} />
    </section>
  );
}
