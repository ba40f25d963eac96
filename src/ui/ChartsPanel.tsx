import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n';
import { CHARTS } from '../render/charts';
import { drawnFrame, redrawDecision, REDRAW_INTERVAL_MS, type DrawnFrame } from '../render/charts/redrawPolicy';
import { latestFrame, measured, subscribeFrames } from '../store/latestFrame';
import { usePlayback } from '../store/playback';
import type { Frame } from '../worker/frame';
import './charts.css';

/** Two columns from this panel width up: below it a chart would be too narrow to read. */
const TWO_COLUMNS_FROM_PX = 1100;
const GAP_PX = 16;

interface ChartSize {
  columns: 1 | 2;
  width: number;
  height: number;
}

function sizeFor(panelWidth: number): ChartSize {
  const columns = panelWidth >= TWO_COLUMNS_FROM_PX ? 2 : 1;
  const width = Math.max(240, Math.floor((panelWidth - GAP_PX * (columns - 1)) / columns));
  // Wide enough to read a trend, short enough that three rows fit a laptop screen and a half;
  // narrow charts get relatively taller because their labels wrap onto more lines.
  const height = Math.round(Math.min(340, Math.max(300, width * 0.5)));
  return { columns, width, height };
}

/**
 * The six charts of the run, in a grid. React owns the grid and the `<svg>` elements; D3
 * owns everything inside each `<svg>`. Frames come through the store's subscription, not
 * React state, so playback re-renders no React component. The charts write their words in
 * the interface's language when drawn, so a change of language redraws them.
 */
export function ChartsPanel() {
  const { t, lang } = useT();
  const gridRef = useRef<HTMLDivElement>(null);
  const svgRefs = useRef<(SVGSVGElement | null)[]>([]);
  const [size, setSize] = useState<ChartSize | null>(null);
  const drawnOnce = useRef(false);
  const inSightRef = useRef(CHARTS.map(() => true));

  useEffect(() => {
    const grid = gridRef.current;
    if (!grid) return;
    const measure = (width: number) => {
      const next = sizeFor(width);
      setSize((prev) => (prev && prev.columns === next.columns && prev.width === next.width && prev.height === next.height ? prev : next));
    };
    if (typeof ResizeObserver === 'undefined') {
      measure(grid.clientWidth);
      return;
    }
    const observer = new ResizeObserver((entries) => {
      for (const entry of entries) measure(entry.contentRect.width);
    });
    observer.observe(grid);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (!size) return;
    // Throttle state lives in this effect: a new size starts afresh and draws the current
    // frame at once (subscribeFrames calls back with it immediately).
    let seen: DrawnFrame | null = null;
    let lastDrawAt = -Infinity;
    let pending: Frame | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;

    let cancelNext = () => {};
    // A chart out of sight is not drawn with the frame (six charts, five times a second, were
    // a millisecond of every frame and more style, layout and paint). It is drawn as soon as it
    // comes into sight; and when paused, each in an idle moment of its own, so a screenshot or a
    // scroll finds it up to date without Pause drawing six charts in one long task.
    // Which charts are in sight outlives the effect: a new size must not take them all for in sight
    // (and draw six at once) before the new observer says otherwise.
    const inSight = inSightRef.current;
    const stale = CHARTS.map(() => false);
    let cancelStale = () => {};
    const render = (frame: Frame, i: number) => {
      stale[i] = false;
      measured('chart', () => CHARTS[i]!.render(svgRefs.current[i]!, frame, { width: size.width, height: size.height }));
    };
    const drawStaleWhenIdle = () => {
      cancelStale();
      const next = () => {
        const frame = latestFrame.getState().frame;
        const i = stale.indexOf(true);
        if (!frame || i < 0 || usePlayback.getState().playing) return;
        render(frame, i);
        cancelStale = whenIdle(next);
      };
      cancelStale = whenIdle(next);
    };
    const drawChart = (frame: Frame, i: number) => {
      if (!svgRefs.current[i]) return;
      if (inSight[i]) return render(frame, i);
      stale[i] = true;
      if (!usePlayback.getState().playing) drawStaleWhenIdle();
    };
    const sight =
      typeof IntersectionObserver === 'function'
        ? new IntersectionObserver(
            (entries) => {
              for (const entry of entries) {
                const i = svgRefs.current.indexOf(entry.target as SVGSVGElement);
                if (i < 0) continue;
                inSight[i] = entry.isIntersecting;
                const frame = latestFrame.getState().frame;
                if (entry.isIntersecting && stale[i] && frame) render(frame, i);
              }
            },
            { rootMargin: '100px' },
          )
        : null;
    for (const svg of svgRefs.current) if (svg) sight?.observe(svg);
    const unsubscribePlaying = usePlayback.subscribe((s, prev) => {
      if (prev.playing && !s.playing) drawStaleWhenIdle();
    });
    const draw = (frame: Frame) => {
      pending = null;
      lastDrawAt = performance.now();
      cancelNext();
      if (!usePlayback.getState().playing && drawnOnce.current) {
        CHARTS.forEach((_, i) => drawChart(frame, i));
        return;
      }
      drawnOnce.current = true;
      // While playing, and for the page's first draw (every chart built from scratch while the
      // page is still starting), one chart at a time, each in its own idle moment: six charts at
      // once would make a long task, and a chart drawn inside the frame's rendering task would
      // add to it; spread out, no task carries more than one.
      let i = 0;
      const next = () => {
        drawChart(frame, i++);
        if (i < CHARTS.length) cancelNext = whenIdle(next);
      };
      next();
    };
    const unsubscribe = subscribeFrames((frame) => {
      const decision = redrawDecision(seen, frame, performance.now() - lastDrawAt);
      seen = drawnFrame(frame);
      if (decision === 'now') {
        if (timer) clearTimeout(timer);
        timer = null;
        draw(frame);
        return;
      }
      // Keep only the latest frame; draw it when the slot comes, so a pause shows the
      // instant it paused at, not the one before.
      pending = frame;
      timer ??= setTimeout(
        () => {
          timer = null;
          if (pending) draw(pending);
        },
        Math.max(0, REDRAW_INTERVAL_MS - (performance.now() - lastDrawAt)),
      );
    });
    return () => {
      unsubscribe();
      unsubscribePlaying();
      sight?.disconnect();
      cancelNext();
      cancelStale();
      if (timer) clearTimeout(timer);
    };
    // `lang` is read by the charts at draw time (src/render/locale.ts); a new language restarts
    // the subscription, which draws the current frame at once.
  }, [size, lang]);

  return (
    <section className="charts-panel" aria-label={t('render.charts.panel')}>
      <div ref={gridRef} className="charts-grid" style={{ gap: GAP_PX, gridTemplateColumns: `repeat(${size?.columns ?? 1}, minmax(0, 1fr))` }}>
        {CHARTS.map((chart, i) => (
          <div key={chart.id} className="chart-cell" data-chart={chart.id}>
            <svg
              ref={(el) => {
                svgRefs.current[i] = el;
              }}
            />
          </div>
        ))}
      </div>
    </section>
  );
}

/**
 * Runs `cb` when the page is idle (between frames), at most 100 ms later; returns a canceller.
 * Charts are the views that can wait: the plane and topology animate, the charts summarise.
 */
function whenIdle(cb: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(cb, { timeout: 100 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(cb, 0);
  return () => clearTimeout(id);
}
