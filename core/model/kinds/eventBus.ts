import { z } from 'zod';
import { description } from '../fields';

export const eventBusProps = z.looseObject({
  description: description(),
  busType: z.enum(['default', 'custom']).default('custom'),
});

export type EventBusProps = z.output<typeof eventBusProps>;
export const eventBusKind = { kind: 'eventBus', label: 'EventBridge bus', category: 'messaging', props: eventBusProps } as const;
