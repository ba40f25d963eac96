import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
const PORT = 4193;
const concurrent = 500;
const hosts = Math.ceil((concurrent * 1.3 * 133) / 65_536);
const s = { version: 1, name: 'p', seed: 11, durationMs: Number(process.env.DUR ?? 3600000), platform: { hosts, hostMemoryMb: 65_536, limits: { accountConcurrency: concurrent * 3 } }, accounts: [{ id: 'bench' }],
  functions: [{ name: 'api', account: 'bench', memoryMb: 128, timeoutMs: 900_000, durationMs: { dist: 'exponential', meanMs: 10_000 }, workload: { type: 'poisson', ratePerSec: concurrent / 10 } }] };
const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort', '--outDir', process.env.OUT ?? '/tmp/prof-dist'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 2500));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.addInitScript(() => ((globalThis as any).__FAASCOPE_BENCH__ = true));
await page.goto(`http://127.0.0.1:${PORT}/`);
await page.getByRole('button', { name: 'JSON' }).click();
await page.getByLabel('Scenario (JSON)').fill(JSON.stringify(s));
await page.waitForTimeout(1000);
await page.evaluate(() => { (window as any).__long = []; new PerformanceObserver((l) => l.getEntries().forEach((e) => (window as any).__long.push([Math.round(e.startTime), Math.round(e.duration)]))).observe({ type: 'longtask', buffered: false }); });
const slider = page.getByRole('slider', { name: 'Speed' }); await slider.focus(); await slider.press('Home');
for (let i = 0; i < 20 && (await slider.getAttribute('aria-valuetext')) !== '1,000×'; i++) await slider.press('ArrowRight');
const TRACE = process.env.TRACE !== '0';
if (TRACE && !process.env.TRACE_PAUSE) await browser.startTracing(page, { path: '/tmp/prof/long.json', categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'v8', 'toplevel', 'disabled-by-default-v8.cpu_profiler'] });
await page.evaluate(() => { document.querySelector('button[aria-label^="Play"], button')?.addEventListener('click', () => {}, { once: true }); (window as any).__playAt = performance.now(); });
await page.getByRole('button', { name: /Play/ }).click();
if (process.env.PROF) {
  await page.waitForTimeout(Number(process.env.PROF));
  const cdp = await page.context().newCDPSession(page); await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 100 }); await cdp.send('Profiler.start');
  await page.waitForTimeout(1500);
  const { profile } = (await cdp.send('Profiler.stop')) as any;
  const self = new Map<number, number>();
  profile.samples.forEach((id: number, i: number) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const par = new Map<number, number>(); for (const n of profile.nodes) for (const c of n.children ?? []) par.set(c, n.id);
  const byId = new Map<number, any>(profile.nodes.map((n: any) => [n.id, n]));
  const tot = new Map<string, number>();
  for (const n of profile.nodes) { const s0 = (self.get(n.id) ?? 0) / 1000; if (!s0) continue; const seen = new Set<string>(); for (let x: number | undefined = n.id; x !== undefined; x = par.get(x)) { const q = byId.get(x).callFrame; const k = `${q.functionName || 'anon'}:${q.lineNumber}`; if (seen.has(k)) continue; seen.add(k); tot.set(k, (tot.get(k) ?? 0) + s0); } }
  if (process.env.LONGEST) {
    // Samples under LONGEST, grouped into calls by time (a gap over 3 ms ends a call); the longest call's breakdown.
    const under = (id: number) => { for (let x: number | undefined = id; x !== undefined; x = par.get(x)) if (byId.get(x).callFrame.functionName === process.env.LONGEST) return true; return false; };
    let t = profile.startTime; const runs: { start: number; end: number; ids: number[] }[] = []; let cur: any = null;
    profile.samples.forEach((id: number, i: number) => { t += profile.timeDeltas[i]; if (!under(id)) return; if (cur && t - cur.end < 3000) { cur.end = t; cur.ids.push(id); } else { cur = { start: t, end: t, ids: [id] }; runs.push(cur); } });
    runs.sort((a, b) => b.end - b.start - (a.end - a.start));
    for (const r of runs.slice(0, 3)) {
      const m = new Map<string, number>();
      for (const id of r.ids) { const seen = new Set<string>(); for (let x: number | undefined = id; x !== undefined; x = par.get(x)) { const q = byId.get(x).callFrame; const k = `${q.functionName || 'anon'}:${q.lineNumber}`; if (seen.has(k)) continue; seen.add(k); m.set(k, (m.get(k) ?? 0) + 0.1); if (q.functionName === process.env.LONGEST) break; } }
      console.log('CALL', ((r.end - r.start) / 1000).toFixed(1), 'ms at', ((r.start - profile.startTime) / 1000).toFixed(0), [...m].sort((a, b) => b[1] - a[1]).slice(0, 14).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(' | '));
    }
  }
  console.log([...tot].sort((a, b) => b[1] - a[1]).slice(0, 60).map(([k, v]) => `${v.toFixed(0).padStart(6)} ms ${k}`).join('\n'));
  await page.waitForTimeout(6000 - 1500 - Number(process.env.PROF));
} else await page.waitForTimeout(6000);
if (TRACE && !process.env.TRACE_PAUSE) await browser.stopTracing();
if (TRACE && process.env.TRACE_PAUSE) await browser.startTracing(page, { path: '/tmp/prof/long.json', categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'v8', 'toplevel'] });
let cdp2: any = null;
if (process.env.PROF_PAUSE) { cdp2 = await page.context().newCDPSession(page); await cdp2.send('Profiler.enable'); await cdp2.send('Profiler.setSamplingInterval', { interval: 100 }); await cdp2.send('Profiler.start'); }
await page.getByRole('button', { name: /Pause/ }).click(); await page.evaluate(() => ((window as any).__pauseAt = performance.now()));
await page.waitForTimeout(1500);
const long = await page.evaluate(() => (window as any).__long);
if (cdp2) {
  const { profile } = (await cdp2.send('Profiler.stop')) as any;
  const self = new Map<number, number>();
  profile.samples.forEach((id: number, i: number) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const par = new Map<number, number>(); for (const n of profile.nodes) for (const c of n.children ?? []) par.set(c, n.id);
  const byId = new Map<number, any>(profile.nodes.map((n: any) => [n.id, n]));
  const tot = new Map<string, number>();
  if (process.env.LONGEST) {
    // Samples under LONGEST, grouped into calls by time (a gap over 3 ms ends a call); the longest call's breakdown.
    const under = (id: number) => { for (let x: number | undefined = id; x !== undefined; x = par.get(x)) if (byId.get(x).callFrame.functionName === process.env.LONGEST) return true; return false; };
    let t = profile.startTime; const runs: { start: number; end: number; ids: number[] }[] = []; let cur: any = null;
    profile.samples.forEach((id: number, i: number) => { t += profile.timeDeltas[i]; if (!under(id)) return; if (cur && t - cur.end < 3000) { cur.end = t; cur.ids.push(id); } else { cur = { start: t, end: t, ids: [id] }; runs.push(cur); } });
    runs.sort((a, b) => b.end - b.start - (a.end - a.start));
    for (const r of runs.slice(0, 3)) {
      const m = new Map<string, number>();
      for (const id of r.ids) { const seen = new Set<string>(); for (let x: number | undefined = id; x !== undefined; x = par.get(x)) { const q = byId.get(x).callFrame; const k = `${q.functionName || 'anon'}:${q.lineNumber}`; if (seen.has(k)) continue; seen.add(k); m.set(k, (m.get(k) ?? 0) + 0.1); if (q.functionName === process.env.LONGEST) break; } }
      console.log('CALL', ((r.end - r.start) / 1000).toFixed(1), 'ms at', ((r.start - profile.startTime) / 1000).toFixed(0), [...m].sort((a, b) => b[1] - a[1]).slice(0, 14).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(' | '));
    }
  }
  const root = process.env.SUBTREE ?? '';
  for (const n of profile.nodes) { const s0 = (self.get(n.id) ?? 0) / 1000; if (!s0) continue; let inSub = !root; for (let x: number | undefined = n.id; x !== undefined && !inSub; x = par.get(x)) if (byId.get(x).callFrame.functionName === root) inSub = true; if (!inSub) continue; const seen = new Set<string>(); for (let x: number | undefined = n.id; x !== undefined; x = par.get(x)) { const q = byId.get(x).callFrame; const k = `${q.functionName || 'anon'}:${q.lineNumber}`; if (seen.has(k)) continue; seen.add(k); tot.set(k, (tot.get(k) ?? 0) + s0); if (q.functionName === root) break; } }
  if (!process.env.LONGEST) console.log([...tot].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 50)).map(([k, v]) => `${v.toFixed(0).padStart(6)} ms ${k}`).join('\n'));
}
if (TRACE) await browser.stopTracing();
console.log('pauseAt', await page.evaluate(() => (window as any).__pauseAt));
console.log('longtasks', JSON.stringify(long));
const playAt = await page.evaluate(() => (window as any).__playAt);
console.log('playAt', playAt);
for (const [st, d] of long) { const ms = await page.evaluate(([a, b]) => performance.getEntriesByType('measure').filter((m) => m.startTime + m.duration >= a && m.startTime <= a + b).map((m) => `${m.name} @${Math.round(m.startTime - a)} ${m.duration.toFixed(1)}`), [st, d]); console.log(st, d, ms.join(' | ')); }
const cnt = await page.evaluate(() => document.querySelectorAll('*').length); console.log('elements now', cnt);
if (TRACE) {
  const ev = (JSON.parse(readFileSync('/tmp/prof/long.json', 'utf8')) as { traceEvents: any[] }).traceEvents;
  const names = new Map<string, string>();
  for (const e of ev) if (e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
  const main = ev.filter((e) => e.ph === 'X' && names.get(`${e.pid}:${e.tid}`) === 'CrRendererMain').sort((a, b) => a.ts - b.ts);
  const tasks = main.filter((e) => e.name === 'RunTask' && e.dur > 50000);
  for (const t of tasks) {
    console.log('TASK', (t.dur / 1000).toFixed(0), 'ms');
    const kids = main.filter((e) => e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && e !== t && e.dur > Number(process.env.MIN ?? 2000) && (!process.env.NAMES || new RegExp(process.env.NAMES).test(e.name)));
    for (const k of kids) console.log('  ', ((k.ts - t.ts) / 1000).toFixed(1).padStart(6), (k.dur / 1000).toFixed(1).padStart(6), k.name, JSON.stringify(k.args?.data?.functionName ?? k.args?.data?.url ?? k.args?.beginData?.dirtyObjects ?? k.args?.elementCount ?? '').slice(0, 80));
  }
}
await browser.close(); server.kill();
