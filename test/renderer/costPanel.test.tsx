// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyzeReachability } from '../../core/semantics';
import { estimateCost, formatUsd } from '../../core/pricing';
import type * as Pricing from '../../core/pricing';
import type { Design } from '../../core/model';
import { CostPanel, unitPriceText } from '../../renderer/panels/CostPanel';
import { vpcTemplate } from './analysisDesigns';

afterEach(cleanup);

const failing = vi.hoisted(() => ({ on: false }));
vi.mock('../../core/pricing', async (importOriginal) => {
  const real = await importOriginal<typeof Pricing>();
  return {
    ...real,
    estimateCost: (...args: Parameters<typeof real.estimateCost>) => {
      if (failing.on) throw new Error('estimator for natGateway is not finished');
      return real.estimateCost(...args);
    },
  };
});

function setup(design: Design = vpcTemplate()) {
  const onSelectNode = vi.fn();
  render(<CostPanel design={design} reachability={analyzeReachability(design)} onSelectNode={onSelectNode} />);
  return { design, onSelectNode };
}

const total = () => screen.getByTestId('cost-total').textContent;

describe('CostPanel', () => {
  it('shows the monthly total for the active profile and region, with the catalog it came from', () => {
    const { design } = setup();
    const expected = estimateCost(design, { profile: 'expected', region: 'us-east-1' });
    expect(total()).toBe(formatUsd(expected.monthlyTotal));
    expect((screen.getByTestId('cost-profile') as HTMLSelectElement).value).toBe('expected');
    expect((screen.getByTestId('cost-region') as HTMLSelectElement).value).toBe('us-east-1');
    expect(screen.getByTestId('cost-catalog').textContent).toBe(`Price catalog ${expected.catalog.version}, prices as of ${expected.catalog.asOf} · us-east-1`);
    expect(screen.getByText('Profile “expected”: Typical month (~2M quotes)')).toBeTruthy();
  });

  it('follows the profile, region and free-tier choices', () => {
    const { design } = setup();
    const at = (profile: string, region = 'us-east-1', freeTier = false) => formatUsd(estimateCost(design, { profile, region, freeTier }).monthlyTotal);
    fireEvent.change(screen.getByTestId('cost-profile'), { target: { value: 'low' } });
    expect(total()).toBe(at('low'));
    fireEvent.change(screen.getByTestId('cost-profile'), { target: { value: 'peak' } });
    expect(total()).toBe(at('peak'));
    expect(at('peak')).not.toBe(at('low'));
    fireEvent.change(screen.getByTestId('cost-region'), { target: { value: 'eu-west-1' } });
    expect(total()).toBe(at('peak', 'eu-west-1'));
    expect(screen.getByTestId('cost-catalog').textContent).toMatch(/eu-west-1$/);
    fireEvent.click(screen.getByTestId('cost-free-tier'));
    expect(total()).toBe(at('peak', 'eu-west-1', true));
  });

  // Estimators are still being added, so expectations come from the engine's own report.
  it('breaks the total down per node, most expensive first, each line with its quantity, price, volume and source', () => {
    const { design, onSelectNode } = setup();
    const report = estimateCost(design, { profile: 'expected', region: 'us-east-1' });
    const rows = screen.getAllByTestId('cost-node');
    expect(new Set(rows.map((r) => r.dataset.node))).toEqual(new Set(report.components.map((c) => c.node)));
    const subtotals = rows.map((r) => Number(r.querySelector('.sd-cost-money')?.textContent?.replace(/[$,]/g, '')));
    expect(subtotals).toEqual([...subtotals].sort((a, b) => b - a));
    expect(screen.queryByTestId('cost-lines')).toBeNull();

    const fn = rows.find((r) => r.dataset.node === 'fn-quotes')!;
    const toggle = within(fn).getAllByRole('button')[0];
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const table = within(fn).getByTestId('cost-lines');
    const text = table.textContent ?? '';
    for (const line of report.components.filter((c) => c.node === 'fn-quotes')) {
      expect(text).toContain(line.component);
      expect(text).toContain(formatUsd(line.monthly));
      expect(text).toContain(line.volumeFrom);
    }
    expect(text).toContain('2,000,000 request');
    expect(text).toContain('$0.0000002 per request');
    const sources = within(table).getAllByRole('link', { name: /price source/ });
    expect(sources[0].getAttribute('href')).toMatch(/^https:\/\//);
    fireEvent.click(within(fn).getByRole('button', { name: 'Select Quote service on the canvas' }));
    expect(onSelectNode).toHaveBeenCalledWith('fn-quotes');
  });

  it('lists what cannot be priced, with the reason', () => {
    const { design } = setup({ ...vpcTemplate(), nodes: [...vpcTemplate().nodes, { id: 'user-pool', kind: 'cognitoUserPool', name: 'Users', props: {} } as Design['nodes'][number]] });
    const { unpriced } = estimateCost(design, { profile: 'expected', region: 'us-east-1' });
    expect(unpriced.length).toBeGreaterThan(0);
    const list = screen.getByTestId('cost-unpriced').textContent ?? '';
    for (const u of unpriced) expect(list).toContain(`${u.nodeName}${u.component !== 'all' ? ` — ${u.component}` : ''}: ${u.reason}`);
  });

  it('prices a design in a region without a catalog line by line in that region, and says so', () => {
    setup({ ...vpcTemplate(), region: 'sa-east-1' });
    expect((screen.getByTestId('cost-region') as HTMLSelectElement).value).toBe('sa-east-1');
    expect(screen.getByTestId('cost-no-catalog').textContent).toMatch(/^There is no price catalog for sa-east-1, the design’s region: every line that needs a price says so/);
    expect(screen.getByTestId('cost-unpriced').textContent).toMatch(/no price (in|catalog for region) sa-east-1/);
  });

  it('keeps working when an estimator fails, and says why', () => {
    failing.on = true;
    try {
      setup();
      expect(total()).toBe('—');
      expect(screen.getByRole('alert').textContent).toBe('The estimate could not be made: estimator for natGateway is not finished');
    } finally {
      failing.on = false;
    }
  });

  it('formats unit prices for people', () => {
    expect(unitPriceText({ unitPrice: '0.045', unit: 'NAT gateway-hour' })).toBe('$0.045 per NAT gateway-hour');
    expect(unitPriceText({ unitPrice: 'tiered from 0.000001', unit: 'request' })).toBe('tiered from $0.000001 per request');
  });
});
