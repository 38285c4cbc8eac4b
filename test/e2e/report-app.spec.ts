import { readFileSync } from 'node:fs';
import { expect, openApp, openTemplate, pickTemplate, test } from './helpers';

// File → Export report… and Print in real Chromium, under the app's CSP.

test('Export report as HTML: the file names the design and every node; Markdown too', async ({ page }) => {
  const { slug, design } = pickTemplate();
  await openApp(page);
  await openTemplate(page, slug);

  await page.getByTestId('toolbar-exportReport').click();
  const dialog = page.getByTestId('export-report-dialog');
  await expect(dialog).toBeVisible();
  // With one alternative, comparing with another is off (with the reason in its tooltip).
  await expect(page.getByTestId('export-report-compare-alternative')).toBeDisabled();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-report-save').click()]);
  expect(download.suggestedFilename()).toMatch(/-report\.html$/);
  const html = readFileSync(await download.path(), 'utf8');
  // Parsed in a blank page (in the app's page the CSP would report the report's own styles as refused).
  const scratch = await page.context().newPage();
  const text = await scratch.evaluate((h) => new DOMParser().parseFromString(h, 'text/html').documentElement.textContent ?? '', html);
  await scratch.close();
  const squash = (s: string) => s.replace(/\s+/g, '');
  expect(squash(text)).toContain(squash(design.name));
  for (const node of design.nodes) expect(squash(text), `the report names ${node.name}`).toContain(squash(node.name));
  await expect(dialog).toBeHidden();

  await page.keyboard.press('Control+Alt+r');
  await page.getByTestId('export-report-format-md').check();
  await page.getByTestId('export-report-compare-regions').check();
  await expect(page.getByTestId('export-report-region-b')).toBeVisible();
  const [md] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-report-save').click()]);
  expect(md.suggestedFilename()).toMatch(/-report\.md$/);
  expect(readFileSync(await md.path(), 'utf8')).toContain(design.name);
});

test('Print (Ctrl+P) prints the HTML report from a hidden frame, styled despite the CSP, and removes the frame', async ({ page }) => {
  // Only to observe the call: print() in every frame records what it would print instead of
  // opening the print dialog (headless Chromium has none). The report is built and laid out as usual.
  await page.addInitScript(() => {
    window.print = function (this: Window) {
      const top = window.top as Window & { __printed?: { text: string; styled: boolean; inFrame: boolean }[] };
      const body = document.body;
      // The report's own CSS reached the frame (a rule changed something from the UA default).
      const styled = document.adoptedStyleSheets.length > 0 || [...document.styleSheets].some((s) => s.cssRules.length > 0);
      (top.__printed ??= []).push({ text: body?.innerText ?? '', styled, inFrame: window !== top });
    };
  });
  const { slug, design } = pickTemplate();
  await openApp(page);
  await openTemplate(page, slug);

  await page.keyboard.press('Control+p');
  await expect.poll(() => page.evaluate(() => (window as Window & { __printed?: unknown[] }).__printed?.length ?? 0)).toBe(1);
  const printed = await page.evaluate(() => (window as Window & { __printed?: { text: string; styled: boolean; inFrame: boolean }[] }).__printed?.[0]);
  expect(printed?.text).toContain(design.name);
  expect(printed?.styled).toBe(true);
  // The frame printed, not the editor around it, and the frame goes away afterwards.
  expect(printed?.inFrame).toBe(true);
  await expect(page.getByTestId('print-frame')).toHaveCount(0);

  // From the report dialog too.
  await page.getByTestId('toolbar-exportReport').click();
  await page.getByTestId('export-report-print').click();
  await expect.poll(() => page.evaluate(() => (window as Window & { __printed?: unknown[] }).__printed?.length ?? 0)).toBe(2);
});
