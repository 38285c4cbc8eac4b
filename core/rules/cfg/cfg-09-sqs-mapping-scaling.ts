import { triggerProps } from '../../model/edges';
import { kindLabel } from '../../model/kinds';
import { defineRule, type RuleFinding } from '../types';
import { rangeFindings } from './support';

export default defineRule({
  id: 'CFG-09',
  readsValuesAsWritten: true,
  title: 'SQS event source mapping scaling settings',
  severity: 'error',
  category: 'config',
  docsUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/API_ScalingConfig.html',
  appliesTo: ['trigger', 'sqsQueue'],
  why: 'The maximum concurrency (ScalingConfig) of an SQS event source mapping caps how many batches it processes at once; Lambda accepts 2 to 1,000 and offers the setting on SQS mappings only.',
  check(ctx) {
    return ctx.design.edges.flatMap((edge): RuleFinding[] => {
      if (edge.kind !== 'trigger' || ctx.index.node(edge.to)?.kind !== 'lambda' || edge.props.maximumConcurrency === undefined) return [];
      const source = ctx.index.node(edge.from);
      const owner = `the trigger "${ctx.nameOf(edge)}"`;
      if (source?.kind === 'sqsQueue') return rangeFindings(triggerProps, edge.props, [{ path: ['maximumConcurrency'], label: 'maximum concurrency', unit: '' }], edge, owner, 'Lambda');
      return [{
        target: edge,
        message: `${owner} sets a maximum concurrency of ${edge.props.maximumConcurrency}, but that scaling setting exists only for SQS event source mappings${source ? `, not for the ${kindLabel(source.kind)} "${source.name}"` : ''}.`,
        fix: `Remove the maximum concurrency from ${owner}; to cap the function, set reserved concurrency on "${ctx.index.node(edge.to)?.name ?? edge.to}" instead.`,
      }];
    });
  },
});
