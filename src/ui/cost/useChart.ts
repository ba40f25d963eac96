import { useEffect, useRef, useState } from 'react';

/**
 * A chart's `<svg>` and the width of its container (tracked while it is shown): React owns the
 * element, D3 draws inside it with `draw(svg, width)` whenever the width or `deps` change.
 */
export function useChart(draw: ((svg: SVGSVGElement, width: number) => void) | null, deps: readonly unknown[]) {
  const box = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    setWidth(el.clientWidth);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      for (const e of entries) setWidth(Math.round(e.contentRect.width));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  useEffect(() => {
    if (draw && svg.current && width > 0) draw(svg.current, width);
    // `draw` is rebuilt each render; `deps` say when its output changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [width, ...deps]);
  return { box, svg };
}
