import type { InvocationModel } from '../../semantics';
import { defineRule } from '../types';
import { names } from './support';

const times = (n: number) => `${n} time${n === 1 ? '' : 's'}`;

const HOW: Record<InvocationModel, string> = {
  sync: 'synchronously by {from} (the caller gets the error; Lambda does not retry)',
  async: 'asynchronously by {from} (Lambda retries up to {retries}; the sender never sees a failure)',
  poll: 'through an event source mapping on {from} (Lambda polls and invokes synchronously; the source keeps failed records and redelivers them)',
};

/** Only functions invoked under more than one model get a finding: the canvas already labels each
 *  edge sync / async / poll, and a single model has one failure path that the RETRY-* rules check. */
export default defineRule({
  id: 'INV-01',
  title: 'Function invoked under several invocation models',
  severity: 'info',
  category: 'invocation',
  docsUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/invocation-retries.html',
  appliesTo: ['lambda', 'trigger', 'invoke'],
  why: 'How a function is invoked decides who retries and where failures go: synchronous callers (API Gateway, ALB, RequestResponse Invoke) handle errors themselves; asynchronous sources (S3, SNS, EventBridge) hand the event to Lambda\'s internal queue, which retries and then discards it unless a destination or DLQ keeps it; event source mappings (SQS, Kinesis, DynamoDB Streams, Kafka) poll and invoke synchronously, and the source keeps the record. A function reached in more than one way has more than one failure path, and its DLQ and destinations cover only the asynchronous one.',
  check(ctx) {
    return ctx.index.ofKind('lambda').flatMap((fn) => {
      const models = ctx.invocationModelsOf(fn.id);
      if (models.size < 2) return [];
      const callers = (model: InvocationModel) => [
        ...ctx.index.incoming(fn.id).filter((e) => ctx.invocation(e) === model).map((e) => ctx.index.node(e.from)),
        ...(model === 'async' ? ctx.index.incoming(fn.id, 'destination').map((e) => ctx.index.node(e.from)).filter((n) => n?.kind === 'lambda') : []),
      ].filter((n) => n !== undefined);
      const parts = (['sync', 'async', 'poll'] as const).filter((m) => models.has(m))
        .map((m) => HOW[m].replace('{from}', names(callers(m))).replace('{retries}', times(fn.props.asyncConfig.maximumRetryAttempts)));
      const capture = models.has('async') ? `a DLQ or destination on "${fn.name}" covers only the asynchronous one` : `no DLQ or destination of "${fn.name}" applies to either`;
      return [{
        target: fn,
        message: `"${fn.name}" is invoked ${parts.join('; and ')}. Each path fails differently, and ${capture}.`,
        fix: `Make sure the handler of "${fn.name}" recognises each event shape and handles failures for each path, or split it into one function per kind of source.`,
      }];
    });
  },
});
