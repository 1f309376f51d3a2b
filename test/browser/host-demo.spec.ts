/** The demo host opens, loads every built plugin by URL, plays, and its master meter moves. */
import { expect, test } from '@playwright/test';
import { pluginList } from './plugins.js';

test('demo host loads the plugins by URL and plays audio through them', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/host-demo/');
  const n = pluginList().length;
  await expect(page.locator('#status')).toHaveText(new RegExp(`^${n} plugins loaded`), { timeout: 30_000 });
  await expect(page.locator('#chain .insert')).toHaveCount(n);
  await expect(page.locator('#panels .panel')).toHaveCount(n);
  await page.click('#play');
  await expect.poll(() => page.evaluate(() => Number((document.getElementById('meter') as HTMLMeterElement).value)), { timeout: 15_000 }).toBeGreaterThan(-40);
  expect(errors).toEqual([]);
});
