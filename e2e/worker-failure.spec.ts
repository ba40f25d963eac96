import { expect, test } from '@playwright/test';
import lz from 'lz-string';
import { summary } from './helpers';

// A scenario that asks for tens of thousands of sandboxes within seconds (see src/sim/limits.ts).
const exploding = {
  version: 1,
  name: 'Explodes',
  seed: 1,
  durationMs: 3_600_000,
  platform: { hosts: 400, limits: { accountConcurrency: 1_000_000 } },
  accounts: [{ id: 'a' }],
  functions: [{ name: 'f', account: 'a', memoryMb: 128, durationMs: { dist: 'constant', ms: 30_000 }, workload: { type: 'poisson', ratePerSec: 8_000 } }],
};

test('a run past a size limit is stopped with a message; restart resumes, the page keeps working', async ({ page }) => {
  // A shared link that opens it a minute in: the worker stops at the limit on its way there.
  await page.goto(`./#v1=${lz.compressToEncodedURIComponent(JSON.stringify({ v: 1, scenario: exploding, t: 60_000 }))}`);
  const alert = page.locator('.worker-failure[role=alert]');
  await expect(alert).toContainText('the number of sandboxes alive at once went past the limit of 20,000', { timeout: 30_000 });
  await expect(alert).toContainText('Make the scenario smaller');
  await expect(alert).toContainText('Your scenario and the rest of the page are unaffected.');
  await page.screenshot({ path: test.info().outputPath('worker-failure.png') });

  // The rest of the page works meanwhile: the editor, the tabs.
  await page.getByRole('tab', { name: 'Metrics' }).click();
  await expect(page.getByRole('tab', { name: 'Metrics' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('Hosts (count)')).toHaveValue('400');

  // Restart from the last good state: a fresh worker on the same scenario, at the last moment shown.
  const restart = alert.getByRole('button', { name: 'Restart from the last good state' });
  await restart.click();
  // (A fresh worker loads the scenario: seconds on a busy machine.)
  await expect(alert).toHaveCount(0, { timeout: 30_000 });
  await expect(page.locator('.robust-restarted[role=status]')).toContainText('The simulation was restarted at 0.00 ms');
  await page.screenshot({ path: test.info().outputPath('worker-restarted.png') });
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.locator('.clock')).not.toContainText('0.00 ms');

  // A smaller scenario runs as usual, and the notice is gone for good.
  await page.getByLabel('Preset').selectOption('burst');
  await expect(page.locator('.clock')).toContainText('0.00 ms');
  await page.getByRole('button', { name: /Play/ }).click();
  await expect(summary(page)).toContainText(/[1-9][\d,]* requests?/);
  await expect(page.locator('.worker-failure')).toHaveCount(0);
});
