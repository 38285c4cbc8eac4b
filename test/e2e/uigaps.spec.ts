import type { Page } from '@playwright/test';
import { boxOf, dropFromPalette, expect, nodeBox, openApp, openTemplate, test, type Box } from './helpers';

/** Journeys for the placement question on palette drops, undo while it is open, keyboard resizing
 *  of containers. Every point is found from what is drawn (the template's layout may change). */

const VPC = 'vpc-rds-external-api';

const contains = (b: Box, p: { x: number; y: number }) => p.x >= b.x && p.y >= b.y && p.x <= b.x + b.width && p.y <= b.y + b.height;
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function zoom(page: Page): Promise<number> {
  const transform = await page.locator('.react-flow__viewport').evaluate((el) => getComputedStyle(el).transform);
  return Number((transform.match(/-?[\d.e]+/g) ?? ['1'])[0]);
}

/** A screen point for a drop. With `inside` (a VPC or subnet): in it, at least 14 px from every
 *  node drawn in it (a drop goes to the smallest container under its centre). Without: where a
 *  whole new card (180×54 on the flow) covers no node at all. */
async function freePoint(page: Page, inside?: string): Promise<{ x: number; y: number }> {
  const z = await zoom(page);
  const canvas = await page.getByTestId('canvas').boundingBox();
  if (!canvas) throw new Error('no canvas');
  const ids = await page.locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''));
  const area = inside ? await boxOf(page, inside) : { x: canvas.x + 20, y: canvas.y + 20, width: canvas.width - 240, height: canvas.height - 120 };
  const boxes: Box[] = [];
  for (const id of ids) {
    const b = await boxOf(page, id);
    // The container itself and those around it are not in the way.
    if (!inside || !(b.x <= area.x + 1 && b.y <= area.y + 1 && b.x + b.width >= area.x + area.width - 1 && b.y + b.height >= area.y + area.height - 1)) boxes.push(b);
  }
  const probe = inside ? { width: 28, height: 28 } : { width: 180 * z + 16, height: 54 * z + 16 };
  for (let y = area.y + 30; y < area.y + area.height - 16; y += 6) {
    for (let x = area.x + 16; x < area.x + area.width - 16; x += 6) {
      const rect = { x: x - probe.width / 2, y: y - probe.height / 2, ...probe };
      if (!boxes.some((b) => overlaps(rect, b))) return { x, y };
    }
  }
  throw new Error(`no free room ${inside ? `in ${inside}` : 'on the canvas'}`);
}

async function openVpcTemplate(page: Page) {
  await openApp(page);
  await openTemplate(page, VPC);
  await expect(nodeBox(page, 'fn-quotes')).toBeVisible();
  await page.waitForTimeout(300); // fitView settles after the nodes are measured
}

async function dropAt(page: Page, kind: string, at: { x: number; y: number }) {
  const canvas = await page.getByTestId('canvas').boundingBox();
  if (!canvas) throw new Error('no canvas');
  await dropFromPalette(page, kind, { x: at.x - canvas.x, y: at.y - canvas.y });
}

const attachLine = (page: Page, node: string, subnet: string) => page.getByTestId(`rf__edge-attach:${node}:${subnet}`).locator('path.sd-attach-line');

test('a function dropped from the palette on a VPC asks which subnets (one private per AZ ticked); Attach places it; one undo step takes it all away', async ({ page }) => {
  await openVpcTemplate(page);
  await dropAt(page, 'lambda', await freePoint(page, 'vpc'));
  const menu = page.getByTestId('placement-menu');
  await expect(menu).toContainText('Place Lambda function 1 in Quotes VPC');
  await expect(menu.getByTestId('placement-subnet-sn-private-a')).toBeChecked();
  await expect(menu.getByTestId('placement-subnet-sn-private-b')).toBeChecked();
  await expect(menu.getByTestId('placement-subnet-sn-public-a')).not.toBeChecked();
  // While it asks, the new card waits at the drop point, in no subnet yet.
  await expect(nodeBox(page, 'lambda-1')).toBeVisible();
  await expect(attachLine(page, 'lambda-1', 'sn-private-a')).toHaveCount(0);
  await menu.getByTestId('placement-subnet-sn-private-b').uncheck();
  await menu.getByTestId('placement-subnet-sn-public-b').check();
  await menu.getByTestId('placement-attach').click();
  await expect(menu).toHaveCount(0);
  await expect(attachLine(page, 'lambda-1', 'sn-private-a')).toHaveCount(1);
  await expect(attachLine(page, 'lambda-1', 'sn-public-b')).toHaveCount(1);
  await expect(attachLine(page, 'lambda-1', 'sn-private-b')).toHaveCount(0);
  expect(contains(await boxOf(page, 'vpc'), await boxOf(page, 'lambda-1'))).toBe(true);
  await expect(page.getByTestId('toolbar-undo')).toHaveAttribute('title', /Undo \(Add Lambda function\)/);

  await page.keyboard.press('Control+z');
  await expect(nodeBox(page, 'lambda-1')).toHaveCount(0);
  await expect(page.getByTestId('toolbar-undo')).toBeDisabled();
  // Redo brings the add and the placement back together.
  await page.keyboard.press('Control+Shift+z');
  await expect(attachLine(page, 'lambda-1', 'sn-public-b')).toHaveCount(1);
});

