import type { Page } from '@playwright/test';
import { boxOf, dropFromPalette, expect, nodeBox, openApp, openTemplate, test, type Box } from './helpers';

const VPC = 'vpc-rds-external-api';


const within = (a: Box, b: Box, slack = 1) => a.x >= b.x - slack && a.y >= b.y - slack && a.x + a.width <= b.x + b.width + slack && a.y + a.height <= b.y + b.height + slack;

/** Drags a card by its name line to a screen point (its grab point lands there), as a user does. */
/** The box once it stands still: the view may still be gliding (selecting a connection pans to it). */
async function stableBox(page: Page, id: string): Promise<Box> {
  // Two measures 100 ms apart that agree: the canvas is not mid-pan (a click on a reachability row
  // pans to the edge for 250 ms; two reads within one frame would agree while it still moves).
  let box = await boxOf(page, id);
  for (let i = 0; i < 50; i++) {
    await page.waitForTimeout(100);
    const next = await boxOf(page, id);
    if (Math.abs(next.x - box.x) + Math.abs(next.y - box.y) < 0.5) return next;
    box = next;
  }
  throw new Error(`${id} never stopped moving`);
}

async function dragCard(page: Page, id: string, to: { x: number; y: number }) {
  const box = await stableBox(page, id);
  await page.mouse.move(box.x + 40, box.y + 14);
  await page.mouse.down();
  await page.mouse.move(box.x + 60, box.y + 30, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 14 });
  await page.mouse.up();
}

/** A flow point on the screen: React Flow's viewport is `translate(x, y) scale(z)` inside the pane. */
async function toScreen(page: Page, p: { x: number; y: number }) {
  const transform = await page.locator('.react-flow__viewport').evaluate((el) => getComputedStyle(el).transform);
  const [a, , , d, e, f] = (transform.match(/-?[\d.e]+/g) ?? []).map(Number);
  const pane = await page.locator('.react-flow').boundingBox();
  if (!pane) throw new Error('no pane');
  return { x: pane.x + e + p.x * a, y: pane.y + f + p.y * d };
}

async function openVpcTemplate(page: Page) {
  await openApp(page);
  await openTemplate(page, VPC);
  await expect(nodeBox(page, 'fn-quotes')).toBeVisible();
  await page.waitForTimeout(300); // fitView settles after the nodes are measured
}

test('the VPC template draws the function and the database in the VPC, attached to both private subnets, with their security groups', async ({ page }) => {
  await openVpcTemplate(page);
  const vpc = await boxOf(page, 'vpc');
  for (const id of ['fn-quotes', 'db']) {
    expect(within(await boxOf(page, id), vpc), `${id} inside the VPC box`).toBe(true);
    for (const subnet of ['sn-private-a', 'sn-private-b']) {
      const line = page.getByTestId(`rf__edge-attach:${id}:${subnet}`);
      // A line (straight, or routed around other cards; a vertical one has a zero-width box, so not
      // "visible" to Playwright) of some length.
      const d = await line.locator('path.sd-attach-line').getAttribute('d');
      const numbers = (d?.match(/-?[\d.]+/g) ?? []).map(Number);
      const [x1, y1] = numbers;
      const [x2, y2] = numbers.slice(-2);
      expect(d, `${id} attached to ${subnet}`).toMatch(/^M [\d.-]+[ ,][\d.-]+ L /);
      expect(Math.hypot(x2 - x1, y2 - y1), `${id}'s line to ${subnet} has a length`).toBeGreaterThan(10);
      // It ends on the subnet box's border (flow coordinates → screen through the viewport transform).
      const end = await toScreen(page, { x: x2, y: y2 });
      const box = await boxOf(page, subnet);
      const onX = Math.abs(end.x - box.x) < 2 || Math.abs(end.x - box.x - box.width) < 2;
      const onY = Math.abs(end.y - box.y) < 2 || Math.abs(end.y - box.y - box.height) < 2;
      const inX = end.x > box.x - 2 && end.x < box.x + box.width + 2;
      const inY = end.y > box.y - 2 && end.y < box.y + box.height + 2;
      expect((onX && inY) || (onY && inX), `${id}'s line ends on ${subnet}'s border`).toBe(true);
    }
  }
  await expect(page.getByTestId('rf__edge-attach:fn-quotes:sn-private-a')).toHaveAttribute('aria-label', 'Quote service attached to Private subnet A');

  // The SG chip selects its group; the resources using it are outlined.
  const chip = nodeBox(page, 'fn-quotes').getByTestId('sg-chip-sg-fn');
  await expect(chip).toHaveText('Quote service SG');
  await chip.click();
  await expect(page.getByTestId('inspector-name')).toHaveValue('Quote service SG');
  await expect(nodeBox(page, 'sg-fn')).toHaveClass(/is-selected/);
  await expect(nodeBox(page, 'fn-quotes')).not.toHaveClass(/is-selected/);
  await expect(nodeBox(page, 'fn-quotes')).toHaveAttribute('data-uses-selected-sg', 'true');
  await expect(nodeBox(page, 'db')).not.toHaveAttribute('data-uses-selected-sg', 'true');

  await nodeBox(page, 'db').getByTestId('sg-chip-sg-db').click();
  await expect(page.getByTestId('inspector-name')).toHaveValue('Database SG');
  await expect(nodeBox(page, 'db')).toHaveAttribute('data-uses-selected-sg', 'true');
});

