import { History } from '../src/sim/history';
import { parseScenario } from '../src/sim/scenario';
import { buildWireFrame } from '../src/worker/frameBuilder';

const c = 2000;
const hosts = Math.ceil((c * 1.3 * 133) / 65_536);
const s = { version: 1, name: 'p', seed: 11, durationMs: 180000, platform: { hosts, hostMemoryMb: 65_536, limits: { accountConcurrency: c * 3 } }, accounts: [{ id: 'bench' }], functions: [{ name: 'api', account: 'bench', memoryMb: 128, timeoutMs: 900_000, durationMs: { dist: 'exponential', meanMs: 10_000 }, workload: { type: 'poisson', ratePerSec: c / 10 } }] };
const parsed = parseScenario(s as never);
const h = new History((parsed as any).scenario ?? parsed);
h.seek(120_000);
const w = buildWireFrame(h, 120_000) as any;
for (const [k, v] of Object.entries(w)) console.log(k.padEnd(20), JSON.stringify(v).length);
for (const [k, v] of Object.entries(w.series ?? {})) console.log('  series.' + k.padEnd(20), JSON.stringify(v).length);
for (const [k, v] of Object.entries(w.packed ?? {})) console.log('  packed.' + k.padEnd(20), (v as any).byteLength ?? JSON.stringify(v).length);
