import { expect, test, type Browser, type Page } from '@playwright/test';
import lz from 'lz-string';
import { sandboxStates, seekTo, summary } from './helpers';

// The same link opens the same run on any machine: two fresh browser contexts (two workers,
// no shared state) compute it independently, and every number they show agrees.
const scenario = {
  version: 1,
  name: 'Determinism check',
  seed: 20_251_126,
  durationMs: 600_000,
  platform: { hosts: 3, placement: 'pack', keepAlive: { policy: 'fixed', idleMs: 60_000 } },
  accounts: [{ id: 'a' }, { id: 'b' }],
  functions: [
    { name: 'api', account: 'a', memoryMb: 512, initMs: { dist: 'lognormal', medianMs: 300, sigma: 0.5 }, durationMs: { dist: 'exponential', meanMs: 250 }, workload: { type: 'poisson', ratePerSec: 3 } },
    { name: 'batch', account: 'b', memoryMb: 1024, durationMs: { dist: 'lognormal', medianMs: 2_000, sigma: 0.8 }, workload: { type: 'steps', steps: [{ atMs: 0, ratePerSec: 0.2 }, { atMs: 120_000, ratePerSec: 5 }, { atMs: 240_000, ratePerSec: 0.5 }] } },
  ],
};
const link = `./#v1=${lz.compressToEncodedURIComponent(JSON.stringify({ v: 1, scenario, t: 300_000 }))}`;

async function openFresh(browser: Browser): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(link);
  await expect(page.locator('.clock')).toContainText('5 min 00 s', { timeout: 30_000 });
  return { page, close: () => context.close() };
}

async function observe(page: Page) {
  await page.getByRole('tab', { name: 'Metrics' }).click();
  const metrics = page.locator('#tabpanel-metrics table');
  await expect(metrics.first()).toBeVisible();
  return {
    summary: await summary(page).innerText(),
    sandboxes: await sandboxStates(page),
    metrics: await metrics.allInnerTexts(),
  };
}

test('one link, two fresh workers: the same run, to the last figure', async ({ browser }) => {
  test.setTimeout(120_000);
  const a = await openFresh(browser);
  const b = await openFresh(browser);
  const [seenA, seenB] = [await observe(a.page), await observe(b.page)];
  // Something happened by then (so agreement is not two empty runs).
  expect(seenA.summary).toMatch(/[1-9][\d,]* requests/);
  expect(Object.keys(seenA.sandboxes).length).toBeGreaterThan(0);
  expect(seenB).toEqual(seenA);

  // Moved on from there (a seek forward: no wall-clock timing), they still agree.
  for (const { page } of [a, b]) {
    await seekTo(page, 450_000);
    await expect(page.locator('.clock')).toContainText('7 min 30 s');
  }
  const [laterA, laterB] = [await observe(a.page), await observe(b.page)];
  expect(laterA.summary).not.toBe(seenA.summary);
  expect(laterB).toEqual(laterA);
  expect(await b.page.locator('.clock').innerText()).toBe(await a.page.locator('.clock').innerText());
  await a.close();
  await b.close();
});
