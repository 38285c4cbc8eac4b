import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { designOfAlternative } from '../../core/commands/alternatives';
import { parseDesign, type Design } from '../../core/model';
import { expect, loadPricing, nodeBox, openApp, openTemplate, test } from './helpers';

/** The design as the app saves it (Ctrl+S downloads it in the browser), both variants in it. */
async function savedDesign(page: Page): Promise<Design> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+s')]);
  const parsed = parseDesign(readFileSync(await download.path(), 'utf8'));
  if (!parsed.ok) throw new Error('the saved design does not parse');
  return parsed.design;
}

// The Done-when journey of issue 10: a design with an HTTP API → Lambda and traffic, "Duplicate as
// alternative", the copy's API made a REST API in the inspector, then the Compare tab: both totals,
// the difference and the crossover chart — every number checked against core on the same two designs.
// `SD_SCREENSHOT=1` also writes docs/compare-view.png and docs/compare-chart.png.
const SLUG = 'sns-fan-out';

// The screenshots are rendered like a HiDPI display, as the README's.
test.use({ deviceScaleFactor: process.env.SD_SCREENSHOT ? 2 : 1 });
const API = 'api-orders';

test('duplicate as alternative, make the copy a REST API, compare both with the crossover chart', async ({ page }) => {
  const { compare, estimateCost, formatUsd, sweepRequests } = await loadPricing();
  await openApp(page);
  await openTemplate(page, SLUG);

  await page.getByTestId('toolbar-duplicateAlternative').click();
  const switcher = page.getByTestId('toolbar-alternative');
  await expect(switcher).toHaveValue('B');
  await expect(switcher.locator('option')).toHaveText(['Alternative A', 'Alternative B']);

  await nodeBox(page, API).click();
  await page.getByTestId('field-apiType').selectOption('rest');
  await expect(page.getByTestId('field-apiType')).toHaveValue('rest');

  // Both variants as saved in the one file: A keeps the HTTP API, B (being edited) has the REST API.
  const saved = await savedDesign(page);
  const a = designOfAlternative(saved, 'A') as Design;
  const b = designOfAlternative(saved, 'B') as Design;
  expect([a, b].map((d) => d.nodes.find((n) => n.id === API)?.props)).toMatchObject([{ apiType: 'http' }, { apiType: 'rest' }]);

  await page.getByTestId('dock-tab-compare').click();
  const panel = page.getByTestId('compare-panel');
  await expect(panel.getByTestId('compare-variant-1')).toHaveValue('A');
  await expect(panel.getByTestId('compare-variant-2')).toHaveValue('B');

  const expected = compare(estimateCost(a), estimateCost(b));
  expect(expected.difference.isZero(), 'REST and HTTP APIs cost differently').toBe(false);
  await expect(panel.getByTestId('compare-total-1')).toHaveText(formatUsd(expected.shownTotals.a));
  await expect(panel.getByTestId('compare-total-2')).toHaveText(formatUsd(expected.shownTotals.b));
  await expect(panel.getByTestId('compare-difference')).toHaveText(`${expected.difference.isNegative() ? '' : '+'}${formatUsd(expected.difference)}`);
  await expect(panel.getByTestId('compare-node').first()).toContainText('Orders API');

  const chart = panel.getByTestId('chart-requests');
  await expect(chart.getByTestId('chart-line')).toHaveCount(2);
  const sweep = sweepRequests([a, b]);
  await expect(chart.getByTestId('chart-marker')).toHaveCount(sweep.crossings.length);
  if (sweep.crossings.length) await expect(chart.getByTestId('chart-marker').first()).toContainText('crossover');
  else await expect(panel.getByTestId('compare-crossover')).toContainText(`No crossover between 1k requests/month and 1B requests/month: ${expected.difference.isNegative() ? 'B' : 'A'} is cheaper throughout`);

  // Hovering the chart reads out both sides at the nearest volume.
  await chart.getByTestId('chart-hover').hover();
  await expect(chart.getByTestId('chart-tooltip')).toContainText('A: $');
  await expect(chart.getByTestId('chart-tooltip')).toContainText('B: $');

  // Switching back to A is one step; the compare view still pairs the same two variants.
  await switcher.selectOption('A');
  await expect(page.getByTestId('field-apiType')).toHaveValue('http');
  await expect(panel.getByTestId('compare-difference')).toHaveText(`${expected.difference.isNegative() ? '' : '+'}${formatUsd(expected.difference)}`);
  await page.getByTestId('toolbar-undo').click();
  await expect(switcher).toHaveValue('B');
  await expect(page.getByTestId('field-apiType')).toHaveValue('rest');

  if (process.env.SD_SCREENSHOT) {
    await expect(page.getByTestId('toast')).toHaveCount(0, { timeout: 15_000 });
    await panel.getByTestId('compare-node').first().getByRole('button').click();
    await page.mouse.move(0, 0);
    await panel.evaluate((el) => el.closest('.sd-dock-panel')?.scrollTo(0, 0));
    await page.screenshot({ path: join(import.meta.dirname, '..', '..', 'docs', 'compare-view.png') });
    const charts = panel.locator('.sd-compare-charts');
    await charts.scrollIntoViewIfNeeded();
    const hoverBox = await chart.getByTestId('chart-hover').boundingBox();
    if (hoverBox) await page.mouse.move(hoverBox.x + hoverBox.width * 0.62, hoverBox.y + hoverBox.height / 2);
    await charts.screenshot({ path: join(import.meta.dirname, '..', '..', 'docs', 'compare-chart.png') });
  }
});

test('Ctrl+Shift+D duplicates as alternative, as the Edit menu does; undo takes it back', async ({ page }) => {
  await openApp(page);
  await openTemplate(page, SLUG);
  await nodeBox(page, API).click();
  await page.keyboard.press('Control+Shift+D');
  const switcher = page.getByTestId('toolbar-alternative');
  await expect(switcher).toHaveValue('B');
  await page.keyboard.press('Control+Shift+D');
  await expect(switcher.locator('option')).toHaveText(['Alternative A', 'Alternative B', 'Alternative C']);
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect(switcher).toHaveCount(0);
});
