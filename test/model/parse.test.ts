import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, formatProblem, parseDesign, serializeDesign, type Problem } from '../../core/model';
import { minimalDoc, text } from '../support/designs';

const lines = (problems: Problem[]) => problems.map(formatProblem);

describe('parseDesign', () => {
  it('reads a minimal design and fills in AWS defaults', () => {
    const r = parseDesign(text(minimalDoc()));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.problems).toEqual([]);
    const fn = r.design.nodes.find((n) => n.id === 'fn');
    expect(fn?.kind).toBe('lambda');
    if (fn?.kind !== 'lambda') return;
    expect(fn.props).toMatchObject({ memoryMb: 128, timeoutSeconds: 3, ephemeralStorageMb: 512, architecture: 'x86_64', asyncConfig: { maximumRetryAttempts: 2, maximumEventAgeSeconds: 21600 } });
    const q = r.design.nodes.find((n) => n.id === 'q');
    expect(q?.props).toMatchObject({ visibilityTimeoutSeconds: 30, messageRetentionSeconds: 345600 });
  });

  it('loads a value outside AWS range as written, and names its JSON path and node', () => {
    const doc = minimalDoc();
    (doc.nodes as Record<string, unknown>[])[0].props = { memoryMb: 99999 };
    const r = parseDesign(text(doc));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(lines(r.problems)).toEqual(['$.nodes[0].props.memoryMb (node "resize"): memoryMb is 99999; AWS allows at most 10240; the analysis uses 10240']);
    expect(r.problems[0].code).toBe('range');
    const fn = r.design.nodes[0];
    expect(fn.kind === 'lambda' && fn.props.memoryMb).toBe(99999);
    expect(fn.kind === 'lambda' && fn.props.timeoutSeconds).toBe(3);
  });

  it('reports the HTTP API integration timeout limit (30 s) but lets regional REST APIs go higher', () => {
    const http = parseDesign(text(minimalDoc({ nodes: [{ id: 'api', kind: 'apiGateway', name: 'api', props: { apiType: 'http', integrationTimeoutMs: 45000 } }], edges: [] })));
    expect(http.ok && lines(http.problems)).toEqual(['$.nodes[0].props.integrationTimeoutMs (node "api"): integrationTimeoutMs is 45000; HTTP APIs allow an integration timeout of at most 30000 ms; the analysis uses 30000']);
    const rest = parseDesign(text(minimalDoc({ nodes: [{ id: 'api', kind: 'apiGateway', name: 'api', props: { apiType: 'rest', endpointType: 'regional', integrationTimeoutMs: 45000 } }], edges: [] })));
    expect(rest.ok && rest.problems).toEqual([]);
  });

  it('refuses a wrong type or unknown option with the path and node name', () => {
    const doc = minimalDoc();
    (doc.nodes as Record<string, unknown>[])[0].props = { runtime: 'cobol85' };
    const r = parseDesign(text(doc));
    expect(r.ok).toBe(false);
    expect(r.problems[0].path).toBe('$.nodes[0].props.runtime');
    expect(r.problems[0].target?.name).toBe('resize');
  });

  it('names an unknown resource kind and lists the known ones', () => {
    const r = parseDesign(text(minimalDoc({ nodes: [{ id: 'x', kind: 'mainframe', name: 'legacy' }], edges: [] })));
    expect(r.ok).toBe(false);
    expect(formatProblem(r.problems[0])).toMatch(/^\$\.nodes\[0\]\.kind \(node "legacy"\): unknown resource kind "mainframe"; known kinds: lambda, /);
  });

  it('points at the line and column of a JSON syntax error', () => {
    const r = parseDesign('{\n  "format": "serverless-design",\n  "name": oops\n}');
    expect(r.ok).toBe(false);
    expect(r.problems[0].message).toMatch(/line 3, column 11/);
  });

  it('refuses a file that is not a design', () => {
    expect(parseDesign('[1,2]').problems[0].message).toMatch(/expected a JSON object/);
    expect(parseDesign('{"format":"excalidraw"}').problems[0].message).toMatch(/"format" is "excalidraw"/);
  });

  it('refuses a file from a newer schema version, saying it was not changed', () => {
    const r = parseDesign(text(minimalDoc({ schemaVersion: CURRENT_SCHEMA_VERSION + 1 })));
    expect(r.ok).toBe(false);
    expect(r.problems[0]).toMatchObject({ code: 'version', path: '$.schemaVersion' });
    expect(r.problems[0].message).toMatch(/newer Serverless Designer .* the file was not changed/);
  });

  it('leaves a dangling edge out, and says so', () => {
    const r = parseDesign(text(minimalDoc({ edges: [{ id: 'e1', kind: 'trigger', from: 'q', to: 'ghost' }] })));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.design.edges).toEqual([]);
    expect(lines(r.problems)).toEqual(['$.edges[0].to (edge "jobs → ghost"): edge "e1" points to "ghost", which is not a node of this design — the edge was left out of the loaded design']);
  });

  it('reports an edge AWS does not allow (SQS → Lambda as invoke) with the reason', () => {
    const r = parseDesign(text(minimalDoc({ edges: [{ id: 'e1', kind: 'invoke', from: 'q', to: 'fn' }] })));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ code: 'connection', path: '$.edges[0]', target: { id: 'e1', type: 'edge' } });
    expect(r.problems[0].message).toMatch(/Lambda polls it through an event source mapping/);
  });

  it('checks references: duplicate ids, parents of the wrong kind, subnets that are not subnets, via', () => {
    const r = parseDesign(text(minimalDoc({
      nodes: [
        { id: 'vpc', kind: 'vpc', name: 'main' },
        { id: 'sn', kind: 'subnet', name: 'private-a', parent: 'vpc', props: { routeTable: { defaultRoute: 'vpc' } } },
        { id: 'nat', kind: 'natGateway', name: 'nat', parent: 'vpc' },
        { id: 'sg', kind: 'securityGroup', name: 'fn-sg', parent: 'vpc', props: { ingress: [{ fromPort: 443, toPort: 443, securityGroup: 'nope' }] } },
        { id: 'fn', kind: 'lambda', name: 'worker', props: { vpc: { subnets: ['sg'], securityGroups: ['sg'] } } },
        { id: 'fn', kind: 'lambda', name: 'twin' },
        { id: 'q', kind: 'sqsQueue', name: 'dlq' },
      ],
      edges: [{ id: 'd1', kind: 'deadLetter', from: 'fn', to: 'q', props: { via: 'missing' } }],
    })));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(lines(r.problems)).toEqual([
      '$.nodes[5].id (node "twin"): id "fn" is used twice; ids must be unique',
      '$.nodes[1].props.routeTable.defaultRoute (node "private-a"): refers to VPC "main"; expected Internet gateway or NAT gateway',
      '$.nodes[2].parent (node "nat"): NAT gateway belongs inside Subnet, not inside VPC "main"',
      '$.nodes[3].props.ingress[0].securityGroup (node "fn-sg"): refers to "nope", which is not a security group of this design',
      '$.nodes[4].props.vpc.subnets[0] (node "worker"): refers to Security group "fn-sg"; expected Subnet',
      '$.edges[0].props.via (edge "worker → dlq"): via "missing" is not an edge of this design',
    ]);
  });

  it('checks usage and suppressions point at parts of the design', () => {
    const r = parseDesign(text(minimalDoc({
      usage: { profiles: { expected: { nodes: { ghost: { requestsPerMonth: 5 } } } }, active: 'peak' },
      suppressions: [{ ruleId: 'RETRY-01', target: 'ghost', reason: 'accepted' }],
    })));
    expect(r.ok && lines(r.problems)).toEqual([
      '$.usage.active: active profile "peak" is not one of: expected',
      '$.usage.profiles.expected.nodes.ghost: usage for "ghost", which is not a node of this design',
      '$.suppressions[0].target: suppression of RETRY-01 targets "ghost", which is not a node or edge of this design',
    ]);
  });

  it('requires a reason on every suppression', () => {
    const r = parseDesign(text(minimalDoc({ suppressions: [{ ruleId: 'RETRY-01', target: 'fn', reason: '  ' }] })));
    expect(r.ok).toBe(false);
    expect(formatProblem(r.problems[0])).toBe('$.suppressions[0].reason: a suppression needs a reason');
  });

  it('keeps unknown fields on nodes, props and the envelope through a save', () => {
    const doc = minimalDoc({ 'x-team': 'payments' });
    (doc.nodes as Record<string, unknown>[])[0] = { id: 'fn', kind: 'lambda', name: 'resize', 'x-owner': 'ana', props: { 'x-cost-centre': 42 } };
    const r = parseDesign(text(doc));
    if (!r.ok) throw new Error('expected to load');
    const saved = JSON.parse(serializeDesign(r.design));
    expect(saved['x-team']).toBe('payments');
    expect(saved.nodes[0]['x-owner']).toBe('ana');
    expect(saved.nodes[0].props['x-cost-centre']).toBe(42);
    expect(Object.keys(saved).slice(0, 4)).toEqual(['format', 'schemaVersion', 'name', 'region']);
  });
});
