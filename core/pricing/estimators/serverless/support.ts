import { formatNumber } from '../../../format';
import type { DesignEdge, DesignNode } from '../../../model/design';
import { USAGE_FIELDS } from '../../../model/usageFields';
import { dec, type Dec, sum, ZERO } from '../../money';
import type { CostComponent, EstimateContext, Unpriced } from '../../types';

export type Line = CostComponent | Unpriced;

/** 1 GB = 1024 × 1024 KB: pricing.md convention 2 (the API Gateway page: "3 KB × 5 million = 14.3 GB"). */
export const KB_PER_GB = 1024 * 1024;
export const SECONDS_PER_HOUR = 3600;

/** Access modes that read from the target and so send it nothing. */
const READ_ONLY_MODES: readonly string[] = ['read', 'connect'];
const READ_MODES: readonly string[] = ['read', 'readWrite'];

/** "1,234,567" / "0.25": numbers in the words of a `volumeFrom`. */
export const fmt = (n: number | Dec): string => {
  const v = typeof n === 'number' ? n : n.toNumber();
  return formatNumber(Number.isInteger(v) ? v : Number(v.toPrecision(6)));
};

/** Billing increments of a payload: ceil(kb / chunkKb), at least 1 (no payload entered = one unit);
 *  `chunkKb` null: one unit whatever the size. */
export function chunksOf(kb: number | undefined, chunkKb: number | null): number {
  return chunkKb !== null && kb && kb > 0 ? Math.ceil(kb / chunkKb) : 1;
}

export const kbToGb = (kb: Dec): Dec => kb.div(KB_PER_GB);

/** The active profile's payload on an edge (edge usage `avgPayloadKb`). */
export function edgePayloadKb(ctx: EstimateContext, edgeId: string): number | undefined {
  const profile = ctx.traffic.profile;
  return profile ? ctx.design.usage.profiles[profile]?.edges[edgeId]?.avgPayloadKb : undefined;
}

/** One stream of volume arriving at a node: entered there, or carried by one incoming edge. */
export interface Inflow {
  events: Dec;
  /** Payload per event: the edge's usage, else the node's own `avgPayloadKb`, else the sending
   *  service's. */
  kb: number | undefined;
  from: string;
  edge?: DesignEdge;
  source?: DesignNode;
}

/** What arrives at a node: the volume entered at it plus each incoming edge's propagated volume
 *  (access edges that only read from the node carry nothing into it). */
export function inflows(ctx: EstimateContext, node: DesignNode): Inflow[] {
  const usage = ctx.usage(node.id);
  const list: Inflow[] = [];
  if (usage.requestsPerMonth) list.push({ events: dec(usage.requestsPerMonth), kb: usage.avgPayloadKb, from: `${fmt(usage.requestsPerMonth)} a month entered at "${node.name}"` });
  for (const edge of ctx.index.incoming(node.id)) {
    if (edge.kind === 'access' && READ_ONLY_MODES.includes(edge.props.mode)) continue;
    const t = ctx.traffic.edges[edge.id];
    if (!t || t.events <= 0) continue;
    const source = ctx.index.node(edge.from);
    // A service passing its messages on (SNS → SQS, a redrive, S3 → EventBridge) carries its own
    // payload; a function's payload is what it was invoked with, not what it writes.
    const passedOn = edge.kind !== 'access' && source && source.kind !== 'lambda' ? ctx.usage(source.id).avgPayloadKb : undefined;
    list.push({ events: dec(t.events), kb: edgePayloadKb(ctx, edge.id) ?? usage.avgPayloadKb ?? passedOn, from: `${fmt(t.events)} by ${edge.kind} edge from "${source?.name ?? edge.from}" (${t.from})`, edge, source });
  }
  return list;
}

/** What functions read from a node: its incoming access edges in read or readWrite mode, each read's
 *  size being the edge's `avgPayloadKb` (else the node's). */
export function readInflows(ctx: EstimateContext, node: DesignNode): Inflow[] {
  return ctx.index.incoming(node.id, 'access').flatMap((edge) => {
    const t = ctx.traffic.edges[edge.id];
    if (edge.kind !== 'access' || !READ_MODES.includes(edge.props.mode) || !t || t.events <= 0) return [];
    const source = ctx.index.node(edge.from);
    return [{ events: dec(t.events), kb: edgePayloadKb(ctx, edge.id) ?? ctx.usage(node.id).avgPayloadKb, from: `${fmt(t.events)} reads by "${source?.name ?? edge.from}" (${t.from})`, edge, source }];
  });
}

/** Billed units of some inflows metered in `chunkKb` increments (null: one unit per event), and the
 *  words saying how. */