test('a function dropped from the palette into Private subnet A is placed in it with a security group, in one undo step', async ({ page }) => {
  await openVpcTemplate(page);
  const canvas = await page.getByTestId('canvas').boundingBox();
  const subnet = await boxOf(page, 'sn-private-a');
  if (!canvas) throw new Error('no canvas');
  await dropFromPalette(page, 'lambda', { x: subnet.x - canvas.x + subnet.width / 2, y: subnet.y - canvas.y + subnet.height / 2 + 10 });

  const card = nodeBox(page, 'lambda-1');
  await expect(card).toBeVisible();
  expect(within(await boxOf(page, 'lambda-1'), await boxOf(page, 'sn-private-a')), 'the new card inside Private subnet A').toBe(true);
  // The inspector shows it in that subnet only, with its new security group.
  await expect(page.getByTestId('field-vpc.subnets-sn-private-a')).toBeChecked();
  await expect(page.getByTestId('field-vpc.subnets-sn-private-b')).not.toBeChecked();
  await expect(card.locator('.sd-sg-chip')).toHaveText('Lambda function 1 SG');
  await expect(page.getByTestId('rf__edge-attach:lambda-1:sn-private-a')).toHaveCount(0);

  // One step: undo takes the function and its group away together.
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
  await page.keyboard.press('Control+z');
  await expect(card).toHaveCount(0);
  await expect(page.locator('[data-kind="securityGroup"]')).toHaveCount(2);
});

test('dragging the template function out of the VPC detaches it (its database edge becomes unreachable); undo puts it back in one step', async ({ page }) => {
  await openVpcTemplate(page);
  await page.getByTestId('toolbar-paths').click();
  await expect(page.getByTestId('rf__edge-e-quotes-db')).toHaveClass(/sd-reach-yes/);
  const vpc = await boxOf(page, 'vpc');
  const api = await boxOf(page, 'api-quotes');
  const before = await boxOf(page, 'fn-quotes');

  // Left of the VPC, below the API card: clear of everything.
  await dragCard(page, 'fn-quotes', { x: (api.x + vpc.x) / 2 - 20, y: api.y + api.height + 90 });
  const after = await boxOf(page, 'fn-quotes');
  expect(after.x + after.width, 'the card is left of the VPC').toBeLessThan(vpc.x);
  await expect(page.getByTestId('rf__edge-attach:fn-quotes:sn-private-a')).toHaveCount(0);
  await expect(page.getByTestId('rf__edge-e-quotes-db')).toHaveClass(/sd-reach-no/);
  await nodeBox(page, 'fn-quotes').click();
  await expect(page.getByTestId('field-vpc.subnets-sn-private-a')).not.toBeChecked();
  await expect(page.getByTestId('field-vpc.subnets-sn-private-b')).not.toBeChecked();
  await expect(page.getByTestId('toolbar-undo')).toHaveAttribute('title', /Take out of VPC/);

  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('rf__edge-attach:fn-quotes:sn-private-a').locator('path.sd-attach-line')).toHaveCount(1);
  await expect(page.getByTestId('rf__edge-e-quotes-db')).toHaveClass(/sd-reach-yes/);
  const back = await boxOf(page, 'fn-quotes');
  expect(Math.abs(back.x - before.x) + Math.abs(back.y - before.y), 'back where the drag started').toBeLessThan(2);
  await expect(page.getByTestId('toolbar-undo')).toBeDisabled();
});

