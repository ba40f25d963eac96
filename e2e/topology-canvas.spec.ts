import { expect, test, type Page } from '@playwright/test';
import { openPreset, seekTo } from './helpers';

/** About 2,000 sandboxes busy at once (200 requests a second of 10 s each): the topology draws them on a canvas. */
const scenario = {
  version: 1,
  name: 'Two thousand sandboxes',
  seed: 11,
  durationMs: 180_000,
  platform: { hosts: 6, hostMemoryMb: 65_536, limits: { accountConcurrency: 6_000 } },
  accounts: [{ id: 'bench' }],
  functions: [{ name: 'api', account: 'bench', memoryMb: 128, timeoutMs: 900_000, durationMs: { dist: 'exponential', meanMs: 10_000 }, workload: { type: 'poisson', ratePerSec: 200 } }],
};

const canvas = (page: Page) => page.locator('.topology-stage canvas.topology-canvas');
const pixels = (page: Page) => canvas(page).evaluate((c: HTMLCanvasElement) => c.toDataURL());

test('the topology canvas, repainted cell by cell while playing, shows what a fresh drawing of the same moment shows', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openPreset(page, 'one-cold-start');
  await page.getByRole('button', { name: 'JSON' }).click();
  await page.getByLabel('Scenario (JSON)').fill(JSON.stringify(scenario));
  await expect(page.getByRole('slider', { name: 'Timeline' })).toHaveAttribute('max', '180000');
  await seekTo(page, 60_000);
  await expect(page.locator('.clock')).toContainText('1 min 00 s');
  await expect(canvas(page)).toBeVisible();

  // Play two seconds at 1×: each frame repaints only the cells whose state changed.
  await expect(page.getByRole('slider', { name: 'Speed' })).toHaveAttribute('aria-valuetext', '1×');
  await page.getByRole('button', { name: /Play/ }).click();
  await page.waitForTimeout(2_000);
  await page.getByRole('button', { name: /Pause/ }).click();
  await expect(page.locator('.clock')).not.toContainText('1 min 00 s');
  const clock = await page.locator('.clock').innerText();
  await page.waitForTimeout(300);
  const played = await pixels(page);

  // Select a sandbox on the canvas (the first painted pixel is in a cell): its ring is drawn.
  const at = await canvas(page).evaluate((c: HTMLCanvasElement) => {
    const ctx = c.getContext('2d')!;
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 200) return { x: ((i - 3) / 4) % c.width, y: Math.floor((i - 3) / 4 / c.width) };
    return null;
  });
  expect(at).not.toBeNull();
  await canvas(page).click({ position: { x: at!.x + 1, y: at!.y + 1 } });
  await expect(page.locator('#inspector-title')).toContainText('Sandbox #');
  expect(await pixels(page)).not.toBe(played);

  // Clearing the selection repaints the whole canvas afresh, for the same moment: the same pixels.
  await page.locator('.inspector').getByRole('button', { name: 'clear' }).click();
  await expect(page.locator('#inspector-title')).not.toContainText('Sandbox #');
  await expect(page.locator('.clock')).toHaveText(clock);
  await expect.poll(() => pixels(page)).toBe(played);
  expect(errors).toEqual([]);
});
