import { expect, type Page } from '@playwright/test';

/** Opens the app on a preset, paused at the start. */
export async function openPreset(page: Page, presetId: string): Promise<void> {
  await page.goto('./');
  await page.getByLabel('Preset').selectOption(presetId);
  await expect(page.locator('.summary-bar')).toContainText('simulated');
  await expect(page.locator('.clock')).toContainText('0.00 ms');
}

/** Drags the timeline to `ms` (as a user's drag ends there). */
export async function seekTo(page: Page, ms: number): Promise<void> {
  const timeline = page.getByRole('slider', { name: 'Timeline' });
  await timeline.evaluate((el, value) => {
    const input = el as HTMLInputElement;
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    setter.call(input, String(value));
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, ms);
}

/** The live summary (role=status) as text. */
export const summary = (page: Page) => page.locator('.summary-bar');

/** The state of every sandbox drawn in the topology view, by id. */
export async function sandboxStates(page: Page): Promise<Record<string, string>> {
  return page.locator('svg.topology g.sandbox:not(.leaving)').evaluateAll((els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-id')!, e.getAttribute('data-state')!])));
}

/**
 * Presses Step until the first sandbox is idle (at most 30 times) and returns the states it
 * went through, each once, in order. Each step's frame is waited for before it is read, or a
 * state that lasts one step is missed: the clock or a sandbox changes (a step to an event at the
 * same rounded time may change neither).
 */
export async function stepFirstSandboxToIdle(page: Page): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < 30 && !seen.includes('idle'); i++) {
    const look = async () => `${await page.locator('.clock').innerText()}|${JSON.stringify(await sandboxStates(page))}`;
    const before = await look();
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(look, { timeout: 2_000 }).not.toBe(before).catch(() => undefined);
    const s = Object.values(await sandboxStates(page))[0];
    if (s && seen[seen.length - 1] !== s) seen.push(s);
  }
  return seen;
}
