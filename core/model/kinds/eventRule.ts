import { z } from 'zod';
import { description } from '../fields';

/** An EventBridge rule (event pattern) or schedule. Its `parent` is the bus it lives on; none = the default bus. */
export const eventRuleProps = z.looseObject({
  description: description(),
  ruleType: z.enum(['pattern', 'schedule']).default('pattern'),
  /** EventBridge Scheduler instead of a scheduled rule. */
  scheduler: z.boolean().default(false),
  scheduleExpression: z.string().default('rate(5 minutes)'),
  eventPattern: z.string().default('{"source":["my.app"]}'),
});

export type EventRuleProps = z.output<typeof eventRuleProps>;
export const eventRuleKind = { kind: 'eventRule', label: 'EventBridge rule / schedule', category: 'source', props: eventRuleProps } as const;
