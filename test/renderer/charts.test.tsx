// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { designOfAlternative, History, perform, type Command } from '../../core/commands';
import { createDesign, parseDesign, type Design } from '../../core/model';
import { compare, estimateCost, formatUsd, sum, sweepRequests } from '../../core/pricing';
import { LineChart } from '../../renderer/charts/LineChart';
import { compactNumber, linearTicks, logTicks, nearestIndex, scaleOf } from '../../renderer/charts/scales';
import { requestSweepChart } from '../../renderer/charts/sweepCharts';
import { compareRows, ComparePanel, defaultSides } from '../../renderer/panels/ComparePanel';

afterEach(cleanup);

const template = (slug: string): Design => {
  const parsed = parseDesign(readFileSync(join(import.meta.dirname, '..', '..', 'templates', `${slug}.design.json`), 'utf8'));
  if (!parsed.ok) throw new Error(`${slug} does not parse`);
  return parsed.design;
};
const apply = (design: Design, ...commands: Command[]): Design => commands.reduce((d, c) => perform(d, c).design, design);
/** The rest-api template (a REST API) and an alternative B where the API is an HTTP API. */
const restVsHttp = () => apply(template('rest-api'), { type: 'duplicateAlternative' }, { type: 'setProp', nodeId: 'api-items', path: ['apiType'], value: 'http' });

/** An API Gateway or an ALB in front of one function, 1M requests a month of 50 ms: the ALB's
 *  hourly charge loses at low volume and wins at high volume, so the two cross. */
function frontedBy(source: 'apiGateway' | 'alb'): Design {
  const h = new History(createDesign(`Behind ${source}`));
  for (const c of [
    { type: 'addNode', kind: source, id: 'src', name: source === 'alb' ? 'Load balancer' : 'HTTP API', position: { x: 0, y: 0 } },
    { type: 'addNode', kind: 'lambda', id: 'fn', name: 'Handler', position: { x: 200, y: 0 } },
    { type: 'connect', from: 'src', to: 'fn', kind: 'trigger' },
    { type: 'setNodeUsage', nodeId: 'src', field: 'requestsPerMonth', value: 1e6 },
    { type: 'setNodeUsage', nodeId: 'fn', field: 'avgDurationMs', value: 50 },
  ] as Command[]) if (h.apply(c).refused) throw new Error(`${c.type} refused`);
  return h.design;
}

