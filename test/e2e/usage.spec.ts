import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from '@playwright/test';
import { parseDesign, type Design } from '../../core/model';
import { dropFromPalette, expect, loadPricing, nodeBox, openApp, test } from './helpers';


// The screenshot is rendered like a HiDPI display, as the README's.
test.use({ deviceScaleFactor: process.env.SD_SCREENSHOT ? 2 : 1 });

/** Joins two nodes by dragging between their handles; `as` picks the kind when the canvas asks. */
async function connect(page: Page, from: string, to: string, as?: string): Promise<void> {
  await page.getByTestId(`handle-out-${from}`).dragTo(page.getByTestId(`handle-in-${to}`));
  if (as) await page.getByTestId(`connect-as-${as}`).click();
}

/** The design as the app saves it (Ctrl+S downloads it in the browser), read by core. */
async function savedDesign(page: Page): Promise<Design> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+s')]);
  const parsed = parseDesign(readFileSync(await download.path(), 'utf8'));
  if (!parsed.ok) throw new Error('the saved design does not parse');
  return parsed.design;
}

/** Selects a node on the canvas and waits until the inspector shows it (its id is in its header). */
async function select(page: Page, id: string): Promise<void> {
  await nodeBox(page, id).click();
  await expect(page.getByTestId('inspector').locator('.sd-inspector-head')).toContainText(id);
}

/** Types into a usage field of the inspector and commits it with Enter. */
async function enterUsage(page: Page, field: string, text: string): Promise<void> {
  const input = page.getByTestId(`usage-${field}`);
  await input.fill(text);
  await input.press('Enter');
}

/** API Gateway → Lambda → SQS → Lambda → DynamoDB, dropped from the palette onto an empty canvas. */
async function buildPipeline(page: Page): Promise<void> {
  await dropFromPalette(page, 'apiGateway', { x: 120, y: 140 });
  await dropFromPalette(page, 'lambda', { x: 340, y: 140 });
  await dropFromPalette(page, 'sqsQueue', { x: 560, y: 140 });
  await dropFromPalette(page, 'lambda', { x: 560, y: 300 });
  await dropFromPalette(page, 'dynamoTable', { x: 780, y: 300 });
  const edges = page.locator('.react-flow__edge');
  // Each connection drawn before the next drag starts.
  await connect(page, 'apiGateway-1', 'lambda-1');
  await expect(edges).toHaveCount(1);
  await connect(page, 'lambda-1', 'sqsQueue-1', 'access');
  await expect(edges).toHaveCount(2);
  await connect(page, 'sqsQueue-1', 'lambda-2');
  await expect(edges).toHaveCount(3);
  await connect(page, 'lambda-2', 'dynamoTable-1');
  await expect(edges).toHaveCount(4);
}