test('Escape on the palette drop\'s question takes the new function away again, leaving nothing to undo', async ({ page }) => {
  await openVpcTemplate(page);
  const before = await page.locator('.react-flow__node').count();
  await dropAt(page, 'lambda', await freePoint(page, 'vpc'));
  await expect(page.getByTestId('placement-menu')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('placement-menu')).toHaveCount(0);
  await expect(nodeBox(page, 'lambda-1')).toHaveCount(0);
  await expect(page.locator('.react-flow__node')).toHaveCount(before);
  await expect(page.getByTestId('toolbar-undo')).toBeDisabled();
});

test('a load balancer dropped on a public subnet asks, with a public subnet in the other AZ ticked too (an ALB needs two AZs)', async ({ page }) => {
  await openVpcTemplate(page);
  await dropAt(page, 'alb', await freePoint(page, 'sn-public-a'));
  const menu = page.getByTestId('placement-menu');
  await expect(menu).toBeVisible();
  await expect(menu.getByTestId('placement-subnet-sn-public-a')).toBeChecked();
  await expect(menu.getByTestId('placement-subnet-sn-public-b')).toBeChecked();
  await expect(menu.getByTestId('placement-subnet-sn-private-a')).not.toBeChecked();
  await expect(menu.getByTestId('placement-subnet-sn-private-b')).not.toBeChecked();
  await menu.getByTestId('placement-attach').click();
  await expect(attachLine(page, 'alb-1', 'sn-public-a')).toHaveCount(1);
  await expect(attachLine(page, 'alb-1', 'sn-public-b')).toHaveCount(1);
});

test('a function from the palette dropped on a subnet still goes straight in (no question)', async ({ page }) => {
  await openVpcTemplate(page);
  await dropAt(page, 'lambda', await freePoint(page, 'sn-private-b'));
  await expect(nodeBox(page, 'lambda-1')).toBeVisible();
  await expect(page.getByTestId('placement-menu')).toHaveCount(0);
  expect(contains(await boxOf(page, 'sn-private-b'), await boxOf(page, 'lambda-1'))).toBe(true);
});

async function dragCardTo(page: Page, id: string, to: { x: number; y: number }) {
  const box = await boxOf(page, id);
  await page.mouse.move(box.x + box.width / 2, box.y + 10);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 20, box.y + 30, { steps: 4 });
  await page.mouse.move(to.x, to.y - box.height / 2 + 10, { steps: 14 });
  await page.mouse.up();
}

test('Ctrl+Z while a drag\'s question is open cancels it: the card is back, the add before it stays; the next Ctrl+Z undoes the add', async ({ page }) => {
  await openVpcTemplate(page);
  await dropAt(page, 'lambda', await freePoint(page));
  await expect(nodeBox(page, 'lambda-1')).toBeVisible();
  await expect(page.getByTestId('placement-menu')).toHaveCount(0);
  await page.waitForTimeout(200);
  const start = await boxOf(page, 'lambda-1');
  await dragCardTo(page, 'lambda-1', await freePoint(page, 'vpc'));
  const menu = page.getByTestId('placement-menu');
  await expect(menu).toBeVisible();

  await page.keyboard.press('Control+z');
  await expect(menu).toHaveCount(0);
  await expect(nodeBox(page, 'lambda-1')).toBeVisible();
  await expect.poll(async () => {
    const now = await boxOf(page, 'lambda-1');
    return Math.abs(now.x - start.x) + Math.abs(now.y - start.y);
  }).toBeLessThan(2);
  await expect(page.getByTestId('toolbar-undo')).toHaveAttribute('title', /Undo \(Add Lambda function\)/);
  await expect(page.getByTestId('toolbar-redo')).toBeDisabled();

  await page.keyboard.press('Control+z');
  await expect(nodeBox(page, 'lambda-1')).toHaveCount(0);
});

