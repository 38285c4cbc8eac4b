import { API_INTEGRATION_TIMEOUT_MS } from '../../model/kinds';
import { defineRule } from '../types';

/** "Well above": from twice the integration timeout, an invocation that runs to its timeout bills
 *  at least as much compute after the client's 504 as before it. */
const FACTOR = 2;

export default defineRule({
  id: 'COST-07',
  title: 'Function timeout well above the API Gateway integration timeout',
  severity: 'warning',
  category: 'cost',
  docsUrl: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html',
  appliesTo: ['lambda', 'apiGateway', 'trigger'],
  why: 'When API Gateway gives up on an integration the client gets a 504, but the function keeps running, and billing, until it finishes or reaches its own timeout. A function timeout far above the integration timeout pays for work nobody will receive (INV-02 covers the 504 itself).',
  check(ctx) {
    return ctx.index.ofKind('lambda').flatMap((fn) => {
      const apis = ctx.index.incoming(fn.id, 'trigger').flatMap((e) => {
        const api = ctx.index.node(e.from);
        return api?.kind === 'apiGateway' ? [{ api, ms: api.props.integrationTimeoutMs ?? API_INTEGRATION_TIMEOUT_MS[api.props.apiType].default }] : [];
      });
      if (!apis.length) return [];
      const longest = apis.reduce((a, b) => (b.ms > a.ms ? b : a));
      const timeoutMs = fn.props.timeoutSeconds * 1000;
      if (timeoutMs < FACTOR * longest.ms) return [];
      const limit = Math.ceil(longest.ms / 1000);
      return [{
        target: fn,
        message: `"${fn.name}" may run for ${fn.props.timeoutSeconds} s, but "${longest.api.name}" answers 504 after ${longest.ms / 1000} s: a slow request keeps billing for up to ${fn.props.timeoutSeconds - longest.ms / 1000} s after the client is gone.`,
        fix: `Lower the timeout of "${fn.name}" to about ${limit} s, or have the API hand long work to a queue or workflow and return at once.`,
      }];
    });
  },
});
