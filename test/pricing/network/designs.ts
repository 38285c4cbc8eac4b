import { readFileSync } from 'node:fs';
import { parseDesign, type Design } from '../../../core/model';
import { estimateCost, type CostComponent, type CostOptions, type CostReport } from '../../../core/pricing';

type Doc = Record<string, unknown> & { nodes: Record<string, unknown>[]; edges: Record<string, unknown>[] };

export function load(doc: unknown): Design {
  const r = parseDesign(JSON.stringify(doc));
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.design;
}

export const template = (name: string): Design => {
  const r = parseDesign(readFileSync(`templates/${name}.design.json`, 'utf8'));
  if (!r.ok) throw new Error(name);
  return r.design;
};

export const templateDoc = (name: string): Doc => JSON.parse(readFileSync(`templates/${name}.design.json`, 'utf8'));

/** The lines of one node, by component name. */
export function linesOf(report: CostReport, nodeId: string): Record<string, CostComponent> {
  return Object.fromEntries(report.components.filter((c) => c.node === nodeId).map((c) => [c.component, c]));
}

export const cost = (design: Design, options: CostOptions = {}) => estimateCost(design, options);

/** A VPC function behind an HTTP API that calls `target` (an external endpoint unless given) over
 *  one edge, from private subnets routed to NAT gateways. `privateAzs`: the AZ of each private
 *  subnet of the function; `natAz`: the AZ of the one public subnet and its NAT gateway. */
export function vpcFunction(opts: {
  requests: number;
  perInvocation?: number;
  payloadKb?: number;
  privateAzs?: string[];
  natAz?: string;
  extraNodes?: Record<string, unknown>[];
  target?: string;
  region?: string;
} = { requests: 0 }): Doc {
  const privateAzs = opts.privateAzs ?? ['a'];
  const natAz = opts.natAz ?? 'a';
  const edgeUsage: Record<string, number> = {};
  if (opts.perInvocation !== undefined) edgeUsage.perInvocation = opts.perInvocation;
  if (opts.payloadKb !== undefined) edgeUsage.avgPayloadKb = opts.payloadKb;
  return {
    format: 'serverless-design',
    schemaVersion: 1,
    name: 'vpc function',
    region: opts.region ?? 'us-east-1',
    nodes: [
      { id: 'api', kind: 'apiGateway', name: 'API', props: { apiType: 'http' } },
      { id: 'fn', kind: 'lambda', name: 'Worker', props: { memoryMb: 1024, vpc: { subnets: privateAzs.map((az, i) => `sn-priv-${i}-${az}`), securityGroups: ['sg-fn'] } } },
      { id: 'vpc', kind: 'vpc', name: 'VPC', props: { cidr: '10.0.0.0/16', enableDnsSupport: true, enableDnsHostnames: true } },
      { id: 'igw', kind: 'internetGateway', name: 'IGW', parent: 'vpc' },
      { id: 'sn-pub', kind: 'subnet', name: `Public ${natAz}`, parent: 'vpc', props: { az: natAz, cidr: '10.0.0.0/24', routeTable: { defaultRoute: 'igw' } } },
      ...privateAzs.map((az, i) => ({ id: `sn-priv-${i}-${az}`, kind: 'subnet', name: `Private ${i} ${az}`, parent: 'vpc', props: { az, cidr: `10.0.${10 + i}.0/24`, routeTable: { defaultRoute: 'nat' } } })),
      { id: 'nat', kind: 'natGateway', name: 'NAT', parent: 'sn-pub' },
      { id: 'sg-fn', kind: 'securityGroup', name: 'Function SG', parent: 'vpc' },
      { id: 'ext', kind: 'externalEndpoint', name: 'Partner API', props: { url: 'https://partner.example.com' } },
      ...(opts.extraNodes ?? []),
    ],
    edges: [
      { id: 'e-api', kind: 'trigger', from: 'api', to: 'fn', props: {} },
      { id: 'e-call', kind: 'access', from: 'fn', to: opts.target ?? 'ext', props: { mode: 'invoke' } },
    ],
    usage: {
      profiles: { expected: { nodes: { api: { requestsPerMonth: opts.requests }, fn: { avgDurationMs: 100 } }, edges: { 'e-call': edgeUsage } } },
      active: 'expected',
    },
  };
}
