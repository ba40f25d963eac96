import { describe, expect, it } from 'vitest';
import { figures } from './figures';
import { checkScenario, parseScenario, parseScenarioText, ScenarioError, type ScenarioInput } from './scenario';

/** A valid scenario a lecturer might write, with only what has no default. */
const valid = (): ScenarioInput => ({
  version: 1,
  durationMs: 60_000,
  accounts: [{ id: 'acme' }, { id: 'globex' }],
  functions: [
    { name: 'thumbnail', account: 'acme', memoryMb: 512, durationMs: { dist: 'constant', ms: 100 }, workload: { type: 'poisson', ratePerSec: 1 } },
    { name: 'report', account: 'globex', memoryMb: 1024, durationMs: { dist: 'exponential', meanMs: 400 }, workload: { type: 'periodic', everyMs: 1000 } },
  ],
});

/** The issues, one line each, that parsing `edit(valid())` reports. */
function issues(edit: (s: Record<string, unknown> & ScenarioInput) => unknown): string[] {
  const s = valid() as Record<string, unknown> & ScenarioInput;
  try {
    parseScenario(edit(s) ?? s);
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return (e as ScenarioError).issues;
  }
  throw new Error('expected the scenario to be refused');
}

const fn1 = (s: ScenarioInput) => s.functions[1] as Record<string, unknown>;

