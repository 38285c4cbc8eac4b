// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyze } from '../../core/analyze';
import { parseDesign } from '../../core/model';
import { toFlow } from '../../renderer/canvas/toFlow';
import { FindingsPanel, resetFindingsView } from '../../renderer/panels/FindingsPanel';
import { Inspector } from '../../renderer/panels/InspectorPanel';
import { relatedHighlight, selectionWithRelated, viewOf } from '../../renderer/useAnalysis';
import { shortcutFor, shortcutLabels } from '../../renderer/shortcuts';
import { brokenVpc } from './analysisDesigns';

// Issue 14 in the app: related targets (bullet 2), set-aside edges (bullet 3), grouped advice (bullet 4).
afterEach(() => {
  cleanup();
  resetFindingsView();
});

function panel(design = brokenVpc()) {
  const a = analyze(design);
  const view = viewOf(design, a);
  const onSelect = vi.fn();
  render(<FindingsPanel findings={a.findings} suppressed={a.suppressed} counts={view.counts} onSelect={onSelect} setAside={a.setAside} />);
  return { a, onSelect };
}

describe('related targets of a finding', () => {
  it('a broken path is listed on the function → resource edge; clicking it selects the edge and hands over the blocking route table', () => {
    const { onSelect } = panel();
    const net01 = screen.getAllByTestId('finding-item').find((li) => li.dataset.rule === 'NET-01')!;
    expect(net01.dataset.target).toMatch(/^e-/);
    expect(within(net01).getByTestId('finding-related').textContent).toContain('Private subnet A');
    fireEvent.click(net01.querySelector('button')!);
    const [target, related] = onSelect.mock.lastCall!;
    expect(target).toMatchObject({ type: 'edge', id: net01.dataset.target });
    expect(related).toEqual([expect.objectContaining({ id: 'sn-private-a', type: 'node' })]);
  });

  it('a finding with no related targets selects just its target', () => {
    const { onSelect } = panel();
    const cfg = screen.getAllByTestId('finding-item').find((li) => li.dataset.rule === 'CFG-01')!;
    expect(within(cfg).queryByTestId('finding-related')).toBeNull();
    fireEvent.click(cfg.querySelector('button')!);
    expect(onSelect.mock.lastCall).toEqual([expect.objectContaining({ id: 'fn-quotes' })]);
  });

  it('the canvas highlights the related nodes and edges, and only while the primary target stays selected', () => {
    const picked = { primary: 'e-1', related: new Set(['sn-private-a', 'e-jobs']) };
    expect(relatedHighlight(picked, { nodes: [], edges: ['e-1'] })).toBe(picked.related);
    expect(relatedHighlight(picked, { nodes: ['fn-quotes'], edges: [] })).toBeUndefined();
    expect(relatedHighlight(picked, { nodes: ['fn-quotes'], edges: ['e-1'] })).toBeUndefined();
    expect(relatedHighlight(null, { nodes: [], edges: ['e-1'] })).toBeUndefined();

    const flow = toFlow(brokenVpc(), { related: picked.related });
    const node = (id: string) => flow.nodes.find((n) => n.id === id)!;
    const edge = (id: string) => flow.edges.find((e) => e.id === id)!;
    expect(node('sn-private-a').className).toContain('sd-related');
    expect(node('sn-private-a').ariaLabel).toContain('related to the selected finding');
    expect(node('fn-quotes').className).not.toContain('sd-related');
    expect(edge('e-jobs').className).toContain('sd-edge-related');
    expect(toFlow(brokenVpc()).nodes.some((n) => n.className?.includes('sd-related'))).toBe(false);
  });
});

describe('the R shortcut (in the ? sheet): select the picked finding with its related targets', () => {
  it('R is selectRelated, and it selects the primary target with the related nodes and edges still in the design', () => {
    const key = { key: 'r', ctrlKey: false, metaKey: false, shiftKey: false, altKey: false };
    expect(shortcutFor(key, 'linux', false)).toBe('selectRelated');
    expect(shortcutFor(key, 'linux', true)).toBeUndefined(); // typing r in a field stays typing
    expect(shortcutLabels('selectRelated', 'linux')).toEqual(['R']);
    const design = brokenVpc();
    expect(selectionWithRelated({ primary: 'e-quotes-partner', related: new Set(['sn-private-a', 'e-jobs', 'gone']) }, design))
      .toEqual({ nodes: ['sn-private-a'], edges: expect.arrayContaining(['e-quotes-partner', 'e-jobs']) });
    expect(selectionWithRelated(null, design)).toBeUndefined();
    expect(selectionWithRelated({ primary: 'fn-quotes', related: new Set() }, design)).toBeUndefined();
  });
});

