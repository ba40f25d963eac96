import { figures, type FigureName } from '../../sim/figures';

/**
 * The small print beside a field: the figure a default comes from and its source, built from
 * `sim/figures.ts` so the editor can never disagree with the simulation's defaults.
 */

const num = (v: number) => v.toLocaleString('en-US');
const isIllustrative = (name: FigureName) => figures[name].source.startsWith('illustrative');
const source = (name: FigureName) => (isIllustrative(name) ? 'illustrative, no published figure' : figures[name].source);

/** `Default 1,000 — AWS Lambda quotas (documentation).` (sources carry their own parentheses, hence the dash). */
export const defaultHint = (name: FigureName, shown = `${num(figures[name].value)} ${figures[name].unit}`): string => `Default ${shown} — ${source(name)}.`;

const minutes = (name: FigureName) => num(figures[name].value / 60_000);
const seconds = (name: FigureName) => num(figures[name].value / 1_000);

export const hints = {
  hostMemory: defaultHint('hostMemoryMb'),
  isolation: {
    microvm: `Each sandbox in its own microVM (Firecracker): about ${figures.microVmBootMs.value} ms to boot, ${figures.microVmOverheadMb.value} MiB overhead each — ${figures.microVmBootMs.source}.`,
    'account-vm': `Containers inside one VM per account (early Lambda): accounts never share a VM, but a VM of ${num(figures.accountVmMemoryMb.value)} MB is reserved per account (illustrative).`,
  },
  placement: {
    pack: 'Fill hosts in order: few hosts busy, the rest kept free.',
    spread: "Put a function's new sandbox on the host with the fewest of its sandboxes, so its spikes are spread out.",
  },
  keepAlivePolicy: {
    none: 'Reclaim a sandbox as soon as its invocation ends: every request is a cold start.',
    fixed: 'Keep an idle sandbox for a fixed time after its last invocation, then reclaim it.',
  },
  keepAliveIdle: `AWS ~${minutes('fixedKeepAliveAwsMs')} min, Azure ~${minutes('fixedKeepAliveAzureMs')} min — ${figures.fixedKeepAliveAwsMs.source}.`,
  accountConcurrency: defaultHint('accountConcurrency', num(figures.accountConcurrency.value)),
  memory: `${num(figures.minMemoryMb.value)}–${num(figures.maxMemoryMb.value)} MB — ${figures.maxMemoryMb.source}. CPU grows with memory: about one vCPU at ${num(figures.memoryPerVcpuMb.value)} MB — ${figures.memoryPerVcpuMb.source}.`,
  timeout: `Default ${seconds('defaultTimeoutMs')} s — ${figures.defaultTimeoutMs.source}. At most ${seconds('maxTimeoutMs')} s — ${figures.maxTimeoutMs.source}.`,
  packageSize: `Code download grows with size: ${figures.codeFetchMsPerMb.value} ms per MB (illustrative).`,
  initMs: `Init must finish within ${seconds('initLimitMs')} s on demand — ${figures.initLimitMs.source}.`,
  reserved: "Caps this function's concurrent executions and sets them aside from the account's limit. Empty: not set.",
  provisioned: 'Sandboxes initialized ahead of demand and kept warm (billed while they wait). At most the reserved concurrency. Empty: not set.',
  invocation: {
    sync: 'The caller waits for the result; over the limit it gets HTTP 429.',
    async: `The platform queues the event and retries; throttled events are kept up to ${num(figures.asyncMaxEventAgeMs.value / 3_600_000)} h — ${figures.asyncMaxEventAgeMs.source}.`,
  },
} as const;
