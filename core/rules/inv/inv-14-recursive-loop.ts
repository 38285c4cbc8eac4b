import type { DesignEdge, NodeOfKind } from '../../model/design';
import { formatNumber } from '../../format';
import { kindLabel } from '../../model/kinds';
import { defineRule } from '../types';
import { names, recursiveLoops } from './support';

const prefixOf = (edge: DesignEdge | undefined): string | undefined => (edge?.props as { prefix?: string } | undefined)?.prefix;

export default defineRule({
  id: 'INV-14',
  title: 'Recursive loop: a function feeds the queue, topic or bucket that triggers it',
  severity: 'warning',
  category: 'invocation',
  docsUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/invocation-recursion.html',
  appliesTo: ['lambda', 'access', 'trigger', 'sqsQueue', 'snsTopic', 's3Bucket'],
  why: 'A function that writes to the SQS queue, SNS topic or S3 bucket that triggers it, directly or through other functions, runs forever, scales to the account\'s concurrency and bills every call. Lambda\'s recursive loop detection (SQS and SNS since July 2023, S3 since October 2024) stops such a loop after about 16 calls when the function\'s RecursiveLoop is Terminate, the default, and sends the event to its DLQ or on-failure destination if it has one; with Allow, nothing stops it. For S3, AWS advises two buckets or a prefix filter.',
  check(ctx) {
    return recursiveLoops(ctx).map(({ fn, loop, others }) => {
      const nodes = loop.map((e) => ctx.index.node(e.to)).filter((n) => n !== undefined);
      const fns = [fn, ...nodes.filter((n): n is NodeOfKind<'lambda'> => n.kind === 'lambda' && n.id !== fn.id)];
      const allowed = fns.every((f) => f.props.recursiveLoop === 'Allow');
      const first = nodes[0];
      const chain = chainText([fn, ...nodes]);
      const [written, fired] = [prefixOf(loop[0]), prefixOf(loop[1])];
      const s3 = first.kind === 's3Bucket' && loop.length === 2;
      const detail = s3 ? ` ("${fn.name}" writes ${written ? `under "${written}"` : 'anywhere in the bucket'}; the trigger fires for ${fired ? `keys under "${fired}"` : 'every new object'})` : '';
      const separate = s3
        ? `write to another bucket, or write under a prefix ${fired ? `outside "${fired}"` : 'and give the trigger of "' + first.name + '" a prefix filter that excludes it'} (for example trigger on "incoming/", write to "processed/") and set it on the access edge`
        : loop.length === 2
          ? `send to a different ${kindLabel(first.kind)} than "${first.name}", which triggers "${fn.name}"`
          : `make one function of the chain send somewhere that does not lead back to "${fn.name}"`;
      const tangled = others.length ? ` ${names(others)} ${others.length > 1 ? 'are' : 'is'} caught in loops through the same resources too.` : '';
      return {
        target: loop[0],
        severity: allowed ? 'error' as const : 'warning' as const,
        message: (allowed
          ? `Recursive loop ${chain}${detail}, and ${names(fns)} ${fns.length > 1 ? 'allow' : 'allows'} recursive loops (RecursiveLoop: Allow): nothing stops it, and every invocation is billed.`
          : `Recursive loop ${chain}${detail}: Lambda stops it after about 16 invocations and sends the event to a DLQ or on-failure destination if one is configured, but until then every invocation is billed.`) + tangled,
        fix: `Break the loop: ${separate}${allowed ? `; or set recursive loop detection of ${names(fns)} back to Terminate` : ''}.`,
      };
    });
  },
});

/** Longest loop drawn in full; a longer one names its size and its first and last steps. */
const SHOWN_STEPS = 12;

/** `"a" → "q" → "a"`, or for a loop of 10,001 steps
 *  `"f0" → "f1" → "f2" → "f3" → "f4" → … 9,993 more … → "f9998" → "f9999" → "loop" → "f0" (10,001 steps)`. */
function chainText(nodes: readonly { name: string }[]): string {
  const quoted = (list: readonly { name: string }[]) => list.map((n) => `"${n.name}"`).join(' → ');
  const steps = nodes.length - 1;
  if (steps <= SHOWN_STEPS) return quoted(nodes);
  const head = nodes.slice(0, 5);
  const tail = nodes.slice(-4);
  return `${quoted(head)} → … ${formatNumber(nodes.length - head.length - tail.length)} more … → ${quoted(tail)} (${formatNumber(steps)} steps)`;
}
