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

test('Pause after fast forward hands every sandbox back from the canvas to a titled SVG cell, a few at a time', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openPreset(page, 'one-cold-start');
  await page.getByRole('button', { name: 'JSON' }).click();
  // About 500 sandboxes: SVG when paused, canvas while fast-forwarding (above 100).
  const fiveHundred = { ...scenario, name: 'Five hundred sandboxes', durationMs: 3 * 3_600_000, platform: { ...scenario.platform, hosts: 2 } };
  fiveHundred.functions = [{ ...scenario.functions[0]!, workload: { type: 'poisson', ratePerSec: 50 } }];
  await page.getByLabel('Scenario (JSON)').fill(JSON.stringify(fiveHundred));
  await expect(page.getByRole('slider', { name: 'Timeline' })).toHaveAttribute('max', String(3 * 3_600_000));
  const cells = page.locator('svg.topology g.sandbox');

  const speed = page.getByRole('slider', { name: 'Speed' });
  await speed.focus();
  while ((await speed.getAttribute('aria-valuetext')) !== '1,000×') await speed.press('ArrowRight');
  await page.getByRole('button', { name: /Play/ }).click();
  await expect(canvas(page)).toBeVisible();
  await expect(cells).toHaveCount(0);
  await page.waitForTimeout(1_000);
  await page.getByRole('button', { name: /Pause/ }).click();

  // The canvas stays until the last cell is built, then goes; every sandbox is a cell again.
  await expect(canvas(page)).toHaveCount(0);
  const ids = await cells.evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
  expect(ids.length).toBeGreaterThan(300);
  expect(new Set(ids).size).toBe(ids.length);
  const titles = await cells.locator('title').allTextContents();
  expect(titles).toHaveLength(ids.length);
  expect(titles.filter((t) => !/^Sandbox \d+ of api: /.test(t))).toEqual([]);
  // Cells built in the hand-over are not new sandboxes: none fades in.
  await expect(page.locator('svg.topology g.sandbox.entering')).toHaveCount(0);
  await cells.last().click();
  await expect(page.locator('#inspector-title')).toContainText(`Sandbox #${ids[ids.length - 1]}`);
  expect(errors).toEqual([]);
});
