import './zodJitless';
import * as z from 'zod/mini';
import { figures as f } from './figures';
import { CALL_MODES, isAsyncTrigger, triggerOf, TRIGGERS } from './triggers';
import { hybridFigures as h, hybridParamProblems } from './policies/hybridHistogram';

/**
 * The scenario format, version 1: everything a run depends on (with its seed), so that a run
 * is reproducible from the file alone. Validated on load; every error names its path and
 * the expected value, e.g. `functions[1].memoryMb: expected 128..10240, got 64`.
 */

const between = (min: number, max: number) =>
  z.number().check(z.minimum(min, { error: `expected ${min}..${max}` }), z.maximum(max, { error: `expected ${min}..${max}` }));
const intBetween = (min: number, max: number) => z.int({ error: `expected an integer ${min}..${max}` }).check(z.minimum(min, { error: `expected ${min}..${max}` }), z.maximum(max, { error: `expected ${min}..${max}` }));
const positive = (max = 1e12) => z.number().check(z.positive({ error: `expected a number > 0 (up to ${max})` }), z.maximum(max, { error: `expected at most ${max}` }));
const nonNegative = (max = 1e12) => between(0, max);

const MAX_DURATION_MS = 366 * 24 * 3_600_000;

export const distributionSchema = z.discriminatedUnion(
  'dist',
  [
    z.strictObject({ dist: z.literal('constant'), ms: nonNegative() }),
    z.strictObject({ dist: z.literal('exponential'), meanMs: positive() }),
    z.strictObject({ dist: z.literal('lognormal'), medianMs: positive(), sigma: between(0, 5) }),
    z.strictObject({
      dist: z.literal('empirical'),
      percentiles: z
        .strictObject({ p0: nonNegative(), p1: nonNegative(), p25: nonNegative(), p50: nonNegative(), p75: nonNegative(), p99: nonNegative(), p100: nonNegative() }).check(z.refine((p) => p.p0 <= p.p1 && p.p1 <= p.p25 && p.p25 <= p.p50 && p.p50 <= p.p75 && p.p75 <= p.p99 && p.p99 <= p.p100, {
          error: 'expected percentiles in increasing order (p0 <= p1 <= p25 <= p50 <= p75 <= p99 <= p100)',
        })),
    }),
  ],
  { error: 'expected "dist" to be one of "constant", "exponential", "lognormal", "empirical"' },
);
export type Distribution = z.infer<typeof distributionSchema>;

export const workloadSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('poisson'), ratePerSec: between(0, 100_000) }),
    z.strictObject({ type: z.literal('periodic'), everyMs: between(1, MAX_DURATION_MS), offsetMs: z._default(nonNegative(MAX_DURATION_MS), 0) }),
    z.strictObject({
      type: z.literal('steps'),
      steps: z
        .array(z.strictObject({ atMs: nonNegative(MAX_DURATION_MS), ratePerSec: between(0, 100_000) })).check(z.minLength(1, { error: 'expected at least one step' })).check(z.refine((s) => s.every((x, i) => i === 0 || x.atMs > s[i - 1]!.atMs), { error: 'expected steps in increasing atMs order' })),
    }),
    z.strictObject({
      type: z.literal('perMinute'),
      counts: z.array(intBetween(0, 6_000_000)).check(z.minLength(1, { error: 'expected at least one minute of counts' })),
    }),
  ],
  { error: 'expected "type" to be one of "poisson", "periodic", "steps", "perMinute"' },
);
export type Workload = z.infer<typeof workloadSchema>;

/**
 * The hybrid histogram policy of "Serverless in the Wild" (see policies/hybridHistogram.ts),
 * per function; every parameter defaults to the paper's value.
 */
