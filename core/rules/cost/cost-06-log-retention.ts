import { defineRule } from '../types';

export default defineRule({
  id: 'COST-06',
  title: 'Function logs never expire',
  severity: 'info',
  category: 'cost',
  docsUrl: 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html',
  appliesTo: ['lambda', 'logGroup'],
  why: 'A log group keeps its logs forever unless a retention period is set — the one Lambda creates for a function, and any other — so CloudWatch Logs storage grows every month.',
  check(ctx) {
    // A function whose logs go to a log group node (its logGroup setting) is judged by that group.
    const ownGroup = ctx.index.ofKind('lambda').filter((fn) => fn.props.logGroup === null || ctx.index.node(fn.props.logGroup)?.kind !== 'logGroup');
    return [
      ...ownGroup.flatMap((fn) => fn.props.logRetentionDays !== null ? [] : [{
        target: fn,
        message: `"${fn.name}" has no log retention: its CloudWatch logs are kept, and billed, forever.`,
        fix: `Set a log retention for "${fn.name}" (for example 30 days, or what your audit rules require).`,
      }]),
      ...ctx.index.ofKind('logGroup').flatMap((group) => group.props.retentionInDays !== null ? [] : [{
        target: group,
        message: `Log group "${group.name}" never expires: its logs are kept, and billed, forever.`,
        fix: `Set a retention for "${group.name}" (for example 30 days, or what your audit rules require).`,
      }]),
    ];
  },
});
