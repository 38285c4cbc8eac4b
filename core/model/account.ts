import { z } from 'zod';
import { intIn } from './fields';

/** An AWS account ID: twelve digits (https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-identifiers.html). */
export const ACCOUNT_ID_PATTERN = /^\d{12}$/;
export const accountId = () => z.string().regex(ACCOUNT_ID_PATTERN, { message: 'expected a 12-digit AWS account ID such as 123456789012' });

/** Lambda's concurrent executions per Region in an account with the default quota ("1,000; can be
 *  increased up to tens of thousands"; new accounts get less):
 *  https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html */
export const DEFAULT_CONCURRENCY_LIMIT = 1000;

/** The AWS account the design is deployed to (`design.account`, optional: absent means the
 *  defaults below). Shared by every alternative of the design: alternatives differ in resources,
 *  not in the account they go to.
 *  - `id`: the account's ID; a node whose `account` differs from it is in another account (CFG-12).
 *  - `concurrencyLimit`: the account's Lambda concurrent-executions quota in the design's Region
 *    (Service Quotas shows it). The upper bound is the largest reserved concurrency a function
 *    takes here (100,000, kinds/lambda.ts): AWS raises the quota to "tens of thousands".
 *  - `otherReservedConcurrency`: reserved (and provisioned, on functions without reserved
 *    concurrency) concurrency already held by functions in the same account and Region that are
 *    not in this design. CONC-01 adds it to the design's own reservations.
 *  Source: https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html */
export const accountSchema = z.looseObject({
  id: accountId().nullable().default(null),
  concurrencyLimit: intIn(1, 100000).default(DEFAULT_CONCURRENCY_LIMIT),
  otherReservedConcurrency: intIn(0, 100000).default(0),
});

export type AccountSettings = z.output<typeof accountSchema>;

/** The account settings of a design with every default applied (a design without `account`
 *  reads as the default quota, nothing reserved elsewhere, no account ID). */
export const accountOf = (design: { account?: AccountSettings }): AccountSettings =>
  design.account ?? { id: null, concurrencyLimit: DEFAULT_CONCURRENCY_LIMIT, otherReservedConcurrency: 0 };

/** An AWS Region code such as us-east-1 (the design's own `region` uses the same pattern). */
export const AWS_REGION_PATTERN = /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$/;

/** Where a resource lives when it is not where the design is: its account and Region. Absent: the
 *  design's account (`design.account.id`) and Region (`design.region`). Carried by the kinds whose
 *  co-location AWS constrains (CFG-12): functions, queues, topics, load balancers. */
export const placementProps = () => ({
  account: accountId().optional(),
  region: z.string().regex(AWS_REGION_PATTERN, { message: 'expected an AWS Region such as eu-west-1' }).optional(),
});

/** The account and Region a node is in: its own, else the design's. An account the design does not
 *  name reads as "the design's account", so a node stating one differs from nodes that do not. */
export function placementOf(design: { region: string; account?: AccountSettings }, node: { props: object }): { account: string; region: string } {
  const p = node.props as { account?: unknown; region?: unknown };
  const own = typeof p.account === 'string' ? p.account : undefined;
  return {
    account: own ?? design.account?.id ?? "the design's account",
    region: typeof p.region === 'string' ? p.region : design.region,
  };
}
