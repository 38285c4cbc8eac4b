import { defineRule, type RuleFinding } from '../types';

const FIFO_SUFFIX = '.fifo';

export default defineRule({
  id: 'CFG-07',
  title: 'FIFO queue shape',
  severity: 'error',
  category: 'config',
  docsUrl: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-sqs-queue.html',
  appliesTo: ['sqsQueue'],
  why: 'The name of a FIFO queue must end in ".fifo", and only FIFO queues may carry the ".fifo" suffix or FIFO settings such as content-based deduplication; SQS rejects the queue otherwise. Deduplication scope and FIFO throughput limit exist only on FIFO queues, and high throughput needs both (messageGroup and perMessageGroupId); any other pair keeps normal FIFO throughput (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/high-throughput-fifo.html).',
  check(ctx) {
    return ctx.index.ofKind('sqsQueue').flatMap((queue) => {
      const { fifo, queueName, contentBasedDeduplication, deduplicationScope, fifoThroughputLimit } = queue.props;
      const out: RuleFinding[] = [];
      const suffixed = queueName?.endsWith(FIFO_SUFFIX) ?? false;
      if (fifo && queueName !== null && !suffixed) {
        out.push({
          target: queue,
          message: `"${queue.name}" is a FIFO queue named "${queueName}"; a FIFO queue's name must end in "${FIFO_SUFFIX}".`,
          fix: `Set the queue name of "${queue.name}" to "${queueName}${FIFO_SUFFIX}", or clear it so CloudFormation generates one.`,
        });
      }
      if (!fifo && suffixed) {
        out.push({
          target: queue,
          message: `"${queue.name}" is a standard queue named "${queueName}"; only FIFO queue names may end in "${FIFO_SUFFIX}".`,
          fix: `Make "${queue.name}" a FIFO queue, or set its queue name to "${queueName?.slice(0, -FIFO_SUFFIX.length)}".`,
        });
      }
      if (!fifo && contentBasedDeduplication) {
        out.push({
          target: queue,
          message: `"${queue.name}" is a standard queue with content-based deduplication; that setting exists only on FIFO queues.`,
          fix: `Turn off content-based deduplication on "${queue.name}", or make it a FIFO queue.`,
        });
      }
      const stated = [deduplicationScope !== undefined ? `deduplication scope ${deduplicationScope}` : '', fifoThroughputLimit !== undefined ? `FIFO throughput limit ${fifoThroughputLimit}` : ''].filter(Boolean);
      if (!fifo && stated.length) {
        out.push({
          target: queue,
          message: `"${queue.name}" is a standard queue with ${stated.join(' and ')}; those settings exist only on FIFO queues.`,
          fix: `Clear the FIFO throughput settings of "${queue.name}", or make it a FIFO queue.`,
        });
      }
      // High throughput needs both: any other pair silently keeps normal FIFO throughput.
      const high = [deduplicationScope === 'messageGroup', fifoThroughputLimit === 'perMessageGroupId'];
      if (fifo && high.some(Boolean) && !high.every(Boolean)) {
        out.push({
          target: queue,
          severity: 'warning',
          message: `"${queue.name}" sets ${high[0] ? 'deduplication scope messageGroup' : 'FIFO throughput limit perMessageGroupId'} but not ${high[0] ? 'FIFO throughput limit perMessageGroupId' : 'deduplication scope messageGroup'}: high throughput needs both, so the queue keeps normal FIFO throughput (300 API calls a second per action, 3,000 messages with batching).`,
          fix: `Set both the deduplication scope of "${queue.name}" to messageGroup and its FIFO throughput limit to perMessageGroupId, or neither.`,
        });
      }
      return out;
    });
  },
});
