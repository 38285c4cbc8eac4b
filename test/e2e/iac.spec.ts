import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from '@playwright/test';
import { parseTemplateText } from '../../core/iac/cfn/yaml';
import { exportSam } from '../../core/iac/sam';
import { parseDesign } from '../../core/model';
import { validateSamTemplate } from '../support/samSchema';
import { dropFromPalette, expect, nodeBox, openApp, openTemplate, pickTemplate, test } from './helpers';

// Import (toolbar, keyboard, drop on the canvas) and export (SAM, CDK) in the built app.

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'iac', 'app', 'apigw-sqs-lambda.yaml');
const templateText = () => readFileSync(FIXTURE, 'utf8');

async function importViaToolbar(page: Page, name: string, text: string, confirmDiscard = false) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('toolbar-import').click();
  if (confirmDiscard) await page.getByTestId('unsaved-discard').click();
  await (await chooser).setFiles({ name, mimeType: 'application/yaml', buffer: Buffer.from(text) });
}

/** Drops a file from "the desktop" on the canvas, as a browser delivers it (a DataTransfer with Files). */
async function dropFile(page: Page, name: string, text: string) {
  await page.getByTestId('canvas').evaluate((canvas, file) => {
    const data = new DataTransfer();
    data.items.add(new File([file.text], file.name, { type: 'application/yaml' }));
    const box = canvas.getBoundingClientRect();
    const at = { clientX: box.left + box.width / 2, clientY: box.top + box.height / 2 };
    canvas.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: data, ...at }));
    canvas.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data, ...at }));
  }, { name, text });
}

test('importing a real SAM template lays it out as nodes and lists what was skipped, clickable', async ({ page }) => {
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await openApp(page);
  await importViaToolbar(page, 'apigw-sqs-lambda.yaml', templateText());

  // The layout runs in a worker; on a loaded machine (2 cores, several sessions) it may take a while.
  for (const id of ['MySqsQueue', 'MyHttpApi', 'MyLambdaFunction']) await expect(nodeBox(page, id)).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('.react-flow__edge')).toHaveCount(1, { timeout: 15_000 });
  // Laid out, not piled at the origin: the three cards do not overlap.
  const boxes = await Promise.all(['MySqsQueue', 'MyHttpApi', 'MyLambdaFunction'].map((id) => nodeBox(page, id).boundingBox()));
  const overlaps = (a: NonNullable<(typeof boxes)[0]>, b: NonNullable<(typeof boxes)[0]>) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false);
  // The queue (the source) stands left of the function it triggers.
  expect(boxes[0]!.x).toBeLessThan(boxes[2]!.x);
  // ELK ran in the layout worker, not on the UI thread.
  expect(workers.some((url) => /layout\.worker/.test(url))).toBe(true);

  const report = page.getByTestId('import-report');
  await expect(report).toBeVisible();
  await expect(page.getByTestId('import-summary')).toContainText('apigw-sqs-lambda.yaml');
  await expect(page.getByTestId('import-summary')).toContainText('5 resources: 3 in the design, 2 skipped');
  const skipped = page.getByTestId('import-skipped');
  await expect(skipped.getByTestId('import-row-MyHttpApiRole')).toContainText('AWS::IAM::Role');
  await expect(skipped.getByTestId('import-row-MyHttpApiRole')).toContainText('a role no resource of this template names');
  await expect(skipped.getByTestId('import-row-MyHttpApiAccessLogs')).toContainText('AWS::Logs::LogGroup');
  // A new, unsaved document named after the template.
  await expect(page.getByTestId('dirty-marker')).toBeVisible();
  await expect(page.getByTestId('document-title')).toContainText('apigw-sqs-lambda');

  // Clicking an imported resource selects its node.
  await page.getByTestId('import-row-MyLambdaFunction').getByRole('button').click();
  await expect(nodeBox(page, 'MyLambdaFunction')).toHaveClass(/is-selected/);
  await expect(page.getByTestId('inspector')).toContainText('MyLambdaFunction');

  // The report stays reachable: another tab, then back.
  await page.getByTestId('dock-tab-findings').click();
  await expect(report).toBeHidden();
  await page.getByTestId('dock-tab-import').click();
  await expect(report).toBeVisible();

  // Opening another design drops the report with the document it described (the import is
  // unsaved, so New asks first).
  await page.getByTestId('toolbar-new').click();
  await page.getByTestId(`template-${pickTemplate().slug}`).click();
  await page.getByTestId('unsaved-discard').click();
  await expect(page.getByTestId('welcome')).toBeHidden();
  await expect(page.getByTestId('dock-tab-import')).toHaveCount(0);
});

