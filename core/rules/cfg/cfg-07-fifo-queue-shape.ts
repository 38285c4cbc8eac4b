import { defineRule, type RuleFinding } from '../types';

const FIFO_SUFFIX = '.fifo';

export default defineRule({
  id: 'CFG-07',
  title: 'FIFO queue shape',
  severity: 'error',
  category: 'config',
  docsUrl: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-sqs-queue.html',
  appliesTo: ['sqsQueue'],
  why: 'The name of a FIFO queue must end in ".fifo", and only FIFO queues may carry the ".fifo" suffix or FIFO settings such as content-based deduplication; SQS rejects the queue otherwise.',
  check(ctx) {
    return ctx.index.ofKind('sqsQueue').flatMap((queue) => {
      const { fifo, queueName, contentBasedDeduplication } = queue.props;
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
      return out;
    });
  },
});
