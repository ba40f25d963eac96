import { expect, test, type Page } from '@playwright/test';
import { seekTo, summary } from './helpers';

// A static site on a course server: everything it loads comes from that server, and the
// Content-Security-Policy in index.html (no eval, no inline script, no other origin) holds while
// a student uses every part of it.

/** Records the page's CSP violations (the event the browser fires for each) before any script runs. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  return () => page.evaluate(() => [...(window as unknown as { __csp: string[] }).__csp]);
}

test('every request is same-origin and nothing breaks the Content-Security-Policy', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const origin = new URL(baseURL!).origin;
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const consoleProblems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy|Refused to/i.test(m.text())) consoleProblems.push(m.text());
  });
  page.on('pageerror', (e) => consoleProblems.push(`uncaught: ${e.message}`));
  const violations = await watchViolations(page);

  await page.goto('./');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("default-src 'self'");
  expect(csp).not.toMatch(/unsafe-(eval|inline)|\*/);

  // Play a preset, then go elsewhere in it.
  await page.getByLabel('Preset').selectOption('burst');
  await expect(page.locator('.clock')).toContainText('0.00 ms');
  await page.getByRole('button', { name: /Play/ }).click();
  await expect(page.locator('.clock')).not.toContainText('0.00 ms');
  await page.getByRole('button', { name: /Pause/ }).click();
  await seekTo(page, 40_000);
  await expect(page.locator('.clock')).toContainText('40.0 s');
  await expect(summary(page)).toContainText('throttled');

  // Every analysis tab (charts, statecharts, metrics and whatever else is there), each lazily loaded.
  const tabs = page.getByRole('tablist', { name: 'Analysis views' }).getByRole('tab');
  const tabCount = await tabs.count();
  expect(tabCount).toBeGreaterThanOrEqual(3);
  for (let i = 0; i < tabCount; i++) {
    await tabs.nth(i).click();
    await expect(tabs.nth(i)).toHaveAttribute('aria-selected', 'true');
    await expect(page.locator(`#${await tabs.nth(i).getAttribute('aria-controls')}`)).not.toBeEmpty();
  }
  await page.getByRole('tab', { name: 'Charts', exact: true }).click();

  // The share menu: a link, and each export (through blob: URLs and a canvas).
  const share = page.getByRole('button', { name: /Share & export/ });
  const choose = async (item: string) => {
    await share.click();
    await page.getByRole('menuitem', { name: item }).click();
  };
  await choose('Copy link');
  await expect(page.getByText('Link copied.')).toBeVisible();
  for (const item of ['Export scenario (JSON)', 'Charts as an image (PNG)', 'Charts data (CSV)', 'Topology as a drawing (SVG)']) {
    const download = page.waitForEvent('download');
    await choose(item);
    expect((await download).suggestedFilename()).toMatch(/\.(json|png|csv|svg)$/);
  }

  // A lesson (its texts are a lazy chunk), and the French interface (another one).
  const lesson = page.locator('.lessons').getByRole('button').first();
  if (await lesson.isVisible()) await lesson.click();
  await page.getByLabel('Language').selectOption('fr');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await page.getByLabel('Langue').selectOption('en');

  expect(await violations()).toEqual([]);
  expect(consoleProblems).toEqual([]);
  const foreign = requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('blob:') && !u.startsWith('data:'));
  expect(foreign).toEqual([]);
  // The worker's and the lazy chunks' requests were seen, so the list is not empty by accident.
  expect(requests.some((u) => /sim\.worker-[\w-]+\.js$/.test(u))).toBe(true);
});

test('the policy is enforced: eval and an injected inline script are refused and reported', async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto('./');
  await expect(summary(page)).toContainText('simulated');
  // Evaluated by the test harness, `new Function` itself would be allowed (DevTools bypasses the
  // policy), so the page is made to run strings the ways an injection would: a string timer,
  // an inline script element and an inline event handler.
  await page.evaluate(() => {
    (setTimeout as unknown as (code: string, ms: number) => void)('window.__timer = true', 0);
    const script = document.createElement('script');
    script.textContent = 'window.__script = true';
    document.head.append(script);
    const button = document.createElement('button');
    button.setAttribute('onclick', 'window.__handler = true');
    document.body.append(button);
    button.click();
    button.remove();
  });
  await expect.poll(async () => (await violations()).map((v) => v.split(' ')[0]).sort()).toEqual(['script-src', 'script-src-attr', 'script-src-elem']);
  const ran = await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    return [w.__timer, w.__script, w.__handler].filter(Boolean).length;
  });
  expect(ran).toBe(0);
});