test('dropping the function on a public subnet asks Add or Only; Escape puts it back; Only places it there', async ({ page }) => {
  await openVpcTemplate(page);
  const before = await boxOf(page, 'fn-quotes');
  const target = await boxOf(page, 'sn-public-a');
  const drop = { x: target.x + target.width / 2, y: target.y + target.height / 2 };

  // While dragged over it, the subnet a drop would go to is outlined.
  await page.mouse.move(before.x + 40, before.y + 14);
  await page.mouse.down();
  await page.mouse.move(before.x + 60, before.y + 30, { steps: 4 });
  await page.mouse.move(drop.x, drop.y, { steps: 14 });
  await expect(page.locator('.react-flow__node[data-id="sn-public-a"]')).toHaveClass(/is-drop-target/);
  await expect(page.locator('.react-flow__node.is-drop-target')).toHaveCount(1);
  await page.mouse.up();
  await expect(page.locator('.react-flow__node.is-drop-target')).toHaveCount(0);
  const menu = page.getByTestId('placement-menu');
  await expect(menu.getByTestId('placement-add')).toHaveText(/Add Public subnet A \(3 subnets\)/);
  await expect(menu.getByTestId('placement-only')).toHaveText(/Only Public subnet A/);
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  const back = await boxOf(page, 'fn-quotes');
  expect(Math.abs(back.x - before.x) + Math.abs(back.y - before.y), 'back where the drag started').toBeLessThan(2);
  await expect(page.getByTestId('toolbar-undo')).toBeDisabled();

  await dragCard(page, 'fn-quotes', drop);
  await menu.getByTestId('placement-only').click();
  await expect(page.getByTestId('rf__edge-attach:fn-quotes:sn-private-a')).toHaveCount(0);
  expect(within(await boxOf(page, 'fn-quotes'), await boxOf(page, 'sn-public-a'))).toBe(true);
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('rf__edge-attach:fn-quotes:sn-private-a').locator('path.sd-attach-line')).toHaveCount(1);
  await expect(page.getByTestId('toolbar-undo')).toBeDisabled();
});

test('a subnet resized by its handle is bigger; undo restores it', async ({ page }) => {
  await openVpcTemplate(page);
  await nodeBox(page, 'sn-private-a').locator('.sd-container-title').click();
  const before = await boxOf(page, 'sn-private-a');
  const handle = nodeBox(page, 'sn-private-a').locator('.react-flow__resize-control.handle.bottom.right');
  await expect(handle).toBeVisible();
  const h = await handle.boundingBox();
  if (!h) throw new Error('no handle');
  await page.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
  await page.mouse.down();
  await page.mouse.move(h.x + 40, h.y + 30, { steps: 5 });
  await page.mouse.move(h.x + 80, h.y + 50, { steps: 5 });
  await page.mouse.up();
  const after = await boxOf(page, 'sn-private-a');
  expect(after.width).toBeGreaterThan(before.width + 40);
  expect(after.height).toBeGreaterThan(before.height + 25);
  await expect(page.getByTestId('toolbar-undo')).toHaveAttribute('title', /Undo \((Resize)\)/);

  await page.keyboard.press('Control+z');
  const undone = await boxOf(page, 'sn-private-a');
  expect(Math.abs(undone.width - before.width)).toBeLessThan(2);
  expect(Math.abs(undone.height - before.height)).toBeLessThan(2);
  await expect(page.getByTestId('toolbar-undo')).toBeDisabled();
});

