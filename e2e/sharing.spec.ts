import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import lz from 'lz-string';
import { openPreset, seekTo, summary } from './helpers';

test('a shared link opens the same scenario at the same moment', async ({ page, context, browser }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openPreset(page, 'burst');
  // An edit that only the link can carry: 3 hosts instead of the preset's 4.
  await page.getByLabel('Hosts (count)').fill('3');
  await seekTo(page, 45_000);
  await expect(page.locator('.clock')).toContainText('45.0 s');
  await expect(summary(page)).toContainText('throttled');
  const before = await summary(page).innerText();
  await page.getByRole('button', { name: /Share & export/ }).click();
  await page.getByRole('menuitem', { name: 'Copy link' }).click();
  await expect(page.getByText('Link copied.')).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/#v1=/);

  // Another student, another browser: the link alone recreates the state.
  const other = await browser.newPage({ locale: 'en-US' });
  await other.goto(link);
  await expect(other.locator('.clock')).toContainText('45.0 s');
  await expect(other.getByLabel('Hosts (count)')).toHaveValue('3');
  await expect.poll(() => summary(other).innerText()).toBe(before);
  await other.close();
});

test('a broken link says what is wrong and opens the default scenario', async ({ page }) => {
  await page.goto('./#v1=ThisWasCutInTheMiddle');
  await expect(page.locator('.link-problem[role=alert]')).toContainText('incomplete or damaged');
  await expect(page.locator('.clock')).toContainText('1 min 00 s');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.locator('.clock')).not.toContainText('0.00 ms');
});

test('a link with a bad scenario names the field, runs the default, and can hand the scenario to the editor', async ({ page }) => {
  const scenario = {
    version: 1,
    seed: 1,
    durationMs: 60_000,
    accounts: [{ id: 'acme' }],
    functions: [{ name: 'tiny', account: 'acme', memoryMb: 64, durationMs: { dist: 'constant', ms: 100 }, workload: { type: 'poisson', ratePerSec: 1 } }],
  };
  await page.goto(`./#v1=${lz.compressToEncodedURIComponent(JSON.stringify({ v: 1, scenario }))}`);
  const alert = page.locator('.link-problem[role=alert]');
  await expect(alert).toContainText('functions[0].memoryMb');
  await expect(alert).toContainText('default scenario');
  await expect(page.locator('.clock')).toContainText('1 min 00 s');
  await alert.getByRole('button', { name: "Open the link's scenario in the editor" }).click();
  await page.getByRole('button', { name: 'JSON' }).click();
  await expect(page.getByLabel('Scenario (JSON)')).toHaveValue(/"memoryMb": 64/);
});

test('the interface follows a French browser, and the choice of language is remembered', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  await page.goto('./');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('button', { name: /Lecture/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Plan de données/ })).toBeVisible();
  await page.getByLabel('Langue').selectOption('en');
  await expect(page.getByRole('button', { name: /Play/ })).toBeVisible();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await context.close();
});

test('presenter mode is one key away and leaves with Esc; the theme is remembered', async ({ page }) => {
  await openPreset(page, 'burst');
  await page.keyboard.press('p');
  await expect(page.locator('.app')).toHaveClass(/presenter/);
  await expect(page.getByRole('button', { name: /Presenter mode/ })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Escape');
  await expect(page.locator('.app')).not.toHaveClass(/presenter/);
  await page.keyboard.press('t');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  // The theme is set before the page renders; a key is pressed once the page is there, as a person would.
  await expect(page.getByRole('button', { name: /Play/ })).toBeVisible();
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await expect(page.getByRole('dialog')).toContainText('Page Down');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
});

for (const theme of ['light', 'dark'] as const) {
  test(`no serious accessibility violations in the ${theme} theme and in presenter mode`, async ({ browser }) => {
    const context = await browser.newContext({ locale: 'en-US', colorScheme: theme });
    const page = await context.newPage();
    await openPreset(page, 'two-accounts-microvm');
    await seekTo(page, 60_000);
    await expect(page.locator('svg.topology g.sandbox').first()).toBeVisible();
    for (const mode of ['normal', 'presenter']) {
      if (mode === 'presenter') await page.keyboard.press('p');
      const results = await new AxeBuilder({ page }).analyze();
      const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(bad.map((v) => `${mode}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
    }
    await context.close();
  });
}

test('the embed fits a 640×400 iframe: the views and Play, no editor', async ({ browser }) => {
  const page = await browser.newPage({ viewport: { width: 640, height: 400 }, locale: 'en-US' });
  await page.goto('./?embed=1');
  await expect(page.getByRole('button', { name: /Play/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Data plane/ })).toBeVisible();
  await expect(page.getByRole('region', { name: /Scenario/ })).toHaveCount(0);
  await expect(page.getByLabel('Preset')).toHaveCount(0);
  const overflow = await page.evaluate(() => document.scrollingElement!.scrollHeight - window.innerHeight);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.getByRole('button', { name: /Play/ }).click();
  await expect(page.locator('.clock')).not.toContainText('0.00 ms');
  await page.close();
});
