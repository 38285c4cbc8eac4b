import type { Page } from '@playwright/test';
import { expect, nodeBox, openApp, openTemplate, test } from './helpers';

// Auto-layout: a template scrambled by dragging nodes onto each other is laid out again with one
// click (no overlaps), Ctrl+Z takes the whole layout back in one step; with two or more nodes
// selected only they move.

const TEMPLATE = 'sns-fan-out';

/** Every node's position in flow coordinates (relative to its container), from React Flow's transform. */
async function flowPositions(page: Page): Promise<Record<string, { x: number; y: number }>> {
  return page.evaluate(() => {
    const out: Record<string, { x: number; y: number }> = {};
    for (const el of document.querySelectorAll<HTMLElement>('.react-flow__node')) {
      const m = /translate\(\s*(-?[\d.]+)px,\s*(-?[\d.]+)px\)/.exec(el.style.transform);
      if (m && el.dataset.id) out[el.dataset.id] = { x: Number(m[1]), y: Number(m[2]) };
    }
    return out;
  });
}

/** Pairs of resource cards whose boxes on screen overlap. */
async function overlappingCards(page: Page, ids?: readonly string[]): Promise<string[]> {
  return page.evaluate((only) => {
    const cards = [...document.querySelectorAll<HTMLElement>('.react-flow__node-resource')]
      .filter((el) => !only || only.includes(el.dataset.id ?? ''))
      .map((el) => ({ id: el.dataset.id ?? '', r: el.getBoundingClientRect() }));
    const out: string[] = [];
    for (let i = 0; i < cards.length; i++) {
      for (let j = i + 1; j < cards.length; j++) {
        const [a, b] = [cards[i].r, cards[j].r];
        if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) out.push(`${cards[i].id}/${cards[j].id}`);
      }
    }
    return out;
  }, ids ? [...ids] : null);
}

/** Drags node `id` so that its centre lands near node `onto`'s centre (`offset` pixels right and down). */
async function dragOnto(page: Page, id: string, onto: string, offset = { x: 14, y: 8 }): Promise<void> {
  const from = await nodeBox(page, id).boundingBox();
  const to = await nodeBox(page, onto).boundingBox();
  if (!from || !to) throw new Error(`${id} or ${onto} is not on screen`);
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2 + offset.x, to.y + to.height / 2 + offset.y, { steps: 10 });
  await page.mouse.up();
}

test.beforeEach(async ({ page }) => {
  await openApp(page);
  await openTemplate(page, TEMPLATE);
  await expect(nodeBox(page, 'sns-orders')).toBeVisible();
});

test('Auto-layout untangles a scrambled design in one undoable step', async ({ page }) => {
  await dragOnto(page, 'fn-fulfilment', 'sns-orders');
  await dragOnto(page, 'q-analytics', 'sns-orders');
  await dragOnto(page, 'tbl-shipments', 'fn-place-order');
  expect((await overlappingCards(page)).length).toBeGreaterThan(0);
  const scrambled = await flowPositions(page);

  const button = page.getByTestId('toolbar-autoLayout');
  await expect(button).toHaveAccessibleName('Auto-layout');
  await button.click();
  await expect(page.getByTestId('toolbar-undo')).toHaveAccessibleName('Undo (Auto-layout)');
  expect(await overlappingCards(page)).toEqual([]);
  const laidOut = await flowPositions(page);
  const moved = Object.keys(scrambled).filter((id) => laidOut[id].x !== scrambled[id].x || laidOut[id].y !== scrambled[id].y);
  // The template is itself auto-laid out, so at least the three dragged cards go back to a place of their own.
  expect(moved).toEqual(expect.arrayContaining(['fn-fulfilment', 'q-analytics', 'tbl-shipments']));
  // Sources left of what they trigger: the topic left of its queues, each queue left of its function.
  expect(laidOut['sns-orders'].x).toBeLessThan(laidOut['q-fulfilment'].x);
  expect(laidOut['q-fulfilment'].x).toBeLessThan(laidOut['fn-fulfilment'].x);
  expect(laidOut['q-analytics'].x).toBeLessThan(laidOut['fn-analytics'].x);

  // One undo step takes the whole layout back to the scrambled positions.
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('toolbar-undo')).not.toHaveAccessibleName('Undo (Auto-layout)');
  expect(await flowPositions(page)).toEqual(scrambled);
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByTestId('toolbar-undo')).toHaveAccessibleName('Undo (Auto-layout)');
  expect(await flowPositions(page)).toEqual(laidOut);
});

