import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDesign, type Design } from '../../core/model';
import { dropFromPalette, expect, nodeBox, openApp, test } from './helpers';

const TEMPLATES = join(import.meta.dirname, '..', '..', 'templates');
const templates: { slug: string; design: Design }[] = readdirSync(TEMPLATES).filter((f) => f.endsWith('.design.json')).map((file) => {
  const parsed = parseDesign(readFileSync(join(TEMPLATES, file), 'utf8'));
  if (!parsed.ok) throw new Error(`${file} does not parse`);
  return { slug: file.replace(/\.design\.json$/, ''), design: parsed.design };
});
// The welcome screen lists templates by name, after "Blank design".
const byName = [...templates].sort((a, b) => a.design.name.localeCompare(b.design.name));

test('the app opens on the welcome screen: each template previewed from its model, with what it teaches and tags', async ({ page }) => {
  await page.goto('/');
  const welcome = page.getByTestId('welcome');
  await expect(welcome).toBeVisible();
  await expect(welcome.getByRole('heading', { level: 1 })).toHaveText('Welcome to Serverless Designer');
  for (const { slug, design } of templates) {
    const card = welcome.getByTestId(`template-${slug}`);
    await expect(card).toContainText(design.name);
    // One box per node, one line per edge — drawn from the design, not a stock picture.
    const preview = card.getByTestId(`template-preview-${slug}`);
    await expect(preview.locator('rect')).toHaveCount(design.nodes.length);
    await expect(preview.locator('line')).toHaveCount(design.edges.length);
    const containers = design.nodes.filter((n) => n.kind === 'vpc' || n.kind === 'subnet').length;
    await expect(preview.locator('rect.sd-preview-container')).toHaveCount(containers);
    const box = await preview.boundingBox();
    expect(box?.width).toBeGreaterThan(150);
    if (design.nodes.some((n) => n.kind === 'vpc')) await expect(card.getByTestId('template-tags')).toContainText('VPC');
  }
  // The VPC template says what it teaches.
  await expect(welcome.getByTestId('template-vpc-rds-external-api')).toContainText('NAT gateway');
  // Nothing opened yet in this browser.
  await expect(welcome.getByTestId('recent-empty')).toBeVisible();
});

test('keyboard: arrows move between the cards and Enter opens the template on the canvas', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('template-blank')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  const first = byName[0];
  await expect(page.getByTestId(`template-${first.slug}`)).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId(`template-${byName[1].slug}`)).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('welcome')).toBeHidden();
  for (const node of first.design.nodes) await expect(nodeBox(page, node.id)).toBeVisible();
  await expect(page.getByTestId('document-title')).toContainText(first.design.name);
});

test('Ctrl+N shows the welcome screen over the design; Escape goes back to the canvas unchanged', async ({ page }) => {
  await openApp(page);
  await dropFromPalette(page, 'lambda', { x: 300, y: 200 });
  await page.keyboard.press('Control+n');
  const welcome = page.getByTestId('welcome');
  await expect(welcome.getByRole('heading', { level: 1 })).toHaveText('New design');
  await expect(welcome).toContainText('unsaved changes');
  // The canvas's keys do not act under it: Delete leaves the function alone.
  await page.keyboard.press('Delete');
  await page.keyboard.press('Escape');
  await expect(welcome).toBeHidden();
  await expect(nodeBox(page, 'lambda-1')).toBeVisible();
  await expect(page.getByTestId('dirty-marker')).toBeVisible();
  // The toolbar's New… opens it too; its close button closes it.
  await page.getByTestId('toolbar-new').click();
  await page.getByTestId('welcome-close').click();
  await expect(welcome).toBeHidden();
  await expect(nodeBox(page, 'lambda-1')).toBeVisible();
});

test('recent files in the browser: a saved design is listed by name, and "Open again" asks for the file', async ({ page }) => {
  await openApp(page);
  await dropFromPalette(page, 'sqsQueue', { x: 260, y: 200 });
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+s')]);
  const saved = readFileSync(await download.path(), 'utf8');
  await expect(page.getByTestId('dirty-marker')).toHaveCount(0);
  await page.keyboard.press('Control+n');
  await page.getByTestId('template-blank').click();
  await expect(page.locator('.react-flow__node')).toHaveCount(0);

  // A reload keeps the list (localStorage): the start screen shows it.
  await page.reload();
  const recent = page.getByTestId('recent-files');
  await expect(recent).toContainText('A browser cannot reopen a file by its path');
  const entry = recent.getByTestId('recent-file');
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('untitled-design.design.json');
  await expect(entry).toContainText('Open again');
  const chooser = page.waitForEvent('filechooser');
  await entry.click();
  await (await chooser).setFiles({ name: 'untitled-design.design.json', mimeType: 'application/json', buffer: Buffer.from(saved) });
  await expect(page.getByTestId('welcome')).toBeHidden();
  await expect(nodeBox(page, 'sqsQueue-1')).toBeVisible();
  await expect(page.getByTestId('document-title')).toContainText('untitled-design.design.json');
});

test('the undo button names the field by its title, not its id', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('palette-lambda').click();
  const field = page.getByTestId('field-asyncConfig.maximumRetryAttempts');
  await field.fill('1');
  await field.press('Enter');
  await expect(page.getByTestId('toolbar-undo')).toHaveAttribute('aria-label', 'Undo (Change Maximum retry attempts)');
  await expect(page.getByTestId('toolbar-undo')).toHaveAttribute('title', /^Undo \(Change Maximum retry attempts\)/);
});
