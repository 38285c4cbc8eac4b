import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { dropFromPalette, expect, nodeBox, openApp, test } from './helpers';

/** Queue → function (a trigger), and a table beside them, in a row. */
async function threeInARow(page: Page) {
  await dropFromPalette(page, 'sqsQueue', { x: 160, y: 160 });
  await dropFromPalette(page, 'lambda', { x: 420, y: 220 });
  await dropFromPalette(page, 'dynamoTable', { x: 680, y: 140 });
  await page.getByTestId('handle-out-sqsQueue-1').dragTo(page.getByTestId('handle-in-lambda-1'));
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
}

const selectedIds = (page: Page) => page.locator('.react-flow__node.selected').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')).sort());

/** Drags a box over empty canvas from one point to another (relative to the canvas). */
async function marquee(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  const c = await page.getByTestId('canvas').boundingBox();
  if (!c) throw new Error('no canvas');
  await page.mouse.move(c.x + from.x, c.y + from.y);
  await page.mouse.down();
  await page.mouse.move(c.x + (from.x + to.x) / 2, c.y + (from.y + to.y) / 2, { steps: 4 });
  await page.mouse.move(c.x + to.x, c.y + to.y, { steps: 4 });
  await page.mouse.up();
}

test.describe('with clipboard permission', () => {
  test.beforeEach(async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openApp(page);
  });

  test('marquee-select three nodes, copy, paste: three new nodes with new names and their edge; undo in one step', async ({ page }) => {
    await threeInARow(page);
    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
    await expect(page.locator('.react-flow__node.selected')).toHaveCount(0);
    await marquee(page, { x: 30, y: 60 }, { x: 860, y: 320 });
    expect(await selectedIds(page)).toEqual(['dynamoTable-1', 'lambda-1', 'sqsQueue-1']);

    await page.keyboard.press('Control+c');
    await expect(page.getByTestId('toast').last()).toContainText('Copied 3 resources and 1 connection');
    // On the system clipboard, as a fragment another window can paste.
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(JSON.parse(text).format).toBe('serverless-design-fragment');

    await page.keyboard.press('Control+v');
    await expect(page.locator('.react-flow__node')).toHaveCount(6);
    await expect(page.locator('.react-flow__edge')).toHaveCount(2);
    await expect(nodeBox(page, 'sqsQueue-2')).toContainText('SQS queue 2');
    await expect(nodeBox(page, 'lambda-2')).toContainText('Lambda function 2');
    // The pasted copies are the selection now, 24 px down and right of the originals.
    expect(await selectedIds(page)).toEqual(['dynamoTable-2', 'lambda-2', 'sqsQueue-2']);
    const a = await nodeBox(page, 'lambda-1').boundingBox();
    const b = await nodeBox(page, 'lambda-2').boundingBox();
    expect(Math.round((b?.x ?? 0) - (a?.x ?? 0))).toBe(24);

    await page.keyboard.press('Control+z');
    await expect(page.locator('.react-flow__node')).toHaveCount(3);
    await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  });

  test('foreign text on the clipboard: a clear toast and nothing changes', async ({ page }) => {
    await dropFromPalette(page, 'lambda', { x: 300, y: 200 });
    await page.evaluate(() => navigator.clipboard.writeText('just some text'));
    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
    await page.keyboard.press('Control+v');
    await expect(page.getByTestId('toast').last()).toContainText('does not hold Serverless Designer resources');
    await expect(page.locator('.react-flow__node')).toHaveCount(1);
  });
});

test.describe('without clipboard permission', () => {
  test.beforeEach(async ({ page }) => {
    await openApp(page);
  });

  test('copy and paste still work inside the window; duplicate too', async ({ page }) => {
    await threeInARow(page);
    await nodeBox(page, 'sqsQueue-1').click();
    await nodeBox(page, 'lambda-1').click({ modifiers: ['Shift'] });
    expect(await selectedIds(page)).toEqual(['lambda-1', 'sqsQueue-1']);
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await expect(page.locator('.react-flow__node')).toHaveCount(5);
    await expect(page.locator('.react-flow__edge')).toHaveCount(2);
    await page.keyboard.press('Control+d');
    await expect(page.locator('.react-flow__node')).toHaveCount(7);
    await expect(nodeBox(page, 'lambda-3')).toContainText('Lambda function 3');
  });
});

