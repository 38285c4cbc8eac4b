import type { DesignEdge, NodeOfKind } from '../../model/design';
import { kindLabel } from '../../model/kinds';
import { defineRule } from '../types';
import { names, recursiveLoop } from './support';

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
    const reported = new Set<string>();
    return ctx.index.ofKind('lambda').flatMap((fn) => {
      const loop = recursiveLoop(ctx, fn);
      const key = loop?.map((e) => e.id).sort().join(' ');
      if (!loop || !key || reported.has(key)) return [];
      reported.add(key);
      const nodes = loop.map((e) => ctx.index.node(e.to)).filter((n) => n !== undefined);
      const fns = [fn, ...nodes.filter((n): n is NodeOfKind<'lambda'> => n.kind === 'lambda' && n.id !== fn.id)];
      const allowed = fns.every((f) => f.props.recursiveLoop === 'Allow');
      const first = nodes[0];
      const chain = [fn, ...nodes].map((n) => `"${n.name}"`).join(' → ');
      const [written, fired] = [prefixOf(loop[0]), prefixOf(loop[1])];
      const s3 = first.kind === 's3Bucket' && loop.length === 2;
      const detail = s3 ? ` ("${fn.name}" writes ${written ? `under "${written}"` : 'anywhere in the bucket'}; the trigger fires for ${fired ? `keys under "${fired}"` : 'every new object'})` : '';
      const separate = s3
        ? `write to another bucket, or write under a prefix ${fired ? `outside "${fired}"` : 'and give the trigger of "' + first.name + '" a prefix filter that excludes it'} (for example trigger on "incoming/", write to "processed/") and set it on the access edge`
        : loop.length === 2
          ? `send to a different ${kindLabel(first.kind)} than "${first.name}", which triggers "${fn.name}"`
          : `make one function of the chain send somewhere that does not lead back to "${fn.name}"`;
      return [{
        target: loop[0],
        severity: allowed ? 'error' as const : 'warning' as const,
        message: allowed
          ? `Recursive loop ${chain}${detail}, and ${names(fns)} ${fns.length > 1 ? 'allow' : 'allows'} recursive loops (RecursiveLoop: Allow): nothing stops it, and every invocation is billed.`
          : `Recursive loop ${chain}${detail}: Lambda stops it after about 16 invocations and sends the event to a DLQ or on-failure destination if one is configured, but until then every invocation is billed.`,
        fix: `Break the loop: ${separate}${allowed ? `; or set recursive loop detection of ${names(fns)} back to Terminate` : ''}.`,
      }];
    });
  },
});
