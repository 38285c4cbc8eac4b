// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState, type ReactElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { History, type Command } from '../../core/commands';
import { createDesign, type Design } from '../../core/model';
import { estimateCost, formatUsd, type CostReport } from '../../core/pricing';
import { analyzeReachability } from '../../core/semantics';
import { toFlow } from '../../renderer/canvas/toFlow';
import { costBadges, costByNode, CostPanel, needsInputOf, usageAsked } from '../../renderer/panels/CostPanel';
import { UsageFields, type UsageFocus } from '../../renderer/panels/UsageFields';
import { UsagePanel } from '../../renderer/panels/UsagePanel';
import { shortcutFor } from '../../renderer/shortcuts';

afterEach(cleanup);

/** API → function → queue → function → table, nothing entered. */
function pipeline(): History {
  const h = new History(createDesign('Orders'));
  const add = (kind: 'apiGateway' | 'lambda' | 'sqsQueue' | 'dynamoTable', id: string, name: string) => h.apply({ type: 'addNode', kind, id, name, position: { x: 0, y: 0 } });
  add('apiGateway', 'api', 'Orders API');
  add('lambda', 'fn', 'Take order');
  add('sqsQueue', 'q', 'Orders queue');
  add('lambda', 'worker', 'Fulfil order');
  add('dynamoTable', 't', 'Orders table');
  h.apply({ type: 'connect', from: 'api', to: 'fn', kind: 'trigger', id: 'e1' });
  h.apply({ type: 'connect', from: 'fn', to: 'q', kind: 'access', id: 'e2' });
  h.apply({ type: 'connect', from: 'q', to: 'worker', kind: 'trigger', id: 'e3' });
  h.apply({ type: 'connect', from: 'worker', to: 't', kind: 'access', id: 'e4' });
  return h;
}

/** Renders `view` over a live history: every dispatch is applied and the view re-renders. */
function live(h: History, view: (design: Design, dispatch: (c: Command) => { refused?: string }) => ReactElement) {
  const spy = vi.fn();
  function Host() {
    const [design, setDesign] = useState(h.design);
    const dispatch = (c: Command) => {
      spy(c);
      const r = h.apply(c);
      setDesign(h.design);
      return r;
    };
    return view(design, dispatch);
  }
  render(<Host />);
  return spy;
}

const value = (testId: string) => (screen.getByTestId(testId) as HTMLInputElement).value;

