import { describe, expect, it } from 'vitest';
import { analyze } from '../../core/analyze';
import type { Design } from '../../core/model';
import type { Problem } from '../../core/model/problems';
import { analyzeSafely, issueMarks, pathsOverlay, problemSeverity, viewOf } from '../../renderer/useAnalysis';
import { brokenVpc, vpcTemplate } from './analysisDesigns';

describe('the analysis view', () => {
  it('counts findings per severity and indexes them, the retry hops and the network paths by id', () => {
    const design = brokenVpc();
    const view = viewOf(design, analyze(design));
    // Warnings: the three of before and one from COST-09 (a NAT gateway no route uses), added in issue 11.
    expect(view.counts).toEqual({ error: 3, warning: 4, info: 3 });
    expect(view.byTarget.get('sn-private-a')?.map((f) => f.ruleId)).toEqual(['NET-01', 'NET-03']);
    expect(view.byTarget.get('e-jobs')?.map((f) => f.severity)).toEqual(['warning', 'warning', 'info']);
    expect(view.hopByEdge.get('e-jobs')).toMatchObject({ lost: true, model: 'poll' });
    expect(view.hopByEdge.get('e-api-quotes')).toMatchObject({ lost: false, model: 'sync' });
    expect(view.reachByEdge.get('e-quotes-partner')?.reachable).toBe('partial');
    expect(view.reachByEdge.get('e-quotes-db')?.reachable).toBe('yes');
  });

  it('a clean template has no findings', () => {
    const design = vpcTemplate();
    expect(viewOf(design, analyze(design)).counts).toEqual({ error: 0, warning: 0, info: 0 });
  });

  it('turns a crash of the analysis itself into one error finding', () => {
    const broken = { ...vpcTemplate(), edges: null } as unknown as Design;
    const result = analyzeSafely(broken);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ ruleId: 'RULE-ERROR', severity: 'error', target: { type: 'design' } });
    expect(result.findings[0].message).toMatch(/^the analysis failed: /);
    expect(result.retryPaths).toEqual([]);
  });
});

describe('canvas marks and the Paths overlay', () => {
  const design = brokenVpc();
  const view = viewOf(design, analyze(design));

  it('marks each node or edge with the worst severity of its findings and problems; info alone draws nothing', () => {
    const range: Problem = { code: 'range', path: '$.nodes[1].props.memoryMb', target: { id: 'fn-quotes', name: 'Quote service', type: 'node' }, message: 'memoryMb is 99999' };
    const marks = issueMarks([range], view.byTarget);
    expect(marks.get('fn-quotes')).toEqual({ severity: 'error', count: 4, title: '3 findings and 1 problem — select to see them in the inspector' });
    expect(marks.get('sn-private-a')).toMatchObject({ severity: 'error', count: 2 });
    expect(marks.get('e-jobs')).toMatchObject({ severity: 'warning', count: 3 });
    expect(marks.has('db')).toBe(false);
    const infoOnly = issueMarks([], new Map([['x', view.byTarget.get('fn-quotes')!.filter((f) => f.severity === 'info')]]));
    expect(infoOnly.size).toBe(0);
  });

  it('rates loader problems as the problems panel does', () => {
    expect(problemSeverity({ code: 'connection', path: '$', message: 'x' })).toBe('error');
    expect(problemSeverity({ code: 'range', path: '$', message: 'x' })).toBe('warning');
    expect(problemSeverity({ code: 'reference', path: '$', message: 'x', repair: 'dropped' })).toBe('info');
  });

  it('colours access edges by reachability and lists the edges that lose events', () => {
    const overlay = pathsOverlay(view);
    expect(Object.fromEntries(overlay.reach)).toEqual({ 'e-quotes-db': 'yes', 'e-quotes-partner': 'partial', 'e-quotes-secrets': 'partial' });
    expect([...overlay.lost.keys()]).toEqual(['e-jobs']);
    expect(overlay.lost.get('e-jobs')).toMatch(/no redrive policy/);
  });
});
