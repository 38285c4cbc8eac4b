import { placementOf } from '../../model/account';
import type { DesignNode } from '../../model/design';
import { defineRule, type RuleFinding } from '../types';

/** "account 111122223333, Region eu-west-1" — where a node is, as the messages say it. */
const where = (p: { account: string; region: string }) => `${/^\d{12}$/.test(p.account) ? `account ${p.account}` : p.account}, ${p.region}`;

export default defineRule({
  id: 'CFG-12',
  title: 'Co-location rules',
  severity: 'error',
  category: 'config',
  docsUrl: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-configure-lambda-function-trigger.html',
  appliesTo: ['trigger', 'deadLetter', 'lambda', 'sqsQueue', 'snsTopic', 'alb'],
  why: 'Some wiring only works inside one account or one Region. An SQS event source mapping needs the queue and the function in the same Region (the accounts may differ), and a queue encrypted with the AWS managed key (alias/aws/sqs) cannot be read by a function in another account, because that key\'s policy cannot be changed (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html). An Application Load Balancer target group and its function must share account and Region (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/lambda-functions.html). An SNS subscription\'s dead-letter queue must be in the same account and Region as the subscription (https://docs.aws.amazon.com/sns/latest/dg/sns-dead-letter-queues.html). A node without its own account or Region is in the design\'s.',
  check(ctx) {
    const out: RuleFinding[] = [];
    const at = (n: DesignNode) => placementOf(ctx.design, n);
    for (const edge of ctx.design.edges) {
      const from = ctx.index.node(edge.from);
      const to = ctx.index.node(edge.to);
      if (!from || !to) continue;
      const a = at(from);
      const b = at(to);
      if (a.account === b.account && a.region === b.region) continue;
      if (edge.kind === 'trigger' && from.kind === 'sqsQueue' && to.kind === 'lambda') {
        if (a.region !== b.region) {
          out.push({
            target: edge,
            message: `"${from.name}" (${where(a)}) triggers "${to.name}" (${where(b)}): an SQS event source mapping needs the queue and the function in the same Region.`,
            fix: `Move "${from.name}" or "${to.name}" so both are in one Region (the accounts may differ), or forward the messages to a queue in ${b.region}.`,
          });
        } else if (from.props.encryption === 'aws-managed-kms') {
          out.push({
            target: edge,
            message: `"${from.name}" is encrypted with the AWS managed key (alias/aws/sqs) and triggers "${to.name}" in another account (${where(a)} → ${where(b)}): that key's policy cannot grant the other account, so Lambda cannot read the queue.`,
            fix: `Encrypt "${from.name}" with a customer managed KMS key whose policy allows the account of "${to.name}" (or with SQS-managed encryption).`,
          });
        }
      } else if (edge.kind === 'trigger' && from.kind === 'alb' && to.kind === 'lambda') {
        out.push({
          target: edge,
          message: `"${from.name}" (${where(a)}) sends to "${to.name}" (${where(b)}): a load balancer's Lambda target must be in the same account and Region as the target group.`,
          fix: `Put "${to.name}" in the account and Region of "${from.name}", or front it there with a function that calls it.`,
        });
      } else if (edge.kind === 'deadLetter' && from.kind === 'snsTopic' && to.kind === 'sqsQueue') {
        out.push({
          target: edge,
          message: `The subscription dead-letter queue "${to.name}" (${where(b)}) is not in the account and Region of "${from.name}" (${where(a)}): SNS requires a subscription's DLQ in the subscription's account and Region.`,
          fix: `Use a dead-letter queue in ${where(a)} for the subscriptions of "${from.name}".`,
        });
      }
    }
    return out;
  },
});
