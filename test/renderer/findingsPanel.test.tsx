// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyze } from '../../core/analyze';
import type { Finding, SuppressedFinding } from '../../core/rules/types';
import { AnalysisDock } from '../../renderer/panels/AnalysisDock';
import { ExternalLink, OpenExternalContext } from '../../renderer/panels/ExternalLink';
import { ItemFindings } from '../../renderer/panels/PathDetails';
import { FindingsPanel, GROUPS_SHOWN, requestFindingsSearchFocus, resetFindingsView, ROWS_PER_GROUP } from '../../renderer/panels/FindingsPanel';
import { shortcutFor, shortcutLabels } from '../../renderer/shortcuts';
import type { PerformResult } from '../../core/commands';
import { RULES } from '../../core/rules';
import { Toolbar, type ToolbarProps } from '../../renderer/panels/Toolbar';
import { viewOf } from '../../renderer/useAnalysis';
import { brokenVpc } from './analysisDesigns';

afterEach(() => {
  cleanup();
  resetFindingsView();
});

function setup(suppressed: SuppressedFinding[] = []) {
  const design = brokenVpc();
  const view = viewOf(design, analyze(design));
  const onSelect = vi.fn();
  render(<FindingsPanel findings={view.analysis.findings} suppressed={suppressed} counts={view.counts} onSelect={onSelect} />);
  return { view, onSelect };
}

describe('FindingsPanel', () => {
  it('groups findings by severity, worst first, with the counts', () => {
    const { view } = setup();
    // The breakage's three errors; warnings and info are whatever the rules say (they grow with the catalog).
    expect(view.counts.error).toBe(3);
    expect(view.counts.warning).toBeGreaterThan(0);
    expect(view.counts.info).toBeGreaterThan(0);
    expect(screen.getByTestId('findings-summary').textContent).toBe(`3 errors${view.counts.warning} warning${view.counts.warning === 1 ? '' : 's'}${view.counts.info} info`);
    const groups = screen.getAllByRole('region').filter((r) => r.dataset.testid?.startsWith('findings-')).map((r) => r.getAttribute('aria-label'));
    expect(groups).toEqual(['Findings', 'Errors', 'Warnings', 'Info']);
    const errors = within(screen.getByTestId('findings-error')).getAllByTestId('finding-item');
    expect(errors.map((li) => li.dataset.rule)).toEqual(['CFG-01', 'NET-01', 'NET-03']);
    expect(errors[0].textContent).toContain('Quote service — "Quote service" sets the memory to 99,999 MB');
  });

  it('selects the target of a clicked finding, node or edge', () => {
    const { onSelect } = setup();
    fireEvent.click(screen.getAllByTestId('finding-item')[0].querySelector('button')!);
    expect(onSelect).toHaveBeenLastCalledWith({ id: 'fn-quotes', name: 'Quote service', type: 'node' });
    const edgeFinding = screen.getAllByTestId('finding-item').find((li) => li.dataset.rule === 'RETRY-12')!;
    fireEvent.click(edgeFinding.querySelector('button')!);
    expect(onSelect).toHaveBeenLastCalledWith(expect.objectContaining({ id: 'e-jobs', type: 'edge' }));
  });

  it('shows why, the fix and a docs link that opens in a new tab, and keeps it open across re-analysis', () => {
    const { view, onSelect } = setup();
    const toggle = screen.getAllByTestId('finding-toggle')[0];
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByTestId('finding-details')).toBeNull();
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const details = screen.getByTestId('finding-details');
    expect(details.textContent).toContain('Why it matters.');
    expect(details.textContent).toContain('Fix. Set the memory of "Quote service"');
    const link = screen.getByTestId('finding-docs');
    expect(link.getAttribute('href')).toBe('https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(onSelect).not.toHaveBeenCalled();

    // A new analysis makes new finding objects: the expanded one stays expanded.
    const again = analyze(brokenVpc()).findings;
    cleanup();
    const { rerender } = render(<FindingsPanel findings={view.analysis.findings} suppressed={[]} counts={view.counts} onSelect={onSelect} />);
    fireEvent.click(screen.getAllByTestId('finding-toggle')[0]);
    rerender(<FindingsPanel findings={again} suppressed={[]} counts={view.counts} onSelect={onSelect} />);
    expect(screen.getAllByTestId('finding-details')).toHaveLength(1);
  });

  it('lists suppressed findings collapsed, with their reason', () => {
    const finding: Finding = { ruleId: 'NET-08', severity: 'warning', target: { id: 'nat-a', name: 'NAT gateway A', type: 'node' }, message: 'one NAT gateway per AZ', why: 'w', fix: 'f', docsUrl: 'https://docs.aws.amazon.com/' };
    setup([{ ...finding, reason: 'Accepted for the pilot' }]);
    const box = screen.getByTestId('findings-suppressed') as HTMLDetailsElement;
    expect(box.open).toBe(false);
    expect(box.querySelector('summary')?.textContent).toBe('Suppressed 1');
    expect(box.textContent).toContain('Suppressed because: Accepted for the pilot');
    expect(screen.getByTestId('findings-summary').textContent).toContain('1 suppressed');
  });

  it('says so when every check passes', () => {
    render(<FindingsPanel findings={[]} suppressed={[]} counts={{ error: 0, warning: 0, info: 0 }} onSelect={() => undefined} />);
    expect(screen.getByText('No findings: every check passes for this design.')).toBeTruthy();
  });
});