const hybridKeepAliveSchema = z
  .strictObject({
    policy: z.literal('hybrid'),
    binMs: z._default(positive(MAX_DURATION_MS), h.binMs.value),
    rangeMs: z._default(positive(MAX_DURATION_MS), h.rangeMs.value),
    headPercentile: z._default(between(0, 100), h.headPercentile.value),
    tailPercentile: z._default(between(0, 100), h.tailPercentile.value),
    margin: z._default(between(0, 0.99), h.margin.value),
    cvThreshold: z._default(nonNegative(1_000), h.cvThreshold.value),
    minSamples: z._default(intBetween(0, 1_000_000), h.minSamples.value),
    outOfRangeShare: z._default(between(0.001, 1), h.outOfRangeShare.value),
    forecastMargin: z._default(between(0, 0.99), h.forecastMargin.value),
    forecastSmoothing: z._default(between(0.001, 1), h.forecastSmoothing.value),
    fallbackKeepAliveMs: z._default(nonNegative(MAX_DURATION_MS), h.fallbackKeepAliveMs.value),
  }).check(z.superRefine((p, ctx) => {
    // The checks that span two fields (head <= tail, bins per range); one-field ranges are above.
    for (const line of hybridParamProblems(p)) {
      const field = line.slice(0, line.indexOf(':'));
      ctx.addIssue({ code: 'custom', path: [field], message: line.slice(field.length + 2) });
    }
  }));

export const keepAliveSchema = z.discriminatedUnion(
  'policy',
  [z.strictObject({ policy: z.literal('none') }), z.strictObject({ policy: z.literal('fixed'), idleMs: z._default(nonNegative(MAX_DURATION_MS), f.fixedKeepAliveAwsMs.value) }), hybridKeepAliveSchema],
  { error: 'expected "policy" to be one of "none", "fixed", "hybrid"' },
);
export type KeepAlive = z.infer<typeof keepAliveSchema>;

/**
 * An API gateway in front of one synchronous function (one route of an API): it throttles
 * calls with a token bucket, `burst` tokens deep, refilled at `ratePerSec`; a call that finds
 * no token gets HTTP 429 at the gateway and never reaches the platform. Per function, as API
 * Gateway sets throttling per stage and method (the defaults are its account-wide quota).
 */
export const gatewaySchema = z.strictObject({
  ratePerSec: z._default(between(0, 10_000_000), f.gatewayRatePerSec.value),
  burst: z._default(intBetween(0, 10_000_000), f.gatewayBurst.value),
});
export type Gateway = z.infer<typeof gatewaySchema>;