test('a design built from empty is priced from traffic entered in the app (and docs/usage-editor.png comes from here)', async ({ page }) => {
  const { estimateCost, formatUsd, sum } = await loadPricing();
  await openApp(page);
  await buildPipeline(page);

  // Nothing entered yet: the cost panel lists what needs input instead of pricing it at $0.00.
  await page.getByTestId('dock-tab-cost').click();
  const needs = page.getByTestId('cost-needs-input');
  await expect(needs).toBeVisible();
  await expect(needs).toContainText('API Gateway 1');
  const before = (await page.getByTestId('cost-total').textContent()) ?? '';
  const empty = await savedDesign(page);
  const emptyReport = estimateCost(empty);
  expect(before).toBe(formatUsd(emptyReport.monthlyTotal));
  expect(emptyReport.needsInput.length).toBeGreaterThan(0);

  // "Enter requests a month at “API Gateway 1”" selects the API and puts the cursor in the field.
  await needs.getByTestId('cost-enter').filter({ hasText: 'requests a month at “API Gateway 1”' }).first().click();
  await expect(page.getByTestId('usage-requestsPerMonth')).toBeFocused();
  await expect(page.getByTestId('inspector')).toContainText('API Gateway');
  await page.keyboard.type('1,000,000');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('usage-requestsPerMonth-source')).toHaveText('entered here, in “expected”');

  // The first function: its invocations are propagated from the API; its duration is entered here.
  await select(page, 'lambda-1');
  await expect(page.getByTestId('usage-requestsPerMonth-source')).toHaveText('propagated: 1,000,000 invocations a month — 1,000,000 synchronous requests from “API Gateway 1”');
  await expect(page.getByTestId('usage-requestsPerMonth')).toHaveAttribute('placeholder', '1,000,000');
  await enterUsage(page, 'avgDurationMs', '120');

  // An out-of-range value is refused inline, and what was typed stays to be corrected.
  await select(page, 'lambda-2');
  await enterUsage(page, 'avgDurationMs', '900001');
  await expect(page.getByTestId('usage-avgDurationMs-error')).toHaveText('900,001 must be at most 900,000 ms — not saved');
  await expect(page.getByTestId('usage-avgDurationMs')).toHaveValue('900001');
  await enterUsage(page, 'avgDurationMs', '250');
  await expect(page.getByTestId('usage-avgDurationMs-error')).toHaveCount(0);
  await expect(page.getByTestId('usage-avgDurationMs')).toHaveValue('250');

  // The total is what core prices for the design the app saves (with the values in the file).
  const entered = await savedDesign(page);
  expect(entered.usage.profiles.expected.nodes).toEqual({ 'apiGateway-1': { requestsPerMonth: 1_000_000 }, 'lambda-1': { avgDurationMs: 120 }, 'lambda-2': { avgDurationMs: 250 } });
  const report = estimateCost(entered);
  await expect(page.getByTestId('cost-total')).toHaveText(formatUsd(report.monthlyTotal));
  expect(report.monthlyTotal.gt(emptyReport.monthlyTotal)).toBe(true);
  const fnLines = report.components.filter((c) => c.node === 'lambda-2');
  expect(fnLines.some((c) => /duration/i.test(c.component) && c.monthly.gt(0))).toBe(true);

  // "$" badges: off by default; each node's total from the same estimate; "?" where input is missing.
  await expect(page.getByTestId('node-cost')).toHaveCount(0);
  await page.getByTestId('toolbar-costBadges').click();
  await expect(page.getByTestId('toolbar-costBadges')).toHaveAttribute('aria-pressed', 'true');
  const nodeTotal = (id: string) => formatUsd(sum(report.components.filter((c) => c.node === id).map((c) => c.monthly)));
  const needing = new Set(report.needsInput.map((n) => n.node));
  const badge = nodeBox(page, 'lambda-2').getByTestId('node-cost');
  await expect(badge).toHaveText(needing.has('lambda-2') ? `${nodeTotal('lambda-2')} + ?` : nodeTotal('lambda-2'));
  for (const id of needing) await expect(nodeBox(page, id).getByTestId('node-cost')).toContainText('?');

  if (process.env.SD_SCREENSHOT) {
    const out = join(import.meta.dirname, '..', '..', 'docs', 'usage-editor.png');
    mkdirSync(dirname(out), { recursive: true });
    // The function with its usage in the inspector, the badges on a fitted canvas, no toasts.
    await select(page, 'lambda-1');
    await page.getByRole('button', { name: 'Fit View' }).click();
    await page.getByRole('button', { name: 'Zoom Out' }).click(); // clear of the minimap
    await page.getByTestId('usage-avgDurationMs').scrollIntoViewIfNeeded();
    await expect(page.getByTestId('toast')).toHaveCount(0, { timeout: 8000 });
    await page.mouse.move(0, 0);
    await page.screenshot({ path: out });
  }

  // The "$" key hides them again (outside a text field); the choice lasts for the session.
  await page.locator('.react-flow__pane').click({ position: { x: 40, y: 400 } });
  await page.keyboard.press('$');
  await expect(page.getByTestId('node-cost')).toHaveCount(0);
  await page.keyboard.press('$');
  await expect(page.getByTestId('node-cost').first()).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('toolbar-costBadges')).toHaveAttribute('aria-pressed', 'true');
});

