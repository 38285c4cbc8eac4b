import { describe, expect, it } from 'vitest';
import { absolutePosition, describeEdge, perform, type Command } from '../../core/commands';
import { indexDesign } from '../../core/graph';
import { createDesign, type Design, type DesignEdge, type NodeKind } from '../../core/model';
import { sampleDesign } from './fixtures';

const run = (design: Design, command: Command) => perform(design, command);
const modelOf = (d: Design) => ({ nodes: d.nodes, edges: d.edges });

describe('addNode', () => {
  it('adds a node with AWS defaults from the kind schema and places it', () => {
    const r = run(createDesign('x'), { type: 'addNode', kind: 'lambda', position: { x: 10, y: 20 } });
    expect(r.refused).toBeUndefined();
    expect(r.created).toEqual(['lambda-1']);
    const node = r.design.nodes[0];
    expect(node).toMatchObject({ id: 'lambda-1', kind: 'lambda', name: 'Lambda function 1' });
    expect(node.kind === 'lambda' && node.props.memoryMb).toBe(128);
    expect(node.kind === 'lambda' && node.props.timeoutSeconds).toBe(3);
    expect(r.design.layout.positions['lambda-1']).toEqual({ x: 10, y: 20 });
  });

  it('picks the next free id and name', () => {
    let d = createDesign('x');
    d = run(d, { type: 'addNode', kind: 'sqsQueue', position: { x: 0, y: 0 } }).design;
    const r = run(d, { type: 'addNode', kind: 'sqsQueue', position: { x: 0, y: 0 } });
    expect(r.design.nodes.map((n) => [n.id, n.name])).toEqual([['sqsQueue-1', 'SQS queue 1'], ['sqsQueue-2', 'SQS queue 2']]);
  });

  it('refuses a parent of the wrong kind and a taken id', () => {
    const d = sampleDesign();
    expect(run(d, { type: 'addNode', kind: 'lambda', parent: 'vpc', position: { x: 0, y: 0 } }).refused).toMatch(/not placed inside/);
    expect(run(d, { type: 'addNode', kind: 'natGateway', parent: 'vpc', position: { x: 0, y: 0 } }).refused).toMatch(/inside a Subnet/);
    expect(run(d, { type: 'addNode', kind: 'lambda', id: 'q', position: { x: 0, y: 0 } }).refused).toMatch(/already taken/);
  });
});