export const functionSchema = z.strictObject({
  name: z.string().check(z.minLength(1, { error: 'expected a non-empty name' })).check(z.maxLength(64)),
  account: z.string().check(z.minLength(1, { error: 'expected the id of an account' })),
  /**
   * The application the function belongs to (the Azure trace's HashApp). Only the cold-start
   * lab reads it: its policy comparison counts cold starts per application, as the paper does.
   * Absent: the function is an application of its own.
   */
  app: z.optional(z.string().check(z.minLength(1, { error: 'expected a non-empty application name' })).check(z.maxLength(64))),
  memoryMb: intBetween(f.minMemoryMb.value, f.maxMemoryMb.value),
  timeoutMs: z._default(between(1, f.maxTimeoutMs.value), f.defaultTimeoutMs.value),
  packageMb: z._default(nonNegative(10_240), 5),
  initMs: z._default(distributionSchema, { dist: 'constant', ms: 200 }),
  durationMs: distributionSchema,
  reservedConcurrency: z.optional(intBetween(0, 1_000_000)),
  provisionedConcurrency: z.optional(intBetween(0, 1_000_000)),
  /**
   * Provisioned concurrency that changes over time (Application Auto Scaling's scheduled
   * actions), e.g. raised for the working day: from each step's `atMs` the level is its `count`;
   * before the first step it is `provisionedConcurrency` (or 0). With `repeatEveryMs` the steps
   * repeat (86,400,000: every day).
   */
  provisionedSchedule: z.optional(z
    .strictObject({
      steps: z
        .array(z.strictObject({ atMs: nonNegative(MAX_DURATION_MS), count: intBetween(0, 1_000_000) })).check(z.minLength(1, { error: 'expected at least one step' })).check(z.refine((st) => st.every((x, i) => i === 0 || x.atMs > st[i - 1]!.atMs), { error: 'expected steps in increasing atMs order' })),
      repeatEveryMs: z.optional(positive(MAX_DURATION_MS)),
    }).check(z.refine((p) => p.repeatEveryMs === undefined || p.repeatEveryMs > p.steps[p.steps.length - 1]!.atMs, { error: 'expected repeatEveryMs greater than the last step\'s atMs' }))),
  /**
   * Snapshot restore (AWS Lambda SnapStart): init runs once, at deployment, and the initialized
   * sandbox is snapshotted; every cold start then restores that snapshot
   * (platform.coldStart.snapshotRestoreMs) instead of fetching code, starting, booting and
   * running init. Whatever init generated (random seeds, unique ids, connections) is the same
   * in every restored sandbox.
   */
  snapStart: z.optional(z.boolean()),
  invocation: z._default(z.enum(['sync', 'async'], { error: 'expected "sync" or "async"' }), 'sync'),
  /** Probability that an invocation ends in a function error (absent: 0). */
  failureRate: z.optional(between(0, 1)),
  /** An API gateway in front of the function (absent: called directly, e.g. by the SDK or a function URL). */
  gateway: z.optional(gatewaySchema),
  /**
   * The share of the handler's duration that is CPU time (absent: 0): that share scales with
   * 1769 / memoryMb, `durationMs` being read as the duration with one vCPU (see cpuScaling.ts).
   */
  cpuBoundFraction: z.optional(between(0, 1)),
  /**
   * How events reach it (absent: derived, see triggers.ts): "api", "url", "sdk" are synchronous,
   * "storage", "schedule", "queue" asynchronous, and set `invocation` accordingly.
   */
  trigger: z.optional(z.enum(TRIGGERS, { error: `expected one of ${TRIGGERS.map((t) => `"${t}"`).join(', ')}` })),
  /** The bucket, schedule rule or queue its events come from (absent: named after the function). */
  source: z.optional(z.string().check(z.minLength(1, { error: 'expected a non-empty name' })).check(z.maxLength(64))),
  /** The principal its workload calls as (absent: its trigger's, e.g. "apigateway", "s3:uploads"). */
  caller: z.optional(z.string().check(z.minLength(1, { error: 'expected a non-empty principal' })).check(z.maxLength(64))),
  /** Resource policy: the principals allowed to invoke it (absent: anyone). A call from another is denied at the frontend. */
  resourcePolicy: z.optional(z.array(z.string().check(z.minLength(1, { error: 'expected a non-empty principal' })).check(z.maxLength(64))).check(z.maxLength(100))),
  /** Execution role: the resources it may reach, e.g. "s3:uploads", "fn:resize" (absent: anything). */
  role: z.optional(z.array(z.string().check(z.minLength(1, { error: 'expected a non-empty resource' })).check(z.maxLength(64))).check(z.maxLength(100))),
  /** Resources every invocation reads or writes (checked against `role`). */
  uses: z.optional(z.array(z.string().check(z.minLength(1, { error: 'expected a non-empty resource' })).check(z.maxLength(64))).check(z.maxLength(100))),
  /** Calls made during each invocation, in order, after the handler's own work. */
  calls: z.optional(z
    .array(
      z.strictObject({
        fn: z.string().check(z.minLength(1, { error: 'expected the name of a function' })),
        mode: z._default(z.enum(CALL_MODES, { error: 'expected "sync", "async" or "storage"' }), 'sync'),
      }),
    ).check(z.maxLength(16))),
  workload: workloadSchema,
});
export type FunctionSpec = z.infer<typeof functionSchema>;

