import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { parseDesign, serializeDesign, type Design } from '../../core/model';
import { expect, openApp, openTemplate, pickTemplate, test } from './helpers';

// Issue 11 point 3: edges routed around the boxes they do not join, labels readable at fit-to-view,
// the minimap off the design after fit, dead-letter edges not mistaken for lost events.

const TEMPLATES = join(import.meta.dirname, '..', '..', 'templates');
const templates = readdirSync(TEMPLATES).filter((f) => f.endsWith('.design.json')).sort().map((f) => f.replace(/\.design\.json$/, ''));
const loadTemplate = (slug: string): Design => {
  const parsed = parseDesign(readFileSync(join(TEMPLATES, `${slug}.design.json`), 'utf8'));
  if (!parsed.ok) throw new Error(`${slug} does not parse`);
  return parsed.design;
};

/** Every design edge drawn along its route (not the pending fallback). */
async function routesSettled(page: Page, design: Design): Promise<void> {
  const drawn = design.edges.length;
  await expect(page.locator('.react-flow__edge .sd-routed')).toHaveCount(drawn);
  await expect(page.locator('.react-flow__edge .sd-routed[data-routed="true"]')).toHaveCount(drawn, { timeout: 10_000 });
}

/** Fit-to-view by the Controls' button, then wait until the viewport stops moving. */
async function fit(page: Page): Promise<number> {
  await page.locator('.react-flow__controls-fitview').click();
  let last = '';
  await expect.poll(async () => {
    const now = await page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
    const still = now === last;
    last = now;
    return still;
  }, { intervals: [150, 150, 150, 300] }).toBe(true);
  return zoomOf(page);
}

const zoomOf = (page: Page) => page.locator('.react-flow__viewport').evaluate((el) => new DOMMatrixReadOnly(getComputedStyle(el).transform).a);

for (const slug of templates) test(`${slug}: no edge path passes through a resource box other than its own two ends`, async ({ page }) => {
  const design = loadTemplate(slug);
  await openApp(page);
  await openTemplate(page, slug);
  await fit(page);
  await routesSettled(page, design);
  const ends = Object.fromEntries(design.edges.map((e) => [e.id, [e.from, e.to]]));
  const hits = await page.evaluate((ends) => {
    const boxes = [...document.querySelectorAll<HTMLElement>('.react-flow__node-resource')].map((el) => ({ id: el.dataset.id ?? '', r: el.getBoundingClientRect() }));
    const out: string[] = [];
    let sampled = 0;
    for (const g of document.querySelectorAll<SVGGElement>('.react-flow__edge')) {
      const id = g.dataset.id ?? '';
      // Attachment lines ("attach:<node>:<subnet>") join a card to a subnet box.
      const own = ends[id] ?? (id.startsWith('attach:') ? [id.split(':')[1]] : []);
      const path = g.querySelector<SVGPathElement>('path.react-flow__edge-path');
      const ctm = path?.getScreenCTM();
      if (!path || !ctm) { out.push(`${id}: no path`); continue; }
      const length = path.getTotalLength();
      for (let s = 0; s <= length; s += 2) {
        const p = new DOMPoint(path.getPointAtLength(s).x, path.getPointAtLength(s).y).matrixTransform(ctm);
        sampled++;
        for (const b of boxes) {
          if (own.includes(b.id)) continue;
          if (p.x > b.r.left + 2 && p.x < b.r.right - 2 && p.y > b.r.top + 2 && p.y < b.r.bottom - 2) out.push(`${id} passes through ${b.id} at ${Math.round(p.x)},${Math.round(p.y)}`);
        }
      }
    }
    return { out: [...new Set(out.map((o) => o.replace(/ at .*/, '')))], sampled };
  }, ends);
  expect(hits.sampled).toBeGreaterThan(100);
  expect(hits.out).toEqual([]);
});

