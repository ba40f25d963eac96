/**
 * Soak test (issue 7): plays a simulated week at top speed in headless Chromium on the built
 * site, over and over, for SOAK_MINUTES of wall time (default 3; the full check is
 * `SOAK_MINUTES=30 npx tsx bench/soak.ts`), then prints the page's heap and the simulation
 * worker's heap (after a garbage collection) and the frame rate, at the start and at the end.
 * Bounded memory means the end's heaps are close to the start's; asserts nothing.
 * BENCH_DIST=/some/dir measures another build.
 */
import { chromium, type CDPSession, type Page } from '@playwright/test';
import lz from 'lz-string';
import { existsSync } from 'node:fs';
import type { ScenarioInput } from '../src/sim/scenario';
import { SPEEDS } from '../src/store/playback';
import { startPreview } from './preview';

const PORT = 4183;
const DIST = process.env.BENCH_DIST ?? 'dist';
const MINUTES = Number(process.env.SOAK_MINUTES ?? 3);

const week: ScenarioInput = {
  version: 1,
  name: 'soak: a simulated week',
  seed: 7,
  durationMs: 7 * 24 * 3_600_000,
  platform: { hosts: 6 },
  accounts: [{ id: 'a' }, { id: 'b' }],
  functions: [
    { name: 'api', account: 'a', memoryMb: 256, durationMs: { dist: 'lognormal', medianMs: 120, sigma: 0.8 }, workload: { type: 'poisson', ratePerSec: 2 } },
    { name: 'cron', account: 'a', memoryMb: 512, durationMs: { dist: 'constant', ms: 2_000 }, workload: { type: 'periodic', everyMs: 300_000 } },
    { name: 'images', account: 'b', memoryMb: 1_024, durationMs: { dist: 'exponential', meanMs: 800 }, workload: { type: 'poisson', ratePerSec: 0.5 } },
  ],
};

/** Frames per second over `ms` of wall time, from requestAnimationFrame. */
async function frameRate(page: Page, ms = 5_000): Promise<number> {
  // A string, not a function: tsx would wrap named functions in a helper the page lacks.
  return page.evaluate(`new Promise((resolve) => {
    let frames = 0;
    const start = performance.now();
    requestAnimationFrame(function loop(now) {
      frames++;
      if (now - start < ${ms}) requestAnimationFrame(loop);
      else resolve((frames * 1000) / (now - start));
    });
  })`) as Promise<number>;
}

async function pageHeap(page: Page): Promise<number> {
  return page.evaluate(() => {
    (globalThis as { gc?: () => void }).gc?.();
    return (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;
  });
}

/** The worker's heap through the DevTools protocol (a worker has no performance.memory), after a GC. */
async function workerHeap(page: Page, cdp: CDPSession): Promise<number> {
  await page.workers().find((w) => w.url().includes('sim.worker'))?.evaluate(() => (globalThis as { gc?: () => void }).gc?.());
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find((t) => t.type === 'worker' && t.url.includes('sim.worker'));
  if (!target) return NaN;
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string };
  const id = Math.floor(Math.random() * 1e9);
  const reply = new Promise<number>((resolve) => {
    const onMessage = (e: { sessionId?: string; message: string }) => {
      const m = JSON.parse(e.message) as { id?: number; result?: { usedSize: number } };
      if (m.id === id) {
        cdp.off('Target.receivedMessageFromTarget', onMessage);
        resolve(m.result?.usedSize ?? NaN);
      }
    };
    cdp.on('Target.receivedMessageFromTarget', onMessage);
  });
  await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }) });
  const used = await reply;
  await cdp.send('Target.detachFromTarget', { sessionId });
  return used;
}

const mb = (b: number) => `${(b / 2 ** 20).toFixed(1)} MB`;

const server = await startPreview(DIST, PORT);
try {
  const executablePath = process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const browser = await chromium.launch({
    ...(executablePath && { executablePath }),
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--js-flags=--expose-gc', '--enable-precise-memory-info'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const cdp = await page.context().newCDPSession(page);
  const top = SPEEDS.length - 1;
  await page.goto(`http://127.0.0.1:${PORT}/#v1=${lz.compressToEncodedURIComponent(JSON.stringify({ v: 1, scenario: week, speedIndex: top }))}`);
  await page.locator('.clock').filter({ hasText: '7 d' }).or(page.locator('.clock').filter({ hasText: '168 h' })).first().waitFor({ timeout: 60_000 }).catch(() => undefined);
  console.log(`\nSoak: a simulated week at ${SPEEDS[top]!.toLocaleString('en-US')}×, replayed for ${MINUTES} min of wall time`);
  const play = page.getByRole('button', { name: /Play/ });
  await play.click();
  await page.waitForTimeout(10_000);
  const start = { fps: await frameRate(page), page: await pageHeap(page), worker: await workerHeap(page, cdp) };
  console.log(`  start (after 10 s):  ${start.fps.toFixed(1)} fps, page heap ${mb(start.page)}, worker heap ${mb(start.worker)}`);
  const began = Date.now();
  const end = began + MINUTES * 60_000;
  let replays = 0;
  // A sample every tenth of the run: bounded means the heaps level off, not just end close.
  const every = (MINUTES * 60_000) / 10;
  let nextSample = began + every;
  while (Date.now() < end) {
    await page.waitForTimeout(2_000);
    if (Date.now() >= nextSample && Date.now() < end - every / 2) {
      nextSample += every;
      console.log(`  at ${((Date.now() - began) / 60_000).toFixed(1).padStart(4)} min:  page heap ${mb(await pageHeap(page))}, worker heap ${mb(await workerHeap(page, cdp))}`);
    }
    // At the end of the week playback stops; Play starts it again from the beginning.
    if (await play.isVisible()) {
      replays++;
      await play.click();
    }
  }
  const clock = (await page.locator('.clock').innerText()).trim();
  const last = { fps: await frameRate(page), page: await pageHeap(page), worker: await workerHeap(page, cdp) };
  console.log(`  end (${MINUTES} min):      ${last.fps.toFixed(1)} fps, page heap ${mb(last.page)}, worker heap ${mb(last.worker)}`);
  console.log(`  weeks played to the end: ${replays}; clock at the end ${clock}`);
  console.log(`  change: page heap ${last.page >= start.page ? '+' : ''}${mb(last.page - start.page)}, worker heap ${last.worker >= start.worker ? '+' : ''}${mb(last.worker - start.worker)}, frame rate ${(last.fps - start.fps).toFixed(1)} fps`);
  await browser.close();
} finally {
  server.kill();
}
