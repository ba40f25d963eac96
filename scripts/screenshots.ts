/**
 * `npm run screenshots`: captures the built app (served by `vite preview` on :4173) the ways it
 * is used — a laptop, both themes, presenter mode on a 1920×1080 projector, an embed at
 * 640×400, the French interface, a broken link, a lesson — into screenshots/, to look at
 * before a change is called done.
 */
import { chromium, type Page } from '@playwright/test';
import { existsSync, mkdirSync } from 'node:fs';

const base = process.argv[2] ?? 'http://127.0.0.1:4173/';
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const browser = await chromium.launch({
  ...(executablePath && { executablePath }),
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
mkdirSync('screenshots', { recursive: true });

async function shot(name: string, size: [number, number], prepare: (page: Page) => Promise<void>, opts: { theme?: 'light' | 'dark'; locale?: string; url?: string } = {}) {
  const context = await browser.newContext({ viewport: { width: size[0], height: size[1] }, locale: opts.locale ?? 'en-US', colorScheme: opts.theme ?? 'light' });
  const page = await context.newPage();
  await page.goto(opts.url ?? base);
  await page.getByRole('button', { name: /Play|Lecture/ }).first().waitFor();
  await prepare(page);
  await page.screenshot({ path: `screenshots/${name}.png`, fullPage: name.startsWith('app-') });
  await context.close();
}

/** Plays the burst preset to the moment it throttles. */
async function burst(page: Page) {
  await page.locator('.preset select').selectOption('burst');
  await page.waitForTimeout(500);
  await page.getByRole('slider', { name: /Timeline|Chronologie/ }).evaluate((el) => {
    const input = el as HTMLInputElement;
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, '45000');
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.waitForTimeout(1_000);
}

await shot('app-1280x800', [1280, 800], burst);
await shot('app-dark-1280x800', [1280, 800], burst, { theme: 'dark' });
await shot('app-fr-1280x800', [1280, 800], burst, { locale: 'fr-FR' });
await shot('presenter-1920x1080', [1920, 1080], async (page) => {
  await burst(page);
  await page.keyboard.press('p');
  await page.waitForTimeout(800);
});
await shot('embed-640x400', [640, 400], async (page) => page.waitForTimeout(1_000), { url: `${base}?embed=1` });
await shot('broken-link-1280x800', [1280, 800], async (page) => page.waitForTimeout(500), { url: `${base}#v1=NobodyCompressedThis` });
await shot('lesson-1280x800', [1280, 800], async (page) => {
  await page.locator('button[data-lesson="cold-warm"]').click();
  await page.keyboard.press('PageDown');
  await page.waitForTimeout(1_000);
});
await shot('lesson-presenter-1920x1080', [1920, 1080], async (page) => {
  await page.locator('button[data-lesson="scaling"]').click();
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await page.keyboard.press('p');
  await page.waitForTimeout(1_000);
});
await shot('lesson-presenter-dark-1920x1080', [1920, 1080], async (page) => {
  await page.locator('button[data-lesson="scaling"]').click();
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await page.keyboard.press('p');
  await page.waitForTimeout(1_000);
}, { theme: 'dark' });
await browser.close();
console.log('screenshots/ written');
