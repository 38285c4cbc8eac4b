import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, nodeBox, openApp, openTemplate, pickTemplate, test } from './helpers';

// HiDPI only when refreshing the docs image, as screenshot.spec does.
test.use({ deviceScaleFactor: process.env.SD_SCREENSHOT ? 2 : 1 });

/** The canvas background as the browser paints it, as [r, g, b]. */
async function canvasRgb(page: Page): Promise<number[]> {
  const colour = await page.locator('.react-flow').first().evaluate((el) => getComputedStyle(el).backgroundColor);
  return (colour.match(/\d+/g) ?? []).slice(0, 3).map(Number);
}
const isDark = (rgb: number[]) => rgb.length === 3 && Math.max(...rgb) < 60;
const isLight = (rgb: number[]) => rgb.length === 3 && Math.min(...rgb) > 200;

test('dark mode follows the OS; the toggle switches to light and the choice survives a reload', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openApp(page);
  expect(isDark(await canvasRgb(page))).toBe(true);
  const toggle = page.getByTestId('toolbar-theme');
  await expect(toggle).toHaveAttribute('aria-label', 'Theme: System');
  // Text stays readable: the panel text is light on the dark panel.
  const inspectorText = await page.getByTestId('inspector').evaluate((el) => getComputedStyle(el).color);
  expect(Math.min(...(inspectorText.match(/\d+/g) ?? []).slice(0, 3).map(Number))).toBeGreaterThan(180);

  await toggle.click(); // System → Light
  await expect(toggle).toHaveAttribute('aria-label', 'Theme: Light');
  expect(isLight(await canvasRgb(page))).toBe(true);

  await page.reload();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('toolbar-theme')).toHaveAttribute('aria-label', 'Theme: Light');
  expect(isLight(await canvasRgb(page))).toBe(true);

  // The shortcut steps on: Light → Dark, whatever the OS says.
  await page.emulateMedia({ colorScheme: 'light' });
  await page.keyboard.press('Control+Shift+L');
  await expect(page.getByTestId('toolbar-theme')).toHaveAttribute('aria-label', 'Theme: Dark');
  expect(isDark(await canvasRgb(page))).toBe(true);
  // Dark → System: the OS (now light) decides again, and follows it live.
  await page.keyboard.press('Control+Shift+L');
  await expect(page.getByTestId('toolbar-theme')).toHaveAttribute('aria-label', 'Theme: System');
  expect(isLight(await canvasRgb(page))).toBe(true);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(async () => isDark(await canvasRgb(page))).toBe(true);
});

test('the welcome screen is dark too, with the OS in dark mode', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  const card = page.getByTestId('template-blank');
  const bg = await card.evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(isDark((bg.match(/\d+/g) ?? []).slice(0, 3).map(Number))).toBe(true);
});

/** [r, g, b] of a computed colour. */
const rgbOf = (colour: string) => (colour.match(/\d+/g) ?? []).slice(0, 3).map(Number);

test('the VPC template in dark: dark cards with light names (docs/screenshot-dark.png with SD_SCREENSHOT=1)', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const { slug, design } = pickTemplate();
  await openApp(page);
  await openTemplate(page, slug);
  const fn = design.nodes.find((n) => n.kind === 'lambda');
  if (!fn) throw new Error('the VPC template has no function');
  const card = nodeBox(page, fn.id); // the .sd-node card itself
  expect(isDark(rgbOf(await card.evaluate((el) => getComputedStyle(el).backgroundColor)))).toBe(true);
  expect(isLight(rgbOf(await card.locator('.sd-node-name').evaluate((el) => getComputedStyle(el).color)))).toBe(true);
  if (process.env.SD_SCREENSHOT) {
    const out = join(import.meta.dirname, '..', '..', 'docs', 'screenshot-dark.png');
    mkdirSync(dirname(out), { recursive: true });
    await nodeBox(page, fn.id).click();
    await page.getByTestId('toolbar-paths').click();
    // The diagram itself, large: the analysis dock folded away, then fit-to-view.
    await page.getByTestId('dock-toggle').click();
    await page.locator('.react-flow__controls-fitview').click();
    await page.waitForTimeout(600); // fitView animates
    await page.mouse.move(0, 0);
    await page.screenshot({ path: out });
  }
});
