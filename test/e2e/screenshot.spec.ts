import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

// Rendered like a HiDPI display, so the labels stay legible in the image at the zoom that fits the whole design.
test.use({ deviceScaleFactor: process.env.SD_SCREENSHOT ? 2 : 1 });
import { expect, nodeBox, openApp, openTemplate, pickTemplate, test } from './helpers';
import { placementOf } from '../../core/model/placement';

// The VPC template drawn at 1440×900: containers visible, no two resources overlapping, nothing
// outside its container. `SD_SCREENSHOT=1 npx playwright test screenshot` also refreshes docs/screenshot.png.
test('the VPC template is drawn cleanly (and docs/screenshot.png comes from here)', async ({ page }) => {
  const { slug, design } = pickTemplate();
  await openApp(page);
  await openTemplate(page, slug);
  await page.waitForTimeout(400); // fitView settles after the nodes are measured

  const boxes = new Map<string, { x: number; y: number; width: number; height: number }>();
  for (const n of design.nodes) {
    const box = await nodeBox(page, n.id).boundingBox();
    expect(box, `${n.name} is drawn`).not.toBeNull();
    if (box) boxes.set(n.id, box);
  }
  const overlap = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  const inside = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
    a.x >= b.x - 1 && a.y >= b.y - 1 && a.x + a.width <= b.x + b.width + 1 && a.y + a.height <= b.y + b.height + 1;
  const containers = new Set(['vpc', 'subnet']);
  // Where each resource is drawn: its subnet, its subnets' VPC, or its parent container.
  const placement = placementOf(design);
  const drawParent = (id: string) => placement.get(id)?.drawParent;
  for (const a of design.nodes) {
    const boxA = boxes.get(a.id);
    if (!boxA) continue;
    const parent = drawParent(a.id);
    if (parent) {
      const boxP = boxes.get(parent);
      expect(boxP, `${a.name}'s container is drawn`).toBeDefined();
      if (boxP) expect(inside(boxA, boxP), `${a.name} inside its container`).toBe(true);
    }
    for (const b of design.nodes) {
      if (a.id >= b.id || drawParent(a.id) !== drawParent(b.id) || containers.has(a.kind) !== containers.has(b.kind)) continue;
      const boxB = boxes.get(b.id);
      if (boxB) expect(overlap(boxA, boxB), `${a.name} and ${b.name} overlap`).toBe(false);
    }
  }

  if (process.env.SD_SCREENSHOT) {
    const out = join(import.meta.dirname, '..', '..', 'docs', 'screenshot.png');
    mkdirSync(dirname(out), { recursive: true });
    // The analysis at work: the function's retry and network verdicts, access edges coloured by
    // reachability, and the cost panel with the function's lines open.
    const fn = design.nodes.find((n) => n.kind === 'lambda');
    await page.locator(`[data-testid="node-${fn?.id}"]`).click();
    await page.getByTestId('toolbar-paths').click();
    await page.getByTestId('dock-tab-cost').click();
    await page.getByTestId('cost-node').filter({ hasText: fn?.name }).getByRole('button', { expanded: false }).click();
    await page.mouse.move(0, 0);
    await page.screenshot({ path: out });
  }
});
