import { expect, test } from '@playwright/test';
import { openPreset, seekTo } from './helpers';

test('a preset runs in the Web Worker and its metrics appear', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openPreset(page, 'warm-reuse');
  await seekTo(page, 12 * 60_000);
  await page.getByRole('tab', { name: 'Metrics' }).click();
  const table = page.getByRole('table', { name: 'Run metrics' });
  await expect(table.locator('tr[data-metric="Cold starts"] td').first()).toHaveText('2');
  await expect(table.locator('tr[data-metric="Warm starts"] td').first()).toHaveText('2');
  // The simulation ran in a worker, not on the page's thread.
  expect(page.workers().length).toBe(1);
  expect(errors).toEqual([]);
});

test('a scenario error in the JSON names the field and keeps what the user typed', async ({ page }) => {
  await openPreset(page, 'warm-reuse');
  await page.getByRole('button', { name: 'JSON' }).click();
  const editor = page.getByLabel('Scenario (JSON)');
  const original = await editor.inputValue();
  const broken = original.replace('"memoryMb": 512', '"memoryMb": 64');
  await editor.fill(broken);
  await expect(page.getByRole('alert').filter({ hasText: 'memoryMb' })).toContainText('functions[0].memoryMb: expected 128..10240, got 64');
  await expect(editor).toHaveValue(broken);
});