for (const slug of templates) {
  test(`${slug}: at fit-to-view every label (edge labels, names, chips, marks) is at least 11 px on screen, names are whole, edge labels on no card, and the minimap covers no node`, async ({ page }) => {
    const design = loadTemplate(slug);
    await openApp(page);
    await openTemplate(page, slug);
    const zoom = await fit(page);
    await routesSettled(page, design);
    const labels = page.locator('.sd-edge-label');
    await expect(labels).toHaveCount(design.edges.length);
    const seen = await page.evaluate(() => {
      const cards = [...document.querySelectorAll<HTMLElement>('.react-flow__node-resource')].map((el) => el.getBoundingClientRect());
      const names = [...document.querySelectorAll<HTMLElement>('.sd-node-name')].map((el) => parseFloat(getComputedStyle(el).fontSize));
      // Every HTML element on a card or container that shows text of its own (the kind badges are SVG
      // icons, not labels); hidden ones (the overview drops the detail lines) do not count.
      const texts = [...document.querySelectorAll<HTMLElement>('.react-flow__nodes *')].filter((el) => !(el instanceof SVGElement)
        && [...el.childNodes].some((c) => c.nodeType === Node.TEXT_NODE && (c.textContent ?? '').trim() !== '')
        && el.checkVisibility({ checkVisibilityCSS: true }));
      return {
        texts: texts.map((el) => ({ text: (el.textContent ?? '').trim().slice(0, 40), font: parseFloat(getComputedStyle(el).fontSize) })),
        // A name cut short by its two-line clamp (a container's or a security-group chip's by its width) is not whole.
        cut: [...document.querySelectorAll<HTMLElement>('.sd-node-name, .sd-container-name, .sd-sg-chip')]
          .filter((el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent),
        labels: [...document.querySelectorAll<HTMLElement>('.sd-edge-label')].map((el) => {
          const r = el.getBoundingClientRect();
          const visible = getComputedStyle(el).visibility !== 'hidden';
          const covered = cards.filter((c) => r.left < c.right - 1 && c.left < r.right - 1 && r.top < c.bottom - 1 && c.top < r.bottom - 1).length;
          return { id: el.dataset.edgeId, font: parseFloat(getComputedStyle(el).fontSize), visible, covered, clipped: el.scrollWidth > el.clientWidth + 1 };
        }),
        nameFont: Math.min(...names),
      };
    });
    test.info().annotations.push({ type: 'fit', description: `${slug}: zoom ${zoom.toFixed(3)}, node names ${(seen.nameFont * zoom).toFixed(1)} px on screen, labels ${seen.labels.map((l) => (l.font * zoom).toFixed(1)).join(', ') || 'none'}` });
    expect(seen.texts.length, 'texts on the cards: at least every name').toBeGreaterThanOrEqual(design.nodes.length);
    for (const t of seen.texts) expect(t.font * zoom, `"${t.text}" on screen`).toBeGreaterThanOrEqual(11);
    expect(seen.cut, 'names cut short').toEqual([]);
    for (const l of seen.labels) {
      expect(l.visible, `${l.id} shown`).toBe(true);
      expect(l.font * zoom, `${l.id} on screen`).toBeGreaterThanOrEqual(11);
      expect(l.covered, `${l.id} over a card`).toBe(0);
      expect(l.clipped, `${l.id} clipped`).toBe(false);
    }
    // The minimap (when shown) covers no node after fit.
    const overlaps = await page.evaluate(() => {
      const map = document.querySelector('.react-flow__minimap')?.getBoundingClientRect();
      if (!map) return [];
      return [...document.querySelectorAll<HTMLElement>('.react-flow__node')].filter((el) => {
        const r = el.getBoundingClientRect();
        return r.left < map.right && map.left < r.right && r.top < map.bottom && map.top < r.bottom;
      }).map((el) => el.dataset.id);
    });
    expect(overlaps).toEqual([]);
  });
}

test('the minimap appears once part of the design is out of view and pans it', async ({ page }) => {
  const { slug } = pickTemplate();
  await openApp(page);
  await openTemplate(page, slug);
  await fit(page);
  await expect(page.locator('.react-flow__minimap')).toHaveCount(0);
  for (let i = 0; i < 3; i++) await page.locator('.react-flow__controls-zoomin').click();
  const minimap = page.getByRole('img', { name: /Overview of the design/ }).or(page.locator('.react-flow__minimap'));
  await expect(minimap.first()).toBeVisible();
  const before = await page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
  const box = (await page.locator('.react-flow__minimap svg').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 30, box.y + box.height / 2 + 10, { steps: 5 });
  await page.mouse.up();
  await expect.poll(() => page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform)).not.toBe(before);
});

