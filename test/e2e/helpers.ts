import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { parseDesign, type Design } from '../../core/model';
import type * as Pricing from '../../core/pricing';

/** core/pricing, loaded through tsx: its catalogs are JSON modules imported without the import
 *  attribute that Playwright's own loader requires. */
export const loadPricing = async (): Promise<typeof Pricing> => {
  const { tsImport } = await import('tsx/esm/api');
  return tsImport('../../core/pricing/index.ts', import.meta.url) as Promise<typeof Pricing>;
};

/** Every journey fails on a console error or an uncaught exception (a CSP violation included:
 *  `vite preview` serves the built app under the same policy as Electron). */
export const test = base.extend<{ consoleErrors: string[]; savePicker: boolean; noSavePicker: void }>({
  /** Headless Chromium has the File System Access save picker but cancels it at once: journeys
   *  that save see the download path (as in a browser without the API) unless they opt in with
   *  `test.use({ savePicker: true })` and put a picker of their own in the page. */
  savePicker: [false, { option: true }],
  noSavePicker: [async ({ page, savePicker }, use) => {
    if (!savePicker) await page.addInitScript(() => Object.defineProperty(window, 'showSaveFilePicker', { value: undefined, configurable: true }));
    await use();
  }, { auto: true }],
  consoleErrors: [async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    await use(errors);
    expect(errors, 'console errors').toEqual([]);
  }, { auto: true }],
});
export { expect };

const TEMPLATES = join(import.meta.dirname, '..', '..', 'templates');

/** The template the journeys use: the VPC one when present (it has containers), else the first. */
export function pickTemplate(): { slug: string; design: Design } {
  const files = readdirSync(TEMPLATES).filter((f) => f.endsWith('.design.json')).sort();
  const file = files.find((f) => f.startsWith('vpc-')) ?? files[0];
  if (!file) throw new Error('templates/ has no *.design.json');
  const parsed = parseDesign(readFileSync(join(TEMPLATES, file), 'utf8'));
  if (!parsed.ok) throw new Error(`${file} does not parse`);
  return { slug: file.replace(/\.design\.json$/, ''), design: parsed.design };
}

/** Opens the app and leaves its welcome screen for the blank canvas (Escape), as a user starting
 *  from scratch does. Journeys about the welcome screen itself go to '/' directly. */
export async function openApp(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('welcome')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('welcome')).toBeHidden();
  await expect(page.getByTestId('canvas')).toBeVisible();
}

/** New… (toolbar or Ctrl+N) → the welcome screen → the template. */
export async function openTemplate(page: Page, slug: string, via: 'toolbar' | 'keyboard' = 'toolbar'): Promise<void> {
  if (via === 'keyboard') await page.keyboard.press('Control+n');
  else await page.getByTestId('toolbar-new').click();
  await page.getByTestId(`template-${slug}`).click();
  await expect(page.getByTestId('welcome')).toBeHidden();
}

/** Drags a palette entry onto the canvas at a point relative to the canvas's top-left corner. */
export async function dropFromPalette(page: Page, kind: string, at: { x: number; y: number }): Promise<void> {
  await page.getByTestId(`palette-${kind}`).dragTo(page.getByTestId('canvas'), { targetPosition: at });
}

export const nodeBox = (page: Page, id: string) => page.getByTestId(`node-${id}`);

/** A node's box on screen; throws when it is not drawn. */
export type Box = { x: number; y: number; width: number; height: number };
export async function boxOf(page: Page, id: string): Promise<Box> {
  const box = await nodeBox(page, id).boundingBox();
  if (!box) throw new Error(`${id} is not drawn`);
  return box;
}
