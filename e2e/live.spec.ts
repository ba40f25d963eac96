import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { openPreset, sandboxStates, seekTo, stepFirstSandboxToIdle, summary } from './helpers';

test('stepping a cold start shows the sandbox go through every phase of init', async ({ page }) => {
  await openPreset(page, 'one-cold-start');
  const seen = await stepFirstSandboxToIdle(page);
  expect(seen).toEqual(['placing', 'initializing.fetchingCode', 'initializing.startingSandbox', 'initializing.bootingRuntime', 'initializing.runningInit', 'invoking', 'idle']);
  // The request token waited at the worker during the cold start and has now responded.
  await expect(summary(page)).toContainText('1 cold start');
});

test('a second request within keep-alive is warm; after expiry it is cold again', async ({ page }) => {
  await openPreset(page, 'warm-reuse');
  await seekTo(page, 150_000);
  await expect(summary(page)).toContainText('2 requests');
  await expect(summary(page)).toContainText('1 cold start');
  await expect(summary(page)).toContainText('1 warm');
  await seekTo(page, 12 * 60_000);
  await expect(summary(page)).toContainText('4 requests');
  await expect(summary(page)).toContainText('2 cold starts');
  await expect(summary(page)).toContainText('2 warm');
});

test('dragging the timeline back restores the exact earlier state', async ({ page }) => {
  await openPreset(page, 'burst');
  await seekTo(page, 40_000);
  await expect(page.locator('.clock')).toContainText('40.0 s');
  const summaryAt40 = await summary(page).textContent();
  const sandboxesAt40 = await sandboxStates(page);
  expect(Object.keys(sandboxesAt40).length).toBeGreaterThan(10);
  await seekTo(page, 100_000);
  await expect(page.locator('.clock')).toContainText('1 min 40 s');
  await expect(summary(page)).not.toHaveText(summaryAt40!);
  await seekTo(page, 40_000);
  await expect(page.locator('.clock')).toContainText('40.0 s');
  await expect(summary(page)).toHaveText(summaryAt40!);
  await expect.poll(() => sandboxStates(page)).toEqual(sandboxesAt40);
});

test('changing keep-alive in the editor changes the cold starts seen', async ({ page }) => {
  await openPreset(page, 'warm-reuse');
  await seekTo(page, 12 * 60_000);
  await expect(summary(page)).toContainText('2 cold starts');
  const idle = page.getByLabel('Keep-alive idle time (min)');
  await idle.fill('10');
  // Re-run at the same simulated time: the request after 7 idle minutes is now warm.
  await expect(summary(page)).toContainText('1 cold start');
  await expect(summary(page)).toContainText('3 warm');
  await expect(page.locator('.clock')).toContainText('12 min');
});

test('an invalid value is explained next to its field and kept', async ({ page }) => {
  await openPreset(page, 'warm-reuse');
  const memory = page.getByLabel('Memory (MB)', { exact: true });
  await memory.fill('64');
  await expect(page.getByText('expected 128..10240').first()).toBeVisible();
  await expect(memory).toHaveValue('64');
  await expect(page.getByRole('note')).toContainText('last valid version');
});

test('selecting a sandbox shows its details in the inspector', async ({ page }) => {
  await openPreset(page, 'warm-reuse');
  await seekTo(page, 90_000);
  await page.locator('svg.topology g.sandbox').first().click();
  const inspector = page.getByRole('region', { name: /Inspector/ });
  await expect(inspector).toContainText('Sandbox #0');
  await expect(inspector).toContainText('resize-image');
  await expect(inspector).toContainText('idle (frozen, warm)');
  await expect(inspector).toContainText('Invocations served');
  await expect(inspector).toContainText('Keep-alive reclaims it');
});

test('the keyboard drives playback: Space plays and pauses, arrows step', async ({ page }) => {
  await openPreset(page, 'one-cold-start');
  await page.locator('body').press('ArrowRight');
  await expect(page.locator('.clock')).toContainText('1.00 s');
  await page.locator('body').press('Space');
  await expect(page.getByRole('button', { name: /Pause/ })).toBeVisible();
  await page.locator('body').press('Space');
  await expect(page.getByRole('button', { name: /Play/ })).toBeVisible();
  await page.locator('body').press('+');
  await expect(page.locator('.speed-value')).toHaveText('3×');
});

test('the page has no serious or critical accessibility violations', async ({ page }) => {
  await openPreset(page, 'two-accounts-microvm');
  await seekTo(page, 60_000);
  await expect(page.locator('svg.topology g.sandbox').first()).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
});