test('a card dropped half outside its subnet ends inside it', async ({ page }) => {
  await openVpcTemplate(page);
  const subnet = await boxOf(page, 'sn-public-a');
  const nat = await boxOf(page, 'nat-a');
  // The grab point is 40 px into the card: the card's left third sticks out of the subnet's left edge.
  await dragCard(page, 'nat-a', { x: subnet.x - nat.width / 3 + 40, y: subnet.y + subnet.height / 2 });
  await expect.poll(async () => within(await boxOf(page, 'nat-a'), await boxOf(page, 'sn-public-a'))).toBe(true);
  await expect(page.locator('.react-flow__node[data-id="nat-a"]')).toHaveAttribute('aria-label', /, in Public subnet A$/);

  // Centre out, box still over the subnet: back in, and the toast says how to take it out.
  const now = await boxOf(page, 'sn-public-a');
  await dragCard(page, 'nat-a', { x: now.x - nat.width * 0.7 + 40, y: now.y + now.height / 2 });
  await expect(page.getByTestId('toast').filter({ hasText: 'Drag NAT gateway A fully out to take it out of Public subnet A.' })).toBeVisible();
  await expect.poll(async () => within(await boxOf(page, 'nat-a'), await boxOf(page, 'sn-public-a'))).toBe(true);
  await expect(page.locator('.react-flow__node[data-id="nat-a"]')).toHaveAttribute('aria-label', /, in Public subnet A$/);
});

test('a subnet resized from its top-left corner grows up and left while what it holds stays put; one undo step', async ({ page }) => {
  await openVpcTemplate(page);
  await nodeBox(page, 'sn-public-a').locator('.sd-container-title').click();
  const before = await boxOf(page, 'sn-public-a');
  const natBefore = await boxOf(page, 'nat-a');
  const handle = nodeBox(page, 'sn-public-a').locator('.react-flow__resize-control.handle.top.left');
  const h = await handle.boundingBox();
  if (!h) throw new Error('no handle');
  await page.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
  await page.mouse.down();
  await page.mouse.move(h.x - 20, h.y - 10, { steps: 5 });
  await page.mouse.move(h.x - 40, h.y - 20, { steps: 5 });
  await page.mouse.up();
  const after = await boxOf(page, 'sn-public-a');
  expect(after.x).toBeLessThan(before.x - 20);
  expect(after.y).toBeLessThan(before.y - 10);
  expect(after.x + after.width, 'the right edge stays').toBeCloseTo(before.x + before.width, 0);
  const natAfter = await boxOf(page, 'nat-a');
  expect(Math.abs(natAfter.x - natBefore.x) + Math.abs(natAfter.y - natBefore.y), 'the NAT gateway stays put').toBeLessThan(2);

  await page.keyboard.press('Control+z');
  const undone = await boxOf(page, 'sn-public-a');
  expect(Math.abs(undone.x - before.x) + Math.abs(undone.y - before.y) + Math.abs(undone.width - before.width)).toBeLessThan(2);
  await expect(page.getByTestId('toolbar-undo')).toBeDisabled();
});

test('the inspector is the other way: unticking a subnet moves the card into the one left, ticking it again back into the VPC', async ({ page }) => {
  await openVpcTemplate(page);
  await nodeBox(page, 'fn-quotes').click();
  await page.getByTestId('field-vpc.subnets-sn-private-b').uncheck();
  await expect(page.getByTestId('rf__edge-attach:fn-quotes:sn-private-a')).toHaveCount(0);
  await expect(page.locator('.react-flow__node[data-id="fn-quotes"]')).toHaveAttribute('aria-label', /, in Private subnet A$/);
  await expect.poll(async () => within(await boxOf(page, 'fn-quotes'), await boxOf(page, 'sn-private-a'))).toBe(true);

  await page.getByTestId('field-vpc.subnets-sn-private-b').check();
  await expect(page.locator('.react-flow__node[data-id="fn-quotes"]')).toHaveAttribute('aria-label', /, in Quotes VPC$/);
  await expect(page.getByTestId('rf__edge-attach:fn-quotes:sn-private-b').locator('path.sd-attach-line')).toHaveCount(1);
});

