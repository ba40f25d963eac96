import { z } from 'zod';
import { figures as f } from './figures';

/**
 * The scenario format, version 1: everything a run depends on (with its seed), so that a run
 * is reproducible from the file alone. Validated on load; every error names its path and
 * the expected value, e.g. `functions[1].memoryMb: expected 128..10240, got 64`.
 */

const between = (min: number, max: number) =>
  z.number().min(min, { error: `expected ${min}..${max}` }).max(max, { error: `expected ${min}..${max}` });
const intBetween = (min: number, max: number) => z.int({ error: `expected an integer ${min}..${max}` }).min(min, { error: `expected ${min}..${max}` }).max(max, { error: `expected ${min}..${max}` });
const positive = (max = 1e12) => z.number().gt(0, { error: `expected a number > 0 (up to ${max})` }).max(max, { error: `expected at most ${max}` });
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
        .strictObject({ p0: nonNegative(), p1: nonNegative(), p25: nonNegative(), p50: nonNegative(), p75: nonNegative(), p99: nonNegative(), p100: nonNegative() })
        .refine((p) => p.p0 <= p.p1 && p.p1 <= p.p25 && p.p25 <= p.p50 && p.p50 <= p.p75 && p.p75 <= p.p99 && p.p99 <= p.p100, {
          error: 'expected percentiles in increasing order (p0 <= p1 <= p25 <= p50 <= p75 <= p99 <= p100)',
        }),
    }),
  ],
  { error: 'expected "dist" to be one of "constant", "exponential", "lognormal", "empirical"' },
);
export type Distribution = z.infer<typeof distributionSchema>;

export const workloadSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('poisson'), ratePerSec: between(0, 100_000) }),
    z.strictObject({ type: z.literal('periodic'), everyMs: between(1, MAX_DURATION_MS), offsetMs: nonNegative(MAX_DURATION_MS).default(0) }),
    z.strictObject({
      type: z.literal('steps'),
      steps: z
        .array(z.strictObject({ atMs: nonNegative(MAX_DURATION_MS), ratePerSec: between(0, 100_000) }))
        .min(1, { error: 'expected at least one step' })
        .refine((s) => s.every((x, i) => i === 0 || x.atMs > s[i - 1]!.atMs), { error: 'expected steps in increasing atMs order' }),
    }),
    z.strictObject({
      type: z.literal('perMinute'),
      counts: z.array(intBetween(0, 6_000_000)).min(1, { error: 'expected at least one minute of counts' }),
    }),
  ],
  { error: 'expected "type" to be one of "poisson", "periodic", "steps", "perMinute"' },
);
export type Workload = z.infer<typeof workloadSchema>;

export const keepAliveSchema = z.discriminatedUnion(
  'policy',
  [z.strictObject({ policy: z.literal('none') }), z.strictObject({ policy: z.literal('fixed'), idleMs: nonNegative(MAX_DURATION_MS).default(f.fixedKeepAliveAwsMs.value) })],
  { error: 'expected "policy" to be one of "none", "fixed"' },
);
export type KeepAlive = z.infer<typeof keepAliveSchema>;

/**
 * An API gateway in front of one synchronous function (one route of an API): it throttles
 * calls with a token bucket, `burst` tokens deep, refilled at `ratePerSec`; a call that finds
 * no token gets HTTP 429 at the gateway and never reaches the platform. Per function, as API
 * Gateway sets throttling per stage and method (the defaults are its account-wide quota).
 */
export const gatewaySchema = z.strictObject({
  ratePerSec: between(0, 10_000_000).default(f.gatewayRatePerSec.value),
  burst: intBetween(0, 10_000_000).default(f.gatewayBurst.value),
});
export type Gateway = z.infer<typeof gatewaySchema>;