describe('scales and ticks', () => {
  it('a log scale puts each decade the same distance apart', () => {
    const x = scaleOf('log', 1e3, 1e9, 0, 600);
    expect([x(1e3), x(1e6), x(1e9)]).toEqual([0, 300, 600]);
    expect(() => scaleOf('log', 0, 10, 0, 1)).toThrow(/positive/);
  });

  it('ticks are round numbers that cover the data', () => {
    expect(linearTicks(0, 7.3, 5)).toEqual([0, 2, 4, 6, 8]);
    expect(linearTicks(0, 0.3, 3)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(linearTicks(0, 0, 5)).toEqual([0, 1]);
    expect(logTicks(1e3, 1e9)).toEqual([1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9]);
    expect(logTicks(128, 900)).toEqual([128, 900]);
    expect(nearestIndex([0, 10, 20], 14)).toBe(1);
    expect([compactNumber(1000), compactNumber(2_500_000), compactNumber(1e9), compactNumber(42)]).toEqual(['1k', '2.5M', '1B', '42']);
  });
});

describe('LineChart', () => {
  const props = {
    title: 'Cost against requests', description: 'A is cheaper below 1M requests, B above.',
    series: [{ name: 'A', points: [{ x: 1e3, y: 1 }, { x: 1e6, y: 3 }] }, { name: 'B', points: [{ x: 1e3, y: 2, yText: '$2.00 exactly' }, { x: 1e6, y: 2.5 }] }],
    markers: [{ x: 1e5, y: 2.2, label: 'crossover 100k' }],
    xScale: 'log' as const, xLabel: 'Requests', yLabel: 'USD', formatX: compactNumber, formatY: (v: number) => `$${v}`,
  };

  it('is an image with a title and a description, one line per series, labelled markers, a legend and axis labels', () => {
    render(<LineChart {...props} testId="c" />);
    const svg = screen.getByRole('img');
    expect(svg.querySelector('title')?.textContent).toBe('Cost against requests');
    expect(svg.querySelector('desc')?.textContent).toBe(props.description);
    expect(screen.getAllByTestId('chart-line').map((l) => l.getAttribute('data-series'))).toEqual(['A', 'B']);
    expect(screen.getByTestId('chart-marker').textContent).toBe('crossover 100k');
    expect(within(screen.getByRole('list', { name: 'Legend' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['A', 'B']);
    expect(svg.textContent).toContain('1k');
    expect(svg.textContent).toContain('1M');
  });

  it('a linear x axis has round ticks inside the data only', () => {
    render(<LineChart {...props} xScale="linear" series={[{ name: 'fn', points: [128, 1024, 10240].map((x) => ({ x, y: x / 1000 })) }]} markers={[]} formatX={String} />);
    const labels = [...screen.getByRole('img').querySelectorAll('.sd-chart-axis text')].map((t) => t.textContent);
    expect(labels.slice(0, 5)).toEqual(['2000', '4000', '6000', '8000', '10000']);
  });

  it('has the data as a table, exact texts included', () => {
    render(<LineChart {...props} />);
    const rows = within(screen.getByRole('table')).getAllByRole('row').map((r) => r.textContent);
    expect(rows).toEqual(['RequestsAB', '1k$1$2.00 exactly', '1M$3$2.5']);
  });

  it('arrow keys read out every series at one x (keyboard users get the hover read-out)', () => {
    render(<LineChart {...props} />);
    const svg = screen.getByRole('img');
    fireEvent.keyDown(svg, { key: 'ArrowRight' });
    expect(screen.getByTestId('chart-tooltip').textContent).toBe('1kA: $1B: $2.00 exactly');
    fireEvent.keyDown(svg, { key: 'ArrowRight' });
    expect(screen.getByTestId('chart-tooltip').textContent).toBe('1MA: $3B: $2.5');
    fireEvent.keyDown(svg, { key: 'Escape' });
    expect(screen.queryByTestId('chart-tooltip')).toBeNull();
  });
});

describe('compare rows', () => {
  it('per-resource differences plus the rounding line add up to the difference of the shown totals', () => {
    const d = restVsHttp();
    for (const profile of ['low', 'expected', 'peak']) {
      const [a, b] = ['A', 'B'].map((n) => estimateCost(designOfAlternative(d, n) as Design, { profile }));
      const c = compare(a, b);
      const rows = compareRows(c);
      expect(sum(rows.map((r) => r.shownDifference)).plus(c.rounding).eq(c.shownTotals.b.minus(c.shownTotals.a))).toBe(true);
      for (const r of rows) expect(r.shownB.minus(r.shownA).eq(r.shownDifference)).toBe(true);
      expect(rows[0].nodeName).toBe('Items API');
    }
  });

  it('a resource on one side only gives lines marked so, still adding up', () => {
    const d = apply(restVsHttp(), { type: 'removeNodes', ids: ['tbl-items'] });
    const c = compare(estimateCost(designOfAlternative(d, 'A') as Design), estimateCost(d));
    const rows = compareRows(c);
    const table = rows.find((r) => r.key === 'tbl-items');
    expect(table?.lines.length).toBeGreaterThan(0);
    expect(table?.lines.every((l) => l.a && !l.b)).toBe(true);
    expect(table?.shownDifference.eq(table.shownA.negated())).toBe(true);
    expect(sum(rows.map((r) => r.shownDifference)).plus(c.rounding).eq(c.difference)).toBe(true);
    render(<ComparePanel design={d} />);
    fireEvent.click(within(screen.getAllByTestId('compare-node').find((n) => n.textContent?.includes('Items table')) as HTMLElement).getByRole('button'));
    expect(screen.getAllByTestId('compare-line').some((l) => l.textContent?.includes('only in side 1'))).toBe(true);
  });

  it('a crossover chart from the core sweep: two lines, labelled crossings or a sentence saying there is none', () => {
    const d = restVsHttp();
    const sweep = sweepRequests([designOfAlternative(d, 'A') as Design, designOfAlternative(d, 'B') as Design], { pointsPerDecade: 2 });
    const chart = requestSweepChart(sweep, ['A', 'B']);
    expect(chart.series.map((s) => s.points.length)).toEqual([sweep.points.length, sweep.points.length]);
    expect(chart.markers).toHaveLength(sweep.crossings.length);
    expect(chart.summary).toMatch(sweep.crossings.length ? /both cost about/ : /No crossover .*: B is cheaper throughout/);
  });
});

describe('crossover', () => {
  it('an API Gateway against an ALB: the crossing is marked and labelled, and the sentence says who is cheaper on each side', () => {
    const sweep = sweepRequests([frontedBy('apiGateway'), frontedBy('alb')]);
    expect(sweep.crossings).toHaveLength(1);
    const [c] = sweep.crossings;
    const chart = requestSweepChart(sweep, ['API', 'ALB']);
    expect(chart.markers).toEqual([{ x: c.requestsPerMonth, y: c.monthly.toNumber(), label: `crossover ${compactNumber(c.requestsPerMonth)}/month · ${formatUsd(c.monthly)}` }]);
    expect(chart.summary).toBe(`At ${compactNumber(c.requestsPerMonth)} requests/month both cost about ${formatUsd(c.monthly)}: API is cheaper below, ALB above.`);
  });

  it('the compare view draws it for two alternatives', () => {
    const h = new History(frontedBy('apiGateway'));
    h.apply({ type: 'duplicateAlternative' });
    const alb = frontedBy('alb');
    // The copy becomes the ALB design: same ids, another front door.
    for (const c of [
      { type: 'removeNodes', ids: ['src'] },
      { type: 'addNode', kind: 'alb', id: 'src', name: 'Load balancer', position: { x: 0, y: 0 } },
      { type: 'connect', from: 'src', to: 'fn', kind: 'trigger' },
      { type: 'setNodeUsage', nodeId: 'src', field: 'requestsPerMonth', value: 1e6 },
    ] as Command[]) if (h.apply(c).refused) throw new Error(`${c.type} refused`);
    expect(estimateCost(h.design).monthlyTotal.eq(estimateCost(alb).monthlyTotal)).toBe(true);
    render(<ComparePanel design={h.design} />);
    const chart = within(screen.getByTestId('chart-requests'));
    expect(chart.getAllByTestId('chart-line')).toHaveLength(2);
    expect(chart.getByTestId('chart-marker').textContent).toMatch(/^crossover \S+\/month · \$/);
    expect(screen.getByTestId('compare-crossover').textContent).toMatch(/A is cheaper below, B above/);
  });
});

describe('ComparePanel', () => {
  it('shows the two alternatives, both totals and their difference as core computes them', () => {
    const d = restVsHttp();
    expect(defaultSides(d).map((s) => s.variant)).toEqual(['A', 'B']);
    render(<ComparePanel design={d} />);
    const c = compare(estimateCost(designOfAlternative(d, 'A') as Design), estimateCost(d));
    expect(screen.getByTestId('compare-total-1').textContent).toBe(formatUsd(c.shownTotals.a));
    expect(screen.getByTestId('compare-total-2').textContent).toBe(formatUsd(c.shownTotals.b));
    expect(screen.getByTestId('compare-difference').textContent).toBe(formatUsd(c.difference));
    expect(screen.getAllByTestId('compare-node')[0].textContent).toContain('Items API');
    expect(within(screen.getByTestId('compare-requests-chart')).getAllByTestId('chart-line')).toHaveLength(2);
  });

  it('lists the variants: rename in place, edit (switch to) another, delete any but the edited one', () => {
    const d = restVsHttp();
    const dispatch = vi.fn((c: Command) => perform(d, c));
    render(<ComparePanel design={d} dispatch={dispatch} />);
    const name = screen.getByTestId('compare-variant-name-A');
    fireEvent.change(name, { target: { value: 'REST API' } });
    fireEvent.keyDown(name, { key: 'Enter' });
    expect(dispatch).toHaveBeenLastCalledWith({ type: 'renameAlternative', from: 'A', to: 'REST API' });
    const list = within(screen.getByTestId('compare-variants'));
    fireEvent.click(list.getByRole('button', { name: 'Edit' }));
    expect(dispatch).toHaveBeenLastCalledWith({ type: 'switchAlternative', name: 'A' });
    expect((list.getByRole('button', { name: 'Delete alternative B' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(list.getByRole('button', { name: 'Delete alternative A' }));
    expect(dispatch).toHaveBeenLastCalledWith({ type: 'deleteAlternative', name: 'A' });
  });

  it('compares profiles or Regions of one design when it has no alternatives', () => {
    const d = template('rest-api');
    render(<ComparePanel design={d} />);
    const peak = compare(estimateCost(d), estimateCost(d, { profile: 'peak' }));
    expect(screen.getByTestId('compare-difference').textContent).toBe(`+${formatUsd(peak.difference)}`);
    fireEvent.change(screen.getByTestId('compare-profile-2'), { target: { value: 'expected' } });
    fireEvent.change(screen.getByTestId('compare-region-2'), { target: { value: 'eu-west-1' } });
    const region = compare(estimateCost(d), estimateCost(d, { region: 'eu-west-1' }));
    expect(screen.getByTestId('compare-total-2').textContent).toBe(formatUsd(region.shownTotals.b));
    expect(screen.getByTestId('compare-side-1').textContent).toContain('Side 1');
  });
});