describe('ExternalLink', () => {
  it('opens through the host when it can, never navigating the window; non-web addresses stay text', () => {
    const openExternal = vi.fn();
    render(
      <OpenExternalContext.Provider value={openExternal}>
        <ExternalLink href="https://aws.amazon.com/lambda/pricing/">pricing</ExternalLink>
        <ExternalLink href="javascript:alert(1)">bad</ExternalLink>
      </OpenExternalContext.Provider>,
    );
    const link = screen.getByRole('link');
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    link.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(openExternal).toHaveBeenCalledWith('https://aws.amazon.com/lambda/pricing/');
    expect(screen.getByText('bad').tagName).toBe('SPAN');
  });
});

describe('Toolbar analysis controls and the dock', () => {
  const toolbar = (over: Partial<ToolbarProps> = {}): ToolbarProps => ({
    title: 'T', dirty: false, canUndo: false, canRedo: false, canDelete: false, mod: 'Ctrl',
    onNew: vi.fn(), onOpen: vi.fn(), onSave: vi.fn(), onSaveAs: vi.fn(), onImport: vi.fn(), onExportSam: vi.fn(), onExportCdk: vi.fn(), onUndo: vi.fn(), onRedo: vi.fn(), onDelete: vi.fn(),
    findingCounts: { error: 2, warning: 1, info: 4 }, onShowFindings: vi.fn(), pathsOn: false, onTogglePaths: vi.fn(), ...over,
  });

  it('shows the findings badge and the Paths toggle, both working buttons', () => {
    const props = toolbar();
    const { rerender } = render(<Toolbar {...props} />);
    const badge = screen.getByTestId('toolbar-findings');
    expect(badge.getAttribute('aria-label')).toBe('Findings: 2 errors, 1 warning, 4 info');
    expect(screen.getByTestId('badge-errors').textContent).toBe('✕ 2');
    fireEvent.click(badge);
    expect(props.onShowFindings).toHaveBeenCalled();
    const paths = screen.getByTestId('toolbar-paths');
    expect(paths.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(paths);
    expect(props.onTogglePaths).toHaveBeenCalled();
    rerender(<Toolbar {...props} pathsOn />);
    expect(paths.getAttribute('aria-pressed')).toBe('true');
  });

  it('switches tabs with the arrow keys and collapses', () => {
    const onTab = vi.fn();
    const onToggleOpen = vi.fn();
    const { rerender } = render(<AnalysisDock tab="findings" open counts={{ error: 1, warning: 0, info: 0 }} onTab={onTab} onToggleOpen={onToggleOpen}><p>findings body</p></AnalysisDock>);
    const findingsTab = screen.getByTestId('dock-tab-findings');
    expect(findingsTab.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByTestId('findings-count').textContent).toBe('1');
    expect(screen.getByRole('tabpanel').textContent).toBe('findings body');
    fireEvent.keyDown(findingsTab, { key: 'ArrowRight' });
    expect(onTab).toHaveBeenLastCalledWith('retryPaths'); // the design-wide tables sit next to the findings
    fireEvent.keyDown(findingsTab, { key: 'ArrowLeft' });
    expect(onTab).toHaveBeenLastCalledWith('compare'); // wraps round to the last tab
    fireEvent.click(screen.getByTestId('dock-toggle'));
    expect(onToggleOpen).toHaveBeenCalledTimes(1);
    rerender(<AnalysisDock tab="findings" open={false} counts={{ error: 1, warning: 0, info: 0 }} onTab={onTab} onToggleOpen={onToggleOpen}><p>findings body</p></AnalysisDock>);
    expect(screen.queryByRole('tabpanel')).toBeNull();
    fireEvent.click(screen.getByTestId('dock-tab-cost'));
    expect(onTab).toHaveBeenLastCalledWith('cost');
  });
});

describe('FindingsPanel at scale, search and suppression', () => {
  const SEVS = ['error', 'warning', 'info'] as const;
  /** n findings over `targets` resources, rules and severities in turn (the analysis's order: worst first). */
  const many = (n: number, targets: number): Finding[] => Array.from({ length: n }, (_, i) => ({
    ruleId: ['CFG-01', 'NET-01', 'RETRY-12'][i % 3], severity: SEVS[i % 3],
    target: { id: `fn-${i % targets}`, name: `Function ${i % targets}`, type: 'node' as const },
    message: `finding number ${i}`, why: 'w', fix: 'f', docsUrl: 'https://docs.aws.amazon.com/lambda/',
  })).sort((a, b) => SEVS.indexOf(a.severity) - SEVS.indexOf(b.severity));
  const countsOf = (fs: readonly Finding[]) => ({ error: fs.filter((f) => f.severity === 'error').length, warning: fs.filter((f) => f.severity === 'warning').length, info: fs.filter((f) => f.severity === 'info').length });

  it('draws a capped number of rows per group and groups, with "Show more" for the rest', () => {
    const findings = many(1000, 400);
    render(<FindingsPanel findings={findings} suppressed={[]} counts={countsOf(findings)} onSelect={() => undefined} />);
    const errors = screen.getByTestId('findings-error');
    expect(within(errors).getByTestId('findings-group-toggle').textContent).toContain('334');
    expect(within(errors).getAllByTestId('finding-item')).toHaveLength(ROWS_PER_GROUP);
    fireEvent.click(within(errors).getByTestId('findings-more'));
    expect(within(errors).getAllByTestId('finding-item')).toHaveLength(ROWS_PER_GROUP + 200);
    expect(within(errors).getByTestId('findings-more').textContent).toBe(`Show ${334 - ROWS_PER_GROUP - 200} more of ${334 - ROWS_PER_GROUP - 200}`);

    fireEvent.click(screen.getByTestId('findings-group-by-node'));
    expect(screen.getAllByTestId('findings-group')).toHaveLength(GROUPS_SHOWN);
    expect(screen.getByTestId('findings-more-groups').textContent).toBe(`Show 100 more groups of ${400 - GROUPS_SHOWN}`);
    fireEvent.click(screen.getByTestId('findings-more-groups'));
    expect(screen.getAllByTestId('findings-group')).toHaveLength(GROUPS_SHOWN + 100);
  });

  it('groups by rule with the rule title, worst rule first; a group collapses', () => {
    const findings = many(9, 3);
    render(<FindingsPanel findings={findings} suppressed={[]} counts={countsOf(findings)} onSelect={() => undefined} />);
    fireEvent.click(screen.getByTestId('findings-group-by-rule'));
    const groups = screen.getAllByTestId('findings-group');
    expect(groups.map((g) => g.dataset.group)).toEqual(['CFG-01', 'NET-01', 'RETRY-12']);
    const cfgTitle = RULES.find((r) => r.id === 'CFG-01')!.title;
    const toggle = within(groups[0]).getByTestId('findings-group-toggle');
    expect(toggle.textContent).toContain(`CFG-01 — ${cfgTitle}3`);
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(within(groups[0]).queryAllByTestId('finding-item')).toHaveLength(0);
    // NET-01's three warnings; RETRY-12's three info findings are one grouped row (issue 14).
    expect(screen.getAllByTestId('finding-item')).toHaveLength(3);
    expect(within(groups[2]).getAllByTestId('finding-group-item').map((li) => li.dataset.count)).toEqual(['3']);
  });

  it('filters by severity and searches rule id, rule title, message and resource name', () => {
    const findings = many(9, 3);
    render(<FindingsPanel findings={findings} suppressed={[]} counts={countsOf(findings)} onSelect={() => undefined} />);
    fireEvent.click(screen.getByTestId('findings-filter-info'));
    expect(screen.getByTestId('findings-filter-info').getAttribute('aria-pressed')).toBe('false');
    expect(screen.getAllByTestId('finding-item')).toHaveLength(6);
    expect(screen.getByTestId('findings-shown').textContent).toContain('Showing 6 of 9 findings');
    const search = screen.getByTestId('findings-search');
    fireEvent.change(search, { target: { value: 'net-01' } });
    expect(screen.getAllByTestId('finding-item').map((li) => li.dataset.rule)).toEqual(['NET-01', 'NET-01', 'NET-01']);
    fireEvent.change(search, { target: { value: RULES.find((r) => r.id === 'CFG-01')!.title.slice(0, 12) } });
    expect(screen.getAllByTestId('finding-item').map((li) => li.dataset.rule)).toEqual(['CFG-01', 'CFG-01', 'CFG-01']);
    fireEvent.change(search, { target: { value: 'number 4' } });
    expect(screen.getAllByTestId('finding-item').map((li) => li.textContent)).toEqual([expect.stringContaining('finding number 4')]);
    fireEvent.change(search, { target: { value: 'Function 1' } });
    expect(screen.getAllByTestId('finding-item')).toHaveLength(3);
    fireEvent.change(search, { target: { value: 'Function 2' } }); // its findings are all info, hidden
    expect(screen.queryAllByTestId('finding-item')).toHaveLength(0);
    expect(screen.getByTestId('findings-shown').textContent).toContain('Showing 0 of 9 findings — nothing matches');
    fireEvent.click(screen.getByTestId('findings-clear-filter'));
    // The three info findings of one rule come back as one grouped row (issue 14).
    expect(screen.getAllByTestId('finding-item')).toHaveLength(6);
    expect(screen.getByTestId('finding-group-item').dataset.count).toBe('3');
  });

  it('keeps the grouping, filter and search when the panel comes back (another dock tab was shown)', () => {
    const findings = many(9, 3);
    const panel = () => <FindingsPanel findings={findings} suppressed={[]} counts={countsOf(findings)} onSelect={() => undefined} />;
    const { unmount } = render(panel());
    fireEvent.click(screen.getByTestId('findings-group-by-rule'));
    fireEvent.click(screen.getByTestId('findings-filter-info'));
    fireEvent.change(screen.getByTestId('findings-search'), { target: { value: 'net' } });
    unmount();
    render(panel());
    expect(screen.getByTestId('findings-group-by-rule').getAttribute('aria-checked')).toBe('true');
    expect(screen.getByTestId('findings-filter-info').getAttribute('aria-pressed')).toBe('false');
    expect((screen.getByTestId('findings-search') as HTMLInputElement).value).toBe('net');
    expect(screen.getAllByTestId('finding-item').map((li) => li.dataset.rule)).toEqual(['NET-01', 'NET-01', 'NET-01']);
  });

  it('"/" is the searchFindings shortcut (listed in the sheet); a request focuses the mounted panel\'s search, or the next one to mount', () => {
    const key = { key: '/', ctrlKey: false, metaKey: false, shiftKey: false, altKey: false };
    expect(shortcutFor(key, 'linux', false)).toBe('searchFindings');
    expect(shortcutFor({ ...key, shiftKey: true }, 'linux', false)).toBe('searchFindings'); // layouts that type "/" with Shift
    expect(shortcutFor(key, 'linux', true)).toBeUndefined(); // typing "/" in a field stays typing
    expect(shortcutLabels('searchFindings', 'linux')).toEqual(['/']);
    const panel = () => <FindingsPanel findings={many(3, 1)} suppressed={[]} counts={{ error: 1, warning: 1, info: 1 }} onSelect={() => undefined} />;
    const { unmount } = render(panel());
    requestFindingsSearchFocus();
    expect(document.activeElement).toBe(screen.getByTestId('findings-search'));
    unmount();
    requestFindingsSearchFocus(); // another dock tab is shown: the Findings panel mounts next
    render(panel());
    expect(document.activeElement).toBe(screen.getByTestId('findings-search'));
  });

  it('Ctrl+F in the dock asks for the findings search, opening the Findings tab from another tab', () => {
    const onTab = vi.fn();
    render(<AnalysisDock tab="cost" open counts={{ error: 0, warning: 0, info: 0 }} onTab={onTab} onToggleOpen={() => undefined}><p>cost body</p></AnalysisDock>);
    fireEvent.keyDown(screen.getByTestId('dock-tab-cost'), { key: 'f', ctrlKey: true });
    expect(onTab).toHaveBeenCalledWith('findings');
    cleanup();
    render(<FindingsPanel findings={many(3, 1)} suppressed={[]} counts={{ error: 1, warning: 1, info: 1 }} onSelect={() => undefined} />);
    expect(document.activeElement).toBe(screen.getByTestId('findings-search'));
  });

  it('suppresses with a required reason through the command, shows a refusal, and Escape cancels', () => {
    const { view } = setup();
    cleanup();
    const dispatch = vi.fn((): PerformResult => ({ design: brokenVpc(), patches: [], inversePatches: [], warnings: [], created: [], refused: 'CFG-01 is already suppressed on "Quote service" (because: x).' }));
    render(<FindingsPanel findings={view.analysis.findings} suppressed={[]} counts={view.counts} onSelect={() => undefined} dispatch={dispatch} />);
    const cfg = screen.getAllByTestId('finding-item').find((li) => li.dataset.rule === 'CFG-01')!;
    fireEvent.click(within(cfg).getByTestId('finding-suppress'));
    const confirm = screen.getByTestId('suppress-confirm') as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.change(screen.getByTestId('suppress-reason'), { target: { value: '  ' } });
    expect(confirm.disabled).toBe(true);
    fireEvent.change(screen.getByTestId('suppress-reason'), { target: { value: 'Load test' } });
    expect(confirm.disabled).toBe(false);
    fireEvent.click(confirm);
    expect(dispatch).toHaveBeenCalledWith({ type: 'suppress', ruleId: 'CFG-01', target: 'fn-quotes', reason: 'Load test' });
    expect(screen.getByTestId('suppress-refused').textContent).toBe('CFG-01 is already suppressed on "Quote service" (because: x).');
    fireEvent.keyDown(screen.getByTestId('suppress-reason'), { key: 'Escape' });
    expect(screen.queryByTestId('suppress-dialog')).toBeNull();
    expect(dispatch).toHaveBeenCalledTimes(1);
  });

  it('lists suppressions no finding matches any more (the check passes now) so they can be removed', () => {
    const design = { ...brokenVpc(), suppressions: [
      { ruleId: 'CFG-01', target: 'fn-quotes', reason: 'Load test' },
      { ruleId: 'RETRY-12', target: 'e-quotes-db', reason: 'Old decision' },
      { ruleId: 'COST-01', target: '*', reason: 'Budget approved' },
    ] };
    const analysis = analyze(design);
    expect(analysis.suppressed.map((f) => f.ruleId)).toEqual(['CFG-01']);
    const dispatch = vi.fn((): PerformResult => ({ design, patches: [], inversePatches: [], warnings: [], created: [] }));
    render(<FindingsPanel findings={analysis.findings} suppressed={analysis.suppressed} counts={{ error: 0, warning: 0, info: 0 }} onSelect={() => undefined} dispatch={dispatch} design={design} />);
    expect(screen.getByTestId('findings-suppressed').querySelector('summary')?.textContent).toBe('Suppressed 3');
    const stale = screen.getAllByTestId('suppressed-stale');
    expect(stale.map((li) => li.textContent)).toEqual([
      expect.stringContaining('RETRY-12 Quote service → Quotes database: no finding to suppress now'),
      expect.stringContaining(`COST-01 ${design.name}: no finding to suppress now`),
    ]);
    fireEvent.click(within(stale[0]).getByTestId('finding-unsuppress'));
    expect(dispatch).toHaveBeenCalledWith({ type: 'unsuppress', ruleId: 'RETRY-12', target: 'e-quotes-db' });
  });

  it('the inspector\'s findings offer the same Suppress… dialog and command', () => {
    const { view } = setup();
    cleanup();
    const dispatch = vi.fn(() => ({}));
    render(<ItemFindings findings={view.byTarget.get('fn-quotes')} dispatch={dispatch} />);
    fireEvent.click(screen.getAllByTestId('inspector-suppress')[0]);
    expect((screen.getByTestId('suppress-confirm') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByTestId('suppress-reason'), { target: { value: 'Sized for the load test' } });
    fireEvent.click(screen.getByTestId('suppress-confirm'));
    expect(dispatch).toHaveBeenCalledWith({ type: 'suppress', ruleId: 'CFG-01', target: 'fn-quotes', reason: 'Sized for the load test' });
    expect(screen.queryByTestId('suppress-dialog')).toBeNull();
    cleanup();
    render(<ItemFindings findings={view.byTarget.get('fn-quotes')} />);
    expect(screen.queryByTestId('inspector-suppress')).toBeNull();
  });

  it('unsuppresses through the command; without dispatch, or for a RULE-ERROR, there is no suppress button', () => {
    const finding: Finding = { ruleId: 'NET-08', severity: 'warning', target: { id: 'nat-a', name: 'NAT gateway A', type: 'node' }, message: 'm', why: 'w', fix: 'f', docsUrl: 'https://docs.aws.amazon.com/' };
    const ruleError: Finding = { ...finding, ruleId: 'RULE-ERROR', severity: 'error', target: { id: '*', name: 'D', type: 'design' } };
    const dispatch = vi.fn((): PerformResult => ({ design: brokenVpc(), patches: [], inversePatches: [], warnings: [], created: [] }));
    const { rerender } = render(<FindingsPanel findings={[ruleError]} suppressed={[{ ...finding, reason: 'pilot' }]} counts={{ error: 1, warning: 0, info: 0 }} onSelect={() => undefined} dispatch={dispatch} />);
    expect(screen.queryByTestId('finding-suppress')).toBeNull();
    fireEvent.click(screen.getByTestId('finding-unsuppress'));
    expect(dispatch).toHaveBeenCalledWith({ type: 'unsuppress', ruleId: 'NET-08', target: 'nat-a' });
    rerender(<FindingsPanel findings={[finding]} suppressed={[{ ...finding, reason: 'pilot' }]} counts={{ error: 0, warning: 1, info: 0 }} onSelect={() => undefined} />);
    expect(screen.queryByTestId('finding-suppress')).toBeNull();
    expect(screen.queryByTestId('finding-unsuppress')).toBeNull();
  });
});
