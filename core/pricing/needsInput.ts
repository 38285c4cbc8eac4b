import { own } from '../model/own';
import type { DesignIndex } from '../graph';
import type { DesignNode, NodeUsage } from '../model/design';
import { USAGE_FIELDS, usageFieldsFor } from '../model/usageFields';
import type { Traffic } from '../semantics';
import type { PriceCatalog } from './catalog';
import type { CostComponent, NeedsInput, Unpriced } from './types';

/** Charges billed whatever the traffic (hours of a resource, provisioned capacity): a zero there is
 *  never "needs input". */
const FIXED_KEY = /(^|\.)(hours|shardHours|streamHours|consumerShardHours|vcpuHours)$|^lambda\.provisionedConcurrency\.|^apigateway\.rest\.cache\.|^vpc\.gatewayEndpoint$|^elasticache\.node\./;
/** Charges that scale with a duration entered at the node itself. */
const DURATION_KEY = /^lambda\.(duration|provisionedDuration)\.|^lambda\.ephemeralStorage$|^stepfunctions\.express\.duration$/;
/** Charges for data held, entered as `storageGb` where the kind takes it. */
const STORAGE_KEY = /\.storage(\.|$)|storageGbMonth$/;
/** Usage fields that give a volume directly (replacing the derived one), by catalog key. */
const DIRECT_FIELD: Record<string, keyof NodeUsage> = {
  'dynamodb.onDemand.readRequestUnits': 'readRequestUnitsPerMonth',
  'dynamodb.onDemand.writeRequestUnits': 'writeRequestUnitsPerMonth',
  'dynamodb.streams.readRequestUnits': 'streamReadRequestsPerMonth',
  's3.requests.tier1': 'putRequestsPerMonth',
  's3.requests.tier2': 'getRequestsPerMonth',
  'vpc.natGateway.dataProcessed': 'gbProcessedPerMonth',
  'vpc.interfaceEndpoint.dataProcessed': 'gbProcessedPerMonth',
  'logs.ingestion': 'ingestedGbPerMonth',
  'logs.ingestion.infrequentAccess': 'ingestedGbPerMonth',
  'logs.lambdaVendedIngestion': 'ingestedGbPerMonth',
  'logs.insights.scannedGb': 'insightsGbScannedPerMonth',
  'apigateway.websocket.connectionMinutes': 'connectionMinutesPerMonth',
  'dataTransfer.internetOut': 'dataOutGbPerMonth',
  'dataTransfer.crossAz': 'crossAzGbPerMonth',
  'dataTransfer.interRegion': 'interRegionGbPerMonth',
};
/** Edges along which a volume reaches a node (access edges in any mode: a function's reads follow
 *  its own invocations). */
const FLOW_EDGES: readonly string[] = ['trigger', 'invoke', 'destination', 'deadLetter', 'access'];

type EnterAt = NeedsInput['enterAt'][number];

/** "requests/month", "average duration (ms)": a usage field in the words of a hint. */
function fieldWords(field: string): string {
  if (field === 'requestsPerMonth') return 'requests/month';
  const f = USAGE_FIELDS.find((x) => x.key === field);
  if (!f) return field;
  const label = /^[A-Z][a-z]/.test(f.label) ? f.label[0].toLowerCase() + f.label.slice(1) : f.label;
  return f.input.type === 'number' ? `${label} (${f.input.unit})` : label;
}

const takes = (node: DesignNode, field: string) => usageFieldsFor(node.kind).some((f) => f.key === field);

/** The distinct nodes one step upstream of `n`: along the edges volumes travel on, and a rule's bus. */
function upstreamOf(index: DesignIndex, n: DesignNode): DesignNode[] {
  const ups = index.incoming(n.id).filter((e) => FLOW_EDGES.includes(e.kind)).map((e) => index.node(e.from));
  if (n.kind === 'eventRule' && n.parent) ups.push(index.node(n.parent));
  return [...new Set(ups.filter((u): u is DesignNode => !!u))];
}

/** The sources of one node: the upstream nodes with no incoming flow, in breadth-first order, and the
 *  first node in that order (itself first) that takes a request volume. */
interface Sources { roots: DesignNode[]; first: DesignNode | undefined }

