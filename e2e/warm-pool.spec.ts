import { expect, test, type Page } from '@playwright/test';
import { openPreset, sandboxStates, summary } from './helpers';

/** One request at 1 s on a platform with a warm pool of 3 generic sandboxes. */
const scenario = {
  version: 1,
  name: 'Warm pool, one cold start',
  seed: 1,
  durationMs: 60_000,
  platform: { hosts: 2, warmPool: { size: 3 } },
  accounts: [{ id: 'acme' }],
  functions: [{ name: 'resize-image', account: 'acme', memoryMb: 512, durationMs: { dist: 'constant', ms: 300 }, workload: { type: 'periodic', everyMs: 3_600_000, offsetMs: 1_000 } }],
};

/** The warm pool's cells drawn in the topology view, by state. */
const poolStates = (page: Page) => page.locator('svg.topology g.pool-sandbox').evaluateAll((els) => els.map((e) => e.getAttribute('data-state')!).sort());

test('a warm pool shows its generic sandboxes, hands one to a cold start, and refills', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openPreset(page, 'one-cold-start');
  await page.getByRole('button', { name: 'JSON' }).click();
  await page.getByLabel('Scenario (JSON)').fill(JSON.stringify(scenario, null, 2));
  await expect(page.locator('.topology-panel .legend')).toContainText('Warm pool: generic sandbox, not yet assigned');
  await expect(page.locator('.clock')).toContainText('0.00 ms');

  // Before any request: three generic sandboxes, ready, no function's sandbox.
  await expect.poll(() => poolStates(page)).toEqual(['pool.ready', 'pool.ready', 'pool.ready']);
  expect(await sandboxStates(page)).toEqual({});
  await expect(page.locator('svg.topology g.pool-sandbox title').first()).toHaveText(/^Generic sandbox \d+, no function yet \(warm pool, ready to be assigned\)/);
  await expect(page.locator('svg.topology g.guest.pool').first()).toContainText('Warm pool');
  // The pool's phase has its letter in the legend; the snapshot's (no snapStart here) has not.
  await expect(page.locator('.topology-panel .legend')).toContainText('Cold start from the warm pool');
  await expect(page.locator('.topology-panel .legend')).not.toContainText('snapshot');

  // Step through the request's cold start: it takes a pool sandbox, and a replacement boots.
  const seen: string[] = [];
  let poolWhileAssigning: string[] = [];
  for (let i = 0; i < 40 && !seen.includes('idle'); i++) {
    const look = async () => `${await page.locator('.clock').innerText()}|${JSON.stringify(await sandboxStates(page))}|${JSON.stringify(await poolStates(page))}`;
    const before = await look();
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(look, { timeout: 2_000 }).not.toBe(before).catch(() => undefined);
    const s = Object.values(await sandboxStates(page))[0];
    if (s && seen[seen.length - 1] !== s) seen.push(s);
    if (s === 'initializing.assigningFromPool') {
      poolWhileAssigning = await poolStates(page);
      await page.screenshot({ path: test.info().outputPath('assigning-from-pool.png') });
      // Drawn as a function's sandbox, with its letter.
      await expect(page.locator('svg.topology g.sandbox[data-state="initializing.assigningFromPool"] text.glyph')).toHaveText('A');
    }
  }
  expect(seen).toEqual(['placing', 'initializing.assigningFromPool', 'initializing.runningInit', 'invoking', 'idle']);
  expect(poolWhileAssigning).toEqual(['pool.booting', 'pool.ready', 'pool.ready']);
  await expect(summary(page)).toContainText('1 cold start');
  // Refilled: three ready again (the replacement booted during init and the handler).
  await expect.poll(() => poolStates(page)).toEqual(['pool.ready', 'pool.ready', 'pool.ready']);
  expect(errors).toEqual([]);
});
