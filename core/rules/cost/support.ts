import { own } from '../../model/own';
import { formatNumber } from '../../format';
import type { NodeUsage } from '../../model/design';
import type { RuleContext } from '../types';

/** A node's usage in the design's active profile, and the profile's name for messages. */
export function activeUsage(ctx: RuleContext, nodeId: string): { profile: string; usage: NodeUsage | undefined } | undefined {
  const { active, profiles } = ctx.design.usage;
  const profile = own(profiles, active);
  return profile && active !== null ? { profile: active, usage: own(profile.nodes, nodeId) } : undefined;
}

/** Invocations a month of a function in the active profile: its own `requestsPerMonth`, else the sum
 *  over its direct sources (trigger and invoke edges). Undefined when a number is missing. */
export function monthlyInvocations(ctx: RuleContext, functionId: string): { profile: string; requests: number } | undefined {
  const own = activeUsage(ctx, functionId);
  if (!own) return undefined;
  if (own.usage?.requestsPerMonth !== undefined) return { profile: own.profile, requests: own.usage.requestsPerMonth };
  const sources = ctx.index.incoming(functionId).filter((e) => e.kind === 'trigger' || e.kind === 'invoke');
  let requests = 0;
  for (const edge of sources) {
    const n = activeUsage(ctx, edge.from)?.usage?.requestsPerMonth;
    if (n === undefined) return undefined;
    requests += n;
  }
  return sources.length ? { profile: own.profile, requests } : undefined;
}

/** "1,200" */
export const num = (n: number): string => formatNumber(Math.round(n));
