import { expect, test } from '@playwright/test';
import lz from 'lz-string';
import { openPreset, summary } from './helpers';

// What a student typed survives a reload (or a crash of the tab); a link still wins.
test('an edit survives a reload; a link opens its own scenario instead', async ({ page }) => {
  await openPreset(page, 'burst');
  await page.getByLabel('Hosts (count)').fill('3');
  // An edited preset is an "(edited scenario)".
  await expect(page.getByLabel('Preset')).toHaveValue('');
  await page.reload();
  await expect(page.getByLabel('Hosts (count)')).toHaveValue('3');
  await expect(page.getByLabel('Preset')).toHaveValue('');
  await expect(page.locator('.workload-summary, .preset-summary')).toHaveCount(0);
  await expect(summary(page)).toContainText('simulated');

  // A half-typed value is what the user entered, too: it comes back with its problem shown.
  await page.getByLabel('Hosts (count)').fill('0');
  await page.reload();
  await expect(page.getByLabel('Hosts (count)')).toHaveValue('0');
  // The views still run something meanwhile (the default scenario), and say the draft has a problem.
  await expect(page.locator('.banner.warn[role=note]')).toBeVisible();
  await expect(summary(page)).toContainText('simulated');

  // A shared link says which scenario to show: the saved draft does not replace it.
  const scenario = { version: 1, seed: 3, durationMs: 60_000, accounts: [{ id: 'a' }], functions: [{ name: 'linked', account: 'a', memoryMb: 256, durationMs: { dist: 'constant', ms: 100 }, workload: { type: 'poisson', ratePerSec: 1 } }], platform: { hosts: 5 } };
  // (A new tab of the same browser: the same storage; a hash change alone does not reload the page.)
  const linked = await page.context().newPage();
  await linked.goto(`./#v1=${lz.compressToEncodedURIComponent(JSON.stringify({ v: 1, scenario }))}`);
  await expect(linked.getByLabel('Hosts (count)')).toHaveValue('5');
  await expect(linked.locator('.robust-notice')).toHaveCount(0);
});

test('a damaged saved scenario is dropped with a message, and the default runs', async ({ page }) => {
  await page.goto('./');
  await expect(summary(page)).toContainText('simulated');
  await page.evaluate(() => localStorage.setItem('faascope.scenarioDraft', '{"format":1,"draft":{"seed":'));
  await page.reload();
  const notice = page.locator('.robust-notice[role=alert]');
  await expect(notice).toContainText('could not be used (it is damaged)');
  await page.screenshot({ path: test.info().outputPath('draft-dropped.png') });
  await expect(summary(page)).toContainText('simulated');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.locator('.clock')).not.toContainText('0.00 ms');
  expect(await page.evaluate(() => localStorage.getItem('faascope.scenarioDraft'))).toBeNull();
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
});
