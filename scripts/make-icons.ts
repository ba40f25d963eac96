/**
 * Renders the app icons (public/icon-*.png, apple-touch-icon.png) from public/favicon.svg in
 * headless Chromium, so the icons stay the favicon's drawing. Run after changing the favicon:
 *   npx tsx scripts/make-icons.ts
 */
import { readFile, writeFile } from 'node:fs/promises';
import { chromium } from '@playwright/test';

const svg = await readFile('public/favicon.svg', 'utf8');
// A maskable icon keeps its drawing inside the central 80% "safe zone": the favicon on a full bleed.
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><rect width="40" height="40" fill="#0072B2"/><g transform="translate(4 4)">${svg.replace(/^<svg[^>]*>|<\/svg>\s*$/g, '')}</g></svg>`;

const icons: { file: string; size: number; source: string }[] = [
  { file: 'public/icon-192.png', size: 192, source: svg },
  { file: 'public/icon-512.png', size: 512, source: svg },
  { file: 'public/icon-maskable-512.png', size: 512, source: maskable },
  { file: 'public/apple-touch-icon.png', size: 180, source: maskable },
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
for (const { file, size, source } of icons) {
  await page.setViewportSize({ width: size, height: size });
  const sized = source.replace('<svg ', `<svg width="${size}" height="${size}" `);
  await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`);
  await writeFile(file, await page.locator('svg').screenshot({ omitBackground: true }));
  console.log(file);
}
await browser.close();
