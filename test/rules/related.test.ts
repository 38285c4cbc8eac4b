import { describe, expect, it } from 'vitest';
import { createDesign, type DesignEdge, type DesignNode } from '../../core/model';
import { History } from '../../core/commands';
import { runRules } from '../../core/rules/engine';
import { defineRule } from '../../core/rules/types';

// Issue 14, bullet 2: a finding names its primary target and lists the related ones.
describe('related targets', () => {
  const h = new History(createDesign('Related'));
  h.apply({ type: 'addNode', kind: 'lambda', id: 'fn', name: 'worker', position: { x: 0, y: 0 } });
  h.apply({ type: 'addNode', kind: 'sqsQueue', id: 'q', name: 'jobs', position: { x: 200, y: 0 } });
  h.apply({ type: 'connect', from: 'q', to: 'fn', kind: 'trigger', id: 'e' });
  const design = h.design;
  const rule = (related: readonly (DesignNode | DesignEdge)[]) => defineRule({
    id: 'TEST-01', title: 't', severity: 'info', category: 'config', docsUrl: 'https://docs.aws.amazon.com/', appliesTo: [], why: 'w',
    check: (ctx) => [{ target: ctx.index.edge('e')!, related, message: 'm', fix: 'f' }],
  });

  it('are named like targets, each once, never the primary one', () => {
    const [f] = runRules(design, [rule([...design.nodes, ...design.nodes, design.edges[0]])]).findings;
    expect(f.target).toEqual({ id: 'e', name: 'jobs → worker', type: 'edge' });
    expect(f.related).toEqual([{ id: 'fn', name: 'worker', type: 'node' }, { id: 'q', name: 'jobs', type: 'node' }]);
  });

  it('are left out of a finding that has none', () => {
    const [f] = runRules(design, [rule([])]).findings;
    expect(f).not.toHaveProperty('related');
  });
});
