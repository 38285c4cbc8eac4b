import { z } from 'zod';
import { description, intIn, nodeRef } from '../fields';

/** AWS's integration timeout limits per API type, in ms (rules-catalog INV-02):
 *  https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html */
export const API_INTEGRATION_TIMEOUT_MS = {
  http: { min: 50, max: 30000, default: 30000 },
  rest: { min: 50, max: 29000, default: 29000 },
  websocket: { min: 50, max: 29000, default: 29000 },
} as const;

export const apiGatewayProps = z.looseObject({
  description: description(),
  apiType: z.enum(['http', 'rest', 'websocket']).default('http'),
  endpointType: z.enum(['regional', 'edge', 'private']).default('regional'),
  /** null: AWS's default for the API type. REST regional/private may be raised above 29 s (quota request). */
  integrationTimeoutMs: intIn(50, 900000).nullable().default(null),
  authorizer: z.enum(['none', 'iam', 'cognito', 'lambda']).default('none'),
  /** The Cognito user pool or authorizer function node, when `authorizer` needs one. */
  authorizerRef: nodeRef().nullable().default(null),
  cacheSizeGb: z.enum(['0.5', '1.6', '6.1', '13.5', '28.4', '58.2', '118', '237']).nullable().default(null),
  stage: z.string().min(1).default('prod'),
}).superRefine((p, ctx) => {
  const limit = API_INTEGRATION_TIMEOUT_MS[p.apiType];
  const raisable = p.apiType === 'rest' && p.endpointType !== 'edge';
  if (p.integrationTimeoutMs !== null && !raisable && p.integrationTimeoutMs > limit.max) {
    ctx.addIssue({ code: 'too_big', origin: 'number', maximum: limit.max, inclusive: true, input: p.integrationTimeoutMs, path: ['integrationTimeoutMs'],
      message: `${p.apiType === 'http' ? 'HTTP' : p.apiType === 'rest' ? 'edge-optimized REST' : 'WebSocket'} APIs allow an integration timeout of at most ${limit.max} ms` });
  }
});

export type ApiGatewayProps = z.output<typeof apiGatewayProps>;
export const apiGatewayKind = { kind: 'apiGateway', label: 'API Gateway', category: 'source', props: apiGatewayProps } as const;
