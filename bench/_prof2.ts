import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
const PORT = 4189;
const concurrent = Number(process.argv[2] ?? 2000);
const hosts = Math.ceil((concurrent * 1.3 * 133) / 65_536);
const s = { version: 1, name: 'p', seed: 11, durationMs: Number(process.env.DUR ?? 180000), platform: { hosts, hostMemoryMb: 65_536, limits: { accountConcurrency: concurrent * 3 } }, accounts: [{ id: 'bench' }],
  functions: [{ name: 'api', account: 'bench', memoryMb: 128, timeoutMs: 900_000, durationMs: { dist: 'exponential', meanMs: 10_000 }, workload: { type: 'poisson', ratePerSec: concurrent / 10 } }] };
const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort', '--outDir', process.env.OUT ?? '/tmp/prof-dist'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 2500));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.addInitScript(() => ((globalThis as { __FAASCOPE_BENCH__?: boolean }).__FAASCOPE_BENCH__ = true));
await page.goto(`http://127.0.0.1:${PORT}/`);
await page.getByRole('button', { name: 'JSON' }).click();
await page.getByLabel('Scenario (JSON)').fill(JSON.stringify(s));
await page.waitForTimeout(1000);
await page.getByRole('slider', { name: 'Timeline' }).evaluate((el) => { const i = el as HTMLInputElement; Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(i, '120000'); i.dispatchEvent(new Event('input', { bubbles: true })); });
await page.waitForTimeout(1500);
await page.evaluate(`window.__loaf=[]; new PerformanceObserver(l=>l.getEntries().forEach(e=>window.__loaf.push({d:e.duration, block:e.blockingDuration, render:e.renderStart?e.startTime+e.duration-e.renderStart:0, style:e.styleAndLayoutStart?e.startTime+e.duration-e.styleAndLayoutStart:0, scripts:e.scripts.map(s=>({inv:s.invoker, d:Math.round(s.duration), fn:s.sourceFunctionName}))}))).observe({type:'long-animation-frame'})`);
const slider = page.getByRole('slider', { name: 'Speed' }); await slider.focus(); await slider.press('Home');
for (let i = 0; i < 20 && (await slider.getAttribute('aria-valuetext')) !== (process.argv[3] ?? '1×'); i++) await slider.press('ArrowRight');
const cdp = await page.context().newCDPSession(page); await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 200 }); await cdp.send('Profiler.start');
await page.getByRole('button', { name: /Play/ }).click();
await page.waitForTimeout(5000);
await page.getByRole('button', { name: /Pause/ }).click().catch(() => {});
const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }[]; samples: number[]; timeDeltas: number[] } };
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const par = new Map<number, number>(); for (const n of profile.nodes as any[]) for (const c of n.children ?? []) par.set(c, n.id);
const nodeById = new Map<number, any>((profile.nodes as any[]).map((n) => [n.id, n]));
for (const target of (process.env.CALLERS ?? 'postMessage,t,translate').split(',')) {
  const callers = new Map<string, number>();
  for (const n of profile.nodes as any[]) { if (n.callFrame.functionName !== target) continue; const s = (self.get(n.id) ?? 0) / 1000; let chain = ''; let id = par.get(n.id); for (let k = 0; k < 5 && id !== undefined; k++, id = par.get(id)) { const q = nodeById.get(id).callFrame; chain += ` < ${q.functionName || 'anon'}:${q.lineNumber}`; } callers.set(chain, (callers.get(chain) ?? 0) + s); }
  console.log('CALLERS of', target); console.log([...callers].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, v]) => `${v.toFixed(0).padStart(6)} ms ${k}`).join('\n'));
}
{
  const root = process.env.SUBTREE ?? 'renderPlane';
  const totals = new Map<string, number>();
  const inSub = (id: number): boolean => { for (let x: number | undefined = id; x !== undefined; x = par.get(x)) if (nodeById.get(x).callFrame.functionName === root) return true; return false; };
  let all = 0;
  for (const n of profile.nodes as any[]) { const s0 = (self.get(n.id) ?? 0) / 1000; if (!s0 || !inSub(n.id)) continue; all += s0; const seen = new Set<string>(); for (let x: number | undefined = n.id; x !== undefined; x = par.get(x)) { const q = nodeById.get(x).callFrame; if (q.functionName === root) break; const k = `${q.functionName || 'anon'}:${q.lineNumber}`; if (seen.has(k)) continue; seen.add(k); totals.set(k, (totals.get(k) ?? 0) + s0); } }
  console.log('SUBTREE', root, all.toFixed(0), 'ms'); console.log([...totals].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, v]) => `${v.toFixed(0).padStart(6)} ms ${k}`).join('\n'));
}
{
  const incl = new Map<string, number>();
  for (const n of profile.nodes as any[]) { const s0 = (self.get(n.id) ?? 0) / 1000; if (!s0) continue; const seen = new Set<string>(); for (let x: number | undefined = n.id; x !== undefined; x = par.get(x)) { const q = nodeById.get(x).callFrame; const k = q.functionName || 'anon'; if (seen.has(k)) continue; seen.add(k); incl.set(k, (incl.get(k) ?? 0) + s0); } }
  const want = (process.env.INCL ?? 'setFrame,unpackFrame,handleMessage,renderPlane,renderTopology,drawChart,render,performWorkOnRoot,flushPassiveEffects,setTimeout,clearTimeout,drawTokensOnCanvas,drawWorkers,drawCounts,drawTokens,drawEnded,placeRequest,(garbage collector),(program),(idle),postMessage,measured').split(',');
  console.log('INCLUSIVE', want.map((w) => `${w}=${(incl.get(w) ?? 0).toFixed(0)}`).join(' '));
}
const byFn = new Map<string, number>();
for (const n of profile.nodes) { const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`; byFn.set(k, (byFn.get(k) ?? 0) + (self.get(n.id) ?? 0) / 1000); }
console.log([...byFn].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${v.toFixed(0).padStart(6)} ms ${k}`).join('\n'));
const loaf = await page.evaluate('window.__loaf') as { d: number; render: number; style: number; scripts: { inv: string; d: number; fn: string }[] }[];
console.log(JSON.stringify(loaf.filter(l=>l.d>50).slice(0,6).map(l=>({d:Math.round(l.d),render:Math.round(l.render),style:Math.round(l.style),s:l.scripts.map(x=>x.inv+'|'+x.fn+':'+x.d)})))); console.log('LoAF count', loaf.length, 'median d', loaf.map((x) => x.d).sort((a, b) => a - b)[loaf.length >> 1]);
const agg = new Map<string, number>();
let render = 0, style = 0;
for (const l of loaf) { render += l.render; style += l.style; for (const sc of l.scripts) agg.set(sc.inv + ' ' + sc.fn, (agg.get(sc.inv + ' ' + sc.fn) ?? 0) + sc.d); }
console.log('render total', render.toFixed(0), 'style+layout total', style.toFixed(0));
console.log([...agg].sort((a, b) => b[1] - a[1]).slice(0, 12));
const views = await page.evaluate(() => Object.fromEntries(['draw', 'plane', 'topology', 'chart'].map((v) => { const xs = performance.getEntriesByName(`faascope:${v}`).map((e) => e.duration).sort((a, b) => a - b); return [v, { n: xs.length, p50: xs[xs.length >> 1], max: xs[xs.length - 1] }]; })));
console.log(views);
await browser.close(); server.kill();