describe('scenario errors name the path, the expected value and what was found', () => {
  it('a memory size under the minimum', () => {
    expect(issues((s) => void (fn1(s).memoryMb = 64))).toEqual(['functions[1].memoryMb: expected 128..10240, got 64']);
  });

  it('a memory size that is not a whole number of MB', () => {
    expect(issues((s) => void (fn1(s).memoryMb = 128.5))).toEqual(['functions[1].memoryMb: expected an integer 128..10240, got 128.5']);
  });

  it('a value of the wrong type', () => {
    expect(issues((s) => void (fn1(s).timeoutMs = '3s'))).toEqual(['functions[1].timeoutMs: expected number, got "3s"']);
  });

  it('a missing required field', () => {
    expect(issues((s) => void delete (s as Record<string, unknown>).durationMs)).toEqual(['durationMs: missing; expected number']);
    expect(issues((s) => void delete fn1(s).memoryMb)).toEqual(['functions[1].memoryMb: missing; expected an integer 128..10240']);
  });

  it('an unknown distribution or workload type lists the known ones', () => {
    expect(issues((s) => void (fn1(s).durationMs = { dist: 'normal', ms: 1 }))).toEqual([
      'functions[1].durationMs.dist: expected "dist" to be one of "constant", "exponential", "lognormal", "empirical", got "normal"',
    ]);
    expect(issues((s) => void (fn1(s).workload = { type: 'bursty' }))[0]).toMatch(/^functions\[1\]\.workload\.type: expected "type" to be one of "poisson", "periodic", "steps", "perMinute", got "bursty"$/);
  });

  it('an unknown keep-alive policy or isolation mode', () => {
    expect(issues((s) => void (s.platform = { keepAlive: { policy: 'adaptive' } } as never))).toEqual([
      'platform.keepAlive.policy: expected "policy" to be one of "none", "fixed", "hybrid", got "adaptive"',
    ]);
    expect(issues((s) => void (s.platform = { isolation: 'vm' } as never))).toEqual(['platform.isolation: expected "microvm" or "account-vm", got "vm"']);
  });

  it('an unknown field is reported with its place, top level or nested', () => {
    expect(issues((s) => void (fn1(s).memroyMb = 512))).toEqual(['functions[1]: unknown field "memroyMb" (check the spelling)']);
    expect(issues((s) => void (s.platform = { hopsMs: { lb: 1 } } as never))).toEqual(['platform.hopsMs: unknown field "lb" (check the spelling)']);
    expect(issues((s) => void Object.assign(s, { sead: 3, length: 5 }))).toEqual(['(scenario): unknown fields "sead", "length" (check the spelling)']);
  });

  it('a function of an unknown account names the accounts there are', () => {
    expect(issues((s) => void (fn1(s).account = 'initech'))).toEqual(['functions[1].account: unknown account "initech": expected one of "acme", "globex"']);
  });

  it('with no accounts at all, says so once, without a dangling list', () => {
    const found = issues((s) => void (s.accounts = []));
    expect(found[0]).toBe('accounts: expected at least one account, got []');
    for (const line of found) expect(line).not.toMatch(/expected one of\s*$/);
  });

  it('duplicate function names and account ids', () => {
    expect(issues((s) => void (fn1(s).name = 'thumbnail'))).toEqual(['functions[1].name: duplicate function name "thumbnail": names must be unique']);
    expect(issues((s) => void s.accounts.push({ id: 'acme' }))).toEqual(['accounts[2].id: duplicate account id "acme": ids must be unique']);
  });

  it('provisioned concurrency over the reserved concurrency', () => {
    expect(issues((s) => void Object.assign(fn1(s), { reservedConcurrency: 2, provisionedConcurrency: 3 }))).toEqual([
      'functions[1].provisionedConcurrency: expected at most reservedConcurrency (2)',
    ]);
  });

  it('a failure rate outside 0..1, an API gateway in front of an asynchronous function, a negative gateway rate', () => {
    expect(issues((s) => void (fn1(s).failureRate = 1.5))).toEqual(['functions[1].failureRate: expected 0..1, got 1.5']);
    expect(issues((s) => void Object.assign(fn1(s), { invocation: 'async', gateway: { ratePerSec: 10, burst: 5 } }))).toEqual([
      'functions[1].gateway: an API gateway fronts synchronous functions only: remove gateway or set invocation to "sync"',
    ]);
    expect(issues((s) => void (fn1(s).gateway = { ratePerSec: -1 }))).toEqual(['functions[1].gateway.ratePerSec: expected 0..10000000, got -1']);
    expect(issues((s) => void (s.platform = { async: { errorRetries: 3 } }))).toEqual(['platform.async.errorRetries: expected 0..2, got 3']);
  });

  it("reservations adding up to more than the account's limit", () => {
    const found = issues((s) => {
      s.platform = { limits: { accountConcurrency: 10 } };
      s.functions.push({ ...s.functions[0]!, name: 'resize', reservedConcurrency: 6 });
      (s.functions[0] as Record<string, unknown>).reservedConcurrency = 5;
    });
    expect(found).toEqual(['functions: reserved concurrency of account "acme" adds up to 11, over platform.limits.accountConcurrency = 10']);
  });

  it('a function too big for a host, or for its account VM', () => {
    const tooBig = (s: ScenarioInput) => {
      s.platform = { hostMemoryMb: 1024 };
      fn1(s).memoryMb = 1024;
    };
    expect(issues(tooBig)).toEqual([
      'functions[1].memoryMb: a sandbox of 1029 MB cannot fit on a host of platform.hostMemoryMb = 1024 MB: lower memoryMb or raise hostMemoryMb',
    ]);
    expect(issues((s) => void (s.platform = { isolation: 'account-vm', coldStart: { accountVmMemoryMb: 512 } }))).toEqual([
      'functions[1].memoryMb: expected at most platform.coldStart.accountVmMemoryMb = 512 in account-vm isolation (a container must fit in its account\'s VM)',
    ]);
  });

  it('every problem is listed at once, in document order', () => {
    const found = issues((s) => {
      (s as Record<string, unknown>).seed = -1;
      fn1(s).memoryMb = 64;
      (s.functions[0] as Record<string, unknown>).timeoutMs = 0;
    });
    expect(found).toEqual(['seed: expected 0..2147483647, got -1', 'functions[0].timeoutMs: expected 1..900000, got 0', 'functions[1].memoryMb: expected 128..10240, got 64']);
  });

  it('a document that is not a scenario object, or not JSON', () => {
    expect(() => parseScenario(null)).toThrow('(scenario): expected object, got null');
    expect(() => parseScenario({ ...valid(), version: 2 })).toThrow('version: expected 1 (the only scenario version so far), got 2');
    expect(() => parseScenarioText('{ "version": 1, ')).toThrow(/\(scenario\): not valid JSON/);
  });

  it('for an editor, each issue also carries its path as data', () => {
    const r = checkScenario({ ...valid(), durationMs: 0 });
    expect(r).toEqual({ ok: false, issues: [{ path: ['durationMs'], message: 'durationMs: expected 1..31622400000, got 0' }] });
  });
});

