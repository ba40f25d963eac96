import { expect, test } from '@playwright/test';
import { summary } from './helpers';

// A lecture must survive the hall's network: after one visit, the built site works offline.
test('after a first visit the site reloads and runs offline', async ({ page, context }) => {
  await page.goto('./');
  await expect(summary(page)).toContainText('simulated');
  // The service worker claims the page that installed it once its precache is complete.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });

  await context.setOffline(true);
  const offlineFailures: string[] = [];
  page.on('requestfailed', (r) => offlineFailures.push(r.url()));
  await page.reload();
  // Nothing reached the network, and the page is still controlled (served from the precache).
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  await page.getByLabel('Preset').selectOption('burst');
  await expect(page.locator('.clock')).toContainText('0.00 ms');
  await page.getByRole('button', { name: /Play/ }).click();
  // The simulation worker (itself served from the precache) runs: time passes, requests arrive.
  await expect(page.locator('.clock')).not.toContainText('0.00 ms');
  await expect(summary(page)).toContainText(/[1-9][\d,]* requests?/);
  // A lazy chunk loads offline too: the French interface is a separate file.
  await page.getByRole('button', { name: /Pause/ }).click();
  await page.getByLabel('Language').selectOption('fr');
  await expect(page.getByRole('button', { name: /Lecture/ })).toBeVisible();
  expect(offlineFailures).toEqual([]);
  await context.setOffline(false);
});

test('the web manifest makes the site installable: name, icons, scope relative to the site', async ({ page, request }) => {
  await page.goto('./');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe('./manifest.webmanifest');
  const manifest = (await (await request.get(href!)).json()) as { name: string; start_url: string; scope: string; display: string; icons: { src: string; sizes: string }[] };
  expect(manifest.display).toBe('standalone');
  expect(manifest.start_url).toBe('./');
  expect(manifest.scope).toBe('./');
  const sizes = manifest.icons.map((i) => i.sizes);
  expect(sizes).toContain('192x192');
  expect(sizes).toContain('512x512');
  for (const icon of manifest.icons) expect((await request.get(icon.src)).status()).toBe(200);
});