test.describe('selection and arrangement', () => {
  test.beforeEach(async ({ page }) => {
    await openApp(page);
  });

  test('shift-click adds and removes; Escape clears; Ctrl+A + Delete empties the canvas', async ({ page }) => {
    await threeInARow(page);
    await nodeBox(page, 'sqsQueue-1').click();
    await nodeBox(page, 'dynamoTable-1').click({ modifiers: ['Shift'] });
    expect(await selectedIds(page)).toEqual(['dynamoTable-1', 'sqsQueue-1']);
    await nodeBox(page, 'sqsQueue-1').click({ modifiers: ['Shift'] });
    expect(await selectedIds(page)).toEqual(['dynamoTable-1']);
    await page.keyboard.press('Escape');
    await expect(page.locator('.react-flow__node.selected')).toHaveCount(0);

    await page.keyboard.press('Control+a');
    await expect(page.locator('.react-flow__node.selected')).toHaveCount(3);
    await expect(page.locator('.react-flow__edge.selected')).toHaveCount(1);
    await page.keyboard.press('Delete');
    await expect(page.locator('.react-flow__node')).toHaveCount(0);
    await page.keyboard.press('Control+z');
    await expect(page.locator('.react-flow__node')).toHaveCount(3);
  });

  test('align left gives equal x; arrow keys nudge by the grid, one undo step per burst', async ({ page }) => {
    await threeInARow(page);
    await page.getByTestId('toolbar-arrange').click();
    // Nothing selected: the items are there, disabled, and say why.
    await expect(page.getByTestId('arrange-left')).toBeDisabled();
    await expect(page.getByTestId('arrange-menu')).toContainText('Select 2 or more');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+a');
    await page.getByTestId('toolbar-arrange').click();
    await page.getByTestId('arrange-left').click();
    const xs = await Promise.all(['sqsQueue-1', 'lambda-1', 'dynamoTable-1'].map(async (id) => Math.round((await nodeBox(page, id).boundingBox())?.x ?? -1)));
    expect(new Set(xs).size).toBe(1);
    await expect(page.getByTestId('toolbar-undo')).toHaveAttribute('title', /Align left/);

    const before = await nodeBox(page, 'lambda-1').boundingBox();
    await nodeBox(page, 'lambda-1').click();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowDown');
    const after = await nodeBox(page, 'lambda-1').boundingBox();
    expect(Math.round((after?.x ?? 0) - (before?.x ?? 0))).toBe(40);
    expect(Math.round((after?.y ?? 0) - (before?.y ?? 0))).toBe(200);
    await page.keyboard.press('Control+z');
    const undone = await nodeBox(page, 'lambda-1').boundingBox();
    expect(Math.round(undone?.x ?? 0)).toBe(Math.round(before?.x ?? 0));
  });

  test('palette search: "queue" finds SQS, Enter adds it, Escape clears', async ({ page }) => {
    await page.keyboard.press('p');
    const search = page.getByTestId('palette-search');
    await expect(search).toBeFocused();
    await search.fill('queue');
    await expect(page.getByTestId('palette-matches').getByRole('button').first()).toContainText('SQS queue');
    await search.press('Enter');
    await expect(nodeBox(page, 'sqsQueue-1')).toBeVisible();
    await search.press('Escape');
    await expect(search).toHaveValue('');
    await expect(page.getByTestId('palette-lambda')).toBeVisible();
  });

  test('"?" opens the shortcut sheet listing Ctrl+C; the toolbar button too', async ({ page }) => {
    await page.keyboard.press('?');
    const sheet = page.getByTestId('shortcut-sheet');
    await expect(sheet).toBeVisible();
    await expect(sheet.getByTestId('shortcut-copy')).toContainText('Ctrl+C');
    await expect(sheet.getByTestId('shortcut-selectAll')).toContainText('Ctrl+A');
    await page.keyboard.press('Escape');
    await expect(sheet).toBeHidden();
    await page.getByTestId('toolbar-shortcuts').click();
    await expect(sheet).toBeVisible();
  });

  test('the first click on a node right after connecting selects it', async ({ page }) => {
    await dropFromPalette(page, 'lambda', { x: 200, y: 200 });
    await dropFromPalette(page, 'sqsQueue', { x: 560, y: 200 });
    await dropFromPalette(page, 'sqsQueue', { x: 200, y: 420 });
    // Function → queue: several kinds fit, so a menu asks; then one click on the target selects it.
    await page.getByTestId('handle-out-lambda-1').dragTo(page.getByTestId('handle-in-sqsQueue-1'));
    await expect(page.getByTestId('connect-menu')).toBeVisible();
    await page.getByTestId('connect-as-access').click();
    await expect(page.locator('.react-flow__edge')).toHaveCount(1);
    await nodeBox(page, 'sqsQueue-1').click();
    expect(await selectedIds(page)).toEqual(['sqsQueue-1']);
    await nodeBox(page, 'lambda-1').click();
    expect(await selectedIds(page)).toEqual(['lambda-1']);

    // One kind fits (queue → function): no menu; the first click on either end selects it.
    await page.getByTestId('handle-out-sqsQueue-2').dragTo(page.getByTestId('handle-in-lambda-1'));
    await expect(page.locator('.react-flow__edge')).toHaveCount(2);
    await nodeBox(page, 'lambda-1').click();
    expect(await selectedIds(page)).toEqual(['lambda-1']);
    await page.getByTestId('handle-out-lambda-1').dragTo(page.getByTestId('handle-in-sqsQueue-2'));
    await expect(page.getByTestId('connect-menu')).toBeVisible();
    // The click that dismisses the menu lands on a node: it selects that node.
    await nodeBox(page, 'sqsQueue-1').click();
    await expect(page.getByTestId('connect-menu')).toBeHidden();
    expect(await selectedIds(page)).toEqual(['sqsQueue-1']);
  });
});

