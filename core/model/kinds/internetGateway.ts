import { z } from 'zod';
import { description } from '../fields';

/** An internet gateway; `parent` is the VPC it is attached to. */
export const internetGatewayProps = z.looseObject({ description: description() });

export type InternetGatewayProps = z.output<typeof internetGatewayProps>;
export const internetGatewayKind = { kind: 'internetGateway', label: 'Internet gateway', category: 'network', props: internetGatewayProps } as const;
