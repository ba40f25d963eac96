import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openPreset, seekTo } from './helpers';

/** The Cost tab, opened on the burst preset run to its end (2 minutes, a few thousand calls). */
async function openCost(page: Page) {
  await openPreset(page, 'burst');
  await seekTo(page, 120_000);
  await expect(page.locator('.clock')).toContainText('2 min 00 s /');
  await page.getByRole('tab', { name: 'Cost' }).click();
  const panel = page.getByRole('region', { name: 'Cost of the run' });
  await expect(panel.locator('.cost-table tfoot .cost-total-usd')).toBeVisible();
  return panel;
}

const totalUsd = async (panel: ReturnType<Page['getByRole']>) => Number(await panel.locator('.cost-table tfoot .cost-total-usd').getAttribute('data-usd'));

test('billing at 100 ms costs at least as much as at 1 ms, and the difference is shown', async ({ page }) => {
  const panel = await openCost(page);
  await panel.getByRole('button', { name: /^1 ms/ }).click();
  await expect(panel.getByRole('button', { name: /^1 ms/ })).toHaveAttribute('aria-pressed', 'true');
  const at1 = await totalUsd(panel);
  await panel.getByRole('button', { name: /^100 ms/ }).click();
  await expect(panel.getByRole('button', { name: /^100 ms/ })).toHaveAttribute('aria-pressed', 'true');
  const at100 = await totalUsd(panel);
  expect(at1).toBeGreaterThan(0);
  // Handlers of about 250 ms are rounded up to 300 ms or more: strictly more.
  expect(at100).toBeGreaterThan(at1);
  const diff = panel.locator('.cost-diff');
  await expect(diff).toContainText('Billed at 100 ms instead of 1 ms');
  await expect(diff).toContainText('%');
  expect(Number(await diff.getAttribute('data-diff-usd'))).toBeCloseTo(at100 - at1, 12);
});

test('a higher GB-second price raises the total; AWS defaults put it back', async ({ page }) => {
  const panel = await openCost(page);
  const before = await totalUsd(panel);
  const price = panel.getByLabel('Compute (USD per GB-s)');
  await expect(price).toBeVisible();
  await price.fill('0.0001');
  // The edit re-runs the scenario at the same moment; the total follows.
  await expect.poll(() => totalUsd(panel), { timeout: 15_000 }).toBeGreaterThan(before * 2);
  // A bad price is explained beside the field and kept as typed.
  await price.fill('-1');
  await expect(panel.locator('.se-problem').first()).toContainText('expected 0..1');
  await expect(price).toHaveValue('-1');
  await panel.getByRole('button', { name: 'AWS defaults' }).click();
  await expect(price).toHaveValue('0.0000166667');
  await expect.poll(() => totalUsd(panel), { timeout: 15_000 }).toBeCloseTo(before, 10);
});

test('the break-even chart shows this run as a point, and the break-even rate', async ({ page }) => {
  const panel = await openCost(page);
  const point = panel.locator('svg.break-even-chart g.current-point');
  await expect(point.locator('circle')).toHaveCount(1);
  expect(Number(await point.getAttribute('data-rate'))).toBeGreaterThan(1);
  await expect(panel.locator('svg.break-even-chart path.line-functions')).toHaveCount(1);
  await expect(panel.locator('svg.break-even-chart path.line-vms')).toHaveCount(1);
  await expect(panel.getByText(/Break-even at|No break-even|The VMs cost less/)).toBeVisible();
  // Sized for a perfectly steady load, an always-on VM wins from some rate on: marked on the chart.
  await panel.getByLabel('Peak over mean, to size the VMs (×)').fill('1');
  await expect(panel.getByText(/Break-even at/)).toBeVisible();
  await expect(panel.locator('svg.break-even-chart g.break-even-rate line')).toHaveCount(1);
  const breakEven = Number(await panel.locator('[data-break-even]').getAttribute('data-break-even'));
  expect(breakEven).toBeGreaterThan(0);
  // A VM field typed wrong says which and how to fix it, and keeps the text.
  const vcpus = panel.getByLabel('VM vCPUs');
  await vcpus.fill('two');
  await expect(panel.getByText('expected a number > 0, got "two"')).toBeVisible();
  await expect(vcpus).toHaveValue('two');
  await expect(point.locator('circle')).toHaveCount(1);
  // No serious accessibility problem in the tab, its invalid field included.
  const results = await new AxeBuilder({ page }).include('.cost-panel').analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
});

test('a memory sweep runs every size and marks the cheapest', async ({ page }) => {
  const panel = await openCost(page);
  // CPU-bound: more memory makes the handler faster.
  await panel.getByLabel('CPU-bound share of its handler (0–1)').fill('0.9');
  await panel.getByRole('button', { name: 'Run the sweep' }).click();
  await expect(panel.locator('.cost-sweep-status')).toContainText('Swept 11 memory sizes.', { timeout: 50_000 });
  const cheapest = Number(await panel.locator('[data-cheapest-mb]').getAttribute('data-cheapest-mb'));
  expect([128, 256, 512, 1024, 1769, 2048, 3008, 4096, 6144, 8192, 10240]).toContain(cheapest);
  await expect(panel.locator('svg.memory-sweep-chart g.sweep-cheapest circle')).toHaveCount(1);
  await expect(panel.locator('svg.memory-sweep-chart g.sweep-cheapest')).toHaveAttribute('data-mb', String(cheapest));
  await expect(panel.getByRole('table', { name: 'Memory sweep results' }).locator('tbody tr')).toHaveCount(11);
});