function breadthFirstSources(index: DesignIndex, node: DesignNode): Sources {
  const seen = new Set<string>([node.id]);
  const queue: DesignNode[] = [node];
  const roots: DesignNode[] = [];
  for (let i = 0; i < queue.length; i++) {
    const n = queue[i];
    const found = upstreamOf(index, n);
    if (!found.length) roots.push(n);
    for (const u of found) if (!seen.has(u.id)) { seen.add(u.id); queue.push(u); }
  }
  return { roots, first: queue.find((n) => takes(n, 'requestsPerMonth')) };
}

const sourcesCache = new WeakMap<DesignIndex, Map<string, Sources>>();

/** The nodes upstream of `node` with no incoming flow (itself when it has none), along the edges
 *  volumes travel on and from a bus to its rules. A node whose only upstream node is `u` has the
 *  sources of `u` (the search from it visits itself, then what the search from `u` visits), so a
 *  chain or a loop of 10,000 nodes is searched once, not once per node (issue 13). */
function sourcesOf(index: DesignIndex, node: DesignNode): DesignNode[] {
  let memo = sourcesCache.get(index);
  if (!memo) sourcesCache.set(index, (memo = new Map()));
  const chain: DesignNode[] = [];
  const onChain = new Map<string, number>();
  let n = node;
  let loopAt = -1;
  while (!memo.has(n.id)) {
    const ups = upstreamOf(index, n);
    if (ups.length !== 1) { memo.set(n.id, breadthFirstSources(index, n)); break; }
    onChain.set(n.id, chain.length);
    chain.push(n);
    const up = ups[0];
    if (onChain.has(up.id)) { loopAt = onChain.get(up.id)!; break; }
    n = up;
  }
  if (loopAt >= 0) {
    // A loop with no way in (each node's only upstream node is the next): no roots; the first node
    // that takes a volume is the nearest one upstream, itself included.
    const loop = chain.slice(loopAt);
    let first: DesignNode | undefined;
    for (let i = 2 * loop.length - 1; i >= 0; i--) {
      const m = loop[i % loop.length];
      if (takes(m, 'requestsPerMonth')) first = m;
      if (i < loop.length) memo.set(m.id, { roots: [], first });
    }
    chain.length = loopAt;
  }
  for (let i = chain.length - 1; i >= 0; i--) {
    const up = memo.get(upstreamOf(index, chain[i])[0].id)!;
    memo.set(chain[i].id, { roots: up.roots, first: takes(chain[i], 'requestsPerMonth') ? chain[i] : up.first });
  }
  const s = memo.get(node.id)!;
  // A loop with no way in: any node on it can take the volume.
  return s.roots.length ? s.roots : s.first ? [s.first] : [];
}

export const hasTraffic = (traffic: Traffic, id: string): boolean => (own(traffic.nodes, id)?.events ?? 0) > 0 || (own(traffic.nodes, id)?.invocations ?? 0) > 0;

/** Why `line` (quantity 0) has no volume and where a value would give it one; undefined when the
 *  zero is itself an input (a value entered as 0, or sources whose volume simply does not reach it). */
