import { figures } from './figures';

/**
 * CPU grows with memory: AWS Lambda allots CPU in proportion to the memory setting, about one
 * vCPU at 1,769 MB (figures.memoryPerVcpuMb). A handler's duration is then partly CPU time,
 * which shrinks as memory (and CPU) grows, and partly waiting (I/O, other services), which
 * does not. The model, opt-in per function with `cpuBoundFraction` (0 to 1):
 *
 *   duration at memory M = d × ((1 − f) + f × 1769 / M)
 *
 * where d is the `durationMs` drawn (read as the duration with one vCPU) and f the fraction of
 * it spent computing. Above 1,769 MB the CPU-bound part keeps shrinking, as for code that uses
 * every vCPU it is given (a single-threaded handler would stop gaining there: lower f to say so).
 * f = 0 (or absent) leaves the duration as drawn, so scenarios without it run as before.
 *
 * @example durationAtMemory(1000, 512, 1) // 3455.078125: a fully CPU-bound second at 1 vCPU, on 512 MB
 */
export function durationAtMemory(ms: number, memoryMb: number, cpuBoundFraction: number | undefined): number {
  const f = cpuBoundFraction ?? 0;
  if (f === 0) return ms;
  return ms * (1 - f + (f * figures.memoryPerVcpuMb.value) / memoryMb);
}