test('the Usage panel: profiles side by side, edited in cells, added, renamed, duplicated, deleted; undo', async ({ page }) => {
  await openApp(page);
  await buildPipeline(page);
  // The last connection is selected; one click on a node selects the node instead.
  await select(page, 'sqsQueue-1');
  await expect(page.getByTestId('inspector')).toContainText('SQS queue');
  // "all profiles" in the inspector's usage section opens the Usage tab.
  await page.getByTestId('usage-open-panel').click();
  await expect(page.getByTestId('dock-tab-usage')).toHaveAttribute('aria-selected', 'true');
  const panel = page.getByTestId('usage-panel');
  for (const p of ['low', 'expected', 'peak']) await expect(panel.getByTestId(`usage-profile-${p}`)).toBeVisible();
  await expect(panel.getByTestId('usage-profile-expected')).toContainText('active');

  // Requests at the API in "peak" propagate to the function downstream, shown in its cell.
  const cell = (node: string, field: string, profile: string) => panel.getByTestId(`usage-cell-${node}-${field}-${profile}`);
  await cell('apiGateway-1', 'requestsPerMonth', 'peak').fill('5000000');
  await cell('apiGateway-1', 'requestsPerMonth', 'peak').press('Enter');
  await expect(cell('apiGateway-1', 'requestsPerMonth', 'peak')).toHaveValue('5,000,000');
  await expect(cell('lambda-1', 'requestsPerMonth', 'peak')).toHaveAttribute('placeholder', '5,000,000');
  await expect(cell('lambda-1', 'requestsPerMonth', 'expected')).toHaveAttribute('placeholder', '—');
  // Invalid text stays in the cell with the reason.
  await cell('lambda-1', 'avgDurationMs', 'low').fill('12 ms');
  await cell('lambda-1', 'avgDurationMs', 'low').press('Enter');
  await expect(panel.getByRole('alert')).toHaveText('"12 ms" is not a number — not saved');
  await expect(cell('lambda-1', 'avgDurationMs', 'low')).toHaveValue('12 ms');
  await cell('lambda-1', 'avgDurationMs', 'low').press('Escape');
  await expect(cell('lambda-1', 'avgDurationMs', 'low')).toHaveValue('');

  // Duplicate "peak", rename the copy, make it active, delete "low".
  await panel.getByTestId('usage-profile-peak').getByTestId('usage-duplicate').click();
  await expect(cell('apiGateway-1', 'requestsPerMonth', 'peak copy')).toHaveValue('5,000,000');
  await panel.getByTestId('usage-profile-peak copy').getByTestId('usage-rename').click();
  await panel.getByTestId('usage-rename-input').fill('black friday');
  await panel.getByTestId('usage-rename-input').press('Enter');
  await panel.getByTestId('usage-profile-black friday').getByTestId('usage-make-active').click();
  await expect(panel.getByTestId('usage-profile-black friday')).toContainText('active');
  await panel.getByTestId('usage-profile-low').getByTestId('usage-delete').click();
  await expect(panel.getByTestId('usage-profile-low')).toHaveCount(0);
  await panel.getByTestId('usage-new-name').fill('launch');
  await panel.getByTestId('usage-add-profile').click();
  await expect(panel.getByTestId('usage-profile-launch')).toBeVisible();

  // The inspector edits the active profile and can switch it.
  await select(page, 'apiGateway-1');
  await expect(page.getByTestId('usage-profile')).toHaveValue('black friday');
  await expect(page.getByTestId('usage-requestsPerMonth')).toHaveValue('5,000,000');

  // Each was one undo step: undo brings "low" back, then the active profile, then the name.
  await page.locator('.react-flow__pane').click({ position: { x: 40, y: 400 } });
  await page.keyboard.press('Control+z');
  await expect(panel.getByTestId('usage-profile-launch')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(panel.getByTestId('usage-profile-low')).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(panel.getByTestId('usage-profile-expected')).toContainText('active');
  await page.keyboard.press('Control+z');
  await expect(panel.getByTestId('usage-profile-peak copy')).toBeVisible();
});
