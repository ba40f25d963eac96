import { expect, test } from '@playwright/test';

test('a preset runs in the Web Worker and its metrics appear', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('./');
  await page.getByLabel('Preset').selectOption({ label: 'Warm reuse and keep-alive expiry' });
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByRole('status')).toContainText('4 requests, 2 cold starts');
  const table = page.getByRole('table', { name: 'Run metrics' });
  await expect(table.locator('tr[data-metric="Cold starts"] td').first()).toHaveText('2');
  await expect(table.locator('tr[data-metric="Warm starts"] td').first()).toHaveText('2');
  // The run happened in a worker, not on the page's thread.
  expect(page.workers().length).toBe(1);
  expect(errors).toEqual([]);
});

test('a scenario error names the field and keeps what the user typed', async ({ page }) => {
  await page.goto('./');
  const editor = page.getByLabel('Scenario (JSON)');
  const original = await editor.inputValue();
  const broken = original.replace('"memoryMb": 512', '"memoryMb": 64');
  await editor.fill(broken);
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByRole('alert')).toContainText('functions[0].memoryMb: expected 128..10240, got 64');
  await expect(editor).toHaveValue(broken);
});
