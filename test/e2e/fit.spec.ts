import type { Page } from '@playwright/test';
import { generateDesign } from '../../bench/generate';
import { layoutDesign } from '../../core/iac/import/layout';
import { restoreDesign, serializeDesign } from '../../core/model';
import { expect, openApp, test } from './helpers';

/** Opens design text through File → Open (the browser's file input). */
async function openDesignText(page: Page, name: string, text: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Control+o');
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

/** Zooms in (so some nodes leave the view), then presses the Controls' fit button. */
async function zoomInThenFit(page: Page, count: number): Promise<void> {
  await expect(page.locator('.react-flow__node')).toHaveCount(count);
  for (let i = 0; i < 3; i++) await page.locator('.react-flow__controls-zoomin').click();
  await expect.poll(() => outside(page)).not.toEqual([]);
  await page.locator('.react-flow__controls-fitview').click();
}

/** The ids of the nodes whose box is not wholly inside the canvas's box. */
function outside(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const canvas = document.querySelector('[data-testid="canvas"]')!.getBoundingClientRect();
    return [...document.querySelectorAll<HTMLElement>('.react-flow__node')].filter((el) => {
      const r = el.getBoundingClientRect();
      return r.left < canvas.left - 0.5 || r.top < canvas.top - 0.5 || r.right > canvas.right + 0.5 || r.bottom > canvas.bottom + 0.5;
    }).map((el) => el.dataset.id ?? '?');
  });
}

test('a 200-node design in the app\'s grid (no stored positions) fits the window at fit-to-view', async ({ page }) => {
  const kinds = ['lambda', 'sqsQueue', 'snsTopic', 'dynamoTable', 's3Bucket'];
  const nodes = Array.from({ length: 200 }, (_, i) => ({ id: `n${i}`, kind: kinds[i % kinds.length], name: `Resource ${i}` }));
  const text = JSON.stringify({ format: 'serverless-design', schemaVersion: 1, name: 'Two hundred', nodes, edges: [] });
  await openApp(page);
  await openDesignText(page, 'two-hundred.design.json', text);
  await zoomInThenFit(page, 200);
  // fitView animates: the nodes come inside as it settles.
  await expect.poll(() => outside(page)).toEqual([]);
});

test('a 200-node design laid out by the importer (ELK, with a VPC) fits the window at fit-to-view', async ({ page }) => {
  test.setTimeout(60_000);
  const restored = restoreDesign(generateDesign(200));
  if (!restored.ok) throw new Error('the generated design does not load');
  const laidOut = await layoutDesign({ ...restored.design, layout: { ...restored.design.layout, positions: {} } });
  await openApp(page);
  await openDesignText(page, 'generated.design.json', serializeDesign(laidOut));
  await zoomInThenFit(page, 200);
  // fitView animates: the nodes come inside as it settles.
  await expect.poll(() => outside(page)).toEqual([]);
});