describe('set-aside edges in the Findings panel', () => {
  it('lists each edge AWS refuses with its reason and who reports it; clicking one selects the edge', () => {
    const parsed = parseDesign(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'rules', 'INV-11.fail.set-aside.design.json'), 'utf8'));
    if (!parsed.ok) throw new Error('fixture does not load');
    const { onSelect } = panel(parsed.design);
    const items = within(screen.getByTestId('findings-set-aside')).getAllByTestId('set-aside-item');
    expect(items.map((li) => li.dataset.target)).toEqual(['e-ledger', 'e-ledger-dlq']);
    expect(items[0].textContent).toContain('(reported by INV-11)');
    expect(items[1].textContent).toContain('which AWS refuses');
    fireEvent.click(items[0].querySelector('button')!);
    expect(onSelect).toHaveBeenLastCalledWith({ id: 'e-ledger', name: 'ledger-events.fifo → post-ledger-entry', type: 'edge' });
  });

  it('the inspector of a set-aside edge says it is not analysed; an accepted edge says nothing of the kind', () => {
    const parsed = parseDesign(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'rules', 'INV-11.fail.set-aside.design.json'), 'utf8'));
    if (!parsed.ok) throw new Error('fixture does not load');
    const design = parsed.design;
    const view = viewOf(design, analyze(design));
    const inspect = (edgeId: string) => render(<Inspector design={design} edgeId={edgeId} selectionSize={1} problems={[]} dispatch={vi.fn(() => ({}))} onDelete={() => undefined} analysis={view} />);
    inspect('e-ledger');
    expect(screen.getByTestId('inspector-set-aside').textContent).toContain('Not analysed: AWS refuses this connection');
    cleanup();
    const ok = brokenVpc();
    render(<Inspector design={ok} edgeId="e-jobs" selectionSize={1} problems={[]} dispatch={vi.fn(() => ({}))} onDelete={() => undefined} analysis={viewOf(ok, analyze(ok))} />);
    expect(screen.queryByTestId('inspector-set-aside')).toBeNull();
  });

  it('shows no set-aside section when AWS accepts every edge', () => {
    panel();
    expect(screen.queryByTestId('findings-set-aside')).toBeNull();
  });
});

describe('repeated info findings in the Findings panel', () => {
  function template(name: string) {
    const parsed = parseDesign(readFileSync(join(import.meta.dirname, '..', '..', 'templates', `${name}.design.json`), 'utf8'));
    if (!parsed.ok) throw new Error(`${name} does not load`);
    return parsed.design;
  }

  it('one row for a rule\'s repeated advice: clicking it selects the first target and highlights the others', () => {
    const { a, onSelect } = panel(template('eventbridge-microservices'));
    const inv12 = a.findings.filter((f) => f.ruleId === 'INV-12');
    expect(inv12).toHaveLength(4);
    expect(screen.queryAllByTestId('finding-item')).toHaveLength(0);
    const row = screen.getByTestId('finding-group-item');
    expect(row.dataset.rule).toBe('INV-12');
    expect(row.dataset.count).toBe('4');
    expect(row.textContent).toContain('4 resources: "Inventory service", "Orders service (events)", "Payments service" and "Shipping service"');
    fireEvent.click(row.querySelector('button')!);
    expect(onSelect).toHaveBeenLastCalledWith(inv12[0].target, inv12.slice(1).map((f) => f.target));
  });

  it('"targets" opens the list: each target with its own message, selectable on its own', () => {
    const { a, onSelect } = panel(template('eventbridge-microservices'));
    const toggle = screen.getByTestId('finding-group-toggle');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const members = screen.getAllByTestId('finding-group-member');
    expect(members.map((m) => m.dataset.target)).toEqual(a.findings.filter((f) => f.ruleId === 'INV-12').map((f) => f.target.id));
    expect(members[2].textContent).toContain('Payments service: "Payments service" can receive the same event more than once');
    fireEvent.click(within(members[2]).getByRole('button', { name: 'Payments service' }));
    expect(onSelect).toHaveBeenLastCalledWith(expect.objectContaining({ name: 'Payments service', type: 'node' }));
    expect(screen.getByTestId('finding-details').textContent).toContain('(and alike for the others)');
  });

  it('a single info finding stays an ordinary row', () => {
    panel(template('queue-load-levelling'));
    expect(screen.queryByTestId('finding-group-item')).toBeNull();
    expect(screen.getAllByTestId('finding-item').map((li) => li.dataset.rule)).toContain('INV-12');
  });
});
