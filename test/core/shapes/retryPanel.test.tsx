// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fanOut } from '../../../bench/shapes';
import { analyze } from '../../../core/analyze';
import { parseDesign } from '../../../core/model';
import { RetryPathsPanel } from '../../../renderer/panels/RetryPathsPanel';

afterEach(cleanup);

/* The Retry paths tab lists the first 1,000 paths an analysis keeps and says how many it left out. */
describe('Retry paths tab on a fan-out of 2,000', () => {
  it('says that 1,000 more paths are not listed', { timeout: 20_000 }, () => {
    const parsed = parseDesign(JSON.stringify(fanOut(2_000)));
    if (!parsed.ok) throw new Error('did not load');
    const a = analyze(parsed.design);
    render(<RetryPathsPanel paths={a.retryPaths} omitted={a.retryPathsOmitted} truncated={a.retryPathsTruncated} onSelectEdge={() => undefined} />);
    expect(screen.getByTestId('retry-paths-summary').textContent).toContain('1000 paths from an event source through functions');
    expect(screen.getByTestId('retry-paths-omitted').textContent).toBe(' 1,000 more paths are not listed.');
  });

  it('says nothing more when every path is listed', () => {
    const parsed = parseDesign(JSON.stringify(fanOut(3)));
    if (!parsed.ok) throw new Error('did not load');
    const a = analyze(parsed.design);
    render(<RetryPathsPanel paths={a.retryPaths} omitted={a.retryPathsOmitted} onSelectEdge={() => undefined} />);
    expect(screen.queryByTestId('retry-paths-omitted')).toBeNull();
  });
});
