import { defineRule } from '../types';
import { activeUsage, num } from './support';

export default defineRule({
  id: 'COST-05',
  title: 'Event source mapping invokes once per record',
  severity: 'info',
  category: 'cost',
  docsUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventsourcemapping.html',
  appliesTo: ['trigger', 'sqsQueue', 'kinesisStream', 'dynamoTable', 'kafka'],
  why: 'Every invocation is billed a request plus its start-up overhead. With a batch size of 1, an event source mapping invokes the function once per record; larger batches, with a batching window (up to 300 s) so Lambda waits to fill them, cut invocations for fast, high-overhead handlers. Partial batch responses keep one failed record from failing the rest.',
  check(ctx) {
    return ctx.design.edges.flatMap((edge) => {
      if (edge.kind !== 'trigger' || ctx.invocation(edge) !== 'poll' || !edge.props.enabled) return [];
      if (ctx.trigger(edge).batchSize !== 1) return [];
      const source = ctx.index.node(edge.from);
      const records = source && activeUsage(ctx, source.id);
      const volume = records?.usage?.requestsPerMonth;
      return [{
        target: edge,
        message: `The trigger "${ctx.nameOf(edge)}" has a batch size of 1, so every record is its own invocation${volume !== undefined ? `: about ${num(volume)} invocations a month in the "${records?.profile}" profile` : ''}.`,
        fix: `Raise the batch size of "${ctx.nameOf(edge)}" (e.g. to 10) and set a batching window of a few seconds, with partial batch responses in the handler where the source supports them (SQS, Kinesis, DynamoDB streams).`,
      }];
    });
  },
});
