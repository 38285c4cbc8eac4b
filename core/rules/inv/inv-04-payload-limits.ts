import type { DesignEdge, DesignNode, EdgeOfKind } from '../../model/design';
import type { InvocationModel } from '../../semantics';
import { defineRule, type RuleContext, type RuleFinding } from '../types';
import { limitText, num, PAYLOAD_LIMIT_KB, payloadOf, type Payload } from './support';

/** SQS messages and EventBridge events: at most 1 MB each. */
const MESSAGE_LIMIT_KB = 1024;
/** ALB targets are INV-03; Lambda@Edge has its own, smaller limits. */
const OTHER_RULES: readonly DesignNode['kind'][] = ['alb', 'cloudfront'];

function check(ctx: RuleContext, edge: DesignEdge, model: InvocationModel, source: DesignNode, fn: DesignNode, payload: Payload): RuleFinding[] {
  const what = `${payload.at === 'event' ? `Events to "${fn.name}"` : `${{ poll: 'Records', sync: 'Requests', async: 'Events' }[model]} from "${source.name}"`} average ${num(payload.kb)} KB`;
  const tooBig = (limit: number, kind: string): RuleFinding[] => payload.kb <= limit ? [] : [{
    target: edge,
    message: `${what}, above the ${limitText(limit)} ${kind}: they are rejected and "${fn.name}" never sees them.`,
    fix: `Keep the payload under ${num(limit / 1024)} MB: store large bodies in S3 and pass only the object key to "${fn.name}".`,
  }];
  if (model === 'async') return tooBig(PAYLOAD_LIMIT_KB.async, 'limit of an asynchronous invocation');
  if (model === 'sync' || payload.at === 'event') return tooBig(PAYLOAD_LIMIT_KB.sync, 'limit of a synchronous invocation');
  if (source.kind === 'sqsQueue' && payload.kb > MESSAGE_LIMIT_KB) return tooBig(MESSAGE_LIMIT_KB, 'an SQS message can hold');
  if (payload.kb > PAYLOAD_LIMIT_KB.sync) return tooBig(PAYLOAD_LIMIT_KB.sync, 'a batch can hold, so not even one record fits');
  const { batchSize } = ctx.trigger(edge as EdgeOfKind<'trigger'>);
  const fits = Math.floor(PAYLOAD_LIMIT_KB.sync / Math.max(payload.kb, 1e-9));
  if (fits >= batchSize) return [];
  return [{
    target: edge,
    severity: 'warning',
    message: `${what}, so a batch of ${num(batchSize)} would be about ${num((batchSize * payload.kb) / 1024)} MB: Lambda cuts each batch at ${limitText(PAYLOAD_LIMIT_KB.sync)}, about ${num(fits)} records, and the batch size of ${num(batchSize)} is never reached.`,
    fix: `Lower the batch size of "${source.name}" → "${fn.name}" to ${num(Math.max(fits, 1))} or less, or send smaller records (large bodies in S3, only the key in the record).`,
  }];
}

export default defineRule({
  id: 'INV-04',
  title: 'Invocation payload limits',
  severity: 'error',
  category: 'invocation',
  docsUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/API_Invoke.html',
  appliesTo: ['trigger', 'invoke', 'lambda'],
  why: 'Lambda accepts at most 6 MB for a synchronous invocation (request and response) and 1 MB for an asynchronous one (raised from 256 KB; SQS messages and EventBridge events are capped at 1 MB too). An event source mapping passes a batch in one synchronous call, so a batch is cut at 6 MB whatever its batch size. A larger event is rejected before the function runs.',
  check(ctx) {
    // A size entered at the function is the same on all its triggers: one finding per limit.
    const reported = new Set<string>();
    return ctx.design.edges.flatMap((edge): RuleFinding[] => {
      const model = ctx.invocation(edge);
      const source = ctx.index.node(edge.from);
      const fn = ctx.index.node(edge.to);
      const payload = payloadOf(ctx, edge);
      if (!model || !source || !fn || !payload || OTHER_RULES.includes(source.kind)) return [];
      const key = payload.at === 'event' ? `${fn.id} ${model === 'async'}` : edge.id;
      if (reported.has(key)) return [];
      const found = check(ctx, edge, model, source, fn, payload);
      if (found.length) reported.add(key);
      return found;
    });
  },
});
