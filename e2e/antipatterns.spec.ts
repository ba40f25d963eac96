import { expect, test, type Page } from '@playwright/test';
import { openPreset, seekTo, summary } from './helpers';

/**
 * The anti-pattern presets of issue 6, each chosen in the app and run to a moment where its
 * effect shows in the app's own numbers (the summary bar, the plane view's counts, the metrics table).
 */

/** A number as the English interface writes it ("1,300"). */
const num = (s: string) => Number(s.replace(/,/g, ''));

/** The summary's request count. */
async function requests(page: Page): Promise<number> {
  const m = /([\d,]+) requests?/.exec((await summary(page).textContent()) ?? '');
  return m ? num(m[1]!) : NaN;
}

/** A row of the Metrics tab, for all functions together. */
async function metric(page: Page, name: string): Promise<number> {
  await page.getByRole('tab', { name: 'Metrics' }).click();
  const cell = page.getByRole('table', { name: 'Run metrics' }).locator(`tr[data-metric="${name}"] td`).first();
  await expect(cell).not.toHaveText('');
  return num((await cell.innerText()).replace(/[^\d.,]/g, ''));
}

/** Opens a preset and moves to `ms`, waiting for the clock to get there. */
async function runTo(page: Page, preset: string, ms: number, clock: string): Promise<void> {
  await openPreset(page, preset);
  await seekTo(page, ms);
  await expect(page.locator('.clock')).toContainText(clock);
  // The summary is a render behind the clock at times: read figures once it shows the same moment.
  await expect(summary(page)).toContainText(clock);
}

test('a recursive trigger without a guard keeps growing; with the guard each upload stops at 17 requests', async ({ page }) => {
  await runTo(page, 'recursive-trigger', 60_000, '1 min');
  const unguardedAt60 = await requests(page);
  await seekTo(page, 120_000);
  await expect(page.locator('.clock')).toContainText('2 min');
  await expect(summary(page)).toContainText('2 min');
  const unguarded = await requests(page);
  // Four chains run in the first minute, eight in the second: more than twice the requests.
  expect(unguarded - unguardedAt60).toBeGreaterThan(1.5 * unguardedAt60);

  await runTo(page, 'recursive-trigger-guarded', 120_000, '2 min');
  // Uploads at 1 s, 16 s, ..., 106 s: 8 chains of 16 invocations, and one stopped event each.
  await expect(summary(page)).toContainText('136 requests');
  await expect(summary(page)).toContainText('dead-lettered: 8 (8 loops stopped)');
  await expect(page.locator('svg.plane [data-count="deadLetter"]')).toHaveText('8');
  expect(unguarded).toBeGreaterThan(5 * 136);
});

test('a synchronous chain bills more GB-seconds than the same work through queues', async ({ page }) => {
  await runTo(page, 'sync-chain', 120_000, '2 min');
  const sync = await metric(page, 'Billed GB-s');
  await runTo(page, 'queue-chain', 120_000, '2 min');
  const queued = await metric(page, 'Billed GB-s');
  // Own work per call: 150 + 300 + 250 ms; waiting callers add 550 + 250 ms (and the hops) to it.
  expect(sync).toBeGreaterThan(1.8 * queued);
  // The API gateway is drawn in front of the load balancer.
  await expect(page.locator('svg.plane .station-gateway')).toBeVisible();
});

test("the monolith's cold starts are slower than the small functions'", async ({ page }) => {
  await runTo(page, 'monolith', 300_000, '5 min');
  const monolith = await metric(page, 'Cold latency, p50');
  await runTo(page, 'small-functions', 300_000, '5 min');
  const small = await metric(page, 'Cold latency, p50');
  expect(monolith).toBeGreaterThan(3 * small);
});

test('object lambda: reads are served, a direct call is denied, and the inspector names the policy', async ({ page }) => {
  // At 60.2 s a read is running (the run is deterministic) and both exports wait to retry.
  await runTo(page, 'object-lambda', 60_200, '1 min');
  await expect(summary(page)).toContainText(/denied by a policy or role: [1-9]/);
  await expect(page.locator('svg.plane [data-count="denied"]')).toHaveText(/[1-9]/);
  // A read in flight: its trigger, its caller and the policy that lets it in.
  const inspector = page.getByRole('region', { name: /Inspector/ });
  await page.locator('svg.plane g.token', { hasText: 'of redact-on-get' }).first().dispatchEvent('click');
  await expect(inspector).toContainText('Callers3-object-lambda:documents');
  await expect(inspector).toContainText('Resource policys3-object-lambda:documents');
  // The export, waiting to retry: its call was denied.
  await page.locator('svg.plane g.token', { hasText: 'of nightly-export' }).first().dispatchEvent('click');
  await expect(inspector).toContainText('Execution rolefn:redact-on-get');
  await expect(inspector).toContainText('the call to redact-on-get, which ended denied');
});

// Screenshots for a look at the views (APPS_SHOTS=1): 1280×800 light and dark, 1920×1080 presenter.
test('screenshots', async ({ browser }) => {
  test.skip(!process.env.APPS_SHOTS, 'screenshots only when asked');
  test.setTimeout(300_000);
  for (const [theme, w, h, presenter, locale] of [['light', 1280, 800, false, 'en-US'], ['dark', 1280, 800, false, 'en-US'], ['light', 1920, 1080, true, 'en-US'], ['light', 1281, 800, false, 'fr']] as const) {
    const context = await browser.newContext({ locale: 'en-US', colorScheme: theme, viewport: { width: w, height: h } });
    const page = await context.newPage();
    for (const [preset, ms] of [['object-lambda', 20_500], ['recursive-trigger-guarded', 62_000], ['sync-chain', 30_300]] as const) {
      await page.goto('./');
      await page.locator('label.preset select').selectOption(preset);
      await seekTo(page, ms);
      if (locale === 'fr') await page.locator('label.language-switch select').selectOption('fr');
      if (presenter) await page.keyboard.press('p');
      await page.waitForTimeout(500);
      await page.locator('svg.plane').screenshot({ path: `/tmp/apps/shot-${preset}-${theme}-${w}.png` });
      const token = page.locator('svg.plane g.token').first();
      // Presenter mode shows the views only, without the inspector.
      if (!presenter && (await token.count()) > 0) {
        await token.dispatchEvent('click');
        await page.locator('.inspector').screenshot({ path: `/tmp/apps/inspector-${preset}-${theme}-${w}.png` });
      }
      if (presenter) await page.keyboard.press('Escape');
      if (locale === 'fr') await page.locator('label.language-switch select').selectOption('en');
    }
    await page.screenshot({ path: `/tmp/apps/page-${theme}-${w}.png` });
    await context.close();
  }
});