const hopsSchema = z.strictObject({
  loadBalancer: z._default(nonNegative(60_000), f.loadBalancerMs.value),
  frontend: z._default(nonNegative(60_000), f.frontendMs.value),
  counting: z._default(nonNegative(60_000), f.countingMs.value),
  workerManager: z._default(nonNegative(60_000), f.workerManagerMs.value),
  placement: z._default(nonNegative(60_000), f.placementMs.value),
  /** Through the API gateway, for functions behind one. */
  gateway: z._default(nonNegative(60_000), f.gatewayMs.value),
});

const coldStartSchema = z.strictObject({
  codeFetchMsPerMb: z._default(nonNegative(60_000), f.codeFetchMsPerMb.value),
  microVmBootMs: z._default(nonNegative(600_000), f.microVmBootMs.value),
  microVmOverheadMb: z._default(nonNegative(4_096), f.microVmOverheadMb.value),
  containerStartMs: z._default(nonNegative(600_000), f.containerStartMs.value),
  accountVmBootMs: z._default(nonNegative(600_000), f.accountVmBootMs.value),
  accountVmMemoryMb: z._default(intBetween(128, 1_048_576), f.accountVmMemoryMb.value),
  runtimeBootMs: z._default(nonNegative(600_000), f.runtimeBootMs.value),
  initLimitMs: z._default(positive(f.maxTimeoutMs.value), f.initLimitMs.value),
  shutdownMs: z._default(nonNegative(600_000), f.shutdownMs.value),
  /** A cold start of a function with snapStart: the whole init replaced by restoring its snapshot. */
  snapshotRestoreMs: z._default(nonNegative(600_000), f.snapshotRestoreMs.value),
});

/**
 * Cold-start pools. The warm pool holds `size` generic sandboxes (microVMs with a language
 * runtime booted, no function yet), each `sandboxMb` large, started ahead of time: a cold start
 * of a function that fits takes one and only pays `assignMs` (handing it the function's code)
 * and its init code; the pool is replenished in the background. `activePerFunction` caps each
 * function's active pool, the used sandboxes it keeps idle for reuse (absent: no cap beyond the
 * keep-alive policy).
 */
const warmPoolSchema = z.strictObject({
  size: z._default(intBetween(0, 100_000), 0),
  sandboxMb: z._default(intBetween(f.minMemoryMb.value, f.maxMemoryMb.value), f.warmPoolSandboxMb.value),
  assignMs: z._default(nonNegative(600_000), f.warmPoolAssignMs.value),
  activePerFunction: z.optional(intBetween(0, 1_000_000)),
});
export type WarmPool = z.infer<typeof warmPoolSchema>;

