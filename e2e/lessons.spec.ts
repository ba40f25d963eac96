import { expect, test, type Page } from '@playwright/test';
import { sandboxStates } from './helpers';

/** Presses Tab until the focused element matches `selector` (a student reaching it by keyboard). */
async function tabTo(page: Page, selector: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`could not reach ${selector} with Tab`);
}

test('a lesson walked with the keyboard alone: steps go to their moments, the prediction is answered by the simulation', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('button[data-lesson="cold-warm"]')).toBeVisible();
  await tabTo(page, 'button[data-lesson="cold-warm"]');
  await page.keyboard.press('Enter');
  const panel = page.getByRole('region', { name: 'Lessons' });
  await expect(panel).toContainText('Cold and warm starts');
  await expect(panel).toContainText('Step 1 of');

  // Opening the lesson went to its first moment: the code download of the first cold start.
  await expect.poll(async () => Object.values(await sandboxStates(page))).toContain('initializing.fetchingCode');
  // PageDown, as a presentation clicker sends it, goes through the other phases.
  await page.keyboard.press('PageDown');
  await expect(panel).toContainText('Step 2 of');
  await expect.poll(async () => Object.values(await sandboxStates(page))).toContain('initializing.bootingRuntime');
  await page.keyboard.press('PageDown');
  await expect.poll(async () => Object.values(await sandboxStates(page))).toContain('initializing.runningInit');
  await page.keyboard.press('PageDown');
  await expect.poll(async () => Object.values(await sandboxStates(page))).toEqual(['idle']);
  // Back one step with PageUp, to the running init again (exact rewind).
  await page.keyboard.press('PageUp');
  await expect.poll(async () => Object.values(await sandboxStates(page))).toContain('initializing.runningInit');

  // On to the prediction step.
  for (let i = 0; i < 10 && !(await panel.getByRole('radio').first().isVisible()); i++) await page.keyboard.press('PageDown');
  await expect(panel.getByRole('button', { name: 'Run the experiment' })).toBeDisabled();
  await tabTo(page, '.prediction input[type="radio"]');
  // Arrow keys move within a radio group; pick "Only the cold starts".
  for (let i = 0; i < 3 && !(await panel.getByRole('radio', { name: 'Only the cold starts' }).isChecked()); i++) await page.keyboard.press('ArrowDown');
  await expect(panel.getByRole('radio', { name: 'Only the cold starts' })).toBeChecked();
  await tabTo(page, '.prediction-run');
  await expect(page.locator(':focus')).toHaveText(/Run the experiment/);
  await page.keyboard.press('Enter');
  await expect(panel).toContainText('The simulation supports: “Only the cold starts”', { timeout: 20_000 });
  await expect(panel).toContainText('Your prediction matched.');

  // Progress is remembered: after a reload the list shows where the student got to.
  await page.reload();
  await expect(page.locator('button[data-lesson="cold-warm"]')).toContainText(/step \d+ of \d+|completed/);
});

test('presenter mode shows the lesson in large type and the arrows move through its steps', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('./');
  await page.locator('button[data-lesson="planes"]').click();
  const panel = page.getByRole('region', { name: 'Lessons' });
  await expect(panel).toContainText('Step 1 of');
  await page.keyboard.press('p');
  await expect(page.locator('.app')).toHaveClass(/presenter/);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ArrowRight');
  await expect(panel).toContainText('Step 2 of');
  await page.keyboard.press('ArrowLeft');
  await expect(panel).toContainText('Step 1 of');
  // The step text is at least as large as presenter type (22 px root).
  const size = await panel.locator('.lesson-step-text').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(22);
});

test('a link made during a lesson opens that lesson, at that step and that moment', async ({ page, context, browser }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./');
  await page.locator('button[data-lesson="cold-warm"]').click();
  const panel = page.getByRole('region', { name: 'Lessons' });
  await expect(panel).toContainText('Step 1 of');
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await expect(panel).toContainText('Step 3 of');
  await expect.poll(async () => Object.values(await sandboxStates(page))).toContain('initializing.runningInit');
  const clock = await page.locator('.clock').innerText();
  await page.getByRole('button', { name: /Share & export/ }).click();
  await page.getByRole('menuitem', { name: 'Copy link' }).click();
  // The copy finishes after the exports load on demand: read the clipboard once the page says so
  // (read at once, it sometimes still held nothing, and the other page opened no lesson).
  await expect(page.getByText('Link copied.')).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/#v1=/);

  const other = await browser.newPage({ locale: 'en-US' });
  await other.goto(link);
  const otherPanel = other.getByRole('region', { name: 'Lessons' });
  await expect(otherPanel).toContainText('Cold and warm starts');
  await expect(otherPanel).toContainText('Step 3 of');
  await expect(other.locator('.clock')).toHaveText(clock);
  await expect.poll(async () => Object.values(await sandboxStates(other))).toContain('initializing.runningInit');
  await other.close();
});
