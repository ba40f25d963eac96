import { expect, test, type Page, type Worker } from '@playwright/test';
import lz from 'lz-string';
import { openPreset, seekTo, summary } from './helpers';

// A scenario that asks for tens of thousands of sandboxes within seconds (see src/sim/limits.ts).
const exploding = {
  version: 1,
  name: 'Explodes',
  seed: 1,
  durationMs: 3_600_000,
  platform: { hosts: 400, limits: { accountConcurrency: 1_000_000 } },
  accounts: [{ id: 'a' }],
  functions: [{ name: 'f', account: 'a', memoryMb: 128, durationMs: { dist: 'constant', ms: 30_000 }, workload: { type: 'poisson', ratePerSec: 8_000 } }],
};

test('a run past a size limit is stopped with a message; restart resumes, the page keeps working', async ({ page }) => {
  // A shared link that opens it a minute in: the worker stops at the limit on its way there.
  await page.goto(`./#v1=${lz.compressToEncodedURIComponent(JSON.stringify({ v: 1, scenario: exploding, t: 60_000 }))}`);
  const alert = page.locator('.worker-failure[role=alert]');
  await expect(alert).toContainText('the number of sandboxes alive at once went past the limit of 20,000', { timeout: 30_000 });
  await expect(alert).toContainText('Make the scenario smaller');
  await expect(alert).toContainText('Your scenario and the rest of the page are unaffected.');
  await page.screenshot({ path: test.info().outputPath('worker-failure.png') });

  // The rest of the page works meanwhile: the editor, the tabs.
  await page.getByRole('tab', { name: 'Metrics' }).click();
  await expect(page.getByRole('tab', { name: 'Metrics' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('Hosts (count)')).toHaveValue('400');

  // Restart from the last good state: a fresh worker on the same scenario, at the last moment shown.
  const restart = alert.getByRole('button', { name: 'Restart from the last good state' });
  await restart.click();
  // (A fresh worker loads the scenario: seconds on a busy machine.)
  await expect(alert).toHaveCount(0, { timeout: 30_000 });
  await expect(page.locator('.robust-restarted[role=status]')).toContainText('The simulation was restarted at 0.00 ms');
  await page.screenshot({ path: test.info().outputPath('worker-restarted.png') });
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.locator('.clock')).not.toContainText('0.00 ms');

  // A smaller scenario runs as usual, and the notice is gone for good.
  await page.getByLabel('Preset').selectOption('burst');
  await expect(page.locator('.clock')).toContainText('0.00 ms');
  await page.getByRole('button', { name: /Play/ }).click();
  await expect(summary(page)).toContainText(/[1-9][\d,]* requests?/);
  await expect(page.locator('.worker-failure')).toHaveCount(0);
});

/** How long the page waits for an answer before it calls the worker stuck (WATCHDOG_MS in src/ui/playback/controller.ts). */
const WATCHDOG_MS = 30_000;

/** The playback's simulation worker (the lab's, started only by the Lab tab, runs the same script). */
async function playbackWorker(page: Page): Promise<Worker> {
  const sim = () => page.workers().filter((w) => w.url().includes('sim.worker'));
  // A worker stopped by a restart leaves the list once it has closed.
  await expect.poll(() => sim().length).toBe(1);
  return sim()[0]!;
}

/** The simulated time on screen, in ms (the timeline's value). */
const shownTime = async (page: Page) => Number(await page.getByRole('slider', { name: 'Timeline' }).inputValue());

/** The burst preset, played a little from 20 s in (so a restart at 0 would show). */
async function playFrom20s(page: Page): Promise<void> {
  await openPreset(page, 'burst');
  await seekTo(page, 20_000);
  await expect(page.locator('.clock')).toContainText('20.0 s');
  await page.getByRole('button', { name: /Play/ }).click();
  await expect.poll(() => shownTime(page)).toBeGreaterThan(20_200);
  await page.getByRole('button', { name: /Pause/ }).click();
}

const hostsDrawn = (page: Page) => page.locator('svg.topology g.host');

test('a crash of the worker is explained; restart resumes where it was, the page and the draft are kept', async ({ page }) => {
  await playFrom20s(page);

  // An uncaught error in the worker, thrown by its own event loop, outside any call (as a bug or
  // an allocation that fails would): the page is told only through the worker's `error` event.
  await (await playbackWorker(page)).evaluate(() => {
    setTimeout(() => {
      throw new RangeError('Invalid array length');
    });
  });
  const alert = page.locator('.worker-failure[role=alert]');
  await expect(alert).toContainText('The simulation stopped unexpectedly (Uncaught RangeError: Invalid array length); it may have run out of memory.');
  await expect(alert).toContainText('Your scenario and the rest of the page are unaffected.');
  await page.screenshot({ path: test.info().outputPath('worker-crashed.png') });
  const reached = await shownTime(page);

  // The rest of the page works meanwhile: the tabs, the editor (which still shows the scenario).
  await page.getByRole('tab', { name: 'Metrics' }).click();
  await expect(page.getByRole('tab', { name: 'Metrics' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('tab', { name: 'Charts', exact: true }).click();
  await expect(page.getByRole('tab', { name: 'Charts', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('Hosts (count)')).toHaveValue('4');
  // Stepping a stopped simulation keeps the explanation (it is not replaced by another error).
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(alert).toContainText('The simulation stopped unexpectedly');

  // Restart: the same scenario, at the moment it had reached, and Play goes on from there.
  await alert.getByRole('button', { name: 'Restart from the last good state' }).click();
  await expect(alert).toHaveCount(0, { timeout: 30_000 });
  await expect(page.locator('.robust-restarted[role=status]')).toContainText('The simulation was restarted at ');
  const resumed = await shownTime(page);
  expect(resumed).toBeLessThanOrEqual(reached);
  expect(resumed).toBeGreaterThanOrEqual(20_000);
  await expect(hostsDrawn(page)).toHaveCount(4);
  await page.getByRole('button', { name: /Play/ }).click();
  await expect.poll(() => shownTime(page)).toBeGreaterThan(resumed);
  await page.getByRole('button', { name: /Pause/ }).click();

  // A crash again, then an edit: it runs on a fresh worker (the notice goes) and is not lost.
  await (await playbackWorker(page)).evaluate(() => {
    setTimeout(() => {
      throw new RangeError('Invalid array length');
    });
  });
  await expect(alert).toBeVisible();
  await page.getByLabel('Hosts (count)').fill('6');
  await expect(hostsDrawn(page)).toHaveCount(6, { timeout: 30_000 });
  await expect(alert).toHaveCount(0);
  await expect(page.getByLabel('Hosts (count)')).toHaveValue('6');
  expect(await shownTime(page)).toBeGreaterThanOrEqual(20_000);
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(() => shownTime(page)).toBeGreaterThan(20_000);
});

test('a worker that stops answering is detected and stopped, and the page stays responsive meanwhile', async ({ page }) => {
  // The watchdog waits 30 s (WATCHDOG_MS in src/ui/playback/controller.ts): the page's clock is
  // moved past it rather than waited for. Only the page's clock: the worker's is its own.
  await page.clock.install();
  await openPreset(page, 'burst');
  await seekTo(page, 20_000);
  await expect(page.locator('.clock')).toContainText('20.0 s');
  const reached = await shownTime(page);

  // The worker's thread busy for ever (an endless loop in a step): the next call never answers.
  await (await playbackWorker(page)).evaluate(() => {
    setTimeout(() => {
      for (;;) {
        // stuck
      }
    });
  });
  await page.getByRole('button', { name: /Play/ }).click();

  // The page is not frozen: the controls answer while the worker does not.
  await page.getByRole('tab', { name: 'Metrics' }).click();
  await expect(page.getByRole('tab', { name: 'Metrics' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('button', { name: /Pause/ }).click();
  await expect(page.getByRole('button', { name: /Play/ })).toBeVisible();
  await expect(page.locator('.clock')).toContainText('20.0 s');

  const alert = page.locator('.worker-failure[role=alert]');
  await expect(alert).toHaveCount(0);
  await expect(async () => {
    await page.clock.fastForward(WATCHDOG_MS + 1_000);
    await expect(alert).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await expect(alert).toContainText('The simulation has not answered for 30 s: it is stuck or out of memory, so it was stopped.');
  await expect(alert).toContainText('Your scenario and the rest of the page are unaffected.');
  await page.screenshot({ path: test.info().outputPath('worker-stuck.png') });
  // Pressing Step now sends nothing (the fresh worker knows no scenario yet): the explanation stays.
  // (Nothing happens, so there is nothing to wait for but a moment in which it could have.)
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await page.waitForTimeout(1_000);
  await expect(alert).toContainText('has not answered for 30 s');
  await page.getByRole('tab', { name: 'Charts', exact: true }).click();
  await expect(page.getByRole('tab', { name: 'Charts', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('Hosts (count)')).toHaveValue('4');

  // Restart: a fresh worker on the same scenario at the same moment; Play goes on.
  await alert.getByRole('button', { name: 'Restart from the last good state' }).click();
  await expect(alert).toHaveCount(0, { timeout: 30_000 });
  await expect(page.locator('.robust-restarted[role=status]')).toContainText('The simulation was restarted at 20.0 s.');
  expect(await shownTime(page)).toBe(reached);
  await expect(hostsDrawn(page)).toHaveCount(4);
  await page.getByRole('button', { name: /Play/ }).click();
  await expect.poll(() => shownTime(page)).toBeGreaterThan(reached);
});