function needsInputFor(line: CostComponent, node: DesignNode, usage: NodeUsage, index: DesignIndex, traffic: Traffic, anyTraffic: () => boolean): NeedsInput | undefined {
  const reasons: string[] = [];
  const enterAt: EnterAt[] = [];
  const at = (n: DesignNode, field: string) => enterAt.push({ node: n.id, nodeName: n.name, field });
  /** The sources upstream: 'entered' when every one has a volume (so the zero here follows from the
   *  design), 'missing' (those without are added to enterAt), 'none' when no source can take one. */
  const upstream = (): 'entered' | 'missing' | 'none' => {
    const roots = sourcesOf(index, node).filter((r) => takes(r, 'requestsPerMonth'));
    if (!roots.length) return 'none';
    const empty = roots.filter((r) => !hasTraffic(traffic, r.id));
    for (const r of empty) at(r, 'requestsPerMonth');
    return empty.length ? 'missing' : 'entered';
  };
  const key = line.priceKey;
  // Inputs that are all needed ("and"), or alternatives ("or": a volume upstream, or one entered here).
  let joiner = ', or ';
  if (DURATION_KEY.test(key)) {
    joiner = ', and ';
    const sources = hasTraffic(traffic, node.id) ? 'entered' : upstream();
    if (sources !== 'entered') reasons.push(sources === 'missing' ? 'no traffic entered' : 'no traffic reaches it');
    if (takes(node, 'avgDurationMs') && usage.avgDurationMs === undefined) { at(node, 'avgDurationMs'); reasons.push('no duration entered'); }
  } else if (STORAGE_KEY.test(key) && takes(node, 'storageGb')) {
    if (usage.storageGb !== undefined) return undefined;
    at(node, 'storageGb');
    reasons.push('no storage entered');
  } else {
    const direct = DIRECT_FIELD[key];
    const takesDirect = direct !== undefined && takes(node, direct);
    if (takesDirect && usage[direct] !== undefined) return undefined;
    const sources = upstream();
    // Entered upstream, or no source leads here while the design has traffic elsewhere (a NAT
    // gateway nothing is routed through): the zero follows from the design, it is not missing.
    if (sources === 'entered' || (sources === 'none' && anyTraffic())) return undefined;
    if (takesDirect) at(node, direct);
    reasons.push(sources === 'missing' ? 'no traffic entered' : takesDirect ? `no ${fieldWords(direct).replace(/ \(.*\)$/, '')} entered` : 'no traffic reaches it');
  }
  if (!reasons.length) return undefined;
  const byField = new Map<string, string[]>();
  for (const e of enterAt) (byField.get(e.field) ?? byField.set(e.field, []).get(e.field)!).push(`"${e.nodeName}"`);
  const where = [...byField].map(([field, names]) => `${fieldWords(field)} at ${names.join(' or ')}`).join(joiner);
  const why = reasons.join(' and ').replace('no traffic entered and no duration entered', 'no traffic or duration entered');
  const hint = enterAt.length
    ? `${why} — enter ${where}`
    : `no traffic reaches "${node.name}" — connect it to a source that takes requests/month`;
  return { node: node.id, nodeName: node.name, component: line.component, hint, enterAt };
}

/** An estimator's unpriced line that asks for a usage value of the node ("enter storageGb at
 *  \"Uploads\" in the usage profile…"): a component that needs input, not one without a price. */
const ASKS_FOR = /^enter (\w+) at "/;

/** Unpriced lines asking for a usage value the node takes, as needs-input entries; the rest stay. */
export function splitUnpricedNeedingInput(lines: readonly Unpriced[], index: DesignIndex): { unpriced: Unpriced[]; needsInput: NeedsInput[] } {
  const unpriced: Unpriced[] = [];
  const needsInput: NeedsInput[] = [];
  for (const u of lines) {
    const field = ASKS_FOR.exec(u.reason)?.[1];
    const node = index.node(u.node);
    if (field && node && takes(node, field)) {
      const words = fieldWords(field);
      const what = field === 'requestsPerMonth' ? 'traffic' : words.replace(/ \(.*\)$/, '');
      // The estimator's why, when it gives one after a colon ("…: firings of cron(…) are not derived").
      const why = /^enter \w+ at "(?:[^"\\]|\\.)*": (.+)$/.exec(u.reason)?.[1];
      needsInput.push({
        node: u.node, nodeName: u.nodeName, component: u.component,
        hint: `no ${what} entered — enter ${words} at "${u.nodeName}"${why ? ` (${why})` : ''}`, enterAt: [{ node: u.node, nodeName: u.nodeName, field }],
      });
    } else {
      unpriced.push(u);
    }
  }
  return { unpriced, needsInput };
}

/** Splits priced lines into those shown as components and those that need input: a line whose
 *  quantity is 0 at a non-zero price because a usage value is missing. Zero-price lines (SNS → SQS
 *  deliveries) and fixed monthly charges stay components. */
export function splitNeedsInput(
  lines: readonly CostComponent[], catalog: PriceCatalog, index: DesignIndex, traffic: Traffic, usage: (id: string) => NodeUsage, anyTrafficInDesign: boolean,
): { components: CostComponent[]; needsInput: NeedsInput[] } {
  const components: CostComponent[] = [];
  const needsInput: NeedsInput[] = [];
  const anyTraffic = () => anyTrafficInDesign;
  for (const line of lines) {
    const price = catalog.prices[line.priceKey];
    const node = index.node(line.node);
    const free = !price || price.tiers.every((t) => Number(t.usd) === 0);
    const wanted = line.quantity.isZero() && !free && node && !FIXED_KEY.test(line.priceKey)
      ? needsInputFor(line, node, usage(node.id), index, traffic, anyTraffic)
      : undefined;
    if (wanted) needsInput.push(wanted);
    else components.push(line);
  }
  return { components, needsInput };
}
