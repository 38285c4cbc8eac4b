import { z } from 'zod';
import { description } from '../fields';

/** A Cognito user pool, used as an API authorizer (apiGateway.authorizerRef). */
export const cognitoUserPoolProps = z.looseObject({
  description: description(),
  mfa: z.enum(['OFF', 'OPTIONAL', 'ON']).default('OFF'),
});

export type CognitoUserPoolProps = z.output<typeof cognitoUserPoolProps>;
export const cognitoUserPoolKind = { kind: 'cognitoUserPool', label: 'Cognito user pool', category: 'security', props: cognitoUserPoolProps } as const;
