import { PAYLOAD_LIMITS_KB } from '../../model/limits';
import { defineRule } from '../types';
import { functionTriggers, limitText, num, payloadOf } from './support';

/** An ALB passes at most 1 MB of request body to a function target, and takes at most 1 MB back
 *  (core/model/limits.ts; the response and a declared largest request are INV-04's). */
const ALB_BODY_LIMIT_KB = PAYLOAD_LIMITS_KB.albRequest;

export default defineRule({
  id: 'INV-03',
  title: 'Application Load Balancer → Lambda target limits',
  severity: 'error',
  category: 'invocation',
  docsUrl: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/lambda-functions.html',
  appliesTo: ['alb', 'trigger', 'lambda'],
  why: 'An Application Load Balancer invokes a function target directly: the request body can be at most 1 MB and the response JSON at most 1 MB, the function and target group must be in the same account and Region, and WebSocket upgrades are refused with HTTP 400. Larger requests never reach the function.',
  check(ctx) {
    return functionTriggers(ctx, ['alb']).flatMap(({ edge, source: alb, fn }) => {
      // A largest request body declared on the edge is INV-04's (one finding per cause).
      if (edge.props.maxRequestKb !== undefined) return [];
      const payload = payloadOf(ctx, edge);
      if (!payload || payload.kb <= ALB_BODY_LIMIT_KB) return [];
      return [{
        target: edge,
        message: `Requests from "${alb.name}" to "${fn.name}" average ${num(payload.kb)} KB (usage of "${payload.node.name}"), above the ${limitText(ALB_BODY_LIMIT_KB)} an ALB passes to a Lambda target: they fail before "${fn.name}" runs.`,
        fix: `Keep request bodies to "${fn.name}" under 1 MB: have clients upload large bodies to S3 (for example with a presigned URL) and send only the object key, or put "${fn.name}" behind API Gateway (6 MB).`,
      }];
    });
  },
});
