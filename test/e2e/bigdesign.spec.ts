import type { Page } from '@playwright/test';
import { generateDesign } from '../../bench/generate';
import { parseDesign, type Design } from '../../core/model';
import { estimatedHandles } from '../../renderer/canvas/cardHandles';
import { expect, loadPricing, openApp, test } from './helpers';

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

/** The 1,000-node design as text and as core reads it, its CFG-01 function, and the page's errors. */
function generated1000(page: Page) {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const text = designText(1000);
  const parsed = parseDesign(text);
  if (!parsed.ok) throw new Error('generated design does not load');
  const fn = parsed.design.nodes.find((n) => n.kind === 'lambda')!;
  return { errors, text, design: parsed.design, fn };
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

test('a 1,000-node design opens fitted in the far look: only the cards in view are drawn, not every card first, and zooming in brings the full cards back', async ({ page }) => {
  test.setTimeout(90_000);
  const { errors, text, design, fn } = generated1000(page);
  await openApp(page);
  // Count every card element React mounts from here on: drawing every card first (React Flow does,
  // for cards without handle positions) would count all 1,003 before the ones in view.
  await page.evaluate(() => {
    const w = window as unknown as { mounted: number };
    w.mounted = 0;
    new MutationObserver((list) => {
      for (const m of list) for (const n of m.addedNodes) if (n instanceof HTMLElement) w.mounted += (n.matches('.react-flow__node') ? 1 : 0) + n.querySelectorAll('.react-flow__node').length;
    }).observe(document.body, { childList: true, subtree: true });
  });
  await openDesignText(page, 'generated-1000.design.json', text);
  await expect(page.getByTestId('toolbar-findings')).toHaveAttribute('data-analysing', 'false', { timeout: 30_000 });
  const flow = page.locator('.react-flow');
  await expect(flow).toHaveAttribute('data-far', 'true');
  const seen = await page.evaluate(() => {
    const zoom = new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a;
    const cards = [...document.querySelectorAll<HTMLElement>('.react-flow__node-resource')];
    const canvas = document.querySelector('[data-testid="canvas"]')!.getBoundingClientRect();
    return {
      zoom,
      drawn: document.querySelectorAll('.react-flow__node').length,
      mounted: (window as unknown as { mounted: number }).mounted,
      far: cards.filter((c) => c.querySelector('[data-far="true"]')).length,
      cards: cards.length,
      names: document.querySelectorAll('.react-flow__nodes .sd-node-name').length,
      labels: document.querySelectorAll('.sd-edge-label').length,
      // Drawn cards wholly outside the canvas (culling draws only those in view).
      outside: cards.filter((c) => { const r = c.getBoundingClientRect(); return r.bottom < canvas.top - 5 || r.top > canvas.bottom + 5 || r.right < canvas.left - 5 || r.left > canvas.right + 5; }).length,
      // Each drawn card's handles as measured (relative to the card, in flow units).
      handles: cards.slice(0, 50).map((c) => {
        const r = c.getBoundingClientRect();
        return [...c.querySelectorAll<HTMLElement>('.react-flow__handle')].map((h) => {
          const b = h.getBoundingClientRect();
          return { x: (b.left - r.left) / zoom, y: (b.top - r.top) / zoom, width: b.width / zoom, height: b.height / zoom };
        });
      }),
    };
  });
  // Fitted (the generated design is a tall column: the smallest zoom), in the far look. A few cards
  // more than those in view are mounted: the containers (drawn before they are measured) and the
  // cards at the edge as React Flow's own fit corrects the estimated one.
  expect(seen.zoom).toBeLessThan(0.3);
  expect(seen.drawn).toBeGreaterThan(50);
  expect(seen.drawn).toBeLessThan(design.nodes.length);
  expect(seen.outside).toBe(0);
  expect(seen.mounted).toBeLessThan(seen.drawn * 1.25);
  expect(seen.far).toBe(seen.cards);
  expect(seen.names).toBe(0);
  expect(seen.labels).toBe(0);
  // The handle positions React Flow was given before drawing (cardHandles.ts) are where the cards
  // draw their handles: the edges of cards not drawn yet end where they will.
  const want = estimatedHandles(180, 54);
  for (const card of seen.handles) {
    expect(card).toHaveLength(2);
    card.forEach((h, i) => {
      for (const k of ['x', 'y', 'width', 'height'] as const) expect(Math.abs(h[k] - want[i][k]!), `${k} of handle ${i}`).toBeLessThan(0.6);
    });
  }
  // The finding pans to its function (keeping the zoom); zoomed in, the full card is back.
  await page.getByTestId('findings-panel').locator('[data-rule="CFG-01"] .sd-finding-main').click();
  for (let i = 0; i < 14 && (await flow.getAttribute('data-far')) === 'true'; i++) await page.locator('.react-flow__controls-zoomin').click();
  await expect(flow).not.toHaveAttribute('data-far', 'true');
  await expect(page.getByTestId(`node-${fn.id}`).locator('.sd-node-name')).toHaveText(fn.name);
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

test('a 1,000-node design: the Cost panel is estimated in the analysis worker and follows its options and an edit', async ({ page }) => {
  // Opening 1,000 nodes takes a few seconds, more on a loaded machine.
  test.setTimeout(90_000);
  // fn: the function whose memory is out of range (CFG-01): its finding selects it below.
  const { errors, text, design, fn } = generated1000(page);
  // What core says, for each step below (the panel must show exactly these totals).
  const { estimateCost, formatUsd } = await loadPricing();
  const total = (d: Design, region?: string) => formatUsd(estimateCost(d, region ? { region } : {}).monthlyTotal);
  const edited = { ...design, nodes: design.nodes.map((n) => (n === fn ? { ...n, props: { ...n.props, memoryMb: 4096 } } : n)) } as Design;
  expect(total(edited)).not.toBe(total(design));

  await openApp(page);
  await openDesignText(page, 'generated-1000.design.json', text);
  await expect(page.getByTestId('toolbar-findings')).toHaveAttribute('data-analysing', 'false', { timeout: 20_000 });
  await page.getByTestId('findings-panel').locator('[data-rule="CFG-01"] .sd-finding-main').click();
  await expect(page.getByTestId('field-memoryMb')).toHaveValue('99999');
  await page.getByTestId('dock-tab-cost').click();
  await expect(page.getByTestId('cost-total')).toHaveText(total(design), { timeout: 20_000 });
  // The estimates come from the worker: the panel asks it for its options and shows only theirs.
  expect(page.workers().map((w) => w.url()).some((u) => /analysis\.worker/.test(u))).toBe(true);
  await page.getByTestId('cost-region').selectOption('eu-west-1');
  await expect(page.getByTestId('cost-total')).toHaveText(total(design, 'eu-west-1'));
  await page.getByTestId('cost-region').selectOption(design.region);
  await expect(page.getByTestId('cost-total')).toHaveText(total(design));

  // An edit in the inspector: the total follows it.
  await page.getByTestId('field-memoryMb').fill('4096');
  await page.getByTestId('field-memoryMb').press('Enter');
  await expect(page.getByTestId('cost-total')).toHaveText(total(edited));
  await expect(page.getByTestId('cost-panel')).not.toHaveAttribute('aria-busy', 'true');
  expect(errors).toEqual([]);
});
