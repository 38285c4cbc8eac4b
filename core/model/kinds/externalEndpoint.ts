import { z } from 'zod';
import { description, intIn } from '../fields';

/** An HTTPS endpoint on the public internet (a partner API, a SaaS webhook). */
export const externalEndpointProps = z.looseObject({
  description: description(),
  url: z.url({ protocol: /^https?$/ }).default('https://api.example.com'),
  port: intIn(1, 65535).default(443),
});

export type ExternalEndpointProps = z.output<typeof externalEndpointProps>;
export const externalEndpointKind = { kind: 'externalEndpoint', label: 'External HTTPS endpoint', category: 'external', props: externalEndpointProps } as const;
