/**
 * `npm run screenshots`: captures the built app (served by `vite preview` on :4173) at a laptop
 * and a projector size into screenshots/, to look at before a change is called done.
 */
import { chromium } from '@playwright/test';
import { existsSync, mkdirSync } from 'node:fs';

const base = process.argv[2] ?? 'http://127.0.0.1:4173/';
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const browser = await chromium.launch({
  ...(executablePath && { executablePath }),
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
mkdirSync('screenshots', { recursive: true });
for (const [w, h] of [[1280, 800], [1920, 1080]] as const) {
  const page = await browser.newPage({ viewport: { width: w, height: h } });
  await page.goto(base);
  await page.getByLabel('Preset').selectOption({ index: 4 });
  await page.getByRole('button', { name: 'Run' }).click();
  await page.getByRole('table', { name: 'Run metrics' }).waitFor();
  await page.screenshot({ path: `screenshots/app-${w}x${h}.png`, fullPage: true });
  await page.close();
}
await browser.close();
console.log('screenshots/ written');
