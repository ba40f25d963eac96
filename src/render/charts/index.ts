import type { Frame } from '../../worker/frame';
import type { ChartOptions } from './chartFrame';
import { renderColdStartRatioChart } from './coldStartRatioChart';
import { renderCumulativeCostChart } from './cumulativeCostChart';
import { renderIdleMemoryVsColdStartsChart } from './idleMemoryVsColdStartsChart';
import { renderLatencyHistogramChart } from './latencyHistogramChart';
import { renderRequestRateChart } from './requestRateChart';
import { renderSandboxStatesChart } from './sandboxStatesChart';

export type { ChartOptions } from './chartFrame';
export { renderColdStartRatioChart, renderCumulativeCostChart, renderIdleMemoryVsColdStartsChart, renderLatencyHistogramChart, renderRequestRateChart, renderSandboxStatesChart };
export { redrawDecision, REDRAW_INTERVAL_MS, type DrawnFrame } from './redrawPolicy';

/** One chart of the charts panel. */
export interface ChartDef {
  id: string;
  render: (svg: SVGSVGElement, frame: Frame, opts: ChartOptions) => void;
}

/**
 * The panel's charts, in reading order: what arrives, what it costs users (cold starts), what
 * the platform holds to serve it, the trade-off between the two, the bill, and the latency.
 */
export const CHARTS: readonly ChartDef[] = [
  { id: 'request-rate', render: renderRequestRateChart },
  { id: 'cold-start-ratio', render: renderColdStartRatioChart },
  { id: 'sandbox-states', render: renderSandboxStatesChart },
  { id: 'idle-vs-cold', render: renderIdleMemoryVsColdStartsChart },
  { id: 'cumulative-cost', render: renderCumulativeCostChart },
  { id: 'latency-histogram', render: renderLatencyHistogramChart },
];