export function chunkedUnits(flows: readonly Inflow[], chunkKb: number | null, emptyFrom: string): { quantity: Dec; from: string } {
  if (!flows.length) return { quantity: ZERO, from: emptyFrom };
  const parts = flows.map((f) => {
    const n = chunksOf(f.kb, chunkKb);
    return { quantity: f.events.times(n), from: n > 1 ? `${f.from} × ${n} (${f.kb} KB in ${chunkKb} KB increments)` : f.from };
  });
  return { quantity: sum(parts.map((p) => p.quantity)), from: parts.map((p) => p.from).join(' + ') };
}

export const totalEvents = (flows: readonly Inflow[]): Dec => sum(flows.map((f) => f.events));

/** Total GB of some inflows' payloads (events × KB, 1 GB = 1024² KB); unknown payloads count 0. */
export const payloadGb = (flows: readonly Inflow[], roundUpToKb = false): Dec =>
  kbToGb(sum(flows.map((f) => f.events.times(roundUpToKb ? Math.max(1, Math.ceil(f.kb ?? 0)) : f.kb ?? 0))));

/** The average payload of some inflows, weighted by events; undefined when none has a payload. */
export function averageKb(flows: readonly Inflow[]): number | undefined {
  const known = flows.filter((f) => f.kb !== undefined);
  const events = totalEvents(known);
  return events.isZero() ? undefined : sum(known.map((f) => f.events.times(f.kb ?? 0))).div(events).toNumber();
}

export const noTraffic = (node: DesignNode): string => `no traffic reaches "${node.name}" in the active profile`;

/** A billed component that cannot be priced, with the reason (never a silent $0). */
export const unpriced = (node: DesignNode, component: string, reason: string): Unpriced => ({ node: node.id, nodeName: node.name, component, reason });

/** A line for a price that the catalog may lack for a reason worth more than "no price for key". */
export function lineOr(ctx: EstimateContext, node: DesignNode, component: string, key: string, quantity: Dec, volumeFrom: string, whyMissing: string): Line {
  return ctx.price(key) ? ctx.line(node, component, key, quantity, volumeFrom) : unpriced(node, component, whyMissing);
}

/** Data transfer out to the internet entered at a node (`dataOutGbPerMonth`), at the EC2 rates that
 *  API Gateway and Lambda also pay (pricing.md §14); tiers count across the whole design. */
export function dataOutLine(ctx: EstimateContext, node: DesignNode): Line[] {
  const gb = ctx.usage(node.id).dataOutGbPerMonth;
  if (!gb) return [];
  return [ctx.line(node, 'Data transfer out to the internet', 'dataTransfer.internetOut', dec(gb), `${fmt(gb)} GB a month entered at "${node.name}"`)];
}

/** Cross-AZ transfer is charged "in each direction" (pricing.md P121; the EC2 on-demand pricing page,
 *  "Data Transfer within the same AWS Region"): a GB sent from one AZ to another is billed once out of
 *  the first and once into the second. */
export const CROSS_AZ_DIRECTIONS = 2;

const appliesTo = (key: string, kind: string): boolean => USAGE_FIELDS.some((f) => f.key === key && f.kinds.includes(kind));

/** The transfer lines every estimator adds for its node, each only where core/model/usageFields.ts
 *  lists the node's kind for the field (what the usage editor offers):
 *  - data out to the internet (`dataOutGbPerMonth`, tiered EC2 rates, dataOutLine);
 *  - cross-AZ transfer (`crossAzGbPerMonth`): the GB entered × 2, since each GB is billed out of one
 *    AZ and into the other — enter a transfer at one end only, or it is counted twice;
 *  - inter-Region transfer out (`interRegionGbPerMonth`): billed once, by the sending Region, at its
 *    "to other Regions" price (a few neighbouring pairs, such as us-east-1 → us-east-2, are cheaper
 *    and are not told apart here). */
export function transferLines(ctx: EstimateContext, node: DesignNode): Line[] {
  const usage = ctx.usage(node.id);
  const lines: Line[] = appliesTo('dataOutGbPerMonth', node.kind) ? dataOutLine(ctx, node) : [];
  const crossAz = usage.crossAzGbPerMonth;
  if (crossAz && appliesTo('crossAzGbPerMonth', node.kind)) {
    lines.push(ctx.line(node, 'Cross-AZ data transfer', 'dataTransfer.crossAz', dec(crossAz).times(CROSS_AZ_DIRECTIONS),
      `${fmt(crossAz)} GB a month entered at "${node.name}" × ${CROSS_AZ_DIRECTIONS}: billed out of one AZ and into the other (entered at one end of the transfer only)`));
  }
  const interRegion = usage.interRegionGbPerMonth;
  if (interRegion && appliesTo('interRegionGbPerMonth', node.kind)) {
    lines.push(ctx.line(node, 'Inter-Region data transfer out', 'dataTransfer.interRegion', dec(interRegion),
      `${fmt(interRegion)} GB a month entered at "${node.name}", sent from ${ctx.region} to other Regions (billed by the sending Region)`));
  }
  return lines;
}