test('the toolbar Undo while a palette drop\'s question is open takes the drop back and nothing else', async ({ page }) => {
  await openVpcTemplate(page);
  // An earlier edit, which must survive.
  await dropAt(page, 'sqsQueue', await freePoint(page));
  await expect(page.getByTestId('toolbar-undo')).toHaveAttribute('title', /Undo \(Add /);
  const undoTitle = await page.getByTestId('toolbar-undo').getAttribute('title');
  const count = await page.locator('.react-flow__node').count();

  await dropAt(page, 'lambda', await freePoint(page, 'vpc'));
  await expect(page.getByTestId('placement-menu')).toBeVisible();
  await page.getByTestId('toolbar-undo').click();
  await expect(page.getByTestId('placement-menu')).toHaveCount(0);
  await expect(nodeBox(page, 'lambda-1')).toHaveCount(0);
  await expect(page.locator('.react-flow__node')).toHaveCount(count);
  await expect(page.getByTestId('toolbar-undo')).toHaveAttribute('title', undoTitle ?? '');
});

test('Alt+arrows resize a selected subnet by the 20 px grid (Shift: five steps), never smaller than what it holds; one undo step a press; listed in the ? sheet', async ({ page }) => {
  await openVpcTemplate(page);
  const z = await zoom(page);
  const subnet = nodeBox(page, 'sn-public-a');
  await subnet.click({ position: { x: 30, y: 10 } });
  await expect(subnet).toHaveClass(/is-selected/);
  const start = await boxOf(page, 'sn-public-a');

  await page.keyboard.press('Alt+ArrowRight');
  await expect.poll(async () => (await boxOf(page, 'sn-public-a')).width - start.width).toBeCloseTo(20 * z, 0);
  await page.keyboard.press('Alt+Shift+ArrowDown');
  await expect.poll(async () => (await boxOf(page, 'sn-public-a')).height - start.height).toBeCloseTo(100 * z, 0);
  // Still where it was: only the right and bottom edges moved.
  const grown = await boxOf(page, 'sn-public-a');
  expect(Math.abs(grown.x - start.x) + Math.abs(grown.y - start.y)).toBeLessThan(1);
  await expect(page.getByTestId('toolbar-undo')).toHaveAttribute('title', /Undo \(Resize\)/);
  // One undo step a press: the first undo takes back the taller, not the wider.
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await boxOf(page, 'sn-public-a')).height - start.height).toBeCloseTo(0, 0);
  expect((await boxOf(page, 'sn-public-a')).width - start.width).toBeCloseTo(20 * z, 0);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(async () => (await boxOf(page, 'sn-public-a')).height - start.height).toBeCloseTo(100 * z, 0);

  // Shrinking stops where its NAT gateway would no longer fit, and says so.
  for (let i = 0; i < 4; i++) await page.keyboard.press('Alt+Shift+ArrowUp');
  for (let i = 0; i < 4; i++) await page.keyboard.press('Alt+Shift+ArrowLeft');
  await expect(page.getByTestId('toast').filter({ hasText: 'Public subnet A cannot get smaller' }).first()).toBeVisible();
  const smallest = await boxOf(page, 'sn-public-a');
  const nat = await boxOf(page, 'nat-a');
  expect(nat.x + nat.width).toBeLessThanOrEqual(smallest.x + smallest.width);
  expect(nat.y + nat.height).toBeLessThanOrEqual(smallest.y + smallest.height);
  expect(smallest.width).toBeLessThanOrEqual(start.width + 0.5);

  // Undo all the way: its first size again.
  for (let i = 0; i < 12 && (await page.getByTestId('toolbar-undo').isEnabled()); i++) await page.keyboard.press('Control+z');
  await expect.poll(async () => {
    const b = await boxOf(page, 'sn-public-a');
    return Math.abs(b.width - start.width) + Math.abs(b.height - start.height);
  }).toBeLessThan(1);

  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcut-growWidth')).toContainText('Alt+→');
  await expect(page.getByTestId('shortcut-shrinkHeight')).toContainText('Alt+↑');
});

test('Alt+arrow with a function selected resizes nothing and says what to select', async ({ page }) => {
  await openVpcTemplate(page);
  await nodeBox(page, 'fn-quotes').click();
  const before = await boxOf(page, 'fn-quotes');
  await page.keyboard.press('Alt+ArrowRight');
  await expect(page.getByTestId('toast').filter({ hasText: 'Select a VPC or subnet to resize it' })).toBeVisible();
  const after = await boxOf(page, 'fn-quotes');
  expect(Math.abs(after.x - before.x) + Math.abs(after.width - before.width)).toBeLessThan(1);
  await expect(page.getByTestId('toolbar-undo')).toBeDisabled();
});

test('deleting the new function while its question is open closes the question; undo brings the function back, unplaced', async ({ page }) => {
  await openVpcTemplate(page);
  await dropAt(page, 'lambda', await freePoint(page, 'vpc'));
  const menu = page.getByTestId('placement-menu');
  await expect(menu).toBeVisible();
  await page.keyboard.press('Delete');
  await expect(nodeBox(page, 'lambda-1')).toHaveCount(0);
  await expect(menu).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(nodeBox(page, 'lambda-1')).toBeVisible();
  await expect(attachLine(page, 'lambda-1', 'sn-private-a')).toHaveCount(0);
  await expect(page.getByTestId('placement-menu')).toHaveCount(0);
});