export const functionSchema = z.strictObject({
  name: z.string().min(1, { error: 'expected a non-empty name' }).max(64),
  account: z.string().min(1, { error: 'expected the id of an account' }),
  memoryMb: intBetween(f.minMemoryMb.value, f.maxMemoryMb.value),
  timeoutMs: between(1, f.maxTimeoutMs.value).default(f.defaultTimeoutMs.value),
  packageMb: nonNegative(10_240).default(5),
  initMs: distributionSchema.default({ dist: 'constant', ms: 200 }),
  durationMs: distributionSchema,
  reservedConcurrency: intBetween(0, 1_000_000).optional(),
  provisionedConcurrency: intBetween(0, 1_000_000).optional(),
  invocation: z.enum(['sync', 'async'], { error: 'expected "sync" or "async"' }).default('sync'),
  /** Probability that an invocation ends in a function error (absent: 0). */
  failureRate: between(0, 1).optional(),
  /** An API gateway in front of the function (absent: called directly, e.g. by the SDK or a function URL). */
  gateway: gatewaySchema.optional(),
  workload: workloadSchema,
});
export type FunctionSpec = z.infer<typeof functionSchema>;

const hopsSchema = z.strictObject({
  loadBalancer: nonNegative(60_000).default(f.loadBalancerMs.value),
  frontend: nonNegative(60_000).default(f.frontendMs.value),
  counting: nonNegative(60_000).default(f.countingMs.value),
  workerManager: nonNegative(60_000).default(f.workerManagerMs.value),
  placement: nonNegative(60_000).default(f.placementMs.value),
  /** Through the API gateway, for functions behind one. */
  gateway: nonNegative(60_000).default(f.gatewayMs.value),
});

const coldStartSchema = z.strictObject({
  codeFetchMsPerMb: nonNegative(60_000).default(f.codeFetchMsPerMb.value),
  microVmBootMs: nonNegative(600_000).default(f.microVmBootMs.value),
  microVmOverheadMb: nonNegative(4_096).default(f.microVmOverheadMb.value),
  containerStartMs: nonNegative(600_000).default(f.containerStartMs.value),
  accountVmBootMs: nonNegative(600_000).default(f.accountVmBootMs.value),
  accountVmMemoryMb: intBetween(128, 1_048_576).default(f.accountVmMemoryMb.value),
  runtimeBootMs: nonNegative(600_000).default(f.runtimeBootMs.value),
  initLimitMs: positive(f.maxTimeoutMs.value).default(f.initLimitMs.value),
  shutdownMs: nonNegative(600_000).default(f.shutdownMs.value),
});