test('a dead-letter edge and a Paths "events lost" edge are drawn differently, and the legend names both', async ({ page }) => {
  // SNS fan-out without the fulfilment queue's DLQ: failed events at the fulfilment worker are lost,
  // while four dead-letter edges remain.
  const design = loadTemplate('sns-fan-out');
  const broken = { ...design, edges: design.edges.filter((e) => e.id !== 'e-fulfilment-dlq') };
  const deadLetter = broken.edges.find((e) => e.kind === 'deadLetter');
  if (!deadLetter) throw new Error('sns-fan-out has no other dead-letter edge');
  await openApp(page);
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Control+o');
  await (await chooser).setFiles({ name: 'fan-out.design.json', mimeType: 'application/json', buffer: Buffer.from(serializeDesign(broken)) });
  await expect(page.locator('.react-flow__edge .sd-routed')).toHaveCount(broken.edges.length);
  await page.getByTestId('toolbar-paths').click();
  const lost = page.getByTestId('rf__edge-e-fulfilment-worker');
  await expect(lost).toHaveClass(/sd-retry-lost/);
  const style = (id: string) => page.getByTestId(`rf__edge-${id}`).locator('path.react-flow__edge-path').evaluate((el) => {
    const s = getComputedStyle(el);
    return { stroke: s.stroke, dash: s.strokeDasharray, width: s.strokeWidth };
  });
  const dlq = await style(deadLetter.id);
  const gone = await style('e-fulfilment-worker');
  expect(dlq.stroke).not.toBe(gone.stroke);
  expect(dlq.dash).not.toBe(gone.dash);
  // The dead-letter edge carries its DLQ marker; the legend explains both.
  await expect(page.getByTestId(`edge-label-${deadLetter.id}`).locator('.sd-dlq-chip')).toHaveText('DLQ');
  const legend = page.getByTestId('paths-legend');
  await expect(legend).toContainText('failed events lost');
  await expect(legend).toContainText('dead-letter queue (DLQ)');
  // The legend takes its own strip above the canvas: it covers no node.
  const legendBox = (await legend.boundingBox())!;
  const covered = await page.evaluate((l) => [...document.querySelectorAll<HTMLElement>('.react-flow__node')].filter((el) => {
    const r = el.getBoundingClientRect();
    return r.left < l.x + l.width && l.x < r.right && r.top < l.y + l.height && l.y < r.bottom;
  }).map((el) => el.dataset.id), legendBox);
  expect(covered).toEqual([]);
});

test('a card being dragged has its edges drawn simply, rerouted once it is dropped; labels too small to read hide and show on hover', async ({ page }) => {
  const { slug, design } = pickTemplate();
  await openApp(page);
  await openTemplate(page, slug);
  await fit(page);
  await routesSettled(page, design);
  const edge = page.getByTestId('rf__edge-e-quotes-partner').locator('.sd-routed');
  const card = page.getByTestId('node-ext-partner');
  const box = (await card.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 + 40, { steps: 6 });
  await expect(edge).toHaveAttribute('data-routed', 'false');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 + 60, { steps: 4 });
  await page.mouse.up();
  await expect(edge).toHaveAttribute('data-routed', 'true');

  // Zoomed far out, a label would be under 9 px on screen: not drawn until its edge is hovered.
  for (let i = 0; i < 4; i++) await page.locator('.react-flow__controls-zoomout').click();
  const label = page.getByTestId('edge-label-e-quotes-partner');
  await expect(label).toHaveCount(0);
  const point = await page.getByTestId('rf__edge-e-quotes-partner').locator('path.react-flow__edge-path').evaluate((el) => {
    const path = el as SVGPathElement;
    const p = path.getPointAtLength(path.getTotalLength() / 2);
    const s = new DOMPoint(p.x, p.y).matrixTransform(path.getScreenCTM()!);
    return { x: s.x, y: s.y };
  });
  await page.mouse.move(point.x, point.y);
  await expect(label).toBeVisible();
  const onScreen = await label.evaluate((el) => parseFloat(getComputedStyle(el).fontSize) * new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a);
  expect(onScreen).toBeGreaterThanOrEqual(11);
});

test('a click on an edge label selects the edge, as a click on its line does', async ({ page }) => {
  const { slug, design } = pickTemplate();
  await openApp(page);
  await openTemplate(page, slug);
  await fit(page);
  await routesSettled(page, design);
  await page.getByTestId('edge-label-e-quotes-db').click();
  await expect(page.getByTestId('rf__edge-e-quotes-db')).toHaveClass(/selected/);
  await expect(page.getByTestId('edge-label-e-quotes-db')).toHaveClass(/is-raised/);
});