test('a function dragged onto a VPC free area asks which subnets, one private subnet per AZ ticked; Attach places it in both', async ({ page }) => {
  await openVpcTemplate(page);
  const canvas = await page.getByTestId('canvas').boundingBox();
  const api = await boxOf(page, 'api-quotes');
  if (!canvas) throw new Error('no canvas');
  await dropFromPalette(page, 'lambda', { x: api.x - canvas.x + api.width / 2, y: api.y - canvas.y + api.height + 120 });
  await expect(nodeBox(page, 'lambda-1')).toBeVisible();
  await expect(nodeBox(page, 'lambda-1').locator('.sd-sg-chip')).toHaveCount(0);

  // The VPC's free area: a point in it at least 14 px from everything drawn in it (found from what
  // is drawn, so a re-laid-out template keeps the journey); the card's centre goes there.
  const vpc = await boxOf(page, 'vpc');
  const ids = await page.locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''));
  const others = await Promise.all(ids.filter((id) => id !== 'vpc' && id !== 'lambda-1').map((id) => boxOf(page, id)));
  let free: { x: number; y: number } | undefined;
  for (let y = vpc.y + 30; y < vpc.y + vpc.height - 14 && !free; y += 6) {
    for (let x = vpc.x + 14; x < vpc.x + vpc.width - 14 && !free; x += 6) {
      if (others.every((o) => x < o.x - 14 || x > o.x + o.width + 14 || y < o.y - 14 || y > o.y + o.height + 14)) free = { x, y };
    }
  }
  if (!free) throw new Error('the VPC has no free area');
  const card = await stableBox(page, 'lambda-1');
  await dragCard(page, 'lambda-1', { x: free.x - card.width / 2 + 40, y: free.y - card.height / 2 + 14 });
  const menu = page.getByTestId('placement-menu');
  await expect(menu).toContainText('Place Lambda function 1 in Quotes VPC');
  await expect(menu.getByTestId('placement-subnet-sn-private-a')).toBeChecked();
  await expect(menu.getByTestId('placement-subnet-sn-private-b')).toBeChecked();
  await expect(menu.getByTestId('placement-subnet-sn-public-a')).not.toBeChecked();
  await expect(menu.getByTestId('placement-subnet-sn-public-b')).not.toBeChecked();
  await menu.getByTestId('placement-attach').click();
  await expect(menu).toHaveCount(0);
  for (const subnet of ['sn-private-a', 'sn-private-b']) {
    await expect(page.getByTestId(`rf__edge-attach:lambda-1:${subnet}`).locator('path.sd-attach-line')).toHaveCount(1);
  }
  await expect(nodeBox(page, 'lambda-1').locator('.sd-sg-chip')).toHaveText('Lambda function 1 SG');
  expect(within(await boxOf(page, 'lambda-1'), await boxOf(page, 'vpc'))).toBe(true);

  // The drag and the placement are one step; the add before it is another.
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('rf__edge-attach:lambda-1:sn-private-a')).toHaveCount(0);
  await expect(nodeBox(page, 'lambda-1').locator('.sd-sg-chip')).toHaveCount(0);
  const undone = await boxOf(page, 'lambda-1');
  expect(undone.x + undone.width, 'back left of the VPC').toBeLessThan((await boxOf(page, 'vpc')).x);
  await page.keyboard.press('Control+z');
  await expect(nodeBox(page, 'lambda-1')).toHaveCount(0);
});

