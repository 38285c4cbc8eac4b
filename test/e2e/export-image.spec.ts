import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, nodeBox, openApp, openTemplate, pickTemplate, test } from './helpers';

// File → Export image… in real Chromium, under the app's CSP (img-src blob: for the PNG).

/** Parses SVG text with DOMParser in a blank page of the same browser (in the app's page the CSP
 *  would report the SVG's own <style> as refused): the parse error if any, the root's size, every text. */
async function parseSvg(page: Page, text: string) {
  const scratch = await page.context().newPage();
  const parsed = await scratch.evaluate((svg) => {
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const error = doc.querySelector('parsererror')?.textContent ?? null;
    const root = doc.documentElement;
    return { error, root: root.localName, width: Number(root.getAttribute('width')), height: Number(root.getAttribute('height')), text: root.textContent ?? '' };
  }, text);
  await scratch.close();
  return parsed;
}
const squash = (s: string) => s.replace(/\s+/g, '');

function pngSize(bytes: Buffer) {
  expect([...bytes.subarray(0, 8)], 'PNG signature').toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('Export image as SVG of the VPC template: valid XML that names every node; the selection option says why it is off', async ({ page }) => {
  const { slug, design } = pickTemplate();
  await openApp(page);
  await openTemplate(page, slug);
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });

  await page.keyboard.press('Control+Shift+G');
  const dialog = page.getByTestId('export-image-dialog');
  await expect(dialog).toBeVisible();
  // Nothing selected: the selection cannot be exported, and the dialog says why.
  await expect(page.getByTestId('export-image-scope-selection')).toBeDisabled();
  await expect(page.getByTestId('export-image-selection-why')).toContainText('Nothing is selected');
  await page.getByTestId('export-image-format-svg').check();
  await expect(page.getByTestId('export-image-img')).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-image-save').click()]);
  expect(download.suggestedFilename()).toMatch(/\.svg$/);
  const svg = readFileSync(await download.path(), 'utf8');
  const parsed = await parseSvg(page, svg);
  expect(parsed.error).toBeNull();
  expect(parsed.root).toBe('svg');
  const text = squash(parsed.text);
  for (const node of design.nodes) expect(text, `the SVG names ${node.name}`).toContain(squash(node.name));
  // Self-contained: nothing fetched from elsewhere.
  expect(svg).not.toMatch(/(href|src)="(https?:|\/\/)/);
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('toast').last()).toContainText(download.suggestedFilename());
});

test('Export image as PNG of the selection: a PNG twice the size of the selection\'s SVG', async ({ page }) => {
  const { slug, design } = pickTemplate();
  await openApp(page);
  await openTemplate(page, slug);
  const card = design.nodes.find((n) => !['vpc', 'subnet', 'securityGroup'].includes(n.kind)) ?? design.nodes[0];
  await nodeBox(page, card.id).click();

  await page.getByTestId('toolbar-exportImage').click();
  await expect(page.getByTestId('export-image-scope-selection')).toBeChecked();
  // The selection's SVG first, for its size.
  await page.getByTestId('export-image-format-svg').check();
  await expect(page.getByTestId('export-image-size')).toContainText('-selection.svg');
  const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-image-save').click()]);
  const svg = await parseSvg(page, readFileSync(await svgDownload.path(), 'utf8'));
  expect(svg.error).toBeNull();
  expect(squash(svg.text)).toContain(squash(card.name));
  // Only the selection: a card outside it is not drawn.
  const other = design.nodes.find((n) => n.id !== card.id && n.kind !== 'vpc' && n.kind !== 'subnet' && n.parent === undefined && !squash(card.name).includes(squash(n.name)));
  if (other) expect(squash(svg.text)).not.toContain(squash(other.name));

  await page.getByTestId('toolbar-exportImage').click();
  await page.getByTestId('export-image-format-png').check();
  await page.getByTestId('export-image-background-transparent').check();
  await expect(page.getByTestId('export-image-size')).toContainText('-selection.png');
  const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-image-save').click()]);
  expect(pngDownload.suggestedFilename()).toMatch(/-selection\.png$/);
  const size = pngSize(readFileSync(await pngDownload.path()));
  expect(Math.abs(size.width - 2 * svg.width)).toBeLessThanOrEqual(1);
  expect(Math.abs(size.height - 2 * svg.height)).toBeLessThanOrEqual(1);
});

test.describe('with clipboard permission', () => {
  test.beforeEach(async ({ context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  });

  test('Copy image (Ctrl+Alt+C, and the dialog\'s Copy PNG) puts an image/png on the clipboard', async ({ page }) => {
    const { slug, design } = pickTemplate();
    await openApp(page);
    await openTemplate(page, slug);
    const card = design.nodes.find((n) => !['vpc', 'subnet', 'securityGroup'].includes(n.kind)) ?? design.nodes[0];
    await nodeBox(page, card.id).click();

    const readClipboard = () => page.evaluate(async () => {
      const items = await navigator.clipboard.read();
      const item = items.find((i) => i.types.includes('image/png'));
      if (!item) return { types: items.flatMap((i) => i.types), head: [] as number[] };
      const bytes = new Uint8Array(await (await item.getType('image/png')).arrayBuffer());
      return { types: item.types, head: [...bytes.subarray(0, 24)] };
    });
    await page.evaluate(() => navigator.clipboard.writeText('before'));
    await page.keyboard.press('Control+Alt+c');
    await expect(page.getByTestId('toast').last()).toContainText('Copied the image to the clipboard');
    const first = await readClipboard();
    expect(first.types).toContain('image/png');
    expect(first.head.slice(0, 8)).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

    await page.evaluate(() => navigator.clipboard.writeText('again'));
    await page.getByTestId('toolbar-exportImage').click();
    await page.getByTestId('export-image-scope-design').check();
    await expect(page.getByTestId('export-image-img')).toBeVisible();
    await page.getByTestId('export-image-copy').click();
    await expect(page.getByTestId('export-image-dialog')).toBeHidden();
    const second = await readClipboard();
    expect(second.types).toContain('image/png');
    // The whole design is wider than one card: a different, bigger image.
    const width = (h: number[]) => ((h[16] << 24) | (h[17] << 16) | (h[18] << 8) | h[19]) >>> 0;
    expect(width(second.head)).toBeGreaterThan(width(first.head));
  });
});