describe('the inspector’s Usage section', () => {
  it('a function shows its propagated invocations, and what applies to an empty duration', () => {
    const h = pipeline();
    h.apply({ type: 'setNodeUsage', nodeId: 'api', field: 'requestsPerMonth', value: 2_000_000 });
    live(h, (d, dispatch) => <UsageFields design={d} node={d.nodes.find((n) => n.id === 'fn')} dispatch={dispatch} />);
    expect(screen.getByTestId('usage-requestsPerMonth-source').textContent).toBe('propagated: 2,000,000 invocations a month — 2,000,000 synchronous requests from “Orders API”');
    expect(screen.getByTestId('usage-requestsPerMonth').getAttribute('placeholder')).toBe('2,000,000');
    expect(screen.getByTestId('usage-avgDurationMs-source').textContent).toBe('when empty: 0 ms: duration is not billed until entered');
    expect((screen.getByTestId('usage-profile') as HTMLSelectElement).value).toBe('expected');
  });

  it('keeps invalid text with the reason and dispatches nothing; a valid value is one command in the active profile', () => {
    const h = pipeline();
    const spy = live(h, (d, dispatch) => <UsageFields design={d} node={d.nodes.find((n) => n.id === 'worker')} dispatch={dispatch} />);
    const duration = screen.getByTestId('usage-avgDurationMs');
    fireEvent.change(duration, { target: { value: '1e6' } });
    expect(screen.getByTestId('usage-avgDurationMs-error').textContent).toBe('1,000,000 must be at most 900,000 ms — not saved');
    fireEvent.blur(duration);
    expect(spy).not.toHaveBeenCalled();
    expect(value('usage-avgDurationMs')).toBe('1e6');
    fireEvent.change(duration, { target: { value: 'fast' } });
    expect(screen.getByTestId('usage-avgDurationMs-error').textContent).toBe('"fast" is not a number — not saved');
    fireEvent.change(duration, { target: { value: '1,500' } });
    expect(screen.queryByTestId('usage-avgDurationMs-error')).toBeNull();
    fireEvent.keyDown(duration, { key: 'Enter' });
    expect(spy).toHaveBeenCalledWith({ type: 'setNodeUsage', nodeId: 'worker', field: 'avgDurationMs', value: 1500 });
    expect(h.design.usage.profiles.expected.nodes.worker).toEqual({ avgDurationMs: 1500 });
    expect(value('usage-avgDurationMs')).toBe('1,500');
    expect(screen.getByTestId('usage-avgDurationMs-source').textContent).toBe('entered here, in “expected”');
    // Emptying the field clears the value (the default applies again).
    fireEvent.change(duration, { target: { value: '' } });
    fireEvent.blur(duration);
    expect(h.design.usage.profiles.expected.nodes.worker).toBeUndefined();
  });

  it('switching the profile edits another profile’s values', () => {
    const h = pipeline();
    live(h, (d, dispatch) => <UsageFields design={d} node={d.nodes.find((n) => n.id === 'api')} dispatch={dispatch} />);
    fireEvent.change(screen.getByTestId('usage-profile'), { target: { value: 'peak' } });
    expect(h.design.usage.active).toBe('peak');
    const requests = screen.getByTestId('usage-requestsPerMonth');
    fireEvent.change(requests, { target: { value: '9000000' } });
    fireEvent.blur(requests);
    expect(h.design.usage.profiles.peak.nodes.api).toEqual({ requestsPerMonth: 9_000_000 });
    expect(h.design.usage.profiles.expected.nodes.api).toBeUndefined();
  });

  it('a focus request opens "More usage values" when needed and puts the cursor in the field', () => {
    const h = pipeline();
    const focus: UsageFocus = { node: 'worker', field: 'logKbPerInvocation', seq: 1 };
    live(h, (d, dispatch) => <UsageFields design={d} node={d.nodes.find((n) => n.id === 'worker')} dispatch={dispatch} focus={focus} />);
    expect(document.activeElement).toBe(screen.getByTestId('usage-logKbPerInvocation'));
  });

  it('a connection from a function takes calls per invocation; its traffic is shown', () => {
    const h = pipeline();
    h.apply({ type: 'setNodeUsage', nodeId: 'api', field: 'requestsPerMonth', value: 1000 });
    live(h, (d, dispatch) => <UsageFields design={d} edge={d.edges.find((e) => e.id === 'e2')} dispatch={dispatch} />);
    expect(screen.getByTestId('usage-edge-traffic').textContent).toMatch(/^Carries 1,000 a month — 1 per invocation of “Take order”/);
    const per = screen.getByTestId('usage-perInvocation');
    fireEvent.change(per, { target: { value: '3' } });
    fireEvent.blur(per);
    expect(h.design.usage.profiles.expected.edges.e2).toEqual({ perInvocation: 3 });
    expect(screen.getByTestId('usage-edge-traffic').textContent).toMatch(/^Carries 3,000 a month/);
  });
});