const platformSchema = z.strictObject({
  hosts: z._default(intBetween(1, 100_000), 4),
  hostMemoryMb: z._default(intBetween(256, 16_777_216), f.hostMemoryMb.value),
  isolation: z._default(z.enum(['microvm', 'account-vm'], { error: 'expected "microvm" or "account-vm"' }), 'microvm'),
  placement: z._default(z.enum(['pack', 'spread'], { error: 'expected "pack" or "spread"' }), 'spread'),
  keepAlive: z._default(keepAliveSchema, { policy: 'fixed', idleMs: f.fixedKeepAliveAwsMs.value }),
  warmPool: z.optional(warmPoolSchema),
  limits: z._default(z.strictObject({ accountConcurrency: z._default(intBetween(1, 10_000_000), f.accountConcurrency.value) }), { accountConcurrency: f.accountConcurrency.value }),
  hopsMs: z._default(hopsSchema, z.parse(hopsSchema, {})),
  coldStart: z._default(coldStartSchema, z.parse(coldStartSchema, {})),
  billing: z._default(z
    .strictObject({
      granularityMs: z._default(between(1, 60_000), f.billingGranularityMs.value),
      pricePerGbSecond: z._default(nonNegative(1), f.pricePerGbSecond.value),
      pricePerMillionRequests: z._default(nonNegative(1_000), f.pricePerMillionRequests.value),
      provisionedPricePerGbSecond: z._default(nonNegative(1), f.provisionedPricePerGbSecond.value),
      provisionedDurationPricePerGbSecond: z._default(nonNegative(1), f.provisionedDurationPricePerGbSecond.value),
    }), {
      granularityMs: f.billingGranularityMs.value,
      pricePerGbSecond: f.pricePerGbSecond.value,
      pricePerMillionRequests: f.pricePerMillionRequests.value,
      provisionedPricePerGbSecond: f.provisionedPricePerGbSecond.value,
      provisionedDurationPricePerGbSecond: f.provisionedDurationPricePerGbSecond.value,
    }),
  async: z._default(z
    .strictObject({
      retryBaseMs: z._default(positive(MAX_DURATION_MS), f.asyncRetryBaseMs.value),
      retryMaxMs: z._default(positive(MAX_DURATION_MS), f.asyncRetryMaxMs.value),
      maxEventAgeMs: z._default(positive(MAX_DURATION_MS), f.asyncMaxEventAgeMs.value),
      /** Retries of an event whose invocation failed (function error), before the dead-letter queue. */
      errorRetries: z._default(intBetween(0, 2), f.asyncErrorRetries.value),
      /** Wait before the first retry after an error; each later retry waits twice as long. */
      errorRetryBaseMs: z._default(positive(MAX_DURATION_MS), f.asyncErrorRetryBaseMs.value),
    }), {
      retryBaseMs: f.asyncRetryBaseMs.value,
      retryMaxMs: f.asyncRetryMaxMs.value,
      maxEventAgeMs: f.asyncMaxEventAgeMs.value,
      errorRetries: f.asyncErrorRetries.value,
      errorRetryBaseMs: f.asyncErrorRetryBaseMs.value,
    }),
  /** Recursive loop detection: stop an event chain after figures.recursionGuardInvocations invocations (AWS Lambda does by default). */
  recursionGuard: z._default(z.boolean({ error: 'expected true or false' }), true),
});

