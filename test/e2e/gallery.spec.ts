import { expect, nodeBox, openApp, openTemplate, pickTemplate, test } from './helpers';

test('a template from the gallery opens with all its resources on the canvas', async ({ page }) => {
  const { slug, design } = pickTemplate();
  await openApp(page);
  await openTemplate(page, slug, 'keyboard');
  for (const node of design.nodes) await expect(nodeBox(page, node.id)).toContainText(node.name);
  // Every design edge is drawn (attachment lines to subnets are drawn besides them, not counted).
  await expect(page.locator('.react-flow__edge:not(.sd-attach-edge)')).toHaveCount(design.edges.length);
  await expect(page.getByTestId('document-title')).toContainText(design.name);
  await expect(page.getByTestId('dirty-marker')).toHaveCount(0);
});

test('a resource clicked in the problems panel is selected in the inspector', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('palette-lambda').click();
  await page.getByTestId('field-memoryMb').fill('64');
  await page.getByTestId('field-memoryMb').press('Enter');
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await expect(page.getByTestId('inspector')).not.toContainText('Memory');
  await page.getByTestId('problem-item').filter({ hasText: 'memoryMb' }).click();
  await expect(page.getByTestId('field-memoryMb')).toHaveValue('64');
});