test('placing a new function in Private subnet A changes what stops its database connection: no VPC, then the database\'s security group', async ({ page }) => {
  await openVpcTemplate(page);
  const canvas = await page.getByTestId('canvas').boundingBox();
  const api = await boxOf(page, 'api-quotes');
  if (!canvas) throw new Error('no canvas');
  await dropFromPalette(page, 'lambda', { x: api.x - canvas.x + api.width / 2, y: api.y - canvas.y + api.height + 120 });
  await page.getByTestId('handle-out-lambda-1').dragTo(page.getByTestId('handle-in-db'));
  await page.getByTestId('toolbar-paths').click();
  const edge = page.locator('.react-flow__edge[aria-label^="Lambda function Lambda function 1 access"]');
  await expect(edge).toHaveClass(/sd-reach-no/);
  const edgeId = await edge.getAttribute('data-id');

  // Outside the VPC: the path breaks at the function itself.
  await nodeBox(page, 'lambda-1').click();
  await page.getByTestId(`reach-edge-${edgeId}`).click();
  await expect(page.getByTestId('reach-verdict')).toHaveText('unreachable');
  await expect(page.getByTestId('reach-broken-hop').first()).toContainText('is not attached to a VPC');

  // In Private subnet A, with its own new group: now the database's group is what refuses it.
  const subnet = await stableBox(page, 'sn-private-a');
  await dragCard(page, 'lambda-1', { x: subnet.x + subnet.width / 2 - 30, y: subnet.y + subnet.height / 2 });
  await expect(page.getByTestId('placement-menu')).toHaveCount(0);
  await expect(nodeBox(page, 'lambda-1').locator('.sd-sg-chip')).toHaveText('Lambda function 1 SG');
  await nodeBox(page, 'lambda-1').click();
  await page.getByTestId(`reach-edge-${edgeId}`).click();
  await expect(page.getByTestId('reach-broken-hop').first()).not.toContainText('is not attached to a VPC');
  await expect(page.getByTestId('reach-broken-hop').first()).toContainText('Database SG');
});

test('from the keyboard: N on a selected function asks which subnets of its VPC (its own ticked); Attach moves it; on an API it says why not', async ({ page }) => {
  await openVpcTemplate(page);
  await nodeBox(page, 'fn-quotes').click();
  await page.keyboard.press('n');
  const menu = page.getByTestId('placement-menu');
  await expect(menu).toContainText('Place Quote service in Quotes VPC');
  await expect(menu.getByTestId('placement-subnet-sn-private-a')).toBeChecked();
  await expect(menu.getByTestId('placement-subnet-sn-private-b')).toBeChecked();
  await expect(menu.getByTestId('placement-subnet-sn-private-a')).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space'); // the next box, Public subnet A (AZ a order), ticked from the keyboard
  await expect(menu.getByTestId('placement-subnet-sn-public-a')).toBeChecked();
  await menu.getByTestId('placement-subnet-sn-private-b').uncheck();
  await menu.getByTestId('placement-subnet-sn-public-a').uncheck();
  await menu.getByTestId('placement-attach').click();
  await expect(page.locator('.react-flow__node[data-id="fn-quotes"]')).toHaveAttribute('aria-label', /, in Private subnet A$/);
  await expect(page.getByTestId('toolbar-undo')).toHaveAttribute('title', /Place in subnet/);
  await page.keyboard.press('Control+z');
  await expect(page.locator('.react-flow__node[data-id="fn-quotes"]')).toHaveAttribute('aria-label', /, in Quotes VPC$/);

  // Escape closes it with nothing changed; "Take out of VPC" detaches.
  await nodeBox(page, 'fn-quotes').click();
  await page.keyboard.press('n');
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(page.getByTestId('toolbar-undo')).toBeDisabled();
  await page.keyboard.press('n');
  await menu.getByTestId('placement-detach').click();
  await expect(page.locator('.react-flow__node[data-id="fn-quotes"]')).toHaveAttribute('aria-label', 'Lambda function Quote service');

  await nodeBox(page, 'api-quotes').click();
  await page.keyboard.press('n');
  await expect(menu).toHaveCount(0);
  await expect(page.getByTestId('toast').filter({ hasText: 'to place it in subnets' })).toBeVisible();
});