test.describe('sticky notes', () => {
  test.beforeEach(async ({ page }) => {
    await openApp(page);
  });

  test('add with Shift+N, write two lines, Escape keeps them; Save As writes them into the file; delete and undo', async ({ page }) => {
    await dropFromPalette(page, 'lambda', { x: 200, y: 200 });
    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
    await page.keyboard.press('Shift+N');
    const note = page.getByTestId('note-note-1');
    await expect(note).toBeVisible();
    await note.dblclick();
    const editor = page.getByTestId('note-editor');
    await expect(editor).toBeFocused();
    await editor.fill('Retry budget: 3\nAsk the DBA about failover');
    await editor.press('Escape');
    await expect(editor).toBeHidden();
    await expect(note).toContainText('Ask the DBA about failover');
    // Notes are layout: no finding, no problem mentions them.
    await expect(page.getByTestId('problems-panel')).not.toContainText('Retry budget');

    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+Shift+s')]);
    const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
    expect(saved.layout.notes).toEqual([{ id: 'note-1', text: 'Retry budget: 3\nAsk the DBA about failover' }]);
    expect(saved.layout.positions['note-1']).toMatchObject({ width: 200, height: 100 });
    expect(saved.nodes.map((n: { id: string }) => n.id)).toEqual(['lambda-1']);

    await note.click();
    await page.keyboard.press('Delete');
    await expect(note).toHaveCount(0);
    await page.keyboard.press('Control+z');
    await expect(page.getByTestId('note-note-1')).toContainText('Ask the DBA about failover');
  });
});

test('snap to grid (Shift+G): a dragged card lands on the 20 px grid; the toolbar button shows it', async ({ page }) => {
  await openApp(page);
  await dropFromPalette(page, 'lambda', { x: 303, y: 217 });
  await page.keyboard.press('Shift+G');
  await expect(page.getByTestId('toolbar-snap')).toHaveAttribute('aria-pressed', 'true');
  const box = await nodeBox(page, 'lambda-1').boundingBox();
  if (!box) throw new Error('no card');
  await page.mouse.move(box.x + 50, box.y + 20);
  await page.mouse.down();
  await page.mouse.move(box.x + 50 + 61, box.y + 20 + 43, { steps: 8 });
  await page.mouse.up();
  const transform = await page.locator('.react-flow__node[data-id="lambda-1"]').evaluate((el) => (el as HTMLElement).style.transform);
  const [, x, y] = /translate\((-?[\d.]+)px, (-?[\d.]+)px\)/.exec(transform) ?? [];
  expect(Number(x) % 20).toBe(0);
  expect(Number(y) % 20).toBe(0);
  await page.getByTestId('toolbar-snap').click();
  await expect(page.getByTestId('toolbar-snap')).toHaveAttribute('aria-pressed', 'false');
});
