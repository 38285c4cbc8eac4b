import { join } from 'node:path';
import type * as ReportModule from '../../core/report';
import { expect, pickTemplate, test } from './helpers';

/** core/report through tsx: core/pricing's catalogs are JSON modules imported without the import
 *  attribute Playwright's own loader requires (as compare.spec.ts does). */
const loadReport = async (): Promise<typeof ReportModule> => {
  const { tsImport } = await import('tsx/esm/api');
  return tsImport('../../core/report/index.ts', import.meta.url) as Promise<typeof ReportModule>;
};

// The HTML review report of the VPC template, opened in Chromium as a reader opens the file: it
// must render with no console error and fetch nothing (every request is routed and fails the
// test), and its diagram must name every resource. `SD_SCREENSHOT=1` also writes docs/report.png
// (the top of the report, 2× scale) and docs/report-dark.png.
test.use({ deviceScaleFactor: process.env.SD_SCREENSHOT ? 2 : 1, viewport: { width: 1100, height: 900 } });

for (const theme of ['light', 'dark'] as const) {
  test(`the ${theme} HTML report renders offline and its diagram names every resource`, async ({ page }) => {
    const { design } = pickTemplate();
    const { buildReport, renderHtml } = await loadReport();
    const html = renderHtml(await buildReport({ design, theme }));
    const requests: string[] = [];
    await page.route('**/*', async (route) => {
      requests.push(route.request().url());
      await route.abort();
    });
    await page.setContent(html, { waitUntil: 'load' });

    await expect(page.locator('h1')).toHaveText(`Design review: ${design.name}`);
    await expect(page.getByTestId('report-summary')).toBeVisible();
    const diagram = page.locator('figure.diagram:visible svg');
    await expect(diagram).toHaveCount(1);
    // A long name wraps onto lines (tspans) in its card: read each text element line by line.
    const drawn = await diagram.evaluate((svg) => [...svg.querySelectorAll('text')].map((t) => {
      const lines = [...t.querySelectorAll('tspan')].map((x) => x.textContent ?? '');
      return lines.length ? lines.join(' ') : t.textContent ?? '';
    }));
    for (const n of design.nodes) expect(drawn, `the diagram shows "${n.name}"`).toContain(n.name);
    // Laid out, not collapsed: the drawing has a real size on the page.
    const box = await diagram.boundingBox();
    expect(box?.width).toBeGreaterThan(300);
    expect(box?.height).toBeGreaterThan(150);
    // The charts are drawn, with every priced resource a bar.
    expect(await page.getByTestId('report-cost-chart').locator('rect.bar').count()).toBeGreaterThan(0);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe(theme === 'dark' ? 'rgb(20, 23, 28)' : 'rgb(255, 255, 255)');
    // On paper, always light.
    await page.emulateMedia({ media: 'print' });
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
    await expect(page.locator('figure.diagram:visible svg')).toHaveCount(1);
    expect(await page.locator('section.page').evaluateAll((s) => s.map((x) => getComputedStyle(x).breakBefore))).toEqual(['page', 'page', 'page']);
    await page.emulateMedia({ media: 'screen' });
    // Printed to PDF as a browser does: the header and diagram, then findings, retry paths with
    // reachability, and cost each from a new page.
    const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page[^s]/g)?.length ?? 0).toBeGreaterThanOrEqual(4);

    expect(requests, 'the report fetched something').toEqual([]);

    if (process.env.SD_SCREENSHOT) {
      await page.screenshot({ path: join(import.meta.dirname, '..', '..', 'docs', theme === 'light' ? 'report.png' : 'report-dark.png') });
    }
  });
}

test('the auto-themed report follows the reader\'s system: dark colours and the dark diagram on a dark system', async ({ page }) => {
  const { design } = pickTemplate();
  const { buildReport, renderHtml } = await loadReport();
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setContent(renderHtml(await buildReport({ design })), { waitUntil: 'load' });
  await expect(page.locator('figure.diagram.dark')).toBeVisible();
  await expect(page.locator('figure.diagram.light')).toBeHidden();
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(20, 23, 28)');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('figure.diagram.light')).toBeVisible();
  await expect(page.locator('figure.diagram.dark')).toBeHidden();
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
});
