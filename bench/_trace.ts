import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
const PORT = 4191;
const concurrent = Number(process.argv[2] ?? 10000);
const hosts = Math.ceil((concurrent * 1.3 * 133) / 65_536);
const s = { version: 1, name: 'p', seed: 11, durationMs: 180000, platform: { hosts, hostMemoryMb: 65_536, limits: { accountConcurrency: concurrent * 3 } }, accounts: [{ id: 'bench' }],
  functions: [{ name: 'api', account: 'bench', memoryMb: 128, timeoutMs: 900_000, durationMs: { dist: 'exponential', meanMs: 10_000 }, workload: { type: 'poisson', ratePerSec: concurrent / 10 } }] };
const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort', '--outDir', process.env.OUT ?? '/tmp/prof-dist'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 2500));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.addInitScript(() => ((globalThis as { __FAASCOPE_BENCH__?: boolean }).__FAASCOPE_BENCH__ = true));
await page.goto(`http://127.0.0.1:${PORT}/`);
await page.getByRole('button', { name: 'JSON' }).click();
await page.getByLabel('Scenario (JSON)').fill(JSON.stringify(s));
await page.waitForTimeout(1000);
await page.getByRole('slider', { name: 'Timeline' }).evaluate((el) => { const i = el as HTMLInputElement; Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(i, '120000'); i.dispatchEvent(new Event('input', { bubbles: true })); });
await page.waitForTimeout(1500);
const slider = page.getByRole('slider', { name: 'Speed' }); await slider.focus(); await slider.press('Home');
for (let i = 0; i < 20 && (await slider.getAttribute('aria-valuetext')) !== (process.argv[3] ?? '1×'); i++) await slider.press('ArrowRight');
if (process.env.SETCSS) await page.evaluate((spec) => { for (const part of spec.split('||')) { const [sel, decls] = part.split('|'); document.querySelectorAll<HTMLElement>(sel!).forEach((e) => { for (const d of decls!.split(';').filter(Boolean)) { const [k, v] = d.split(':'); e.style.setProperty(k!.trim(), v!.trim()); } }); } }, process.env.SETCSS);
if (process.env.WRAP) await page.evaluate(() => {
  const svg = document.querySelector('svg.plane')!;
  const d = document.createElement('div');
  const r = svg.getBoundingClientRect();
  d.style.contain = 'strict';
  d.style.width = '100%';
  d.style.height = `${r.height}px`;
  svg.parentNode!.insertBefore(d, svg);
  d.appendChild(svg);
  const st = document.querySelector<HTMLElement>('.topology-stage')!;
  st.style.contain = 'strict';
  st.style.height = `${st.getBoundingClientRect().height}px`;
});
if (process.env.SHEET) await page.evaluate((css) => { const sh = new CSSStyleSheet(); sh.replaceSync(css); document.adoptedStyleSheets = [...document.adoptedStyleSheets, sh]; }, process.env.SHEET);
if (process.env.HIDE) await page.evaluate((sel) => document.querySelectorAll<HTMLElement>(sel).forEach((e) => e.style.setProperty('display', 'none', 'important')), process.env.HIDE);
await page.evaluate(`performance.clearMeasures(); window.__frames=[]; let last=performance.now(); requestAnimationFrame(function loop(now){window.__frames.push(now-last); last=now; requestAnimationFrame(loop);});`);
const TRACE = process.env.TRACE !== '0';
if (TRACE) await browser.startTracing(page, { path: '/tmp/prof/trace.json', categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'cc', 'viz', 'v8', 'toplevel', 'disabled-by-default-devtools.timeline.frame'] });
await page.getByRole('button', { name: /Play/ }).click();
if (process.env.MOUSE) { const [x, y] = process.env.MOUSE.split(',').map(Number); await page.mouse.move(x!, y!); }
await page.waitForTimeout(5000);
if (process.env.SHOTPLAY) await page.screenshot({ path: process.env.SHOTPLAY });
await page.getByRole('button', { name: /Pause/ }).click().catch(() => {});
if (process.env.SHOT) await page.screenshot({ path: process.env.SHOT, fullPage: !!process.env.FULL });
if (TRACE) await browser.stopTracing();
const views = await page.evaluate(() => Object.fromEntries(['draw', 'plane', 'topology', 'chart'].map((v) => { const xs = performance.getEntriesByName(`faascope:${v}`).map((e) => e.duration).sort((a, b) => a - b); return [v, { n: xs.length, p50: +(xs[xs.length >> 1] ?? 0).toFixed(1), p95: +(xs[Math.floor(xs.length * 0.95)] ?? 0).toFixed(1), sum: Math.round(xs.reduce((a, b) => a + b, 0)) }]; })));
const frames = (await page.evaluate('window.__frames.slice(1)') as number[]).sort((a, b) => a - b);
console.log('views', JSON.stringify(views));
console.log('rAF frames', frames.length, 'p50', frames[frames.length >> 1]?.toFixed(1), 'p95', frames[Math.floor(frames.length * 0.95)]?.toFixed(1));
if (TRACE) {
  const t = JSON.parse(readFileSync('/tmp/prof/trace.json', 'utf8')) as { traceEvents: any[] };
  const ev = t.traceEvents;
  const names = new Map<string, string>();
  for (const e of ev) if (e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
  const by = new Map<string, number>();
  for (const e of ev) {
    if (e.ph !== 'X' || !e.dur) continue;
    const th = names.get(`${e.pid}:${e.tid}`) ?? '?';
    if (!/CrRendererMain|Compositor|Raster|VizCompositor|DedicatedWorker/.test(th)) continue;
    const k = `${th.padEnd(24)} ${e.name}`;
    by.set(k, (by.get(k) ?? 0) + e.dur / 1000);
  }
  const lay = ev.filter((e) => e.name === 'Layout' && e.ph === 'X' && names.get(`${e.pid}:${e.tid}`) === 'CrRendererMain');
  const dirty = lay.map((e) => e.args?.beginData?.dirtyObjects ?? 0);
  console.log('Layout events', lay.length, 'partial', lay.filter((e) => e.args?.beginData?.partialLayout).length, 'dirty avg', (dirty.reduce((a: number, b: number) => a + b, 0) / Math.max(1, lay.length)).toFixed(0), 'total objs', lay[0]?.args?.beginData?.totalObjects, 'ms', (lay.reduce((a: number, e: any) => a + e.dur, 0) / 1000).toFixed(0));
  const roots = new Map<string, number>();
  for (const e of lay) for (const r of e.args?.endData?.layoutRoots ?? []) { const k = String(r.nodeName ?? r.nodeId); roots.set(k, (roots.get(k) ?? 0) + 1); }
  console.log('layout roots', JSON.stringify([...roots].sort((a, b) => b[1] - a[1]).slice(0, 8)));
  const sty = ev.filter((e) => e.name === 'UpdateLayoutTree' && e.ph === 'X' && names.get(`${e.pid}:${e.tid}`) === 'CrRendererMain');
  const els = sty.map((e) => e.args?.elementCount ?? 0).sort((a: number, b: number) => a - b);
  console.log('Style recalcs', sty.length, 'elements p50', els[els.length >> 1], 'max', els[els.length - 1], 'ms', (sty.reduce((a: number, e: any) => a + e.dur, 0) / 1000).toFixed(0));
  console.log([...by].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 45)).map(([k, v]) => `${v.toFixed(0).padStart(7)} ms ${k}`).join('\n'));
}
await browser.close(); server.kill();