const platformSchema = z.strictObject({
  hosts: intBetween(1, 100_000).default(4),
  hostMemoryMb: intBetween(256, 16_777_216).default(f.hostMemoryMb.value),
  isolation: z.enum(['microvm', 'account-vm'], { error: 'expected "microvm" or "account-vm"' }).default('microvm'),
  placement: z.enum(['pack', 'spread'], { error: 'expected "pack" or "spread"' }).default('spread'),
  keepAlive: keepAliveSchema.default({ policy: 'fixed', idleMs: f.fixedKeepAliveAwsMs.value }),
  limits: z.strictObject({ accountConcurrency: intBetween(1, 10_000_000).default(f.accountConcurrency.value) }).default({ accountConcurrency: f.accountConcurrency.value }),
  hopsMs: hopsSchema.default(hopsSchema.parse({})),
  coldStart: coldStartSchema.default(coldStartSchema.parse({})),
  billing: z
    .strictObject({
      granularityMs: between(1, 60_000).default(f.billingGranularityMs.value),
      pricePerGbSecond: nonNegative(1).default(f.pricePerGbSecond.value),
      pricePerMillionRequests: nonNegative(1_000).default(f.pricePerMillionRequests.value),
      provisionedPricePerGbSecond: nonNegative(1).default(f.provisionedPricePerGbSecond.value),
      provisionedDurationPricePerGbSecond: nonNegative(1).default(f.provisionedDurationPricePerGbSecond.value),
    })
    .default({
      granularityMs: f.billingGranularityMs.value,
      pricePerGbSecond: f.pricePerGbSecond.value,
      pricePerMillionRequests: f.pricePerMillionRequests.value,
      provisionedPricePerGbSecond: f.provisionedPricePerGbSecond.value,
      provisionedDurationPricePerGbSecond: f.provisionedDurationPricePerGbSecond.value,
    }),
  async: z
    .strictObject({
      retryBaseMs: positive(MAX_DURATION_MS).default(f.asyncRetryBaseMs.value),
      retryMaxMs: positive(MAX_DURATION_MS).default(f.asyncRetryMaxMs.value),
      maxEventAgeMs: positive(MAX_DURATION_MS).default(f.asyncMaxEventAgeMs.value),
      /** Retries of an event whose invocation failed (function error), before the dead-letter queue. */
      errorRetries: intBetween(0, 2).default(f.asyncErrorRetries.value),
      /** Wait before the first retry after an error; each later retry waits twice as long. */
      errorRetryBaseMs: positive(MAX_DURATION_MS).default(f.asyncErrorRetryBaseMs.value),
    })
    .default({
      retryBaseMs: f.asyncRetryBaseMs.value,
      retryMaxMs: f.asyncRetryMaxMs.value,
      maxEventAgeMs: f.asyncMaxEventAgeMs.value,
      errorRetries: f.asyncErrorRetries.value,
      errorRetryBaseMs: f.asyncErrorRetryBaseMs.value,
    }),
});

export const scenarioSchema = z
  .strictObject({
    version: z.literal(1, { error: 'expected 1 (the only scenario version so far)' }),
    name: z.string().max(200).default('Untitled scenario'),
    seed: intBetween(0, 2 ** 31 - 1).default(1),
    durationMs: between(1, MAX_DURATION_MS),
    platform: platformSchema.default(platformSchema.parse({})),
    accounts: z.array(z.strictObject({ id: z.string().min(1, { error: 'expected a non-empty id' }).max(64) })).min(1, { error: 'expected at least one account' }),
    functions: z.array(functionSchema).min(1, { error: 'expected at least one function' }).max(10_000),
  })
  .superRefine((s, ctx) => {
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
      if (fn.gateway !== undefined && fn.invocation === 'async') {
        ctx.addIssue({ code: 'custom', path: ['functions', i, 'gateway'], message: 'an API gateway fronts synchronous functions only: remove gateway or set invocation to "sync"' });
      }
      if (fn.reservedConcurrency !== undefined) reservedByAccount.set(fn.account, (reservedByAccount.get(fn.account) ?? 0) + fn.reservedConcurrency);
    });
    for (const [account, reserved] of reservedByAccount) {
      if (reserved > s.platform.limits.accountConcurrency) {
        ctx.addIssue({ code: 'custom', path: ['functions'], message: `reserved concurrency of account "${account}" adds up to ${reserved}, over platform.limits.accountConcurrency = ${s.platform.limits.accountConcurrency}` });
      }
    }
  });

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
  const s = JSON.stringify(v);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

/** One problem of a scenario: where it is, and the line that explains it (path first). */
export interface ScenarioIssue {
  path: (string | number)[];
  message: string;
}

/** The problems of a draft scenario, or the validated scenario (for editors that show errors in place). */
export function checkScenario(input: unknown): { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[] } {
  const result = scenarioSchema.safeParse(input);
  if (result.success) return { ok: true, scenario: result.data };
  const lines = formatIssues(result.error, input);
  return { ok: false, issues: result.error.issues.map((i, k) => ({ path: i.path.map((p) => (typeof p === 'number' ? p : String(p))), message: lines[k]! })) };
}

/** One line per problem, naming the field, what was expected and what was found. */
export function formatIssues(error: z.ZodError, input: unknown): string[] {
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
  const result = scenarioSchema.safeParse(input);
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