export const scenarioSchema = z
  .strictObject({
    version: z.literal(1, { error: 'expected 1 (the only scenario version so far)' }),
    name: z._default(z.string().check(z.maxLength(200)), 'Untitled scenario'),
    seed: z._default(intBetween(0, 2 ** 31 - 1), 1),
    durationMs: between(1, MAX_DURATION_MS),
    platform: z._default(platformSchema, z.parse(platformSchema, {})),
    accounts: z.array(z.strictObject({ id: z.string().check(z.minLength(1, { error: 'expected a non-empty id' })).check(z.maxLength(64)) })).check(z.minLength(1, { error: 'expected at least one account' })),
    functions: z.array(functionSchema).check(z.minLength(1, { error: 'expected at least one function' })).check(z.maxLength(10_000)),
  }).check(z.superRefine((s, ctx) => {
    const accounts = new Set<string>();
    s.accounts.forEach((a, i) => {
      if (accounts.has(a.id)) ctx.addIssue({ code: 'custom', path: ['accounts', i, 'id'], message: `duplicate account id "${a.id}": ids must be unique` });
      accounts.add(a.id);
    });
    const names = new Set<string>();
    const reservedByAccount = new Map<string, number>();
    s.functions.forEach((fn, i) => {
      if (names.has(fn.name)) ctx.addIssue({ code: 'custom', path: ['functions', i, 'name'], message: `duplicate function name "${fn.name}": names must be unique` });
      names.add(fn.name);
      // With no accounts at all, the empty `accounts` is the one problem to report.
      if (!accounts.has(fn.account) && accounts.size > 0) {
        ctx.addIssue({ code: 'custom', path: ['functions', i, 'account'], message: `unknown account "${fn.account}": expected one of ${[...accounts].map((a) => `"${a}"`).join(', ')}` });
      }
      const need = s.platform.isolation === 'microvm' ? fn.memoryMb + s.platform.coldStart.microVmOverheadMb : s.platform.coldStart.accountVmMemoryMb;
      if (need > s.platform.hostMemoryMb) {
        ctx.addIssue({ code: 'custom', path: ['functions', i, 'memoryMb'], message: `a sandbox of ${need} MB cannot fit on a host of platform.hostMemoryMb = ${s.platform.hostMemoryMb} MB: lower memoryMb or raise hostMemoryMb` });
      }
      if (s.platform.isolation === 'account-vm' && fn.memoryMb > s.platform.coldStart.accountVmMemoryMb) {
        ctx.addIssue({ code: 'custom', path: ['functions', i, 'memoryMb'], message: `expected at most platform.coldStart.accountVmMemoryMb = ${s.platform.coldStart.accountVmMemoryMb} in account-vm isolation (a container must fit in its account's VM)` });
      }
      if (fn.provisionedConcurrency !== undefined && fn.reservedConcurrency !== undefined && fn.provisionedConcurrency > fn.reservedConcurrency) {
        ctx.addIssue({ code: 'custom', path: ['functions', i, 'provisionedConcurrency'], message: `expected at most reservedConcurrency (${fn.reservedConcurrency})` });
      }
      if (fn.trigger !== undefined) {
        if (fn.invocation === 'async' && !isAsyncTrigger(fn.trigger)) {
          ctx.addIssue({ code: 'custom', path: ['functions', i, 'invocation'], message: `trigger "${fn.trigger}" is synchronous: remove invocation or set it to "sync"` });
        }
        if (fn.gateway !== undefined && fn.trigger !== 'api') {
          ctx.addIssue({ code: 'custom', path: ['functions', i, 'gateway'], message: `only trigger "api" goes through an API gateway: remove gateway or set trigger to "api"` });
        }
        // The trigger decides (a validated scenario has one way to say it): async triggers make async invocations,
        // and trigger "api" gets a gateway with the default limits if it names none.
        if (isAsyncTrigger(fn.trigger)) fn.invocation = 'async';
        if (fn.trigger === 'api' && fn.gateway === undefined && fn.invocation === 'sync') fn.gateway = { ratePerSec: f.gatewayRatePerSec.value, burst: f.gatewayBurst.value };
      }
      if (fn.provisionedSchedule !== undefined && fn.reservedConcurrency !== undefined) {
        fn.provisionedSchedule.steps.forEach((st, k) => {
          if (st.count > fn.reservedConcurrency!) ctx.addIssue({ code: 'custom', path: ['functions', i, 'provisionedSchedule', 'steps', k, 'count'], message: `expected at most reservedConcurrency (${fn.reservedConcurrency})` });
        });
      }
      if (fn.gateway !== undefined && fn.invocation === 'async') {
        ctx.addIssue({ code: 'custom', path: ['functions', i, 'gateway'], message: 'an API gateway fronts synchronous functions only: remove gateway or set invocation to "sync"' });
      }
      if (fn.reservedConcurrency !== undefined) reservedByAccount.set(fn.account, (reservedByAccount.get(fn.account) ?? 0) + fn.reservedConcurrency);
    });
    // Calls between functions: to a function of the scenario; a write to a bucket triggers only a storage-triggered function.
    const byName = new Map(s.functions.map((fn) => [fn.name, fn]));
    s.functions.forEach((fn, i) =>
      fn.calls?.forEach((call, j) => {
        const callee = byName.get(call.fn);
        if (!callee) ctx.addIssue({ code: 'custom', path: ['functions', i, 'calls', j, 'fn'], message: `unknown function "${call.fn}": expected one of ${[...names].map((n) => `"${n}"`).join(', ')}` });
        else if (call.mode === 'storage' && triggerOf(callee) !== 'storage') {
          ctx.addIssue({ code: 'custom', path: ['functions', i, 'calls', j, 'mode'], message: `"${call.fn}" is not triggered by a bucket: set its trigger to "storage", or call it with mode "sync" or "async"` });
        }
      }),
    );
    const pool = s.platform.warmPool;
    if (pool !== undefined && pool.size > 0) {
      if (s.platform.isolation !== 'microvm') {
        ctx.addIssue({ code: 'custom', path: ['platform', 'warmPool', 'size'], message: 'a warm pool needs platform.isolation "microvm": a generic microVM can be handed to any account, an account VM only to its own' });
      } else if (pool.sandboxMb + s.platform.coldStart.microVmOverheadMb > s.platform.hostMemoryMb) {
        ctx.addIssue({ code: 'custom', path: ['platform', 'warmPool', 'sandboxMb'], message: `a pool sandbox of ${pool.sandboxMb + s.platform.coldStart.microVmOverheadMb} MB cannot fit on a host of platform.hostMemoryMb = ${s.platform.hostMemoryMb} MB` });
      }
    }
    for (const [account, reserved] of reservedByAccount) {
      if (reserved > s.platform.limits.accountConcurrency) {
        ctx.addIssue({ code: 'custom', path: ['functions'], message: `reserved concurrency of account "${account}" adds up to ${reserved}, over platform.limits.accountConcurrency = ${s.platform.limits.accountConcurrency}` });
      }
    }
  }));

