/** Simulated time as a student reads it: 850 ms, 12.4 s, 3 min 20 s, 2 h 05 min. */
export function formatTime(ms: number): string {
  if (ms < 1_000) return `${ms < 10 ? ms.toFixed(2) : ms.toFixed(0)} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  if (ms < 3_600_000) {
    const m = Math.floor(ms / 60_000);
    return `${m} min ${String(Math.floor((ms % 60_000) / 1_000)).padStart(2, '0')} s`;
  }
  const h = Math.floor(ms / 3_600_000);
  return `${h} h ${String(Math.floor((ms % 3_600_000) / 60_000)).padStart(2, '0')} min`;
}

export const formatCount = (n: number) => n.toLocaleString('en-US');

export function formatSpeed(speed: number): string {
  return `${speed < 1 ? speed : speed.toLocaleString('en-US')}×`;
}

export function formatUsd(v: number): string {
  if (v === 0) return '$0';
  return v < 0.01 ? `$${v.toPrecision(3)}` : `$${v.toFixed(v < 10 ? 4 : 2)}`;
}