test('a template dropped on the canvas is imported after the unsaved-changes prompt (Ctrl+I opens the picker)', async ({ page }) => {
  await openApp(page);
  await dropFromPalette(page, 'lambda', { x: 300, y: 220 });
  await expect(page.getByTestId('dirty-marker')).toBeVisible();

  await dropFile(page, 'apigw-sqs-lambda.yaml', templateText());
  await expect(page.getByTestId('unsaved-dialog')).toContainText('Save changes to Untitled design?');
  await page.getByTestId('unsaved-cancel').click();
  await expect(nodeBox(page, 'lambda-1')).toBeVisible();
  await expect(nodeBox(page, 'MySqsQueue')).toHaveCount(0);

  await dropFile(page, 'apigw-sqs-lambda.yaml', templateText());
  await page.getByTestId('unsaved-discard').click();
  await expect(nodeBox(page, 'MySqsQueue')).toBeVisible();
  await expect(nodeBox(page, 'lambda-1')).toHaveCount(0);
  await expect(page.getByTestId('import-skipped')).toContainText('MyHttpApiRole');

  // Ctrl+I asks first (the import is unsaved), then opens the template picker.
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Control+i');
  await page.getByTestId('unsaved-discard').click();
  const picker = await chooser;
  expect(await picker.element().getAttribute('accept')).toContain('.yaml');
  await picker.setFiles([]);

  // A design file dropped there opens as a design, not as a template.
  const { slug, design } = pickTemplate();
  await dropFile(page, `${slug}.design.json`, readFileSync(join(import.meta.dirname, '..', '..', 'templates', `${slug}.design.json`), 'utf8'));
  await page.getByTestId('unsaved-discard').click();
  await expect(nodeBox(page, design.nodes[0]!.id)).toBeVisible();
  await expect(page.getByTestId('document-title')).toContainText(`${slug}.design.json`);
  await expect(page.getByTestId('dock-tab-import')).toHaveCount(0);
});

test('a malformed template names its line and column, and the canvas stays as it was', async ({ page }) => {
  await openApp(page);
  await dropFromPalette(page, 'sqsQueue', { x: 260, y: 200 });
  const broken = templateText().replace('    Type: AWS::SQS::Queue', '    Type: [AWS::SQS::Queue');
  const brokenLine = broken.split('\n').findIndex((l) => l.includes('[AWS::SQS::Queue')) + 1;

  await importViaToolbar(page, 'broken.yaml', broken, true);
  const dialog = page.getByTestId('import-error');
  await expect(dialog).toContainText('Cannot import broken.yaml');
  const message = await page.getByTestId('import-error-message').textContent();
  const where = /line (\d+), column (\d+)/.exec(message ?? '');
  expect(where, `no line/column in: ${message}`).not.toBeNull();
  // The parser reports where it noticed the unclosed flow sequence: at or after the bracket.
  expect(Number(where![1])).toBeGreaterThanOrEqual(brokenLine);
  await expect(dialog).toContainText('the canvas is unchanged');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(nodeBox(page, 'sqsQueue-1')).toBeVisible();
  await expect(page.locator('.react-flow__node')).toHaveCount(1);
  await expect(page.getByTestId('dock-tab-import')).toHaveCount(0);
});