describe('removeNodes', () => {
  it('removes the node, its edges, its contents and every entry naming them', () => {
    let d = sampleDesign();
    d = {
      ...d,
      usage: { ...d.usage, profiles: { ...d.usage.profiles, expected: { description: '', nodes: { fn: { requestsPerMonth: 5 }, q: { requestsPerMonth: 1 } }, edges: { t1: { perInvocation: 1 } } } } },
      suppressions: [{ ruleId: 'RETRY-01', target: 't1', reason: 'known' }, { ruleId: 'CFG-01', target: 'fn', reason: 'ok' }, { ruleId: 'CFG-06', target: 'q', reason: 'ok' }],
    };
    const r = run(d, { type: 'removeNodes', ids: ['fn', 'vpc'] });
    expect(r.design.nodes.map((n) => n.id)).toEqual(['q']);
    expect(r.design.edges).toEqual([]);
    expect(r.design.usage.profiles.expected.nodes).toEqual({ q: { requestsPerMonth: 1 } });
    expect(r.design.usage.profiles.expected.edges).toEqual({});
    expect(r.design.suppressions.map((s) => s.target)).toEqual(['q']);
    expect(Object.keys(r.design.layout.positions)).toEqual(['q']);
  });

  it('clears references to removed nodes from the props of the nodes that stay', () => {
    let d = sampleDesign();
    const add = (kind: NodeKind, id: string, parent: string | undefined, props: Record<string, unknown> = {}) => {
      d = run(d, { type: 'addNode', kind, id, position: { x: 0, y: 0 }, props, ...(parent ? { parent } : {}) }).design;
    };
    add('subnet', 'sn-b', 'vpc');
    add('natGateway', 'nat', 'sn-b');
    add('vpcEndpoint', 'ep', 'vpc', { endpointType: 'gateway', service: 's3' });
    add('securityGroup', 'sg-fn', 'vpc');
    add('securityGroup', 'sg-db', 'vpc', { ingress: [{ fromPort: 5432, toPort: 5432, securityGroup: 'sg-fn' }, { fromPort: 5432, toPort: 5432, cidr: '10.0.0.0/16' }] });
    add('rds', 'db', 'vpc', { subnets: ['sn', 'sn-b'], securityGroups: ['sg-db'] });
    d = run(d, { type: 'setProp', nodeId: 'sn', path: ['routeTable'], value: { defaultRoute: 'nat', gatewayEndpoints: ['ep'] } }).design;
    d = run(d, { type: 'setProp', nodeId: 'fn', path: ['vpc'], value: { subnets: ['sn-b'], securityGroups: ['sg-fn'] } }).design;
    const props = (design: Design, id: string) => design.nodes.find((n) => n.id === id)?.props as Record<string, unknown>;

    const r = run(d, { type: 'removeNodes', ids: ['sn-b', 'ep', 'sg-fn'] });
    expect(r.refused).toBeUndefined();
    expect(props(r.design, 'sn').routeTable).toEqual({ defaultRoute: null, gatewayEndpoints: [] });
    expect(props(r.design, 'db')).toMatchObject({ subnets: ['sn'], securityGroups: ['sg-db'] });
    expect(props(r.design, 'sg-db').ingress).toEqual([expect.objectContaining({ cidr: '10.0.0.0/16' })]);
    expect(props(r.design, 'fn').vpc).toBeNull();
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'reference', target: { id: 'fn', name: 'Orders handler', type: 'node' }, message: expect.stringMatching(/^detached from its VPC/) })]);
    // What no longer refers to anything removed is left exactly as it was.
    const kept = run(d, { type: 'removeNodes', ids: ['q'] });
    expect(kept.design.nodes.filter((n) => n.id !== 'q').every((n) => d.nodes.includes(n))).toBe(true);
    expect(kept.warnings).toEqual([]);
  });

  it('refuses an unknown id and changes nothing', () => {
    const d = sampleDesign();
    const r = run(d, { type: 'removeNodes', ids: ['nope'] });
    expect(r.refused).toMatch(/no node "nope"/);
    expect(r.design).toBe(d);
  });
});

describe('connect', () => {
  it('creates an edge AWS allows', () => {
    let d = createDesign('x');
    d = run(d, { type: 'addNode', kind: 'sqsQueue', id: 'q', position: { x: 0, y: 0 } }).design;
    d = run(d, { type: 'addNode', kind: 'lambda', id: 'fn', position: { x: 0, y: 0 } }).design;
    const r = run(d, { type: 'connect', from: 'q', to: 'fn', kind: 'trigger', props: { batchSize: 10 } });
    expect(r.refused).toBeUndefined();
    expect(r.design.edges).toEqual([{ id: 'trigger-1', kind: 'trigger', from: 'q', to: 'fn', props: { enabled: true, batchSize: 10 } }]);
  });

  it('refuses an impossible connection with the reason and leaves the design unchanged', () => {
    const d = sampleDesign();
    const r = run(d, { type: 'connect', from: 'fn', to: 'q', kind: 'trigger' });
    expect(r.refused).toMatch(/access edge/);
    expect(r.design).toBe(d);
    expect(r.patches).toEqual([]);
    expect(run(d, { type: 'connect', from: 'fn', to: 'vpc', kind: 'access' }).refused).toMatch(/connect by placement/);
  });

  it('refuses a settings-dependent connection (FIFO topic → function)', () => {
    let d = createDesign('x');
    d = run(d, { type: 'addNode', kind: 'snsTopic', id: 't', props: { fifo: true }, position: { x: 0, y: 0 } }).design;
    d = run(d, { type: 'addNode', kind: 'lambda', id: 'fn', position: { x: 0, y: 0 } }).design;
    expect(run(d, { type: 'connect', from: 't', to: 'fn', kind: 'trigger' }).refused).toMatch(/FIFO/);
  });

  it('refuses a duplicate edge', () => {
    expect(run(sampleDesign(), { type: 'connect', from: 'q', to: 'fn', kind: 'trigger' }).refused).toMatch(/already has a trigger/);
  });
});

