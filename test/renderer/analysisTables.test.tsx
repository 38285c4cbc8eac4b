// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyze } from '../../core/analyze';
import { ReachabilityPanel } from '../../renderer/panels/ReachabilityPanel';
import { RetryPathsPanel } from '../../renderer/panels/RetryPathsPanel';
import { TABLE_ROWS_SHOWN } from '../../renderer/panels/SortableTable';
import { brokenVpc, vpcTemplate } from './analysisDesigns';

afterEach(cleanup);

describe('RetryPathsPanel', () => {
  it('lists every path worst first with its verdict in words; a row selects the hop its verdict is about', () => {
    const { retryPaths } = analyze(brokenVpc());
    const onSelectEdge = vi.fn();
    render(<RetryPathsPanel paths={retryPaths} onSelectEdge={onSelectEdge} />);
    const rows = screen.getAllByTestId('retry-row');
    expect(rows).toHaveLength(retryPaths.length);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    // The queue with no redrive policy loses events: it leads, saying so in words.
    expect(rows[0].dataset.lost).toBe('true');
    expect(rows[0].textContent).toContain('✕ Events can be lost at Jobs → Quote service');
    expect(rows[rows.length - 1].textContent).toContain('✓ Every failure is caught');
    expect(screen.getByTestId('retry-paths-summary').textContent).toContain('1 can lose events');
    fireEvent.click(rows[0]);
    expect(onSelectEdge).toHaveBeenLastCalledWith('e-jobs');
    fireEvent.click(within(rows[0]).getByTestId('retry-row-toggle'));
    expect(onSelectEdge).toHaveBeenCalledTimes(1); // opening the details selects nothing
    expect(screen.getByTestId('retry-lost').textContent).toContain('Lost:');
  });

  it('draws the first rows of a long table and the rest on "Show more"', () => {
    const [one] = analyze(brokenVpc()).retryPaths;
    const paths = Array.from({ length: TABLE_ROWS_SHOWN * 2 + 50 }, (_, i) => ({ ...one, id: `p${i}` }));
    render(<RetryPathsPanel paths={paths} onSelectEdge={() => undefined} />);
    expect(screen.getAllByTestId('retry-row')).toHaveLength(TABLE_ROWS_SHOWN);
    fireEvent.click(screen.getByTestId('retry-row-more'));
    expect(screen.getAllByTestId('retry-row')).toHaveLength(TABLE_ROWS_SHOWN * 2);
    expect(screen.getByTestId('retry-row-more').textContent).toBe('Show 50 more of 50');
    fireEvent.click(screen.getByTestId('retry-row-more'));
    expect(screen.getAllByTestId('retry-row')).toHaveLength(paths.length);
    expect(screen.queryByTestId('retry-row-more')).toBeNull();
  });

  it('says so when there is nothing to trace', () => {
    render(<RetryPathsPanel paths={[]} onSelectEdge={() => undefined} />);
    expect(screen.getByTestId('retry-paths-empty').textContent).toContain('No retry paths');
  });
});

describe('ReachabilityPanel', () => {
  it('sorts by any column (again to reverse) and marks the selected row', () => {
    const { reachability } = analyze(brokenVpc());
    const onSelectEdge = vi.fn();
    const { rerender } = render(<ReachabilityPanel reachability={reachability} onSelectEdge={onSelectEdge} />);
    const edges = () => screen.getAllByTestId('reach-row').map((r) => r.dataset.edge);
    const verdicts = () => screen.getAllByTestId('reach-row').map((r) => r.dataset.reach);
    expect(verdicts()).toEqual(['partial', 'partial', 'yes']);
    expect(screen.getAllByTestId('reach-row')[0].textContent).toContain('◐ partly reachable');
    expect(screen.getAllByTestId('reach-row')[0].textContent).toContain('1 of 2');
    fireEvent.click(screen.getByTestId('sort-port'));
    const ports = () => screen.getAllByTestId('reach-row').map((r) => Number(/TCP (\d+)/.exec(r.textContent ?? '')?.[1]));
    expect(ports()).toEqual([...ports()].sort((a, b) => a - b));
    fireEvent.click(screen.getByTestId('sort-port'));
    expect(ports()).toEqual([...ports()].sort((a, b) => b - a));
    expect(screen.getByTestId('sort-port').closest('th')?.getAttribute('aria-sort')).toBe('descending');
    fireEvent.click(screen.getAllByTestId('reach-row')[1]);
    const picked = edges()[1];
    expect(onSelectEdge).toHaveBeenLastCalledWith(picked);
    rerender(<ReachabilityPanel reachability={reachability} onSelectEdge={onSelectEdge} selectedEdge={picked} />);
    expect(screen.getAllByTestId('reach-row')[1].className).toContain('is-selected');
  });

  it('the clean template reaches everything and says so', () => {
    render(<ReachabilityPanel reachability={analyze(vpcTemplate()).reachability} onSelectEdge={() => undefined} />);
    expect(screen.getByTestId('reachability-summary').textContent).toContain('every one reachable');
    expect(screen.getAllByTestId('reach-row').every((r) => r.textContent?.includes('✓ reachable'))).toBe(true);
  });
});
