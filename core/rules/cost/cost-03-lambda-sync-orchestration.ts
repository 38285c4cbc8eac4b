import { defineRule } from '../types';

export default defineRule({
  id: 'COST-03',
  title: 'Function calls another function synchronously',
  severity: 'info',
  category: 'cost',
  docsUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/orchestration.html',
  appliesTo: ['invoke', 'lambda'],
  why: 'A function that calls another function and waits is billed for the whole wait, and its errors, retries and timeouts stack with the callee\'s. AWS advises against using functions to orchestrate functions; a Step Functions workflow does the waiting and retrying for you. Some direct calls are reasonable (a shared authoriser, a latency-critical lookup), hence advice only.',
  check(ctx) {
    // How many functions each caller calls and waits for: counted once per caller.
    const waits = new Map<string, number>();
    const waitsOf = (callerId: string) => {
      let n = waits.get(callerId);
      if (n === undefined) waits.set(callerId, (n = ctx.index.outgoing(callerId, 'invoke').filter((e) => e.kind === 'invoke' && e.props.mode === 'sync' && ctx.index.node(e.to)?.kind === 'lambda').length));
      return n;
    };
    return ctx.design.edges.flatMap((edge) => {
      if (edge.kind !== 'invoke' || edge.props.mode !== 'sync') return [];
      const caller = ctx.index.node(edge.from);
      const callee = ctx.index.node(edge.to);
      if (caller?.kind !== 'lambda' || callee?.kind !== 'lambda') return [];
      const waitsOn = waitsOf(caller.id);
      return [{
        target: edge,
        message: `"${caller.name}" invokes "${callee.name}" synchronously${waitsOn > 1 ? ` (one of ${waitsOn} functions it calls and waits for)` : ''}: it is billed for the whole time "${callee.name}" runs.`,
        fix: `Move the sequence of "${caller.name}" and "${callee.name}" into a Step Functions workflow, or make the call asynchronous if "${caller.name}" does not need the result.`,
      }];
    });
  },
});
