import { z } from 'zod';

/** An id of another node in the same design. Checked for existence by `checkReferences`. */
export const nodeRef = () => z.string().min(1);

/** An id of an edge in the same design (e.g. the subscription a DLQ belongs to). */
export const edgeRef = () => z.string().min(1);

/** Whole number in AWS's inclusive range. Range violations load as problems, not parse failures. */
export const intIn = (min: number, max: number) => z.number().int().min(min).max(max);

const IPV4_CIDR = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}\/(3[0-2]|[12]?\d)$/;
export const cidr = () => z.string().regex(IPV4_CIDR, { message: 'expected an IPv4 CIDR block such as 10.0.0.0/16' });

export const nodeRefs = () => z.array(nodeRef()).default([]);

/** Free text the user may attach to any node. */
export const description = () => z.string().default('');
