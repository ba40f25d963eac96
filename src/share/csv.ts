import type { Lang, Localized } from '../i18n/types';
import { LATENCY_BIN_EDGES_MS } from '../sim/timeline';
import type { Frame } from '../worker/frame';

/**
 * The charts' data as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted only when
 * they hold a comma, a quote or a line break). Numbers are plain decimals with a dot, never
 * `1e-7`, so every spreadsheet and every plotting library reads them the same way. The data is
 * the run's own resolution (one row per time bucket of the timeline), not the windows a chart
 * happens to merge buckets into at its current width.
 */

export type Cell = string | number | null | undefined;

export function toCsv(rows: readonly (readonly Cell[])[]): string {
  return rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

function field(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  const text = typeof cell === 'number' ? plainNumber(cell) : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A number as a plain decimal (`0.0000001`, not `1e-7`); float noise beyond 12 digits is rounded off. */
export function plainNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  const rounded = Number.isInteger(n) ? n : Number(n.toPrecision(12));
  if (Object.is(rounded, -0)) return '0';
  const text = String(rounded);
  const sci = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!sci) return text;
  const [, sign, lead, rest = '', exp] = sci;
  const digits = lead! + rest;
  // Where the decimal point goes, counted in digits from the left.
  const point = Number(exp) + 1;
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

const H = (en: string, fr: string): Localized => ({ en, fr });

/** The columns of `chartsCsv`, with their units (no commas: a header stays unquoted). */
export const CHARTS_CSV_COLUMNS: readonly Localized[] = [
  H('Start (s)', 'Début (s)'),
  H('End (s)', 'Fin (s)'),
  H('Arriving (req/s)', 'Arrivées (req/s)'),
  H('Throttled with HTTP 429 (req/s)', 'Limitées par HTTP 429 (req/s)'),
  H('Completed (requests)', 'Terminées (requêtes)'),
  H('Cold starts (requests)', 'Démarrages à froid (requêtes)'),
  H('Warm starts (requests)', 'Démarrages à chaud (requêtes)'),
  H('Cold-start ratio (% of starts)', 'Taux de démarrages à froid (% des démarrages)'),
  H('Timed out (requests)', 'Expirées (requêtes)'),
  H('Failed (requests)', 'Échouées (requêtes)'),
  H('Sandboxes initializing (average)', 'Sandboxes en initialisation (moyenne)'),
  H('Sandboxes idle (average)', 'Sandboxes inactives (moyenne)'),
  H('Sandboxes busy (average)', 'Sandboxes occupées (moyenne)'),
  H('Sandboxes shutting down (average)', 'Sandboxes en arrêt (moyenne)'),
  H('Idle memory held (GB)', 'Mémoire inactive retenue (Go)'),
  H('Memory allocated to sandboxes (GB)', 'Mémoire allouée aux sandboxes (Go)'),
  H('Cost in interval (USD)', "Coût de l'intervalle (USD)"),
  H('Cumulative cost (USD)', 'Coût cumulé (USD)'),
];

/**
 * The time series of the charts, one row per time bucket up to the frame's instant. The bucket
 * in progress ends at `frame.t`, and its rates and averages are over the time it has covered
 * so far, so the last row's cumulative cost is the run's cost so far.
 */
export function chartsCsv(frame: Frame, lang: Lang = 'en'): string {
  const { bucketMs, bucketCount, series: s } = frame.series;
  const rows: Cell[][] = [CHARTS_CSV_COLUMNS.map((c) => c[lang])];
  let cumulativeUsd = 0;
  for (let b = 0; b < bucketCount && b * bucketMs < frame.t; b++) {
    const startMs = b * bucketMs;
    const endMs = Math.min(frame.t, (b + 1) * bucketMs);
    const seconds = (endMs - startMs) / 1000;
    // Sandbox counts are integrated over the whole bucket's length: rescale a partial bucket.
    const partial = bucketMs / (endMs - startMs);
    const cold = s.cold[b]!;
    const warm = s.warm[b]!;
    cumulativeUsd += s.costUsd[b]!;
    rows.push([
      startMs / 1000,
      endMs / 1000,
      s.arrivals[b]! / seconds,
      s.throttled[b]! / seconds,
      s.completed[b]!,
      cold,
      warm,
      cold + warm > 0 ? (100 * cold) / (cold + warm) : null,
      s.timedOut[b]!,
      s.failed[b]!,
      s.sandboxesInitializing[b]! * partial,
      s.sandboxesIdle[b]! * partial,
      s.sandboxesBusy[b]! * partial,
      s.sandboxesShuttingDown[b]! * partial,
      s.idleGbSeconds[b]! / seconds,
      s.allocatedGbSeconds[b]! / seconds,
      s.costUsd[b]!,
      cumulativeUsd,
    ]);
  }
  return toCsv(rows);
}

/** The latency histogram's data: one row per bin, warm and cold requests completed so far. */
export function latencyCsv(frame: Frame, lang: Lang = 'en'): string {
  const { latencyWarm, latencyCold } = frame.series;
  const rows: Cell[][] = [
    [H('Latency above (ms)', 'Latence au-dessus de (ms)'), H('Latency up to (ms; empty: no limit)', "Latence jusqu'à (ms ; vide : sans limite)"), H('Warm requests', 'Requêtes à chaud'), H('Cold requests', 'Requêtes à froid')].map((c) => c[lang]),
  ];
  const last = LATENCY_BIN_EDGES_MS.length - 1;
  LATENCY_BIN_EDGES_MS.forEach((upper, i) => {
    // The last bin catches everything above the one before it.
    rows.push([i === 0 ? 0 : LATENCY_BIN_EDGES_MS[i - 1]!, i === last ? null : upper, latencyWarm[i]!, latencyCold[i]!]);
  });
  return toCsv(rows);
}