describe('removeEdges', () => {
  it('removes the edge and its usage and suppressions', () => {
    const d = { ...sampleDesign(), suppressions: [{ ruleId: 'RETRY-01', target: 't1', reason: 'known' }] };
    const r = run(d, { type: 'removeEdges', ids: ['t1'] });
    expect(r.design.edges).toEqual([]);
    expect(r.design.suppressions).toEqual([]);
    expect(r.design.nodes).toBe(d.nodes);
  });
});

describe('setProp', () => {
  it('sets a value inside props, nested paths included', () => {
    let d = sampleDesign();
    d = run(d, { type: 'setProp', nodeId: 'fn', path: ['memoryMb'], value: 1024 }).design;
    const r = run(d, { type: 'setProp', nodeId: 'fn', path: ['asyncConfig', 'maximumRetryAttempts'], value: 0 });
    const fn = r.design.nodes.find((n) => n.id === 'fn');
    expect(fn?.kind === 'lambda' && fn.props.memoryMb).toBe(1024);
    expect(fn?.kind === 'lambda' && fn.props.asyncConfig).toEqual({ maximumRetryAttempts: 0, maximumEventAgeSeconds: 21600 });
    expect(r.warnings).toEqual([]);
  });

  it('stores an out-of-range value and reports it', () => {
    const r = run(sampleDesign(), { type: 'setProp', nodeId: 'fn', path: ['memoryMb'], value: 99999 });
    expect(r.refused).toBeUndefined();
    const fn = r.design.nodes.find((n) => n.id === 'fn');
    expect(fn?.kind === 'lambda' && fn.props.memoryMb).toBe(99999);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatchObject({ code: 'range', path: '$.nodes[1].props.memoryMb', target: { id: 'fn', name: 'Orders handler' } });
    expect(r.warnings[0].message).toMatch(/at most 10240/);
  });

  it('refuses a value of the wrong type or outside an enum', () => {
    const d = sampleDesign();
    expect(run(d, { type: 'setProp', nodeId: 'fn', path: ['memoryMb'], value: 'lots' }).refused).toMatch(/memoryMb/);
    expect(run(d, { type: 'setProp', nodeId: 'fn', path: ['runtime'], value: 'cobol' }).refused).toMatch(/runtime/);
    expect(run(d, { type: 'setProp', nodeId: 'fn', path: ['runtime'], value: 'cobol' }).design).toBe(d);
  });

  it('restores the default when the value is cleared', () => {
    let d = run(sampleDesign(), { type: 'setProp', nodeId: 'fn', path: ['timeoutSeconds'], value: 30 }).design;
    d = run(d, { type: 'setProp', nodeId: 'fn', path: ['timeoutSeconds'], value: undefined }).design;
    const fn = d.nodes.find((n) => n.id === 'fn');
    expect(fn?.kind === 'lambda' && fn.props.timeoutSeconds).toBe(3);
  });
});

describe('setEdgeProp', () => {
  it('sets an edge prop and refuses a setting AWS rejects', () => {
    const d = sampleDesign();
    const r = run(d, { type: 'setEdgeProp', edgeId: 't1', path: ['batchSize'], value: 10 });
    expect(r.design.edges[0].props).toMatchObject({ batchSize: 10 });
    expect(run(d, { type: 'setEdgeProp', edgeId: 't1', path: ['startingPosition'], value: 'SOMETIMES' }).refused).toBeDefined();
  });
});

