import { CHARTS } from '../render/charts';
import type { Frame } from '../worker/frame';

/**
 * All the charts of a frame in one SVG, for a single picture to paste into slides or a report.
 * The charts are drawn afresh from the frame (the same render functions as the panel), so the
 * export works whichever analysis tab is open and at a size that reads well on a slide,
 * whatever the width of the window.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

export interface ChartsImageLayout {
  columns: number;
  chartWidth: number;
  chartHeight: number;
  gap: number;
}

/** Two columns of slide-sized charts: about 1,330 × 1,110 px, 2,660 px wide at scale 2. */
export const CHARTS_IMAGE_LAYOUT: ChartsImageLayout = { columns: 2, chartWidth: 640, chartHeight: 340, gap: 16 };

const HEADING_PX = 36;

export interface ChartsImage {
  svg: SVGSVGElement;
  /** Removes the off-screen drawing from the page. */
  dispose: () => void;
}

/**
 * Draws every chart of `frame` into one SVG, under a heading line (e.g. the scenario's name and
 * the time shown). The SVG lives off-screen in `doc` until disposed: styles are computed only for
 * elements in a document.
 */
export function chartsImage(frame: Frame, heading: string, doc: Document = document, layout: ChartsImageLayout = CHARTS_IMAGE_LAYOUT): ChartsImage {
  const { columns, chartWidth, chartHeight, gap } = layout;
  const rows = Math.ceil(CHARTS.length / columns);
  const width = gap * 2 + columns * chartWidth + (columns - 1) * gap;
  const height = HEADING_PX + gap + rows * chartHeight + (rows - 1) * gap + gap;

  const host = doc.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  host.style.cssText = 'position: fixed; left: -100000px; top: 0; width: 0; height: 0; overflow: hidden;';
  const svg = doc.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.style.backgroundColor = '#ffffff';
  host.append(svg);
  doc.body.append(host);

  const title = doc.createElementNS(SVG_NS, 'text');
  title.setAttribute('x', String(gap));
  title.setAttribute('y', String(gap + 16));
  title.setAttribute('font-family', "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif");
  title.setAttribute('font-size', '17');
  title.setAttribute('font-weight', '600');
  title.setAttribute('fill', '#1b1f24');
  title.textContent = heading;
  svg.append(title);

  CHARTS.forEach((chart, i) => {
    const cell = doc.createElementNS(SVG_NS, 'svg');
    cell.setAttribute('data-chart', chart.id);
    svg.append(cell);
    chart.render(cell, frame, { width: chartWidth, height: chartHeight });
    // After rendering: a chart sets its own size and viewBox, and its place is ours to set.
    cell.setAttribute('x', String(gap + (i % columns) * (chartWidth + gap)));
    cell.setAttribute('y', String(HEADING_PX + gap + Math.floor(i / columns) * (chartHeight + gap)));
  });
  return { svg, dispose: () => host.remove() };
}
