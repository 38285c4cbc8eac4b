import type { Page } from '@playwright/test';
import { generateDesign } from '../../bench/generate';
import { expect, openApp, test } from './helpers';

// Issue 15: the analysis runs in a Web Worker (renderer/workers/analysis.worker.ts), sent each edit
// as patches: on a large design the findings follow an edit, and the window answers meanwhile.

async function openDesignText(page: Page, name: string, text: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Control+o');
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

/** A generated design (bench/generate.ts: sources, functions, queues with DLQs, fan-outs, VPC
 *  functions with a database) with one function's memory out of AWS's range (CFG-01). */
function designText(size: number): string {
  const design = generateDesign(size) as { name?: string; nodes: { id: string; kind: string; props: Record<string, unknown> }[] };
  design.name = `Generated ${size}`;
  const fn = design.nodes.find((n) => n.kind === 'lambda')!;
  fn.props.memoryMb = 99999;
  return JSON.stringify(design);
}

test('a 1,000-node design: the analysis worker reports it, and an edit in the inspector updates the findings', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await openApp(page);
  await openDesignText(page, 'generated-1000.design.json', designText(1000));
  const badge = page.getByTestId('toolbar-findings');
  await expect(page.getByTestId('document-title')).toContainText('generated-1000');
  // The worker's answer: the CFG-01 error, and no longer analysing.
  await expect(badge).toHaveAttribute('data-analysing', 'false', { timeout: 20_000 });
  await expect(page.getByTestId('badge-errors')).toHaveText('✕ 1');
  // It came from the worker, not from a fallback on this thread.
  expect(page.workers().map((w) => w.url()).some((u) => /analysis\.worker/.test(u))).toBe(true);
  const findings = page.getByTestId('findings-panel');
  const cfg = findings.locator('[data-rule="CFG-01"]');
  await expect(cfg).toContainText('sets the memory to 99,999 MB');

  // The finding selects its function; fixing the memory in the inspector clears the error.
  await cfg.locator('.sd-finding-main').click();
  await expect(page.getByTestId('field-memoryMb')).toHaveValue('99999');
  await page.getByTestId('field-memoryMb').fill('1024');
  await page.getByTestId('field-memoryMb').press('Enter');
  await expect(page.getByTestId('badge-errors')).toHaveText('✕ 0');
  await expect(findings.locator('[data-rule="CFG-01"]')).toHaveCount(0);
  // And back: undo brings the error back, from the worker again.
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('badge-errors')).toHaveText('✕ 1');
  expect(errors).toEqual([]);
});

test('a 5,000-node design opens without freezing the window: the shortcut sheet opens while it loads, and the findings come', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await openDesignText(page, 'generated-5000.design.json', designText(5000));
  await expect(page.getByTestId('document-title')).toContainText('generated-5000', { timeout: 60_000 });
  // The window answers a key at once (the analysis is not on this thread).
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('toolbar-findings')).toHaveAttribute('data-analysing', 'false', { timeout: 60_000 });
  await expect(page.getByTestId('badge-errors')).toHaveText('✕ 1');
});