describe('the Usage panel', () => {
  it('shows every profile as a column and edits the cell’s own profile', () => {
    const h = pipeline();
    const spy = live(h, (d, dispatch) => <UsagePanel design={d} dispatch={dispatch} onSelectNode={() => undefined} />);
    const headers = screen.getAllByRole('columnheader').map((th) => th.getAttribute('data-testid')).filter(Boolean);
    expect(headers).toEqual(['usage-profile-low', 'usage-profile-expected', 'usage-profile-peak']);
    const cell = screen.getByTestId('usage-cell-api-requestsPerMonth-low');
    fireEvent.change(cell, { target: { value: '10000' } });
    fireEvent.keyDown(cell, { key: 'Enter' });
    expect(spy).toHaveBeenLastCalledWith({ type: 'setNodeUsage', nodeId: 'api', field: 'requestsPerMonth', value: 10000, profile: 'low' });
    // Propagated downstream in that profile only.
    expect(screen.getByTestId('usage-cell-fn-requestsPerMonth-low').getAttribute('placeholder')).toBe('10,000');
    expect(screen.getByTestId('usage-cell-fn-requestsPerMonth-peak').getAttribute('placeholder')).toBe('—');
    // Rows: nodes that take usage; storage at the table, durations at both functions.
    expect(screen.getAllByTestId('usage-row').map((r) => r.dataset.node)).toEqual(['api', 'fn', 'q', 'worker', 't']);
    expect(screen.getByTestId('usage-cell-t-storageGb-peak')).toBeTruthy();
    expect(screen.queryByTestId('usage-cell-t-readConsistency-peak')).toBeNull();
    fireEvent.click(screen.getByTestId('usage-show-all'));
    expect((screen.getByTestId('usage-cell-t-readConsistency-peak') as HTMLSelectElement).tagName).toBe('SELECT');
  });

  it('adds, duplicates, renames and deletes profiles; the last one cannot be deleted', () => {
    const h = new History(createDesign('x'));
    h.apply({ type: 'addNode', kind: 'sqsQueue', id: 'q', name: 'Jobs', position: { x: 0, y: 0 } });
    live(h, (d, dispatch) => <UsagePanel design={d} dispatch={dispatch} onSelectNode={() => undefined} />);
    fireEvent.change(screen.getByTestId('usage-new-name'), { target: { value: 'launch week' } });
    fireEvent.click(screen.getByTestId('usage-add-profile'));
    expect(Object.keys(h.design.usage.profiles)).toEqual(['low', 'expected', 'peak', 'launch week']);
    expect(value('usage-new-name')).toBe('');
    fireEvent.click(within(screen.getByTestId('usage-profile-peak')).getByTestId('usage-duplicate'));
    expect(Object.keys(h.design.usage.profiles)).toEqual(['low', 'expected', 'peak', 'peak copy', 'launch week']);
    fireEvent.click(within(screen.getByTestId('usage-profile-peak copy')).getByTestId('usage-rename'));
    const input = screen.getByTestId('usage-rename-input');
    fireEvent.change(input, { target: { value: 'spike' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(Object.keys(h.design.usage.profiles)).toEqual(['low', 'expected', 'peak', 'spike', 'launch week']);
    for (const name of ['low', 'expected', 'peak', 'spike']) fireEvent.click(within(screen.getByTestId(`usage-profile-${name}`)).getByTestId('usage-delete'));
    expect(Object.keys(h.design.usage.profiles)).toEqual(['launch week']);
    expect(h.design.usage.active).toBe('launch week');
    expect((within(screen.getByTestId('usage-profile-launch week')).getByTestId('usage-delete') as HTMLButtonElement).disabled).toBe(true);
    const description = screen.getByTestId('usage-description-launch week');
    fireEvent.change(description, { target: { value: 'first week after launch ' } });
    fireEvent.blur(description);
    expect(h.design.usage.profiles['launch week'].description).toBe('first week after launch');
  });
});

describe('the Cost panel and the canvas badges', () => {
  it('lists what needs input (when core reports it) with buttons to the field', () => {
    const h = pipeline();
    const design = h.design;
    const report = estimateCost(design);
    const needs = needsInputOf(report);
    expect(needs.length).toBeGreaterThan(0);
    const onEnterUsage = vi.fn();
    render(<CostPanel design={design} reachability={analyzeReachability(design)} onSelectNode={() => undefined} onEnterUsage={onEnterUsage} onSetActiveProfile={() => undefined} />);
    const rows = screen.getAllByTestId('cost-needs-row');
    expect(rows).toHaveLength(needs.length);
    const buttons = within(screen.getByTestId('cost-needs-input')).getAllByTestId('cost-enter');
    const api = buttons.find((b) => b.dataset.node === 'api' && b.dataset.field === 'requestsPerMonth');
    expect(api?.textContent).toBe('Enter requests a month at “Orders API”');
    fireEvent.click(api!);
    expect(onEnterUsage).toHaveBeenCalledWith('api', 'requestsPerMonth');
  });

  it('states the conventions of the estimate', () => {
    const design = pipeline().design;
    const report = estimateCost(design) as CostReport & { conventions?: { hoursPerMonth: number } };
    render(<CostPanel design={design} reachability={[]} onSelectNode={() => undefined} />);
    if (report.conventions) expect(screen.getByTestId('cost-conventions').textContent).toContain(`${report.conventions.hoursPerMonth} hours a month`);
    else expect(screen.queryByTestId('cost-conventions')).toBeNull();
  });

  it('switches the active profile when it can, instead of a view of its own', () => {
    const design = pipeline().design;
    const onSetActiveProfile = vi.fn();
    render(<CostPanel design={design} reachability={[]} onSelectNode={() => undefined} onSetActiveProfile={onSetActiveProfile} />);
    fireEvent.change(screen.getByTestId('cost-profile'), { target: { value: 'peak' } });
    expect(onSetActiveProfile).toHaveBeenCalledWith('peak');
    expect((screen.getByTestId('cost-profile') as HTMLSelectElement).value).toBe('expected');
  });

  it('an unpriced reason that names a usage value offers to enter it', () => {
    const nodes = [{ id: 't', name: 'Orders table' }, { id: 'b', name: 'Uploads' }];
    expect(usageAsked('enter storageGb at "Uploads" in the usage profile to price its storage', 't', nodes)).toEqual({ node: 'b', field: 'storageGb' });
    expect(usageAsked('enter connectionMinutesPerMonth in the usage profile', 'api', nodes)).toEqual({ node: 'api', field: 'connectionMinutesPerMonth' });
    expect(usageAsked('no price in sa-east-1 for lambda.requests', 'fn', nodes)).toBeUndefined();
  });

  it('badges carry each node’s total; "?" where input is missing; toFlow puts them on the nodes', () => {
    const h = pipeline();
    h.apply({ type: 'setNodeUsage', nodeId: 'api', field: 'requestsPerMonth', value: 3_000_000 });
    h.apply({ type: 'setNodeUsage', nodeId: 'fn', field: 'avgDurationMs', value: 100 });
    const report = estimateCost(h.design);
    const badges = costBadges(report);
    for (const g of costByNode(report).filter((x) => x.node !== '*')) expect(badges.get(g.node)?.text).toMatch(new RegExp(`^${formatUsd(g.monthly).replace(/[$.]/g, '\\$&')}`));
    for (const n of needsInputOf(report)) {
      expect(badges.get(n.node)?.text).toMatch(/\?$/);
      expect(badges.get(n.node)?.title).toContain(n.hint);
    }
    const flow = toFlow(h.design, { costs: badges });
    expect(flow.nodes.find((n) => n.id === 'api')?.data.cost).toEqual(badges.get('api'));
    expect(toFlow(h.design).nodes.every((n) => n.data.cost === undefined)).toBe(true);
  });

  it('the "$" key toggles the badges outside text fields', () => {
    const key = { key: '$', ctrlKey: false, metaKey: false, shiftKey: true, altKey: false };
    expect(shortcutFor(key, 'linux', false)).toBe('toggleCostBadges');
    expect(shortcutFor(key, 'linux', true)).toBeUndefined();
  });
});

