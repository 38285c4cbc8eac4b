import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { generateDesign } from '../../../bench/generate';
import { analyze } from '../../../core/analyze';
import type { Command, History } from '../../../core/commands';
import { NODE_KIND_IDS, parseDesign, type Design } from '../../../core/model';

// The random edits of the incremental property test: each step picks a real editor command, its ids
// and values in the design as it is at that step.

/** One step: which command, and numbers that pick its ids and values in the design as it is then. */
export const step = fc.record({
  op: fc.integer({ min: 0, max: 17 }),
  a: fc.nat(),
  b: fc.nat(),
  v: fc.nat({ max: 1000 }),
});
export type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

const EDGE_KINDS = ['trigger', 'invoke', 'destination', 'deadLetter', 'access'] as const;
const pick = <T>(list: readonly T[], n: number): T | undefined => (list.length ? list[n % list.length] : undefined);

/** The command a step stands for in `design` (undefined: undo/redo, or nothing to pick). */
export function commandOf(design: Design, s: Step): Command | 'undo' | 'redo' | undefined {
  const node = pick(design.nodes, s.a);
  const other = pick(design.nodes, s.b);
  const edge = pick(design.edges, s.a);
  const ofKind = (kind: string) => design.nodes.filter((n) => n.kind === kind);
  switch (s.op) {
    case 0: return { type: 'addNode', kind: pick(NODE_KIND_IDS, s.v)!, position: { x: s.a % 900, y: s.b % 900 } };
    case 1: return node && { type: 'removeNodes', ids: [node.id] };
    case 2: return node && other && { type: 'connect', from: node.id, to: other.id, kind: pick(EDGE_KINDS, s.v)! };
    case 3: return edge && { type: 'removeEdges', ids: [edge.id] };
    case 4: {
      const fn = pick(ofKind('lambda'), s.a);
      const path = pick([['timeoutSeconds'], ['memoryMb'], ['reservedConcurrency'], ['asyncConfig', 'maximumRetryAttempts']], s.b)!;
      const value = path[0] === 'reservedConcurrency' ? (s.v % 3 === 0 ? null : s.v * 40) : path[0] === 'asyncConfig' ? s.v % 3 : path[0] === 'memoryMb' ? 128 + s.v * 10 : 1 + s.v;
      return fn && { type: 'setProp', nodeId: fn.id, path, value };
    }
    case 5: {
      const q = pick(ofKind('sqsQueue'), s.a);
      return q && { type: 'setProp', nodeId: q.id, path: pick([['visibilityTimeoutSeconds'], ['fifo']], s.b)!, value: s.b % 2 ? s.v * 3 : s.v % 2 === 0 };
    }
    case 6: return edge && { type: 'setEdgeProp', edgeId: edge.id, path: pick([['batchSize'], ['maxReceiveCount'], ['maximumRetryAttempts']], s.b)!, value: 1 + (s.v % 20) };
    case 7: return node && { type: 'rename', nodeId: node.id, name: pick(['Orders', 'Orders', 'Q "x"', 'fn\u0007', 'Z'], s.v)! };
    case 8: {
      const container = pick([...ofKind('vpc'), ...ofKind('subnet'), ...ofKind('eventBus')], s.b);
      return node && { type: 'setParent', nodeId: node.id, parent: s.v % 4 === 0 ? null : container?.id ?? null };
    }
    case 9: {
      const fn = pick([...ofKind('lambda'), ...ofKind('rds'), ...ofKind('elasticache')], s.a);
      const subnet = pick(ofKind('subnet'), s.b);
      return fn && subnet && { type: 'attachToSubnets', nodeId: fn.id, subnets: [subnet.id], mode: s.v % 2 ? 'add' : 'replace' };
    }
    case 10: {
      const fn = pick(ofKind('lambda'), s.a);
      return fn && { type: 'detachFromNetwork', nodeId: fn.id };
    }
    case 11: {
      const target = s.v % 5 === 0 ? '*' : (s.v % 2 ? node?.id : edge?.id);
      const findings = analyze(design).findings.filter((f) => f.target.id === target);
      const f = pick(findings, s.b);
      return f && { type: 'suppress', ruleId: f.ruleId, target: f.target.id, reason: 'accepted in review' };
    }
    case 12: {
      const sup = pick(design.suppressions, s.a);
      return sup && { type: 'unsuppress', ruleId: sup.ruleId, target: sup.target };
    }
    case 13: return node && { type: 'setNodeUsage', nodeId: node.id, field: pick(['requestsPerMonth', 'avgDurationMs', 'avgPayloadKb', 'errorRate'] as const, s.b)!, value: s.b % 4 === 3 ? (s.v % 100) / 100 : s.v * 1000 };
    case 14: return edge && { type: 'setEdgeUsage', edgeId: edge.id, field: 'perInvocation', value: s.v % 7 };
    case 15: {
      const sg = pick(ofKind('securityGroup'), s.a);
      const peer = pick(ofKind('securityGroup'), s.b);
      return sg && { type: 'setProp', nodeId: sg.id, path: ['ingress'], value: [{ protocol: 'tcp', fromPort: 5432, toPort: 5432, cidr: null, securityGroup: peer?.id ?? null, prefixList: null, description: '' }] };
    }
    case 16: return s.v % 3 === 0 ? { type: 'setDesign', region: pick(['us-east-1', 'eu-west-1', 'ap-southeast-2'], s.b)! } : s.v % 3 === 1 ? { type: 'setActiveUsageProfile', name: pick(Object.keys(design.usage.profiles), s.b) ?? 'expected' } : 'undo';
    default: return s.v % 2 ? 'undo' : 'redo';
  }
}


/** Applies one step to the history (an editor command, undo or redo, or nothing to pick). */
export function applyStep(history: History, s: Step): void {
  const c = commandOf(history.design, s);
  if (c === 'undo') history.undo();
  else if (c === 'redo') history.redo();
  else if (c) history.apply(c);
}

function load(text: string): Design {
  const parsed = parseDesign(text);
  if (!parsed.ok) throw new Error('a start design does not load');
  return parsed.design;
}

/** Start designs of the property tests: every template (one part each, mostly) and a generated
 *  design of ~80 nodes in many parts, with a VPC, queues, DLQs and fan-outs (bench/generate.ts). */
export function startDesigns(): [string, Design][] {
  const templatesDir = join(__dirname, '../../../templates');
  return [
    ...readdirSync(templatesDir).filter((f) => f.endsWith('.design.json')).map((f): [string, Design] => [f, load(readFileSync(join(templatesDir, f), 'utf8'))]),
    ['generated 80 nodes', load(JSON.stringify(generateDesign(80, 8)))],
  ];
}
