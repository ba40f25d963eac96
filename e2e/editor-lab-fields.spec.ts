import { expect, test } from '@playwright/test';
import { openPreset, stepFirstSandboxToIdle, summary } from './helpers';

test('the form sets the hybrid keep-alive and SnapStart, and the run restores a snapshot instead of running init', async ({ page }) => {
  await openPreset(page, 'one-cold-start');
  const form = page.getByRole('form', { name: 'Scenario editor' });

  await form.getByRole('radio', { name: 'hybrid histogram' }).check();
  // The parameters are there, closed, each with the paper's default as its placeholder.
  await form.getByText('Hybrid policy parameters').click();
  await expect(form.getByLabel('Head percentile (0–100)')).toHaveAttribute('placeholder', 'default 5');
  await form.getByLabel('SnapStart: restore a snapshot on cold starts').check();
  await expect(form.getByRole('status')).toHaveText('✓ The scenario is valid.');
  // A valid scenario: the views run it, with no "last valid version" banner.
  await expect(page.getByRole('note')).toHaveCount(0);

  // Step through the one request's cold start.
  const seen = await stepFirstSandboxToIdle(page);
  // The snapshot replaces fetching code, starting, booting and init.
  expect(seen).toEqual(['placing', 'initializing.restoringSnapshot', 'invoking', 'idle']);
  await expect(summary(page)).toContainText('1 cold start');
  await expect(page.getByRole('note')).toHaveCount(0);
});