describe('rename', () => {
  it('renames and refuses an empty name', () => {
    const d = sampleDesign();
    expect(run(d, { type: 'rename', nodeId: 'fn', name: '  Billing  ' }).design.nodes.find((n) => n.id === 'fn')?.name).toBe('Billing');
    expect(run(d, { type: 'rename', nodeId: 'fn', name: ' ' }).refused).toMatch(/needs a name/);
  });
});

describe('move', () => {
  it('changes only the layout, never the model', () => {
    const d = sampleDesign();
    const r = run(d, { type: 'move', positions: { fn: { x: 500, y: 80 }, q: { x: -5, y: 3 } } });
    expect(r.design.layout.positions.fn).toEqual({ x: 500, y: 80 });
    expect(r.design.nodes).toBe(d.nodes);
    expect(r.design.edges).toBe(d.edges);
    expect(r.patches.every((p) => p.path[0] === 'layout')).toBe(true);
  });

  it('keeps a container size when moving it', () => {
    let d = run(sampleDesign(), { type: 'resize', nodeId: 'vpc', width: 600, height: 400 }).design;
    d = run(d, { type: 'move', positions: { vpc: { x: 10, y: 10 } } }).design;
    expect(d.layout.positions.vpc).toEqual({ x: 10, y: 10, width: 600, height: 400 });
  });
});

describe('setParent', () => {
  it('places a node in a container without moving it on the canvas', () => {
    let d = sampleDesign();
    d = run(d, { type: 'addNode', kind: 'natGateway', id: 'nat', position: { x: 100, y: 400 } }).design;
    const r = run(d, { type: 'setParent', nodeId: 'nat', parent: 'sn' });
    expect(r.design.nodes.find((n) => n.id === 'nat')?.parent).toBe('sn');
    expect(absolutePosition(r.design, 'nat')).toEqual({ x: 100, y: 400 });
    expect(r.design.layout.positions.nat).toEqual({ x: 80, y: 60 });
    const out = run(r.design, { type: 'setParent', nodeId: 'nat', parent: null });
    expect(out.design.nodes.find((n) => n.id === 'nat')?.parent).toBeUndefined();
    expect(out.design.layout.positions.nat).toEqual({ x: 100, y: 400 });
  });

  it('refuses a container of the wrong kind and a cycle', () => {
    const d = sampleDesign();
    expect(run(d, { type: 'setParent', nodeId: 'sn', parent: 'fn' }).refused).toMatch(/inside a VPC/);
    expect(run(d, { type: 'setParent', nodeId: 'fn', parent: 'vpc' }).refused).toMatch(/not placed inside/);
  });
});

describe('setDesign', () => {
  it('renames the design and changes its region, refusing what AWS does not have', () => {
    const d = sampleDesign();
    const r = run(d, { type: 'setDesign', name: ' Orders ', region: 'eu-west-1' });
    expect([r.design.name, r.design.region]).toEqual(['Orders', 'eu-west-1']);
    expect(r.design.nodes).toBe(d.nodes);
    expect(run(d, { type: 'setDesign', region: 'mars-1' }).refused).toMatch(/not an AWS region/);
    expect(run(d, { type: 'setDesign', name: '' }).refused).toMatch(/needs a name/);
  });
});

describe('batch', () => {
  it('applies every command or none', () => {
    const d = sampleDesign();
    const ok = run(d, { type: 'batch', label: 'Delete', commands: [{ type: 'removeEdges', ids: ['t1'] }, { type: 'removeNodes', ids: ['q'] }] });
    expect(ok.design.nodes.map((n) => n.id)).toEqual(['fn', 'vpc', 'sn']);
    const bad = run(d, { type: 'batch', label: 'Delete', commands: [{ type: 'removeEdges', ids: ['t1'] }, { type: 'removeNodes', ids: ['nope'] }] });
    expect(bad.refused).toBeDefined();
    expect(modelOf(bad.design)).toEqual(modelOf(d));
  });
});

