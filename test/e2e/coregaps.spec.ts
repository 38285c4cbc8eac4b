import type { Page } from '@playwright/test';
import { dropFromPalette, expect, nodeBox, openApp, openTemplate, test } from './helpers';

// Sticky notes take part in arranging: selected with cards they are aligned with them, and
// Auto-layout never leaves one over a card.

/** The box on screen of a flow node (a card or a note), by id. */
const flowBox = async (page: Page, id: string) => {
  const box = await page.locator(`.react-flow__node[data-id="${id}"]`).boundingBox();
  if (!box) throw new Error(`${id} is not on screen`);
  return box;
};

/** Notes whose box on screen overlaps a resource card's. */
async function notesOverCards(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const boxes = (selector: string) => [...document.querySelectorAll<HTMLElement>(selector)].map((el) => ({ id: el.dataset.id ?? '', r: el.getBoundingClientRect() }));
    const out: string[] = [];
    for (const n of boxes('.react-flow__node-note')) {
      for (const c of boxes('.react-flow__node-resource')) {
        if (n.r.left < c.r.right - 1 && c.r.left < n.r.right - 1 && n.r.top < c.r.bottom - 1 && c.r.top < n.r.bottom - 1) out.push(`${n.id}/${c.id}`);
      }
    }
    return out;
  });
}

test('two cards and a sticky note selected: Align left lines up all three, one undo step', async ({ page }) => {
  await openApp(page);
  await dropFromPalette(page, 'lambda', { x: 160, y: 120 });
  await dropFromPalette(page, 'dynamoTable', { x: 560, y: 420 });
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Shift+N');
  await expect(page.getByTestId('note-note-1')).toBeVisible();
  const noteBefore = await flowBox(page, 'note-1');

  await page.keyboard.press('Control+a');
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(3);
  await page.getByTestId('toolbar-arrange').click();
  await page.getByTestId('arrange-left').click();
  await expect(page.getByTestId('toolbar-undo')).toHaveAttribute('title', /Align left/);
  const lefts = await Promise.all(['lambda-1', 'dynamoTable-1', 'note-1'].map(async (id) => Math.round((await flowBox(page, id)).x)));
  expect(new Set(lefts).size, `left edges ${lefts.join(', ')}`).toBe(1);
  expect(lefts[0]).not.toBe(Math.round(noteBefore.x)); // the note moved to the cards' left edge

  await page.keyboard.press('Control+z');
  expect(Math.round((await flowBox(page, 'note-1')).x)).toBe(Math.round(noteBefore.x));
});

test('Auto-layout moves a note off the cards it would cover; undo puts it back', async ({ page }) => {
  await openApp(page);
  await openTemplate(page, 'sns-fan-out');
  await expect(nodeBox(page, 'sns-orders')).toBeVisible();
  // A card dragged away, so that Auto-layout has work to do, and a note on top of the design.
  const card = await flowBox(page, 'fn-fulfilment');
  await page.mouse.move(card.x + card.width / 2, card.y + card.height / 2);
  await page.mouse.down();
  await page.mouse.move(card.x + card.width / 2 + 60, card.y + card.height / 2 + 90, { steps: 8 });
  await page.mouse.up();
  const api = await flowBox(page, 'sns-orders');
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Shift+N');
  await expect(page.getByTestId('note-note-1')).toBeVisible();
  const note = await flowBox(page, 'note-1');
  // Drag the note onto the topic card.
  await page.mouse.move(note.x + 30, note.y + 10);
  await page.mouse.down();
  await page.mouse.move(api.x + 40, api.y + 10, { steps: 8 });
  await page.mouse.up();
  expect(await notesOverCards(page)).not.toEqual([]);

  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+Shift+K');
  await expect(page.getByTestId('toolbar-undo')).toHaveAccessibleName('Undo (Auto-layout)');
  await expect.poll(() => notesOverCards(page)).toEqual([]);

  await page.keyboard.press('Control+z');
  await expect.poll(() => notesOverCards(page)).not.toEqual([]);
});
