/**
 * The figures FaaScope shows students, each with its source (shared/domain.md, section 9).
 * Scenario defaults are taken from here, so every preset number can be traced to where it
 * came from. Figures marked `illustrative` have no published value: they are plausible
 * round numbers chosen to make the mechanism visible, and the UI says so.
 */
export interface Figure {
  value: number;
  unit: string;
  /** Where the number comes from; `illustrative` when no source gives one. */
  source: string;
}

const illustrative = 'illustrative (no published figure; chosen to make the mechanism visible)';

export const figures = {
  minMemoryMb: { value: 128, unit: 'MB', source: 'AWS Lambda quotas (documentation)' },
  maxMemoryMb: { value: 10240, unit: 'MB', source: 'AWS Lambda quotas (documentation)' },
  memoryPerVcpuMb: { value: 1769, unit: 'MB', source: 'AWS Lambda memory configuration (documentation)' },
  maxTimeoutMs: { value: 900_000, unit: 'ms', source: 'AWS Lambda quotas; Berkeley view (2019)' },
  defaultTimeoutMs: { value: 3_000, unit: 'ms', source: 'AWS Lambda default function timeout (documentation)' },
  initLimitMs: { value: 10_000, unit: 'ms', source: 'AWS Lambda execution environment lifecycle (documentation)' },
  shutdownMs: { value: 500, unit: 'ms', source: 'AWS Lambda execution environment lifecycle: shutdown phase limit with internal extensions only (documentation)' },
  accountConcurrency: { value: 1000, unit: 'concurrent executions', source: 'AWS Lambda quotas (documentation)' },
  pricePerGbSecond: { value: 0.0000166667, unit: 'USD per GB-s', source: 'AWS Lambda pricing, x86, first tier' },
  pricePerMillionRequests: { value: 0.2, unit: 'USD per million requests', source: 'AWS Lambda pricing' },
  provisionedPricePerGbSecond: { value: 0.0000041667, unit: 'USD per GB-s provisioned', source: 'AWS Lambda pricing, provisioned concurrency, x86: charged for as long as it is provisioned' },
  provisionedDurationPricePerGbSecond: { value: 0.0000097222, unit: 'USD per GB-s of duration', source: 'AWS Lambda pricing, provisioned concurrency, x86: duration of invocations on provisioned sandboxes' },
  billingGranularityMs: { value: 1, unit: 'ms', source: 'AWS announcement, re:Invent 2020 (100 ms before December 2020)' },
  fixedKeepAliveAwsMs: { value: 600_000, unit: 'ms', source: 'Shahrad et al., "Serverless in the Wild", USENIX ATC 2020 (as cited)' },
  fixedKeepAliveAzureMs: { value: 1_200_000, unit: 'ms', source: 'Shahrad et al., "Serverless in the Wild", USENIX ATC 2020 (as cited)' },
  microVmBootMs: { value: 125, unit: 'ms', source: 'Agache et al., "Firecracker", NSDI 2020' },
  microVmOverheadMb: { value: 5, unit: 'MiB', source: 'Agache et al., "Firecracker", NSDI 2020' },
  asyncMaxEventAgeMs: { value: 6 * 3_600_000, unit: 'ms', source: 'AWS Lambda asynchronous invocation (documentation)' },
  asyncErrorRetries: { value: 2, unit: 'retries', source: 'AWS Lambda asynchronous invocation (documentation): 2 retries after a function error (configurable 0 to 2)' },
  asyncErrorRetryBaseMs: { value: 60_000, unit: 'ms', source: 'AWS Lambda asynchronous invocation (documentation): about 1 min before the first retry, 2 min before the second' },
  gatewayRatePerSec: { value: 10_000, unit: 'requests per second', source: 'Amazon API Gateway quotas (documentation): throttling per account and Region, steady rate' },
  gatewayBurst: { value: 5_000, unit: 'requests', source: 'Amazon API Gateway quotas (documentation): throttling per account and Region, burst (token bucket capacity)' },
  recursionGuardInvocations: { value: 16, unit: 'invocations per chain', source: 'AWS Lambda recursive loop detection (documentation; AWS Compute Blog, July 2023): an event chain invoked more than 16 times is stopped, the event sent to the dead-letter queue' },
  // Serverful comparison (domain.md §8): one always-on general-purpose VM, billed by the hour busy or idle.
  vmPricePerHour: { value: 0.096, unit: 'USD per hour', source: 'Amazon EC2 on-demand pricing, m5.large (2 vCPU, 8 GiB), Linux, US East (N. Virginia)' },
  vmVcpus: { value: 2, unit: 'vCPU', source: 'Amazon EC2 instance types, m5.large' },
  vmMemoryMb: { value: 8192, unit: 'MB', source: 'Amazon EC2 instance types, m5.large (8 GiB)' },
  hoursPerMonth: { value: 730, unit: 'hours', source: 'AWS Pricing Calculator convention (730 hours a month)' },
  // Hop latencies inside the data plane: small, and not published.
  loadBalancerMs: { value: 1, unit: 'ms', source: illustrative },
  frontendMs: { value: 3, unit: 'ms', source: illustrative },
  countingMs: { value: 1, unit: 'ms', source: illustrative },
  workerManagerMs: { value: 1, unit: 'ms', source: illustrative },
  gatewayMs: { value: 10, unit: 'ms', source: illustrative },
  placementMs: { value: 10, unit: 'ms', source: illustrative },
  codeFetchMsPerMb: { value: 10, unit: 'ms per MB', source: illustrative },
  containerStartMs: { value: 50, unit: 'ms', source: illustrative },
  accountVmBootMs: { value: 1_500, unit: 'ms', source: illustrative },
  accountVmMemoryMb: { value: 4_096, unit: 'MB', source: illustrative },
  runtimeBootMs: { value: 80, unit: 'ms', source: illustrative },
  hostMemoryMb: { value: 16_384, unit: 'MB', source: illustrative },
  asyncRetryBaseMs: { value: 1_000, unit: 'ms', source: illustrative },
  asyncRetryMaxMs: { value: 300_000, unit: 'ms', source: illustrative },
  // Cold-start mitigations (issue 5).
  warmPoolAssignMs: { value: 25, unit: 'ms', source: `${illustrative}; a pre-booted generic sandbox is handed to the function and given its code (Fission reports cold starts of about 100 ms with its pool of generic containers)` },
  warmPoolSandboxMb: { value: 1_024, unit: 'MB', source: `${illustrative}; each generic sandbox is sized for the largest function it can serve (90% of applications use under 400 MB, Shahrad et al., USENIX ATC 2020)` },
  snapshotRestoreMs: { value: 200, unit: 'ms', source: `${illustrative}; AWS describes SnapStart restores as sub-second (AWS Lambda SnapStart documentation)` },
} as const satisfies Record<string, Figure>;

export type FigureName = keyof typeof figures;
