import { formatNumber } from '../../format';
import type { DesignEdge, DesignNode, EdgeOfKind } from '../../model/design';
import { defineRule, type RuleContext } from '../types';

/** Why events from `source` along `edge` can reach the function more than once. */
function duplicateCause(ctx: RuleContext, edge: DesignEdge, source: DesignNode): string | undefined {
  const model = ctx.invocation(edge) ?? (edge.kind === 'destination' ? 'async' : undefined);
  if (model === 'sync' || model === undefined) return undefined;
  if (source.kind === 's3Bucket') return `S3 delivers the notifications of "${source.name}" at least once`;
  if (model === 'async') return `Lambda's asynchronous queue can deliver an event from "${source.name}" more than once, even without an error`;
  const { reportBatchItemFailures, bisectBatchOnFunctionError } = ctx.trigger(edge as EdgeOfKind<'trigger'>);
  if (source.kind === 'sqsQueue') {
    return reportBatchItemFailures
      ? `SQS delivers each message of "${source.name}" at least once`
      : `a failed batch from "${source.name}" makes every message in it visible again, the ones already processed included`;
  }
  return reportBatchItemFailures || bisectBatchOnFunctionError
    ? `the mapping on "${source.name}" delivers each record at least once and retries part of a failed batch`
    : `a failed batch from "${source.name}" is retried whole, records already processed included`;
}

/** The causes, at most five of them spelled out (a function fed by 10,000 sources has one per source). */
const causesText = (causes: readonly string[]): string =>
  causes.length > 5 ? `${causes.slice(0, 5).join('; ')}; and ${formatNumber(causes.length - 5)} more sources alike` : causes.join('; ');

export default defineRule({
  id: 'INV-12',
  title: 'Handler must be idempotent: duplicate deliveries',
  severity: 'info',
  category: 'invocation',
  docsUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html',
  appliesTo: ['lambda'],
  why: 'A synchronous caller sees each failure and decides itself whether to retry; the other paths redeliver on their own. Lambda\'s async queue is eventually consistent, so the same event can arrive twice even with no error; S3 notifications are "designed to be delivered at least once"; event source mappings process each record at least once, and a failed SQS batch makes every message in it visible again. Side effects (payments, e-mails, counters) must tolerate a repeat.',
  check(ctx) {
    return ctx.index.ofKind('lambda').flatMap((fn) => {
      // The user declared the handler idempotent (and how): the advice is taken, nothing to say.
      if (fn.props.idempotency) return [];
      const causes = new Set<string>();
      for (const edge of [...ctx.index.incoming(fn.id, 'trigger'), ...ctx.index.incoming(fn.id, 'invoke'), ...ctx.index.incoming(fn.id, 'destination')]) {
        const source = ctx.index.node(edge.from);
        const cause = source && duplicateCause(ctx, edge, source);
        if (cause) causes.add(cause);
      }
      if (!causes.size) return [];
      return [{
        target: fn,
        message: `"${fn.name}" can receive the same event more than once: ${causesText([...causes])}.`,
        fix: `Make "${fn.name}" idempotent: key each side effect on a stable id from the event (message id, object key and version, event id) and skip ids already done, for example with a conditional write to a DynamoDB table or Powertools' idempotency utility; then declare it on "${fn.name}" (Idempotency: powertools, idempotency-key or conditional-writes) and this advice stays quiet.`,
      }];
    });
  },
});