describe('edge labels', () => {
  const labelled = (kind: NodeKind, edge: Partial<DesignEdge> = {}) => {
    let d = perform(createDesign('x'), { type: 'addNode', kind, id: 'src', position: { x: 0, y: 0 } }).design;
    d = perform(d, { type: 'addNode', kind: 'lambda', id: 'fn', position: { x: 0, y: 0 } }).design;
    const e = { id: 'e', kind: 'trigger', from: 'src', to: 'fn', props: { enabled: true }, ...edge } as DesignEdge;
    return describeEdge(indexDesign({ ...d, edges: [e] }), e);
  };

  it('shows the invocation model of a trigger into a function', () => {
    expect((['apiGateway', 'alb', 'cloudfront', 'cognitoUserPool', 'stepFunction'] as const).map((k) => labelled(k))).toEqual(Array(5).fill('trigger · sync'));
    expect((['s3Bucket', 'snsTopic', 'eventRule'] as const).map((k) => labelled(k))).toEqual(Array(3).fill('trigger · async'));
    expect((['sqsQueue', 'kinesisStream', 'dynamoTable', 'kafka'] as const).map((k) => labelled(k))).toEqual(Array(4).fill('trigger · poll'));
  });

  it('labels other edges with their kind and what matters about them', () => {
    expect(labelled('lambda', { kind: 'invoke', props: { mode: 'async' } })).toBe('invoke · async');
    expect(labelled('lambda', { kind: 'access', to: 'src', from: 'fn', props: { mode: 'readWrite', port: null } })).toBe('access');
    expect(labelled('snsTopic', { kind: 'access', to: 'src', from: 'fn', props: { mode: 'publish', port: null } })).toBe('access · publish');
    expect(labelled('sqsQueue', { kind: 'deadLetter', props: { maxReceiveCount: 5 } })).toBe('dead-letter · after 5');
    expect(labelled('sqsQueue', { kind: 'destination', from: 'fn', to: 'src', props: { on: 'failure' } })).toBe('destination · on failure');
  });
});

describe('planConnection', () => {
  it('connects directly when one kind fits, asks when several do, refuses with a reason otherwise', async () => {
    const { planConnection } = await import('../../core/commands');
    const d = sampleDesign();
    let d2 = perform(d, { type: 'addNode', kind: 'sqsQueue', id: 'q2', position: { x: 0, y: 0 } }).design;
    d2 = perform(d2, { type: 'addNode', kind: 'lambda', id: 'fn2', position: { x: 0, y: 0 } }).design;
    d2 = perform(d2, { type: 'addNode', kind: 'snsTopic', id: 'topic', position: { x: 0, y: 0 } }).design;
    expect(planConnection(d2, 'q2', 'fn2')).toEqual({ action: 'connect', kind: 'trigger' });
    expect(planConnection(d2, 'fn', 'q2')).toEqual({ action: 'ask', kinds: ['destination', 'deadLetter', 'access'] });
    expect(planConnection(d2, 'q', 'fn')).toMatchObject({ action: 'refuse', reason: expect.stringMatching(/already connected/) });
    expect(planConnection(d2, 'q', 'topic')).toMatchObject({ action: 'refuse', reason: expect.stringMatching(/no trigger from an SQS queue to an SNS topic/) });
    expect(planConnection(d2, 'q', 'q2')).toEqual({ action: 'connect', kind: 'deadLetter' });
    expect(planConnection(d2, 'fn', 'vpc')).toMatchObject({ action: 'refuse', reason: expect.stringMatching(/placement/) });
  });
});
