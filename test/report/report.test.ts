import { describe, expect, it } from 'vitest';
import { analyze } from '../../core/analyze';
import type { Design } from '../../core/model';
import { estimateCost, formatUsd } from '../../core/pricing';
import { buildReport, renderHtml, renderMarkdown } from '../../core/report';
import { mdInline } from '../../core/report/text';
import { loadDesign, markdownShape, parseHtml, VPC } from './support';

const texts = (doc: Document, selector: string) => [...doc.querySelectorAll(selector)].map((e) => e.textContent ?? '');

describe('the report of the VPC template', () => {
  const design = loadDesign(VPC);

  it('has the sections a reviewer reads, in order, and the summary agrees with the analysis and the estimate', async () => {
    const report = await buildReport({ design });
    const md = renderMarkdown(report);
    const headings = md.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual(['## Summary', '## Diagram', '## Findings', '## Retry paths', '## Reachability', '## Cost']);
    const analysis = analyze(design);
    const cost = estimateCost(design);
    expect(md).toContain(`- **Monthly cost: ${formatUsd(cost.monthlyTotal).replace('$', '\\$')}**`);
    expect(report.main.summary.errors).toBe(analysis.findings.filter((f) => f.severity === 'error').length);
    expect(report.main.summary.accessEdges).toBe(analysis.reachability.length);
    expect(report.main.summary.retryPaths).toBe(analysis.retryPaths.length);
    // Every priced component is a row of the component table, and the by-node rows add up to the total.
    expect(report.main.costByNode.flatMap((n) => n.components)).toHaveLength(cost.components.length);
    expect(report.main.costByNode.reduce((t, n) => t.plus(n.monthly), cost.monthlyTotal.minus(cost.monthlyTotal)).eq(cost.monthlyTotal)).toBe(true);
    // Its one unpriced line (RDS) is said, never counted as $0.
    expect(cost.unpriced.length).toBeGreaterThan(0);
    for (const u of cost.unpriced) expect(md).toContain(`: ${mdInline(u.reason)}`);
  });

  it('without a diagram file, the Markdown says where the diagram is; with one, links it', async () => {
    const report = await buildReport({ design });
    expect(renderMarkdown(report)).toMatch(/Markdown cannot hold the diagram: .*serverless-designer diagram FILE -o diagram\.svg/);
    expect(renderMarkdown(report, { diagramFile: 'my report (v2).svg' })).toContain('](my%20report%20%28v2%29.svg)');
  });

  it('HTML: one document with the summary at the top, every reachability path per AZ, no script and nothing fetched', async () => {
    const html = renderHtml(await buildReport({ design }));
    const doc = parseHtml(html);
    expect(doc.querySelector('h1')?.textContent).toBe(`Design review: ${design.name}`);
    const first = doc.querySelector('main')?.firstElementChild;
    expect(first?.querySelector('[data-testid="report-summary"]')).not.toBeNull();
    expect(texts(doc, '[data-testid="report-total"] .value')).toEqual([formatUsd(estimateCost(design).monthlyTotal)]);
    const rows = doc.querySelectorAll('[data-testid="report-reach-table"] tbody tr');
    expect(rows.length).toBe(analyze(design).reachability.reduce((n, r) => n + r.paths.length, 0));
    expect(doc.querySelectorAll('script, link, img, iframe, object, embed').length).toBe(0);
    for (const el of doc.querySelectorAll('[src], [srcset], [poster]')) throw new Error(`fetches ${el.outerHTML}`);
    // Only references inside the document (the diagram's arrowheads: url(#id)).
    expect(html).not.toMatch(/url\((?!#)|@import/);
    for (const a of doc.querySelectorAll('a')) expect(a.getAttribute('href')).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
    // One bar per priced resource.
    expect(doc.querySelectorAll('[data-testid="report-cost-chart"] rect.bar').length).toBe(new Set(estimateCost(design).components.map((c) => c.node)).size);
  });

  it('theme: light has the light diagram only; dark and auto add a dark one, and the style sheet picks one (light on paper)', async () => {
    const light = parseHtml(renderHtml(await buildReport({ design, theme: 'light' })));
    expect(light.documentElement.getAttribute('data-theme')).toBe('light');
    expect(light.querySelectorAll('figure.diagram').length).toBe(1);
    for (const theme of ['dark', 'auto'] as const) {
      const html = renderHtml(await buildReport({ design, theme }));
      const doc = parseHtml(html);
      expect(doc.documentElement.getAttribute('data-theme')).toBe(theme);
      expect([...doc.querySelectorAll('figure.diagram')].map((f) => f.className)).toEqual(['diagram light', 'diagram dark']);
      // Each drawn in its palette: the dark one on the dark canvas colour, the light one on white.
      expect(doc.querySelector('figure.diagram.light svg > rect')?.getAttribute('fill')).toBe('#ffffff');
      expect(doc.querySelector('figure.diagram.dark svg > rect')?.getAttribute('fill')).not.toBe('#ffffff');
    }
    const auto = renderHtml(await buildReport({ design }));
    expect(auto).toContain('data-theme="auto"');
    expect(auto).toContain('@media (prefers-color-scheme: dark){:root[data-theme="auto"]');
    expect(auto).toMatch(/@media print\{[^]*section\.page\{break-before:page\}[^]*:root\[data-theme\] \.diagram\.dark\{display:none\}/);
  });
});

describe('what goes wrong is shown', () => {
  it('a retry path that loses events is a LOST row, counted in the summary', async () => {
    const design = loadDesign('test/fixtures/rules/CONC-08.fail.design.json');
    const lost = analyze(design).retryPaths.filter((p) => p.lost).length;
    expect(lost).toBeGreaterThan(0);
    const report = await buildReport({ design });
    expect(report.main.summary.lostPaths).toBe(lost);
    const doc = parseHtml(renderHtml(report));
    expect(texts(doc, '[data-testid="report-lost"] .value')).toEqual([String(lost)]);
    expect(doc.querySelector('[data-testid="report-lost"]')?.className).toContain('alert');
    expect(doc.querySelectorAll('[data-testid="report-retry-table"] td.lost').length).toBeGreaterThan(0);
    const md = renderMarkdown(report);
    for (const h of analyze(design).retryPaths.flatMap((p) => p.hops).filter((x) => x.lost)) expect(md).toContain(`| LOST: ${mdInline(h.lostReason!)} |`);
  });

  it('a broken network path names the hop and the rule', async () => {
    const design = loadDesign('test/fixtures/rules/NET-01.fail.design.json');
    const broken = analyze(design).reachability.flatMap((r) => r.paths).filter((p) => !p.reachable);
    expect(broken.length).toBeGreaterThan(0);
    const md = renderMarkdown(await buildReport({ design }));
    for (const p of broken) expect(md).toContain(`broken${p.brokenAt ? ` at "${p.brokenAt.name}"` : ''}: ${p.ruleId} `);
  });

  it('findings come with why, fix and the AWS link; a suppressed one is listed with its reason', async () => {
    const base = loadDesign('templates/sns-fan-out.design.json');
    const [first, ...rest] = analyze(base).findings;
    const design: Design = { ...base, suppressions: [{ ruleId: first.ruleId, target: first.target.id, reason: 'Accepted in review <b>2026-12</b>' }] };
    const report = await buildReport({ design });
    expect(report.main.findings).toHaveLength(rest.length);
    const doc = parseHtml(renderHtml(report));
    // The findings left are the same advice (INV-12) on two functions: one grouped entry, as lint and
    // the app show it, each target with its own message.
    expect(new Set(rest.map((f) => f.ruleId)).size).toBe(1);
    expect(doc.querySelectorAll('[data-testid="report-finding"]').length).toBe(0);
    const group = doc.querySelector('[data-testid="report-finding-group"]');
    expect(group?.querySelectorAll('li').length).toBe(rest.length);
    for (const f of rest) expect(group?.textContent).toContain(f.message);
    const cells = texts(doc, '[data-testid="report-suppressed"] td');
    expect(cells).toContain('Accepted in review <b>2026-12</b>');
    expect(doc.querySelector('[data-testid="report-suppressed"] b')).toBeNull();
    const md = renderMarkdown(report);
    expect(md).toContain('Accepted in review \\<b\\>2026-12\\</b\\>');
    for (const f of rest) expect(md).toContain(`   - AWS docs: <${f.docsUrl}>`);
  });
});

describe('set-aside edges', () => {
  it('an edge AWS refuses is listed once with why and the rule that reports it, and not analysed', async () => {
    const design = loadDesign('test/fixtures/rules/INV-11.fail.set-aside.design.json');
    const { setAside } = analyze(design);
    expect(setAside.length).toBeGreaterThan(0);
    const report = await buildReport({ design });
    const rows = [...parseHtml(renderHtml(report)).querySelectorAll('[data-testid="report-set-aside"] tbody tr')].map((r) => r.textContent ?? '');
    expect(rows).toHaveLength(setAside.length);
    for (const s of setAside) expect(rows.some((r) => r.includes(s.name) && r.includes(s.reportedBy ?? 'with the edge it belongs to'))).toBe(true);
    expect(renderMarkdown(report)).toContain(`### Set aside: connections AWS refuses (${setAside.length})`);
  });
});

describe('comparison', () => {
  const design = loadDesign(VPC);

  it('two profiles: both totals, the difference of the two estimates, and the request sweep', async () => {
    const report = await buildReport({ design, compare: { kind: 'profiles', a: 'low', b: 'peak' } });
    const low = estimateCost(design, { profile: 'low' }).monthlyTotal;
    const peak = estimateCost(design, { profile: 'peak' }).monthlyTotal;
    expect(report.comparison?.cost.difference.eq(peak.toDecimalPlaces(2).minus(low.toDecimalPlaces(2)))).toBe(true);
    const md = renderMarkdown(report);
    expect(md).toContain(`| Monthly cost | ${formatUsd(low).replace('$', '\\$')} | ${formatUsd(peak).replace('$', '\\$')} |`);
    expect(md).toContain('## Comparison: usage profiles "low" and "peak"');
    const doc = parseHtml(renderHtml(report));
    expect(doc.querySelectorAll('[data-testid="report-crossover-chart"] polyline').length).toBe(2);
    expect(markdownShape(md).filter((k) => k === 'h2')).toHaveLength(7);
  });

  it('two Regions price the same design in each', async () => {
    const report = await buildReport({ design, compare: { kind: 'regions', a: 'us-east-1', b: 'eu-west-1' } });
    expect(report.comparison?.b.cost.monthlyTotal.eq(estimateCost(design, { region: 'eu-west-1' }).monthlyTotal)).toBe(true);
    expect(report.comparison?.b.region).toBe('eu-west-1');
  });

  it('two designs: each side has its own diagram and findings; a crossover is found where the cheaper one changes', async () => {
    const other = loadDesign('templates/rest-api.design.json');
    const report = await buildReport({ design, compare: { kind: 'design', other } });
    const doc = parseHtml(renderHtml(report));
    expect(doc.querySelectorAll('[data-testid="report-comparison"] figure.diagram.light').length).toBe(2);
    expect(doc.querySelector('[data-testid="report-findings-b"] h2')?.textContent).toBe(`Findings of B: ${other.name}`);
    const sweep = report.comparison!.sweep;
    expect(sweep.ok).toBe(true);
    if (sweep.ok) {
      // The VPC design pays two NAT gateways a month whatever the volume; the REST API only per request.
      expect(sweep.value.points[0].monthly[0].gt(sweep.value.points[0].monthly[1])).toBe(true);
      const text = doc.querySelector('[data-testid="report-crossover"]')?.textContent ?? '';
      if (sweep.value.crossings.length) expect(text).toMatch(/^At .* requests a month both cost about \$/);
      else expect(text).toMatch(/cheaper throughout\.$/);
    }
  });

  it('a design with no requests entered cannot be swept, and the report says why instead of failing', async () => {
    const bare: Design = { ...design, usage: { profiles: { only: { description: '', nodes: {}, edges: {} } }, active: 'only' } };
    const report = await buildReport({ design: bare, compare: { kind: 'regions', a: 'us-east-1', b: 'eu-west-1' } });
    expect(report.comparison?.sweep.ok).toBe(false);
    expect(renderMarkdown(report)).toMatch(/The chart cannot be drawn: ".*" has no requestsPerMonth entered in profile "only": nothing to scale\./);
  });

  it('an unknown profile or a Region that is not a Region code is a clear error naming what exists', async () => {
    await expect(buildReport({ design, compare: { kind: 'profiles', a: 'low', b: 'busy' } })).rejects.toThrow('has no usage profile "busy" (it has "low", "expected", "peak")');
    await expect(buildReport({ design, region: 'mars-1' })).rejects.toThrow('"mars-1" is not an AWS Region code');
  });
});
