/**
 * The shared-ui kit in Chromium, through the fixture test/browser/fixtures/ui-kit.ts: every
 * control bound to a fake ParamHost whose calls are logged in the page ("begin id", "set id
 * value", "end id"). Expected values follow from the declarations: gain -24..24 dB linear
 * (knob travel 200 px for the range, 1 % per arrow, 10 % per page), freq 20 Hz..20 kHz log.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';

const FIXTURE = '/test-fixtures/ui-kit.html';

async function open(page: Page): Promise<Locator> {
  await page.goto(FIXTURE);
  const kit = page.locator('section.kit').first();
  await expect(kit.locator('[data-t="knob-gain"] [role="slider"]')).toBeVisible({ timeout: 20_000 });
  return kit;
}

const slider = (kit: Locator, t: string) => kit.locator(`[data-t="${t}"] [role="slider"]`);
const valueNow = async (l: Locator) => Number(await l.getAttribute('aria-valuenow'));
const logLines = async (kit: Locator) => ((await kit.locator('[data-t="log"]').textContent()) ?? '').split('\n').filter(Boolean);

async function centre(l: Locator): Promise<{ x: number; y: number }> {
  await l.scrollIntoViewIfNeeded();
  const b = (await l.boundingBox())!;
  return { x: Math.round(b.x + b.width / 2), y: Math.round(b.y + b.height / 2) };
}

/** press at the centre of l, move by (dx, dy) in `steps` moves, release */
async function drag(page: Page, l: Locator, dx: number, dy: number, steps = 10): Promise<void> {
  const c = await centre(l);
  await page.mouse.move(c.x, c.y);
  await page.mouse.down();
  await page.mouse.move(c.x + dx, c.y + dy, { steps });
  await page.mouse.up();
}

