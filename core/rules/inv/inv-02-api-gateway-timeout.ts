import type { NodeOfKind } from '../../model/design';
import { API_INTEGRATION_TIMEOUT_MS, apiGatewayProps } from '../../model/kinds';
import { rangeOf } from '../../model/limits';
import { defineRule, type RuleFinding } from '../types';
import { functionTriggers, num } from './support';

const A_TYPE = { http: 'an HTTP API', rest: 'an edge-optimized REST API', websocket: 'a WebSocket API' } as const;

/** "29 s", "0.5 s", "50 ms" */
const seconds = (ms: number) => (ms < 1000 ? `${ms} ms` : `${num(ms / 1000)} s`);

/** The integration timeouts an API accepts, and the one in effect (out-of-range values clamped). */
function timeoutOf(api: NodeOfKind<'apiGateway'>) {
  const { apiType, endpointType, integrationTimeoutMs } = api.props;
  const raisable = apiType === 'rest' && endpointType !== 'edge';
  const { min, max } = rangeOf(apiGatewayProps, 'integrationTimeoutMs');
  const ceiling = raisable ? max : API_INTEGRATION_TIMEOUT_MS[apiType].max;
  const effectiveMs = Math.min(Math.max(integrationTimeoutMs ?? API_INTEGRATION_TIMEOUT_MS[apiType].default, min), ceiling);
  const label = raisable ? `a ${endpointType === 'private' ? 'private' : 'Regional'} REST API` : A_TYPE[apiType];
  return { raisable, min, ceiling, effectiveMs, label };
}

export default defineRule({
  id: 'INV-02',
  readsValuesAsWritten: true,
  title: 'API Gateway integration timeout versus function timeout',
  severity: 'warning',
  category: 'invocation',
  docsUrl: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html',
  appliesTo: ['apiGateway', 'trigger', 'lambda'],
  why: 'API Gateway waits for a Lambda integration only up to its integration timeout (HTTP APIs 50 ms to 30 s, default 30 s; REST and WebSocket APIs 50 ms to 29 s). Since June 2024 a Regional or private REST API can be raised above 29 s, which may lower the account\'s throttle quota. A function allowed to run longer is cut off for the client with a 504 while it keeps running, and billing, in the background.',
  check(ctx) {
    const findings: RuleFinding[] = ctx.index.ofKind('apiGateway').flatMap((api) => {
      const ms = api.props.integrationTimeoutMs;
      const { min, ceiling, label, raisable } = timeoutOf(api);
      if (ms === null || (ms >= min && ms <= ceiling)) return [];
      return [{
        target: api,
        severity: 'error' as const,
        message: `"${api.name}" sets an integration timeout of ${num(ms)} ms; ${label} accepts ${num(min)} to ${num(ceiling)} ms, so the deployment fails.`,
        fix: `Set the integration timeout of "${api.name}" between ${num(min)} and ${num(ceiling)} ms${api.props.apiType === 'rest' && !raisable ? ', or make it a Regional REST API to raise it above 29 s' : ''}.`,
      }];
    });
    for (const { source: api, fn } of functionTriggers(ctx, ['apiGateway'])) {
      const { effectiveMs, raisable, label } = timeoutOf(api);
      if (fn.props.timeoutSeconds * 1000 <= effectiveMs) continue;
      findings.push({
        target: fn,
        message: `"${fn.name}" may run for ${num(fn.props.timeoutSeconds)} s, but "${api.name}" (${label}) stops waiting after ${seconds(effectiveMs)}: the client gets a 504 while "${fn.name}" keeps running.`,
        fix: `Lower the timeout of "${fn.name}" to ${Math.max(1, Math.floor(effectiveMs / 1000))} s or less${raisable ? `, or raise the integration timeout of "${api.name}" (a Regional or private REST API can go above 29 s after a quota increase)` : ''}; for longer work, answer at once and hand the job to a queue or a state machine.`,
      });
    }
    return findings;
  },
});
