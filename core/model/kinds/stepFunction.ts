import { z } from 'zod';
import { description, intIn } from '../fields';

export const stepFunctionProps = z.looseObject({
  description: description(),
  workflowType: z.enum(['standard', 'express']).default('standard'),
  /** State transitions per execution, for cost (standard workflows bill per transition). */
  /** At most 25,000 events in an execution's history: https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html */
  transitionsPerExecution: intIn(1, 25000).default(5),
});

export type StepFunctionProps = z.output<typeof stepFunctionProps>;
export const stepFunctionKind = { kind: 'stepFunction', label: 'Step Functions state machine', category: 'compute', props: stepFunctionProps } as const;