test('Export SAM previews the template and downloads one that validates, with the design\'s functions', async ({ page }) => {
  const { slug, design } = pickTemplate();
  await openApp(page);
  await openTemplate(page, slug);

  await page.keyboard.press('Control+e');
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog).toContainText('Export AWS SAM template');
  await expect(page.getByTestId('export-files')).toContainText('template.yaml');
  await expect(page.getByTestId('export-preview')).toContainText('Transform: AWS::Serverless-2016-10-31');
  // Another file of the list shows its own content.
  const handler = page.getByTestId('export-files').getByRole('option').filter({ hasText: /^src\// }).first();
  await handler.click();
  await expect(page.getByTestId('export-preview')).not.toContainText('Transform:');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-save').click()]);
  expect(download.suggestedFilename()).toBe('template.yaml');
  await expect(dialog).toBeHidden();
  const tree = parseTemplateText(readFileSync(await download.path(), 'utf8')).template;
  expect(validateSamTemplate(tree)).toEqual([]);
  const resources = tree.Resources as Record<string, { Type: string; Metadata?: { ServerlessDesigner?: { name?: string } } }>;
  const functions = Object.entries(resources).filter(([, r]) => r.Type === 'AWS::Serverless::Function').map(([id, r]) => r.Metadata?.ServerlessDesigner?.name ?? id);
  const lambdas = design.nodes.filter((n) => n.kind === 'lambda').map((n) => n.name);
  expect(lambdas.length).toBeGreaterThan(0);
  expect(functions.sort()).toEqual(lambdas.sort());

  // The .zip carries the handlers the template's CodeUri names.
  await page.keyboard.press('Control+e');
  const [zipped] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-zip').click()]);
  expect(zipped.suggestedFilename()).toMatch(/-sam\.zip$/);
  const entries = unzipSync(readFileSync(await zipped.path()));
  expect(Object.keys(entries)).toContain('template.yaml');
  expect(Object.keys(entries).some((p) => /^src\/[^/]+\/[^/]+\.(mjs|py|js)$/.test(p))).toBe(true);
});

test('Export CDK previews the app and downloads a .zip with the app, the stack and aws-cdk-lib; Escape closes', async ({ page }) => {
  const { slug } = pickTemplate();
  await openApp(page);
  await openTemplate(page, slug);

  await page.getByTestId('toolbar-exportCdk').click();
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog).toContainText('Export AWS CDK app (TypeScript)');
  await expect(page.getByTestId('export-files')).toContainText('bin/app.ts');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.keyboard.press('Control+Shift+E');
  await page.getByTestId('export-files').getByRole('option', { name: /-stack\.ts$/ }).click();
  await expect(page.getByTestId('export-preview')).toContainText("from 'aws-cdk-lib'");
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-save').click()]);
  expect(download.suggestedFilename()).toMatch(/-cdk\.zip$/);
  const bytes = readFileSync(await download.path());
  const files = unzipSync(bytes);
  const paths = Object.keys(files);
  expect(paths).toContain('bin/app.ts');
  expect(paths.some((p) => /^lib\/[a-z0-9-]+-stack\.ts$/.test(p))).toBe(true);
  const pkg = JSON.parse(strFromU8(files['package.json']!)) as { dependencies?: Record<string, string> };
  expect(pkg.dependencies?.['aws-cdk-lib']).toBeTruthy();

  // The same design zips to the same bytes (fixed entry times).
  await page.keyboard.press('Control+Shift+E');
  const [again] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-save').click()]);
  expect(Buffer.compare(readFileSync(await again.path()), bytes)).toBe(0);
});

test('the export dialog lists every warning of the export, and Cancel leaves without a download', async ({ page }) => {
  // The template whose SAM export has something to say (a bucket that must get a fixed name).
  const slug = 'file-pipeline';
  const parsed = parseDesign(readFileSync(join(import.meta.dirname, '..', '..', 'templates', `${slug}.design.json`), 'utf8'));
  if (!parsed.ok) throw new Error(`${slug} does not parse`);
  const { warnings } = exportSam(parsed.design);
  test.skip(warnings.length === 0, `the SAM export of ${slug} has no warnings any more; pick another template`);
  await openApp(page);
  await openTemplate(page, slug);
  await page.getByTestId('toolbar-exportSam').click();
  const list = page.getByTestId('export-warnings');
  await expect(list.locator('li')).toHaveCount(warnings.length);
  for (const w of warnings) await expect(list).toContainText(w);
  let downloaded = false;
  page.on('download', () => { downloaded = true; });
  await page.getByTestId('export-cancel').click();
  await expect(page.getByTestId('export-dialog')).toBeHidden();
  expect(downloaded).toBe(false);
});

// `SD_SCREENSHOT=1 npx playwright test test/e2e/iac.spec.ts` also refreshes docs/import-report.png and
// docs/import-export.png (an imported template with its report; the Export SAM dialog over it).
test('screenshots of the import report and the export dialog', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page);
  await importViaToolbar(page, 'apigw-sqs-lambda.yaml', templateText());
  await expect(page.getByTestId('import-report')).toBeVisible();
  await page.getByTestId('import-row-MyLambdaFunction').getByRole('button').click();
  for (const close of await page.getByTestId('toast').getByRole('button', { name: 'Dismiss' }).all()) await close.click();
  await page.waitForTimeout(400);
  const docs = join(import.meta.dirname, '..', '..', 'docs');
  const target = (name: string) => (process.env.SD_SCREENSHOT ? join(docs, name) : testInfo.outputPath(name));
  await page.screenshot({ path: target('import-report.png') });

  await page.keyboard.press('Control+e');
  await expect(page.getByTestId('export-preview')).toContainText('Transform:');
  await page.screenshot({ path: target('import-export.png') });
});
