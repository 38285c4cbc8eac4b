import { readFileSync } from 'node:fs';
import { parseDesign } from '../../core/model';
import { dropFromPalette, expect, nodeBox, openApp, test } from './helpers';

test('Save downloads a design file that parses, and clears the unsaved marker', async ({ page }) => {
  await openApp(page);
  await dropFromPalette(page, 'sqsQueue', { x: 200, y: 200 });
  await dropFromPalette(page, 'lambda', { x: 560, y: 200 });
  await page.getByTestId('handle-out-sqsQueue-1').dragTo(page.getByTestId('handle-in-lambda-1'));
  await expect(page.getByTestId('dirty-marker')).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+s')]);
  expect(download.suggestedFilename()).toBe('untitled-design.design.json');
  const text = readFileSync(await download.path(), 'utf8');
  const parsed = parseDesign(text);
  expect(parsed.ok).toBe(true);
  if (!parsed.ok) return;
  expect(parsed.problems).toEqual([]);
  expect(parsed.design.nodes.map((n) => n.kind)).toEqual(['sqsQueue', 'lambda']);
  expect(parsed.design.edges).toMatchObject([{ kind: 'trigger', from: 'sqsQueue-1', to: 'lambda-1' }]);
  expect(parsed.design.layout.viewport).toBeDefined();
  await expect(page.getByTestId('dirty-marker')).toHaveCount(0);
  await expect(page.getByTestId('document-title')).toContainText('untitled-design.design.json');
});

test('a corrupt file is refused with its JSON path, and the current design stays', async ({ page }) => {
  await openApp(page);
  await dropFromPalette(page, 'lambda', { x: 300, y: 220 });
  const corrupt = JSON.stringify({
    format: 'serverless-design', schemaVersion: 1, name: 'Broken',
    nodes: [{ id: 'a', kind: 'lambda', name: 'Fine' }, { id: 'b', kind: 'mainframe', name: 'Legacy box' }],
  });
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('toolbar-open').click();
  await page.getByTestId('unsaved-discard').click();
  await (await chooser).setFiles({ name: 'broken.design.json', mimeType: 'application/json', buffer: Buffer.from(corrupt) });
  const dialog = page.getByTestId('problem-dialog');
  await expect(dialog).toContainText('Cannot open broken.design.json');
  await expect(dialog).toContainText('$.nodes[1].kind (node "Legacy box")');
  await expect(dialog).toContainText('current design is unchanged');
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(nodeBox(page, 'lambda-1')).toBeVisible();
  await expect(page.getByTestId('dirty-marker')).toBeVisible();
});

test('a file that is not JSON names the line; a design with range problems opens and lists them', async ({ page }) => {
  await openApp(page);
  let chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Control+o');
  await (await chooser).setFiles({ name: 'half.design.json', mimeType: 'application/json', buffer: Buffer.from('{\n  "format": "serverless-design",\n  "nodes": [\n') });
  await expect(page.getByTestId('problem-dialog')).toContainText('$: not valid JSON');
  await page.keyboard.press('Escape');

  const withProblems = JSON.stringify({
    format: 'serverless-design', schemaVersion: 1, name: 'Needs work',
    nodes: [{ id: 'fn', kind: 'lambda', name: 'Big function', props: { memoryMb: 20000, timeoutSeconds: 3 } }],
    edges: [{ id: 'e1', kind: 'invoke', from: 'fn', to: 'gone' }],
  });
  chooser = page.waitForEvent('filechooser');
  await page.getByTestId('toolbar-open').click();
  await (await chooser).setFiles({ name: 'needs-work.design.json', mimeType: 'application/json', buffer: Buffer.from(withProblems) });
  await expect(nodeBox(page, 'fn')).toContainText('Big function');
  const problems = page.getByTestId('problems-panel');
  await expect(problems).toContainText('memoryMb is 20000; AWS allows at most 10240');
  await expect(problems).toContainText('the edge was left out of the loaded design');
  await expect(page.getByTestId('document-title')).toContainText('needs-work.design.json');
});
