import { queueRedrive } from '../../semantics';
import { defineRule } from '../types';
import { SQS_INITIAL_BATCHES, functionTriggers } from './support';

export default defineRule({
  id: 'CONC-05',
  title: 'Reserved concurrency below 5 on an SQS consumer',
  severity: 'warning',
  category: 'concurrency',
  docsUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html',
  appliesTo: ['lambda', 'sqsQueue'],
  why: `"When messages are available, Lambda starts processing five batches at a time with five concurrent invocations of your function", so the Lambda guide has asked for reserved concurrency of at least ${SQS_INITIAL_BATCHES} on an SQS consumer ("set a minimum of five concurrent executions"). Below that, batches are throttled and return to the queue; throttled receives still count toward maxReceiveCount, so messages can reach the dead-letter queue without any function error (see RETRY-09).`,
  check(ctx) {
    return ctx.index.ofKind('lambda').flatMap((fn) => {
      const reserved = fn.props.reservedConcurrency;
      const queues = functionTriggers(ctx, 'sqsQueue', { to: fn.id }).map((t) => t.source);
      if (!reserved || reserved >= SQS_INITIAL_BATCHES || !queues.length) return []; // 0 is CONC-02's case
      const redrives = queues.flatMap((q) => {
        const redrive = queueRedrive(ctx.index, q.id);
        const dlq = redrive && ctx.index.node(redrive.to);
        return dlq ? [`"${dlq.name}"`] : [];
      });
      return [{
        target: fn,
        message: `"${fn.name}" consumes ${queues.map((q) => `"${q.name}"`).join(', ')} with reserved concurrency ${reserved}, below the minimum of ${SQS_INITIAL_BATCHES}: Lambda polls with ${SQS_INITIAL_BATCHES} concurrent batches, so the extra batches are throttled and return to the queue${redrives.length ? `, and their receives count toward the redrive to ${redrives.join(', ')}` : ''}.`,
        fix: `Raise the reserved concurrency of "${fn.name}" to at least ${SQS_INITIAL_BATCHES}, or remove it and limit the trigger with maximum concurrency instead.`,
      }];
    });
  },
});
