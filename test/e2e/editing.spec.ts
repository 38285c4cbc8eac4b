import { dropFromPalette, expect, nodeBox, openApp, test } from './helpers';

test.beforeEach(async ({ page }) => {
  await openApp(page);
});

test('drag a Lambda function from the palette onto the canvas', async ({ page }) => {
  await dropFromPalette(page, 'lambda', { x: 300, y: 220 });
  await expect(nodeBox(page, 'lambda-1')).toContainText('Lambda function 1');
  // It lands where it was dropped (centred on the pointer), and is selected.
  const canvas = await page.getByTestId('canvas').boundingBox();
  const node = await nodeBox(page, 'lambda-1').boundingBox();
  expect(Math.abs((node?.x ?? 0) + (node?.width ?? 0) / 2 - ((canvas?.x ?? 0) + 300))).toBeLessThan(12);
  expect(Math.abs((node?.y ?? 0) + (node?.height ?? 0) / 2 - ((canvas?.y ?? 0) + 220))).toBeLessThan(12);
  await expect(page.getByTestId('inspector')).toContainText('Lambda function');
  await expect(page.getByTestId('dirty-marker')).toBeVisible();
  expect(await page.title()).toMatch(/^● /);
});

test('connect a queue to a function, then pick the kind when several fit', async ({ page }) => {
  await dropFromPalette(page, 'sqsQueue', { x: 200, y: 200 });
  await dropFromPalette(page, 'lambda', { x: 560, y: 200 });
  await page.getByTestId('handle-out-sqsQueue-1').dragTo(page.getByTestId('handle-in-lambda-1'));
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await expect(page.locator('.react-flow__edge-text')).toHaveText('trigger · poll');

  // Function → queue can be an access, a destination or a dead-letter edge: the canvas asks.
  await page.getByTestId('handle-out-lambda-1').dragTo(page.getByTestId('handle-in-sqsQueue-1'));
  await expect(page.getByTestId('connect-menu')).toBeVisible();
  await page.getByTestId('connect-as-deadLetter').click();
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);
  await expect(page.locator('.react-flow__edge-text').filter({ hasText: 'dead-letter' })).toBeVisible();
});

test('an impossible connection shows why and creates nothing', async ({ page }) => {
  await dropFromPalette(page, 'sqsQueue', { x: 200, y: 200 });
  await dropFromPalette(page, 'snsTopic', { x: 560, y: 200 });
  await page.getByTestId('handle-out-sqsQueue-1').dragTo(page.getByTestId('handle-in-snsTopic-1'));
  await expect(page.getByTestId('toast')).toContainText('AWS has no trigger from an SQS queue to an SNS topic');
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);
});

test('an out-of-range memory size is kept, flagged inline and listed; undo and redo from the keyboard', async ({ page }) => {
  await dropFromPalette(page, 'lambda', { x: 300, y: 220 });
  const memory = page.getByTestId('field-memoryMb');
  await expect(memory).toHaveValue('128');
  await expect(page.getByTestId('inspector')).toContainText('AWS range 128–10,240');
  await memory.fill('99999');
  await memory.press('Enter');
  await expect(page.getByTestId('field-memoryMb-error')).toContainText("outside AWS's range 128–10,240");
  await expect(page.getByTestId('problems-panel')).toContainText('memoryMb is 99999; AWS allows at most 10240');
  await expect(nodeBox(page, 'lambda-1')).toContainText('99999 MB');

  await page.keyboard.press('Control+z');
  await expect(memory).toHaveValue('128');
  await expect(page.getByTestId('field-memoryMb-error')).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(memory).toHaveValue('99999');
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+y');
  await expect(memory).toHaveValue('99999');

  // Undo past the add removes the function; Delete removes a selection.
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect(nodeBox(page, 'lambda-1')).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await nodeBox(page, 'lambda-1').click();
  await page.keyboard.press('Delete');
  await expect(nodeBox(page, 'lambda-1')).toHaveCount(0);
});

test('moving a node is one undo step', async ({ page }) => {
  await dropFromPalette(page, 'lambda', { x: 300, y: 220 });
  const node = nodeBox(page, 'lambda-1');
  const before = await node.boundingBox();
  if (!before) throw new Error('node not drawn');
  await page.mouse.move(before.x + 60, before.y + 20);
  await page.mouse.down();
  await page.mouse.move(before.x + 200, before.y + 140, { steps: 12 });
  await page.mouse.up();
  const after = await node.boundingBox();
  expect(after && after.x - before.x).toBeGreaterThan(100);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => Math.round((await node.boundingBox())?.x ?? 0)).toBe(Math.round(before.x));
  await expect(node).toBeVisible();
});

test('a subnet dropped onto a VPC is placed inside it', async ({ page }) => {
  await dropFromPalette(page, 'vpc', { x: 300, y: 250 });
  const vpc = await nodeBox(page, 'vpc-1').boundingBox();
  const canvas = await page.getByTestId('canvas').boundingBox();
  if (!vpc || !canvas) throw new Error('not drawn');
  await dropFromPalette(page, 'subnet', { x: vpc.x - canvas.x + vpc.width / 2, y: vpc.y - canvas.y + vpc.height / 2 + 10 });
  await expect(page.getByTestId('inspector-parent')).toHaveValue('vpc-1');
  await expect(page.getByRole('group', { name: 'Subnet Subnet 1, in VPC 1' })).toBeVisible();
});