/** A validated scenario, every default filled in. */
export type Scenario = z.infer<typeof scenarioSchema>;
/** A scenario as a user writes it: defaults may be left out. */
export type ScenarioInput = z.input<typeof scenarioSchema>;

/** Raised for a scenario that does not validate; `issues` are one line each, path first. */
export class ScenarioError extends Error {
  constructor(readonly issues: string[]) {
    super(`invalid scenario:\n  ${issues.join('\n  ')}`);
    this.name = 'ScenarioError';
  }
}

/** `functions[1].memoryMb` from `['functions', 1, 'memoryMb']`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(scenario)' : out;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  // JSON.stringify throws on a BigInt or a cycle and gives undefined for a function.
  let s: string;
  try {
    s = JSON.stringify(v) ?? typeof v;
  } catch {
    s = typeof v === 'bigint' ? `${v}n` : Object.prototype.toString.call(v);
  }
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

/** One problem of a scenario: where it is, and the line that explains it (path first). */
export interface ScenarioIssue {
  path: (string | number)[];
  message: string;
}

/** The problems of a draft scenario, or the validated scenario (for editors that show errors in place). */
export function checkScenario(input: unknown): { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[] } {
  const result = z.safeParse(scenarioSchema, input);
  if (result.success) return { ok: true, scenario: result.data };
  const lines = formatIssues(result.error, input);
  return { ok: false, issues: result.error.issues.map((i, k) => ({ path: i.path.map((p) => (typeof p === 'number' ? p : String(p))), message: lines[k]! })) };
}

/** One line per problem, naming the field, what was expected and what was found. */
export function formatIssues(error: z.core.$ZodError, input: unknown): string[] {
  return error.issues.map((issue) => {
    const path = formatPath(issue.path);
    const got = valueAt(input, issue.path);
    switch (issue.code) {
      case 'invalid_type': {
        // An integer field's own message carries its range ("expected an integer 128..10240"): say that, not "int".
        const expected = issue.message.startsWith('expected an integer ') ? issue.message.slice('expected '.length) : issue.expected;
        return got === undefined ? `${path}: missing; expected ${expected}` : `${path}: expected ${expected}, got ${describe(got)}`;
      }
      case 'unrecognized_keys':
        return `${path}: unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling)`;
      case 'too_small':
      case 'too_big':
      case 'invalid_value':
      case 'invalid_union':
        return `${path}: ${issue.message}, got ${describe(got)}`;
      default:
        return `${path}: ${issue.message}`;
    }
  });
}

/** Validates and fills in defaults; throws ScenarioError listing every problem. */
export function parseScenario(input: unknown): Scenario {
  const result = z.safeParse(scenarioSchema, input);
  if (!result.success) throw new ScenarioError(formatIssues(result.error, input));
  return result.data;
}

/** Parses JSON text first, so a syntax error is reported the same way. */
export function parseScenarioText(text: string): Scenario {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ScenarioError([`(scenario): not valid JSON: ${(e as Error).message}`]);
  }
  return parseScenario(json);
}