test('with several nodes selected, Ctrl+Shift+K lays out only them, where they were', async ({ page }) => {
  const chosen = ['q-fulfilment', 'fn-fulfilment', 'tbl-shipments', 'q-fulfilment-dlq'];
  await dragOnto(page, 'fn-fulfilment', 'q-fulfilment', { x: 30, y: 14 });
  await dragOnto(page, 'tbl-shipments', 'q-fulfilment', { x: 60, y: 28 });
  expect((await overlappingCards(page, chosen)).length).toBeGreaterThan(0);
  // Each clicked near its top-left corner, which the cards piled on it leave uncovered.
  for (const [i, id] of chosen.entries()) await nodeBox(page, id).click({ position: { x: 8, y: 8 }, modifiers: i ? ['Control'] : [] });
  await expect(page.getByTestId('toolbar-autoLayout')).toHaveAccessibleName('Auto-layout selection');
  const before = await flowPositions(page);

  await page.keyboard.press('Control+Shift+K');
  await expect(page.getByTestId('toolbar-undo')).toHaveAccessibleName('Undo (Auto-layout selection)');
  const after = await flowPositions(page);
  for (const id of Object.keys(before)) if (!chosen.includes(id)) expect(after[id], id).toEqual(before[id]);
  expect(await overlappingCards(page, chosen)).toEqual([]);
  // The group starts where the selection's top-left was.
  expect(Math.min(...chosen.map((id) => after[id].x))).toBe(Math.min(...chosen.map((id) => before[id].x)));
  expect(Math.min(...chosen.map((id) => after[id].y))).toBe(Math.min(...chosen.map((id) => before[id].y)));
  expect(after['q-fulfilment'].x).toBeLessThan(after['fn-fulfilment'].x);
});

test('the VPC template laid out keeps every resource inside the container it is drawn in', async ({ page }) => {
  await openTemplate(page, 'vpc-rds-external-api');
  await expect(nodeBox(page, 'vpc')).toBeVisible();
  // The template is already laid out: pile the two outside services up first so there is work to do.
  await dragOnto(page, 'ext-partner', 'aws-secrets');
  expect((await overlappingCards(page)).length).toBeGreaterThan(0);
  await page.getByTestId('toolbar-autoLayout').click();
  await expect(page.getByTestId('toolbar-undo')).toHaveAccessibleName('Undo (Auto-layout)');
  expect(await overlappingCards(page)).toEqual([]);
  const inside = async (id: string, container: string) => {
    const a = await nodeBox(page, id).boundingBox();
    const c = await nodeBox(page, container).boundingBox();
    return !!a && !!c && a.x >= c.x && a.y >= c.y && a.x + a.width <= c.x + c.width && a.y + a.height <= c.y + c.height;
  };
  expect(await inside('nat-a', 'sn-public-a')).toBe(true);
  expect(await inside('fn-quotes', 'vpc')).toBe(true);
  expect(await inside('db', 'vpc')).toBe(true);
  // AZ a's subnets left of AZ b's.
  const a = await nodeBox(page, 'sn-private-a').boundingBox();
  const b = await nodeBox(page, 'sn-private-b').boundingBox();
  expect(a!.x + a!.width).toBeLessThan(b!.x);
});

/** Starts recording every transform node `id` is drawn with (React Flow writes one per render). */
async function recordTransforms(page: Page, id: string): Promise<() => Promise<string[]>> {
  await page.evaluate((nodeId) => {
    const el = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${nodeId}"]`);
    const seen: string[] = [el?.style.transform ?? ''];
    (window as unknown as { __transforms: string[] }).__transforms = seen;
    if (el) new MutationObserver(() => { if (seen[seen.length - 1] !== el.style.transform) seen.push(el.style.transform); }).observe(el, { attributes: true, attributeFilter: ['style'] });
  }, id);
  return () => page.evaluate(() => (window as unknown as { __transforms: string[] }).__transforms);
}

test('the nodes glide to their new places, and jump when reduced motion is asked for', async ({ page }) => {
  await dragOnto(page, 'fn-fulfilment', 'sns-orders');
  let transforms = await recordTransforms(page, 'fn-fulfilment');
  await page.getByTestId('toolbar-autoLayout').click();
  await expect(page.getByTestId('toolbar-undo')).toHaveAccessibleName('Undo (Auto-layout)');
  // Drawn at least once at a place between the old and the new one (the glide is 300 ms; a loaded
  // machine may draw only one frame of it, so one in-between place is what is asked).
  expect((await transforms()).length).toBeGreaterThanOrEqual(3);

  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('toolbar-undo')).not.toHaveAccessibleName('Undo (Auto-layout)');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  transforms = await recordTransforms(page, 'fn-fulfilment');
  await page.getByTestId('toolbar-autoLayout').click();
  await expect(page.getByTestId('toolbar-undo')).toHaveAccessibleName('Undo (Auto-layout)');
  // From the old place straight to the new one.
  expect(await transforms()).toHaveLength(2);
});
