import { expect, test, type Page } from '@playwright/test';

/**
 * The cold-start lab: import the synthetic sample trace, open it as the scenario, compare
 * keep-alive policies on it in the lab's own worker, and read the comparison's table.
 */

// The two tests each run a dozen simulated days: one after the other, not side by side.
test.describe.configure({ mode: 'serial' });

/** Records whether an element matching `selector` ever appears (a fast step may come and go between two polls). */
async function watchFor(page: Page, selector: string, key: string): Promise<void> {
  await page.evaluate(
    ({ selector, key }) => {
      const w = window as unknown as Record<string, boolean>;
      w[key] = false;
      const check = () => {
        if (document.querySelector(selector)) w[key] = true;
      };
      new MutationObserver(check).observe(document.body, { childList: true, subtree: true });
      check();
    },
    { selector, key },
  );
}
const seen = (page: Page, key: string) => page.evaluate((k) => (window as unknown as Record<string, boolean>)[k] === true, key);

/**
 * Opens the Lab tab. Queries stay inside it: once a trace is open, the scenario editor holds
 * hundreds of functions, and a page-wide text or role query has that whole DOM to scan.
 */
async function openLab(page: Page) {
  await page.goto('./');
  await expect(page.locator('.summary-bar')).toContainText('simulated', { timeout: 30_000 });
  await page.getByRole('tab', { name: 'Lab' }).click();
  const lab = page.locator('.lab');
  await expect(lab.getByRole('heading', { name: '1. Import a trace' })).toBeVisible({ timeout: 30_000 });
  return lab;
}

test('import the sample trace, open it as a scenario, compare keep-alive policies', async ({ page }) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const lab = await openLab(page);

  // The first 6 hours of the sample day, functions called at most 5,000 times: a short test.
  await lab.getByLabel('Last minute').fill('360');
  await lab.getByLabel('Most invocations per function').fill('5000');
  // Import: the progress bar while the worker reads, then what came out.
  await watchFor(page, 'progress#lab-import-progress', 'importProgress');
  await lab.getByRole('button', { name: 'Load the sample trace (synthetic)' }).click();
  const result = lab.getByRole('heading', { name: 'The scenario' });
  await expect(result).toBeVisible({ timeout: 120_000 });
  expect(await seen(page, 'importProgress')).toBe(true);
  await expect(lab.locator('.lab-result p[role="status"]')).toHaveText(/^\d+ functions read, \d+ kept: [\d,]+ invocations over 360 minutes\.$/);
  await expect(lab.getByRole('list', { name: 'Notes of the conversion' })).toContainText('hosts, enough for every function');
  // The sample is well-formed: no problem listed.
  await expect(lab.getByText(/problems? \(th/)).toHaveCount(0);

  // Open it: the editor and the views now have the trace's scenario.
  await lab.getByRole('button', { name: 'Open as scenario' }).click();
  await expect(lab.getByText('✓ Opened in the editor and the views.')).toBeVisible({ timeout: 60_000 });
  await expect(lab.getByText(/Runs the scenario in the editor \(“Azure Functions trace, minutes 1\.\.360”\)/)).toBeVisible();

  // Compare three policies besides the baseline (fixed 10 min, always run): no keep-alive, 20 and 60 minutes.
  for (const name of ['Fixed 5 min']) await lab.getByRole('checkbox', { name }).uncheck();
  await expect(lab.getByRole('checkbox', { name: 'Fixed 10 min' })).toBeDisabled();
  await watchFor(page, 'progress#lab-compare-progress', 'compareProgress');
  await lab.getByRole('button', { name: 'Run the comparison' }).click();
  const table = lab.getByRole('table', { name: 'Keep-alive policies compared' });
  await expect(table).toBeVisible({ timeout: 150_000 });
  expect(await seen(page, 'compareProgress')).toBe(true);

  const rows = table.locator('tbody tr');
  expect(await rows.count()).toBeGreaterThanOrEqual(3);
  await expect(table.locator('tr[data-policy="fixed-10min"] td[data-column="normalised"]')).toHaveText('1.00');
  await expect(table.locator('tr[data-policy="fixed-10min"] th')).toContainText('(baseline)');
  await expect(table.locator('tr[data-policy="fixed-5min"]')).toHaveCount(0);
  // No keep-alive holds no idle memory; a longer fixed keep-alive holds more than fixed 10 min.
  await expect(table.locator('tr[data-policy="none"] td[data-column="normalised"]')).toHaveText('0.00');
  const sixty = Number(await table.locator('tr[data-policy="fixed-60min"] td[data-column="normalised"]').innerText());
  expect(sixty).toBeGreaterThan(1);
  // The chart has one labelled point per row.
  await expect(lab.locator('svg.lab-tradeoff g.policy-point')).toHaveCount(await rows.count());
  await expect(lab.locator('svg.lab-tradeoff g.policy-point[data-id="fixed-60min"] text')).toHaveText('Fixed 60 min');

  // The lab's work ran in a second worker, beside the playback's.
  expect(page.workers().length).toBe(2);
  expect(errors).toEqual([]);
});

test('a bad custom keep-alive is named and kept; Cancel stops a comparison and playback goes on meanwhile', async ({ page }) => {
  test.setTimeout(240_000);
  const lab = await openLab(page);
  await lab.getByRole('checkbox', { name: 'Fixed keep-alive of your choice' }).check();
  const field = lab.getByLabel('Keep-alive (min)', { exact: true });
  await field.fill('ten');
  await expect(lab.getByText('Keep-alive (min): expected a number, got “ten”.')).toBeVisible();
  await expect(field).toHaveValue('ten');
  await expect(lab.getByRole('button', { name: 'Run the comparison' })).toBeDisabled();
  await field.fill('15');
  await expect(lab.getByRole('button', { name: 'Run the comparison' })).toBeEnabled();

  // The whole sample day: a comparison long enough to see it run, and cancel it.
  await lab.getByRole('button', { name: 'Load the sample trace (synthetic)' }).click();
  await lab.getByRole('button', { name: 'Open as scenario' }).click();
  await expect(lab.getByText('✓ Opened in the editor and the views.')).toBeVisible({ timeout: 60_000 });
  // Cancel: the run stops, its worker ends.
  const run = lab.getByRole('button', { name: 'Run the comparison' });
  await run.click();
  await expect(lab.locator('progress#lab-compare-progress')).toBeVisible({ timeout: 30_000 });
  await lab.getByRole('button', { name: 'Cancel' }).click();
  await expect(lab.getByText('Stopped: nothing was kept of that run.')).toBeVisible();
  await expect(lab.locator('progress#lab-compare-progress')).toHaveCount(0);
  await expect.poll(() => page.workers().length).toBe(1);

  // Run again: playback (the first worker) advances while the lab's worker is busy.
  await run.click();
  await expect(lab.locator('progress#lab-compare-progress')).toBeVisible({ timeout: 30_000 });
  const clock = page.locator('.clock');
  const before = await clock.innerText();
  const play = page.locator('.playback button.play');
  await play.click();
  await expect(clock).not.toHaveText(before, { timeout: 20_000 });
  await play.click();
  await expect(lab.locator('progress#lab-compare-progress')).toBeVisible();
  expect(page.workers().length).toBe(2);
});
