// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyze } from '../../core/analyze';
import type { Design } from '../../core/model';
import { Inspector } from '../../renderer/panels/InspectorPanel';
import { viewOf } from '../../renderer/useAnalysis';
import { brokenVpc, vpcTemplate } from './analysisDesigns';

afterEach(cleanup);

function inspect(design: Design, selected: { nodeId?: string; edgeId?: string }) {
  const onSelectEdge = vi.fn();
  render(<Inspector design={design} {...selected} selectionSize={1} problems={[]} dispatch={vi.fn(() => ({}))} onDelete={() => undefined} analysis={viewOf(design, analyze(design))} onSelectEdge={onSelectEdge} />);
  return { onSelectEdge };
}

describe('Inspector: retry behaviour and network paths', () => {
  it("shows a function's retry behaviour per source, its findings, and the verdict of each access edge", () => {
    const { onSelectEdge } = inspect(brokenVpc(), { nodeId: 'fn-quotes' });
    const hops = screen.getAllByTestId('retry-hop');
    expect(hops).toHaveLength(2);
    const sync = hops.find((h) => h.textContent?.includes('Quotes API → Quote service · sync'))!;
    expect(sync.textContent).toContain('caught');
    expect(sync.textContent).toContain('Attempts1');
    expect(sync.textContent).toContain('Worst case15 s');
    expect(sync.textContent).toContain('the caller, Quotes API');
    const poll = hops.find((h) => h.textContent?.includes('Jobs → Quote service · poll'))!;
    expect(within(poll).getByTestId('retry-lost').textContent).toMatch(/^Lost: "Jobs" has no redrive policy/);
    expect(poll.textContent).toContain('Attemptsuntil the record expires');

    expect(screen.getByTestId('inspector-findings').textContent).toContain('CFG-01');
    const network = screen.getByTestId('function-network');
    expect(network.textContent).toContain('Quotes databasereachable');
    expect(network.textContent).toContain('Partner pricing APIpartly reachable');
    fireEvent.click(screen.getByTestId('reach-edge-e-quotes-partner'));
    expect(onSelectEdge).toHaveBeenCalledWith('e-quotes-partner');
  });

  it("shows an access edge's path per subnet, hop by hop, with the broken hop highlighted", () => {
    inspect(brokenVpc(), { edgeId: 'e-quotes-partner' });
    const card = screen.getByTestId('reachability');
    expect(screen.getByTestId('reach-verdict').textContent).toBe('partly reachable');
    expect(card.textContent).toContain('Quote service → Partner pricing API · internet · TCP 443');
    expect(card.textContent).toContain('NET-01');
    const [a, b] = screen.getAllByTestId('reach-path');
    expect(a.className).toContain('is-broken');
    expect(a.querySelector('h4')?.textContent).toContain('Private subnet A · us-east-1a');
    const broken = within(a).getByTestId('reach-broken-hop');
    expect(broken.textContent).toMatch(/^Breaks at Private subnet A subnet "Private subnet A" routes 0\.0\.0\.0\/0 nowhere/);
    expect(b.className).not.toContain('is-broken');
    expect([...b.querySelectorAll('li')].map((li) => li.querySelector('.sd-hop-kind')?.textContent)).toEqual(['Network interface', 'Route', 'NAT gateway', 'Internet gateway', 'Internet']);
  });

  it("shows a trigger edge's retry behaviour, and nothing extra for a reachable design's clean edge", () => {
    inspect(brokenVpc(), { edgeId: 'e-jobs' });
    expect(screen.getByTestId('retry-hop').textContent).toContain('LOST');
    expect(screen.queryByTestId('reachability')).toBeNull();
    cleanup();
    inspect(vpcTemplate(), { edgeId: 'e-quotes-db' });
    expect(screen.getByTestId('reach-verdict').textContent).toBe('reachable');
    expect(screen.queryByTestId('reach-broken-hop')).toBeNull();
    expect(screen.queryByTestId('inspector-findings')).toBeNull();
  });

  it('shows findings about the design as a whole when nothing is selected', () => {
    const design = vpcTemplate();
    const finding = { ruleId: 'COST-01', severity: 'warning' as const, target: { id: '*', name: design.name, type: 'design' as const }, message: 'the design has no usage profile', why: 'w', fix: 'f', docsUrl: 'https://aws.amazon.com/' };
    const view = viewOf(design, { ...analyze(design), findings: [finding] });
    render(<Inspector design={design} selectionSize={0} problems={[]} dispatch={vi.fn(() => ({}))} onDelete={() => undefined} analysis={view} />);
    expect(screen.getByTestId('inspector-findings').textContent).toContain('COST-01 the design has no usage profile');
  });
});