test.describe('ui kit: controls', () => {
  test('ARIA slider semantics come from the declaration', async ({ page }) => {
    const kit = await open(page);
    const freq = slider(kit, 'knob-freq');
    await expect(freq).toHaveAttribute('aria-label', 'Freq');
    await expect(freq).toHaveAttribute('aria-valuemin', '20');
    await expect(freq).toHaveAttribute('aria-valuemax', '20000');
    await expect(freq).toHaveAttribute('aria-valuenow', '1000');
    await expect(freq).toHaveAttribute('aria-valuetext', '1.00 kHz');
    await expect(freq).toHaveAttribute('tabindex', '0');
    await expect(kit.locator('[data-t="knob-freq"] .value')).toHaveText('1.00 kHz');
    await expect(kit.locator('[data-t="knob-freq"] .label')).toHaveText('Freq');

    const fader = slider(kit, 'fader-gain');
    await expect(fader).toHaveAttribute('aria-orientation', 'vertical');
    await expect(fader).toHaveAttribute('aria-valuemin', '-24');
    await expect(fader).toHaveAttribute('aria-valuetext', '0.0 dB');

    const toggle = kit.locator('[data-t="toggle-bypass"] [role="switch"]');
    await expect(toggle).toHaveAttribute('aria-checked', 'false');
    await expect(toggle).toHaveAttribute('aria-label', 'Bypass');

    const choice = slider(kit, 'choice-mode');
    await expect(choice).toHaveAttribute('aria-valuemax', '3');
    await expect(choice).toHaveAttribute('aria-valuetext', 'warm');
    await expect(choice).toHaveAttribute('aria-haspopup', 'listbox');

    const num = kit.locator('[data-t="number-freq"] [role="spinbutton"]');
    await expect(num).toHaveAttribute('aria-valuenow', '1000');

    // vn-param picks the control from the declaration type
    const panel = kit.locator('[data-t="panel"]');
    await expect(panel.locator('[data-t="param-freq"] [role="slider"]')).toHaveAttribute('aria-valuetext', '1.00 kHz');
    await expect(panel.locator('[data-t="param-bypass"] [role="switch"]')).toHaveCount(1);
    await expect(panel.locator('[data-t="param-mode"] [aria-haspopup="listbox"]')).toHaveCount(1);
    await expect(panel.locator('[data-t="param-stereo"] .segments[role="slider"]')).toHaveCount(1);
    await expect(panel.locator('[data-t="param-gain"] [role="slider"][aria-orientation="vertical"]')).toHaveCount(1);

    // the tags carry this copy's scope
    const scope = await kit.getAttribute('data-scope');
    expect(scope).toMatch(/^[0-9a-z]{1,7}$/);
    const tag = await kit.locator('[data-t="knob-freq"]').evaluate((e) => e.localName);
    expect(tag).toBe(`vn-knob-${scope}`);
  });

  test('vertical drag covers the range in 200 px, wrapped in one gesture', async ({ page }) => {
    const kit = await open(page);
    const gain = slider(kit, 'knob-gain');
    // 50 px of 200 px = a quarter of 48 dB
    await drag(page, gain, 0, -50);
    await expect(gain).toHaveAttribute('aria-valuetext', '12.0 dB');
    expect(await valueNow(gain)).toBeCloseTo(12, 6);
    const log = await logLines(kit);
    expect(log[0]).toBe('begin gain');
    expect(log[log.length - 1]).toBe('end gain');
    expect(log.filter((l) => l.startsWith('begin')).length).toBe(1);
    expect(log.filter((l) => l.startsWith('set gain')).length).toBeGreaterThan(1);
    // down past the bottom clamps, and coming back answers at once
    await drag(page, gain, 0, 400);
    expect(await valueNow(gain)).toBe(-24);
    await drag(page, gain, 0, -25);
    expect(await valueNow(gain)).toBeCloseTo(-18, 6);
    // the other controls of the same parameter follow
    expect(await valueNow(slider(kit, 'fader-gain'))).toBeCloseTo(-18, 6);
  });

  test('Shift-drag moves ten times finer', async ({ page }) => {
    const kit = await open(page);
    const gain = slider(kit, 'knob-gain');
    await page.keyboard.down('Shift');
    await drag(page, gain, 0, -100);
    await page.keyboard.up('Shift');
    // 100 px of 2000 px = 5 % of 48 dB
    expect(await valueNow(gain)).toBeCloseTo(2.4, 6);
  });

  test('the fader thumb follows the pointer', async ({ page }) => {
    const kit = await open(page);
    const fader = slider(kit, 'fader-gain');
    const trackHeight = await kit.locator('[data-t="fader-gain"] .track').evaluate((e) => e.clientHeight);
    await drag(page, fader, 0, -Math.round(trackHeight / 4));
    expect(await valueNow(fader)).toBeCloseTo(12, 0);
  });

  test('wheel steps 1 % per notch, Shift 0.1 %, one gesture per burst', async ({ page }) => {
    const kit = await open(page);
    const gain = slider(kit, 'knob-gain');
    const c = await centre(gain);
    await page.mouse.move(c.x, c.y);
    await page.mouse.wheel(0, -100);
    await expect.poll(() => valueNow(gain)).toBeCloseTo(0.48, 6);
    await page.mouse.wheel(0, -200);
    await expect.poll(() => valueNow(gain)).toBeCloseTo(1.44, 6);
    await page.mouse.wheel(0, 100);
    await expect.poll(() => valueNow(gain)).toBeCloseTo(0.96, 6);
    await page.keyboard.down('Shift');
    await page.mouse.wheel(0, -100);
    await page.keyboard.up('Shift');
    await expect.poll(() => valueNow(gain)).toBeCloseTo(1.008, 6);
    // the burst closes after a pause
    await expect.poll(async () => (await logLines(kit)).at(-1)).toBe('end gain');
    const log = await logLines(kit);
    expect(log[0]).toBe('begin gain');
    // choices step by whole units
    const mode = slider(kit, 'choice-mode');
    const m = await centre(mode);
    await page.mouse.move(m.x, m.y);
    await page.mouse.wheel(0, -100);
    await expect(mode).toHaveAttribute('aria-valuetext', 'hot');
  });

  test('double-click on the control resets to the default', async ({ page }) => {
    const kit = await open(page);
    const gain = slider(kit, 'knob-gain');
    await drag(page, gain, 0, -50);
    expect(await valueNow(gain)).toBeCloseTo(12, 6);
    await gain.dblclick();
    await expect(gain).toHaveAttribute('aria-valuenow', '0');
    const freq = slider(kit, 'knob-freq');
    await freq.focus();
    await page.keyboard.press('End');
    await expect(freq).toHaveAttribute('aria-valuenow', '20000');
    await freq.dblclick();
    await expect(freq).toHaveAttribute('aria-valuenow', '1000');
    // Alt-click resets too
    await page.keyboard.press('Home');
    await freq.click({ modifiers: ['Alt'] });
    await expect(freq).toHaveAttribute('aria-valuenow', '1000');
  });

  test('typing a value: double-click the value text or press Enter', async ({ page }) => {
    const kit = await open(page);
    const knob = kit.locator('[data-t="knob-freq"]');
    const freq = slider(kit, 'knob-freq');
    await knob.locator('.value').dblclick();
    const input = knob.locator('input.edit');
    await expect(input).toBeFocused();
    await expect(input).toHaveValue('1.00 kHz');
    await page.keyboard.type('2.5k');
    await page.keyboard.press('Enter');
    await expect(input).toHaveCount(0);
    await expect(freq).toHaveAttribute('aria-valuenow', '2500');
    await expect(knob.locator('.value')).toHaveText('2.50 kHz');
    await expect(freq).toBeFocused();
    // opening the editor did not reset the value
    expect((await logLines(kit)).filter((l) => l === 'set freq 1000').length).toBe(0);

    // Enter on the focused control opens it; unreadable text keeps it open, Escape cancels
    await page.keyboard.press('Enter');
    await expect(input).toBeFocused();
    await page.keyboard.type('loud');
    await page.keyboard.press('Enter');
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await page.keyboard.press('Escape');
    await expect(input).toHaveCount(0);
    await expect(freq).toHaveAttribute('aria-valuenow', '2500');

    // units are read by parseValue and clamped: "-40 dB" on gain gives -24
    const gainKnob = kit.locator('[data-t="knob-gain"]');
    await gainKnob.locator('.value').dblclick();
    await page.keyboard.type('-40 dB');
    await page.keyboard.press('Enter');
    await expect(slider(kit, 'knob-gain')).toHaveAttribute('aria-valuenow', '-24');

    // the number field edits the same way
    const num = kit.locator('[data-t="number-freq"]');
    await num.locator('.value').dblclick();
    await page.keyboard.type('440');
    await page.keyboard.press('Enter');
    await expect(num.locator('[role="spinbutton"]')).toHaveAttribute('aria-valuenow', '440');
    await expect(freq).toHaveAttribute('aria-valuenow', '440');
  });

  test('keyboard: arrows, Shift-arrows, PageUp/PageDown, Home/End, Delete', async ({ page }) => {
    const kit = await open(page);
    const gain = slider(kit, 'knob-gain');
    await gain.focus();
    await page.keyboard.press('ArrowUp');
    expect(await valueNow(gain)).toBeCloseTo(0.48, 6);
    await page.keyboard.press('Shift+ArrowUp');
    expect(await valueNow(gain)).toBeCloseTo(0.528, 6);
    await page.keyboard.press('ArrowLeft');
    expect(await valueNow(gain)).toBeCloseTo(0.048, 6);
    await page.keyboard.press('PageUp');
    expect(await valueNow(gain)).toBeCloseTo(4.848, 6);
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageDown');
    expect(await valueNow(gain)).toBeCloseTo(-4.752, 6);
    await page.keyboard.press('Home');
    await expect(gain).toHaveAttribute('aria-valuenow', '-24');
    await page.keyboard.press('End');
    await expect(gain).toHaveAttribute('aria-valuenow', '24');
    await page.keyboard.press('Delete');
    await expect(gain).toHaveAttribute('aria-valuenow', '0');
    // each key press is one gesture
    const log = await logLines(kit);
    expect(log.filter((l) => l === 'begin gain').length).toBe(9);
    expect(log.filter((l) => l === 'end gain').length).toBe(9);

    // a log parameter steps by a ratio: 1 % of three decades = 10^0.03
    const freq = slider(kit, 'knob-freq');
    await freq.focus();
    await page.keyboard.press('ArrowUp');
    expect((await valueNow(freq)) / 1000).toBeCloseTo(Math.pow(10, 0.03), 6);

    // Tab moves between controls
    await gain.focus();
    await page.keyboard.press('Tab');
    await expect(slider(kit, 'fader-gain')).toBeFocused();
  });

  test('toggle and choices', async ({ page }) => {
    const kit = await open(page);
    const toggle = kit.locator('[data-t="toggle-bypass"] [role="switch"]');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-checked', 'true');
    await expect(toggle).toHaveText('on');
    await page.keyboard.press('Space');
    await expect(toggle).toHaveAttribute('aria-checked', 'false');
    await page.keyboard.press('ArrowUp');
    await expect(toggle).toHaveAttribute('aria-checked', 'true');
    await toggle.dblclick();
    await expect(toggle).toHaveAttribute('aria-checked', 'false');

    const seg = kit.locator('[data-t="seg-mode"]');
    await seg.locator('.seg', { hasText: 'crush' }).click();
    await expect(seg.locator('[role="slider"]')).toHaveAttribute('aria-valuetext', 'crush');
    const dropdown = slider(kit, 'choice-mode');
    await expect(dropdown).toHaveAttribute('aria-valuetext', 'crush');

    // the dropdown opens a list; clicking an option picks it
    await dropdown.click();
    await expect(dropdown).toHaveAttribute('aria-expanded', 'true');
    const menu = kit.locator('[data-t="choice-mode"] [role="listbox"]');
    await expect(menu).toBeVisible();
    await menu.locator('[role="option"]', { hasText: 'clean' }).click();
    await expect(dropdown).toHaveAttribute('aria-valuetext', 'clean');
    await expect(menu).toBeHidden();
    await expect(dropdown).toHaveAttribute('aria-expanded', 'false');
    // keyboard: Enter opens, arrows move the highlight, Enter picks
    await dropdown.focus();
    await page.keyboard.press('Enter');
    await expect(menu).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(dropdown).toHaveAttribute('aria-valuetext', 'hot');
    await expect(menu).toBeHidden();
    // closed, arrows step the value directly
    await page.keyboard.press('ArrowDown');
    await expect(dropdown).toHaveAttribute('aria-valuetext', 'warm');
    // clicking the trigger of an open list closes it
    await dropdown.click();
    await expect(menu).toBeVisible();
    await dropdown.click();
    await expect(menu).toBeHidden();
    // drag steps through choices
    await drag(page, dropdown, 0, -30);
    await expect(dropdown).not.toHaveAttribute('aria-valuetext', 'warm');
  });

  test('controls follow host changes from outside (automation, setState)', async ({ page }) => {
    const kit = await open(page);
    await kit.locator('[data-t="ext-freq"]').click();
    await expect(slider(kit, 'knob-freq')).toHaveAttribute('aria-valuenow', '440');
    await expect(kit.locator('[data-t="knob-freq"] .value')).toHaveText('440 Hz');
    await expect(kit.locator('[data-t="number-freq"] [role="spinbutton"]')).toHaveAttribute('aria-valuetext', '440 Hz');
    await expect(kit.locator('[data-t="panel"] [data-t="param-freq"] [role="slider"]')).toHaveAttribute('aria-valuenow', '440');

    await kit.locator('[data-t="ext-state"]').click();
    await expect(slider(kit, 'knob-freq')).toHaveAttribute('aria-valuetext', '5.00 kHz');
    await expect(slider(kit, 'fader-gain')).toHaveAttribute('aria-valuetext', '-6.5 dB');
    await expect(kit.locator('[data-t="toggle-bypass"] [role="switch"]')).toHaveAttribute('aria-checked', 'true');
    await expect(slider(kit, 'choice-mode')).toHaveAttribute('aria-valuetext', 'crush');
    await expect(kit.locator('[data-t="seg-mode"] .seg.on')).toHaveText('crush');
    // no GUI call went back to the host
    expect((await logLines(kit)).length).toBe(0);
  });

  test('an open editor keeps the typed text while the host moves the value', async ({ page }) => {
    const kit = await open(page);
    const knob = kit.locator('[data-t="knob-freq"]');
    await knob.locator('.value').dblclick();
    await page.keyboard.type('300');
    await kit.locator('[data-t="ext-freq"]').dispatchEvent('click');
    await expect(knob.locator('input.edit')).toHaveValue('300');
    await page.keyboard.press('Enter');
    await expect(slider(kit, 'knob-freq')).toHaveAttribute('aria-valuenow', '300');
  });
});

