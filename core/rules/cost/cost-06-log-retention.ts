import { defineRule } from '../types';

export default defineRule({
  id: 'COST-06',
  title: 'Function logs never expire',
  severity: 'info',
  category: 'cost',
  docsUrl: 'https://github.com/cdklabs/cdk-nag/blob/main/RULES.md',
  appliesTo: ['lambda'],
  why: 'The log group Lambda creates for a function keeps its logs forever unless a retention period is set, so CloudWatch Logs storage grows every month.',
  check(ctx) {
    return ctx.index.ofKind('lambda').flatMap((fn) => fn.props.logRetentionDays !== null ? [] : [{
      target: fn,
      message: `"${fn.name}" has no log retention: its CloudWatch logs are kept, and billed, forever.`,
      fix: `Set a log retention for "${fn.name}" (for example 30 days, or what your audit rules require).`,
    }]);
  },
});