describe('defaults', () => {
  const s = parseScenario(valid());

  it('fills in every default from the published figures', () => {
    expect(s.seed).toBe(1);
    expect(s.platform.keepAlive).toEqual({ policy: 'fixed', idleMs: figures.fixedKeepAliveAwsMs.value });
    expect(s.platform.limits.accountConcurrency).toBe(figures.accountConcurrency.value);
    expect(s.platform.billing).toEqual({
      granularityMs: 1,
      pricePerGbSecond: figures.pricePerGbSecond.value,
      pricePerMillionRequests: figures.pricePerMillionRequests.value,
      provisionedPricePerGbSecond: figures.provisionedPricePerGbSecond.value,
      provisionedDurationPricePerGbSecond: figures.provisionedDurationPricePerGbSecond.value,
    });
    expect(s.platform.async).toEqual({
      retryBaseMs: figures.asyncRetryBaseMs.value,
      retryMaxMs: figures.asyncRetryMaxMs.value,
      maxEventAgeMs: figures.asyncMaxEventAgeMs.value,
      errorRetries: figures.asyncErrorRetries.value,
      errorRetryBaseMs: figures.asyncErrorRetryBaseMs.value,
    });
    expect(s.platform.coldStart.initLimitMs).toBe(figures.initLimitMs.value);
    expect(s.platform.coldStart.microVmBootMs).toBe(figures.microVmBootMs.value);
    expect(s.platform.isolation).toBe('microvm');
    expect(s.functions[0]).toMatchObject({ timeoutMs: figures.defaultTimeoutMs.value, invocation: 'sync', packageMb: 5, initMs: { dist: 'constant', ms: 200 } });
    expect(s.functions[0]!.reservedConcurrency).toBeUndefined();
    // Off unless asked for: no function errors, no API gateway.
    expect(s.functions[0]!.failureRate).toBeUndefined();
    expect(s.functions[0]!.gateway).toBeUndefined();
  });

  it("an API gateway's throttle defaults to API Gateway's account quota: 10,000 requests/s, burst 5,000", () => {
    const p = parseScenario({ ...valid(), functions: [{ ...valid().functions[0]!, gateway: {} }] });
    expect(p.functions[0]!.gateway).toEqual({ ratePerSec: figures.gatewayRatePerSec.value, burst: figures.gatewayBurst.value });
    expect([figures.gatewayRatePerSec.value, figures.gatewayBurst.value]).toEqual([10_000, 5_000]);
    expect(p.platform.hopsMs.gateway).toBe(figures.gatewayMs.value);
  });

  it('fills a nested default inside a partly written section', () => {
    const p = parseScenario({ ...valid(), platform: { keepAlive: { policy: 'fixed' }, hopsMs: { frontend: 9 } } });
    expect(p.platform.keepAlive).toEqual({ policy: 'fixed', idleMs: figures.fixedKeepAliveAwsMs.value });
    expect(p.platform.hopsMs).toEqual({ loadBalancer: figures.loadBalancerMs.value, frontend: 9, counting: figures.countingMs.value, workerManager: figures.workerManagerMs.value, placement: figures.placementMs.value, gateway: figures.gatewayMs.value });
  });

  it('a validated scenario validates again unchanged (it round-trips through a file or a link)', () => {
    const again = parseScenario(JSON.parse(JSON.stringify(s)));
    expect(again).toEqual(s);
  });
});