test.describe('ui kit: meters and graphs', () => {
  test('level meter: peak in dBFS with hold, clip latch; gain reduction', async ({ page }) => {
    const kit = await open(page);
    const level = kit.locator('[data-t="level"] [role="meter"]');
    const gr = kit.locator('[data-t="gr"] [role="meter"]');
    await expect(level).toHaveAttribute('aria-valuemin', '-60');
    await kit.locator('[data-t="meter-loud"]').click();
    // 0.5012 = -6.0 dBFS peak on the left channel (the right is 0.7 times it)
    await expect(level).toHaveAttribute('aria-valuenow', '-6.0');
    await expect(gr).toHaveAttribute('aria-valuenow', '4.0');
    await expect(kit.locator('[data-t="gr"] .readout')).toHaveText('-4.0');
    // bar positions on the -60..+6 dB scale: the top of the -6 dB peak bar is 12/66 of the
    // height from the top, the -12 dB RMS bar's 18/66
    const clip = (sel: string) =>
      kit.locator(`[data-t="level"] .ch >> nth=0 >> ${sel}`).evaluate((e) => getComputedStyle(e).clipPath);
    const topOf = (s: string) => Number(/inset\(([\d.]+)%/.exec(s)?.[1] ?? NaN);
    expect(topOf(await clip('.peak'))).toBeCloseTo((12 / 66) * 100, 0);
    expect(topOf(await clip('.rms'))).toBeCloseTo((18 / 66) * 100, 0);

    await kit.locator('[data-t="meter-clip"]').click();
    await expect(kit.locator('[data-t="level"] .clip.on')).toHaveCount(2);
    await expect(gr).toHaveAttribute('aria-valuenow', '9.0');
    // silence: the hold keeps the +3.5 dB peak (1.5 = +3.52 dBFS) for 1.5 s while the bar falls
    await kit.locator('[data-t="meter-off"]').click();
    await page.waitForTimeout(500);
    await expect(level).toHaveAttribute('aria-valuenow', '3.5');
    // the bar has fallen below the held +3.5 dB (top inset 2.5/66)
    expect(topOf(await clip('.peak'))).toBeGreaterThan(5);
    await expect(gr).toHaveAttribute('aria-valuenow', '0.0');
    // clicking the meter clears clip lights and hold
    await level.click();
    await expect(kit.locator('[data-t="level"] .clip.on')).toHaveCount(0);
    await expect.poll(async () => Number(await level.getAttribute('aria-valuenow'))).toBeLessThan(0);
  });

  test('canvas graph is sized in device pixels and redraws on parameter changes', async ({ browser }) => {
    const context = await browser.newContext({ deviceScaleFactor: 2 });
    const page = await context.newPage();
    const kit = await open(page);
    const canvas = kit.locator('[data-t="graph"] canvas');
    await expect
      .poll(() => canvas.evaluate((c: HTMLCanvasElement) => [c.width - 2 * c.clientWidth, c.height - 2 * c.clientHeight]))
      .toEqual([0, 0]);
    // the curve is a bump of `gain` dB at `freq`: read the pixel column at 1 kHz
    const curveRow = () =>
      canvas.evaluate((c: HTMLCanvasElement) => {
        const ctx = c.getContext('2d')!;
        const x = Math.round((c.width * Math.log(1000 / 20)) / Math.log(1000));
        const col = ctx.getImageData(x, 0, 1, c.height).data;
        // the brightest blue-ish pixel is the curve (accent #4fc1e9)
        let best = -1;
        let row = -1;
        for (let y = 0; y < c.height; y++) {
          const b = col[y * 4 + 2] - col[y * 4];
          if (b > best) {
            best = b;
            row = y;
          }
        }
        return row / c.height;
      });
    await expect.poll(curveRow).toBeCloseTo(0.5, 1);
    await kit.locator('[data-t="ext-state"]').click(); // gain -6.5 dB at 5 kHz: 1 kHz is 2.3 octaves away, ~0
    const gain = slider(kit, 'knob-gain');
    await gain.focus();
    await page.keyboard.press('End'); // +24 dB at 5 kHz
    await kit.locator('[data-t="ext-freq"]').click(); // +24 dB at 440 Hz: 1.18 octaves, 24 e^-1.4 = 5.96 dB
    await expect.poll(curveRow).toBeCloseTo(0.5 - 5.96 / 48, 1);
    // resizing the graph resizes the bitmap
    await kit.locator('[data-t="graph"]').evaluate((e: HTMLElement) => (e.style.width = '300px'));
    await expect.poll(() => canvas.evaluate((c: HTMLCanvasElement) => c.width)).toBe(2 * 298);
    // moved in the DOM (disconnected, reconnected without a re-render), it still follows resizes
    await kit.locator('[data-t="graph"]').evaluate((e: HTMLElement) => {
      e.parentElement!.append(e);
      e.style.width = '200px';
    });
    await expect.poll(() => canvas.evaluate((c: HTMLCanvasElement) => c.width)).toBe(2 * 198);
    await context.close();
  });
});

test.describe('ui kit: lifecycle and scoping', () => {
  test('disconnecting controls removes every subscription', async ({ page }) => {
    const kit = await open(page);
    await kit.locator('[data-t="count"]').click();
    // 7 param controls in the row + 5 under vn-param + the graph; level + gr meters
    await expect(kit.locator('[data-t="listeners"]')).toHaveText('13 2');
    await kit.locator('[data-t="remove"]').click();
    await kit.locator('[data-t="count"]').click();
    await expect(kit.locator('[data-t="listeners"]')).toHaveText('6 0');
  });

  test('two copies of the kit from two URLs get their own tag names', async ({ page }) => {
    const kit = await open(page);
    await page.evaluate(() => import(new URL('/mirror/test-fixtures/ui-kit.js', location.href).href));
    const kits = page.locator('section.kit');
    await expect(kits).toHaveCount(2);
    const [a, b] = [await kits.nth(0).getAttribute('data-scope'), await kits.nth(1).getAttribute('data-scope')];
    expect(a).not.toBe(b);
    const second = kits.nth(1);
    expect(await second.locator('[data-t="knob-gain"]').evaluate((e) => e.localName)).toBe(`vn-knob-${b}`);
    // both work, each against its own host
    await drag(page, slider(second, 'knob-gain'), 0, -50);
    await expect(slider(second, 'knob-gain')).toHaveAttribute('aria-valuenow', '12');
    await expect(slider(kit, 'knob-gain')).toHaveAttribute('aria-valuenow', '0');
    await slider(kit, 'knob-gain').focus();
    await page.keyboard.press('End');
    await expect(slider(kit, 'knob-gain')).toHaveAttribute('aria-valuenow', '24');
    await expect(slider(second, 'knob-gain')).toHaveAttribute('aria-valuetext', '12.0 dB');
    // registering again is harmless: same module instance, names already defined
    await page.evaluate(() => import(new URL('/mirror/test-fixtures/ui-kit.js', location.href).href));
    await expect(kits).toHaveCount(2);
  });

  test('the resize grip resizes the GUI root', async ({ page }) => {
    const kit = await open(page);
    const panel = kit.locator('[data-t="panel"]');
    const before = (await panel.boundingBox())!;
    const grip = panel.locator('[role="button"][aria-label="Resize"]');
    await drag(page, grip, 60, 40, 5);
    const after = (await panel.boundingBox())!;
    expect(after.width).toBeCloseTo(before.width + 60, 0);
    expect(after.height).toBeCloseTo(before.height + 40, 0);
  });
});
