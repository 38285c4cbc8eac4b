import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../core/analyze';
import { copyFragment, History, parseFragment, perform, serializeFragment, uniqueCopyName, type Fragment } from '../../core/commands';
import { createDesign, type Design } from '../../core/model/design';
import { parseDesign, restoreDesign } from '../../core/model/parse';
import { absolutePositions, subnetsOf } from '../../core/model/placement';
import { sampleDesign } from './fixtures';

const vpcTemplate = (): Design => {
  const r = parseDesign(readFileSync(new URL('../../templates/vpc-rds-external-api.design.json', import.meta.url), 'utf8'));
  if (!r.ok) throw new Error('template does not load');
  return r.design;
};

const paste = (design: Design, fragment: Fragment, offset = { x: 24, y: 24 }) => {
  const r = perform(design, { type: 'paste', fragment, offset });
  expect(r.refused).toBeUndefined();
  return r;
};

const referenceProblems = (d: Design) => restoreDesign(JSON.parse(JSON.stringify(d))).problems.filter((p) => p.code === 'reference' || p.code === 'connection');

describe('copy and paste', () => {
  it('pastes the selected nodes with new ids and unique names, and the edge between them', () => {
    const d = sampleDesign();
    const r = paste(d, copyFragment(d, { nodes: ['q', 'fn'] }));
    const added = r.design.nodes.filter((n) => !d.nodes.some((o) => o.id === n.id));
    expect(added.map((n) => n.name).sort()).toEqual(['Orders handler 2', 'Orders queue 2']);
    const ids = [...r.design.nodes.map((n) => n.id), ...r.design.edges.map((e) => e.id)];
    expect(new Set(ids).size).toBe(ids.length);
    const newEdges = r.design.edges.filter((e) => !d.edges.some((o) => o.id === e.id));
    expect(newEdges).toHaveLength(1);
    const q2 = added.find((n) => n.kind === 'sqsQueue')?.id;
    const fn2 = added.find((n) => n.kind === 'lambda')?.id;
    expect(newEdges[0]).toMatchObject({ kind: 'trigger', from: q2, to: fn2 });
    expect(r.created.sort()).toEqual([q2, fn2, newEdges[0].id].sort());
    // Offset from where they were.
    expect(r.design.layout.positions[q2 as string]).toMatchObject({ x: 24, y: 24 });
  });

  it('drops the edges to nodes outside the copy', () => {
    const d = sampleDesign();
    const r = paste(d, copyFragment(d, { nodes: ['fn'] }));
    expect(r.design.edges).toHaveLength(d.edges.length);
    expect(r.design.nodes).toHaveLength(d.nodes.length + 1);
  });

  it('numbers repeated copies on: "Orders fn" → "Orders fn 2" → "Orders fn 3"', () => {
    expect(uniqueCopyName(new Set(['Orders fn']), 'Orders fn')).toBe('Orders fn 2');
    expect(uniqueCopyName(new Set(['Orders fn', 'Orders fn 2']), 'Orders fn 2')).toBe('Orders fn 3');
    expect(uniqueCopyName(new Set(['A']), 'B')).toBe('B');
    const d = sampleDesign();
    const f = copyFragment(d, { nodes: ['fn'] });
    const once = paste(d, f).design;
    const twice = paste(once, f).design;
    expect(twice.nodes.filter((n) => n.kind === 'lambda').map((n) => n.name)).toEqual(['Orders handler', 'Orders handler 2', 'Orders handler 3']);
  });

  it('a container takes its contents, remapping parent, subnet, route and security-group references', () => {
    const d = vpcTemplate();
    const f = copyFragment(d, { nodes: ['vpc'] });
    // Everything drawn inside the VPC comes along (the function is in its subnets too).
    expect(f.nodes.map((n) => n.id)).toEqual(expect.arrayContaining(['vpc', 'sn-private-a', 'nat-a', 'sg-db', 'db', 'fn-quotes']));
    expect(f.nodes.map((n) => n.id)).not.toContain('api-quotes');
    const r = paste(d, f, { x: 2000, y: 0 });
    const copy = new Map(r.design.nodes.filter((n) => !d.nodes.some((o) => o.id === n.id)).map((n) => [n.name, n]));
    const vpc2 = copy.get('Quotes VPC 2');
    const snA2 = copy.get('Private subnet A 2');
    const db2 = copy.get('Quotes database 2');
    const sgDb2 = copy.get('Database SG 2');
    const sgFn2 = copy.get('Quote service SG 2');
    const natA2 = copy.get('NAT gateway A 2');
    expect(snA2?.parent).toBe(vpc2?.id);
    expect(db2 && subnetsOf(db2)).toContain(snA2?.id);
    expect(db2 && subnetsOf(db2)).not.toContain('sn-private-a');
    expect(snA2?.kind === 'subnet' && snA2.props.routeTable.defaultRoute).toBe(natA2?.id);
    expect(sgDb2?.kind === 'securityGroup' && sgDb2.props.ingress[0].securityGroup).toBe(sgFn2?.id);
    // The function → database edge is inside the copy; the API → function edge is not.
    const e = r.design.edges.filter((x) => !d.edges.some((o) => o.id === x.id));
    expect(e.map((x) => x.kind).sort()).toEqual(['access']);
    expect(e[0].to).toBe(db2?.id);
    expect(referenceProblems(r.design)).toEqual([]);
    // Drawn in the same places, 2000 to the right.
    const before = absolutePositions(d);
    const after = absolutePositions(r.design);
    expect(after.get(db2?.id as string)).toEqual({ x: (before.get('db')?.x ?? 0) + 2000, y: before.get('db')?.y });
  });

  it('keeps references to nodes not copied when they exist where it is pasted', () => {
    const d = vpcTemplate();
    const r = paste(d, copyFragment(d, { nodes: ['fn-quotes'] }));
    const fn2 = r.design.nodes.find((n) => n.name === 'Quote service 2');
    expect(fn2 && subnetsOf(fn2).sort()).toEqual(['sn-private-a', 'sn-private-b']);
    expect(referenceProblems(r.design)).toEqual([]);
  });

  it('pastes into another design: references to nodes that are not there are dropped', () => {
    const source = vpcTemplate();
    const text = serializeFragment(copyFragment(source, { nodes: ['fn-quotes', 'db'] }));
    const parsed = parseFragment(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const r = paste(createDesign('Other'), parsed.fragment);
    expect(r.design.nodes.map((n) => n.name).sort()).toEqual(['Quote service', 'Quotes database']);
    const fn = r.design.nodes.find((n) => n.kind === 'lambda');
    expect(fn?.kind === 'lambda' && fn.props.vpc).toBeNull();
    expect(r.design.edges).toHaveLength(1);
    expect(referenceProblems(r.design)).toEqual([]);
  });

  it('refuses foreign clipboard text with a clear message and a damaged fragment naming the place', () => {
    const foreign = parseFragment('hello world');
    expect(foreign.ok).toBe(false);
    expect(!foreign.ok && foreign.message).toMatch(/does not hold Serverless Designer/);
    const f = copyFragment(sampleDesign(), { nodes: ['fn'] });
    const broken = JSON.parse(serializeFragment(f));
    broken.nodes[0].props.memoryMb = 'lots';
    const bad = parseFragment(JSON.stringify(broken));
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toMatch(/\$\.nodes\[0\]\.props\.memoryMb/);
  });

  it('undoes in one step', () => {
    const d = sampleDesign();
    const h = new History(d);
    h.apply({ type: 'paste', fragment: copyFragment(d, { nodes: ['q', 'fn', 'vpc'] }), offset: { x: 24, y: 24 } });
    expect(h.design.nodes.length).toBe(d.nodes.length * 2);
    expect(h.undoLabel).toBe('Paste');
    h.undo();
    expect(h.design).toEqual(d);
  });

  it('property: any selection pasted any number of times leaves no broken reference and, in a VPC with room, no overlapping subnets', () => {
    const base = vpcTemplate();
    const ids = base.nodes.map((n) => n.id);
    fc.assert(fc.property(
      fc.array(fc.subarray(ids, { minLength: 1 }), { minLength: 1, maxLength: 3 }),
      fc.boolean(),
      (selections, intoBlank) => {
        let d = intoBlank ? createDesign('Blank') : base;
        for (const sel of selections) {
          const r = perform(d, { type: 'paste', fragment: copyFragment(base, { nodes: sel }), offset: { x: 24, y: 24 } });
          expect(r.refused).toBeUndefined();
          d = r.design;
        }
        expect(referenceProblems(d)).toEqual([]);
        const names = d.nodes.map((n) => n.name);
        expect(new Set(names).size).toBe(names.length);
        // The VPC has room for every pasted subnet: none overlaps another.
        if (!intoBlank) expect(analyze(d).findings.filter((f) => f.ruleId === 'NET-18')).toEqual([]);
      },
    ), { numRuns: 60 });
  });
});

describe('pasted subnets get a block of their own', () => {
  const subnets = (d: Design) => d.nodes.flatMap((n) => (n.kind === 'subnet' ? [n] : []));
  const cidrOf = (d: Design, name: string) => subnets(d).find((n) => n.name === name)?.props.cidr;
  const overlaps = (d: Design) => analyze(d).findings.filter((f) => f.ruleId === 'NET-18');

  it('a duplicated subnet takes the lowest free block of its size in the VPC, so NET-18 has nothing to say', () => {
    const d = vpcTemplate();
    expect(overlaps(d)).toEqual([]);
    const once = paste(d, copyFragment(d, { nodes: ['sn-private-a'] })).design;
    // The VPC 10.0.0.0/16 holds 10.0.0.0/24, 10.0.1.0/24 (public) and 10.0.10.0/24, 10.0.11.0/24 (private).
    expect(cidrOf(once, 'Private subnet A 2')).toBe('10.0.2.0/24');
    expect(cidrOf(once, 'Private subnet A')).toBe('10.0.10.0/24');
    expect(overlaps(once)).toEqual([]);
    // Two at once (and again) each get their own block.
    const twice = paste(once, copyFragment(d, { nodes: ['sn-private-a', 'sn-private-b'] })).design;
    expect([cidrOf(twice, 'Private subnet A 3'), cidrOf(twice, 'Private subnet B 2')]).toEqual(['10.0.3.0/24', '10.0.4.0/24']);
    expect(overlaps(twice)).toEqual([]);
  });

  it('keeps the prefix length of the copy', () => {
    const d = vpcTemplate();
    const small = structuredClone(d);
    const sn = subnets(small).find((n) => n.id === 'sn-private-a')!;
    sn.props.cidr = '10.0.10.0/26';
    const r = paste(small, copyFragment(small, { nodes: ['sn-private-a'] })).design;
    expect(cidrOf(r, 'Private subnet A 2')).toBe('10.0.2.0/26');
  });

  it('with no room left in the VPC the copy keeps its block and NET-18 reports the overlap', () => {
    const d = vpcTemplate();
    const full = structuredClone(d);
    const vpc = full.nodes.find((n) => n.id === 'vpc')!;
    if (vpc.kind === 'vpc') vpc.props.cidr = '10.0.10.0/23';
    full.nodes = full.nodes.filter((n) => !['sn-public-a', 'sn-public-b', 'nat-a', 'nat-b'].includes(n.id));
    for (const n of subnets(full)) n.props.routeTable.defaultRoute = null;
    const r = paste(full, copyFragment(full, { nodes: ['sn-private-a'] })).design;
    expect(cidrOf(r, 'Private subnet A 2')).toBe('10.0.10.0/24');
    expect(overlaps(r).map((f) => f.message)).toEqual([expect.stringContaining('Subnet "Private subnet A 2" (10.0.10.0/24) overlaps subnet "Private subnet A"')]);
  });

  it('a pasted VPC keeps its subnets\' blocks', () => {
    const d = vpcTemplate();
    const r = paste(d, copyFragment(d, { nodes: ['vpc'] }), { x: 2000, y: 0 }).design;
    for (const name of ['Private subnet A', 'Private subnet B', 'Public subnet A', 'Public subnet B']) expect(cidrOf(r, `${name} 2`)).toBe(cidrOf(d, name));
  });

  it('a subnet pasted from another design keeps its block when it is free in the VPC it lands in', () => {
    const source = vpcTemplate();
    const target = structuredClone(source);
    target.nodes = target.nodes.filter((n) => n.id !== 'sn-private-b' && n.id !== 'db' && n.id !== 'fn-quotes');
    target.edges = target.edges.filter((e) => target.nodes.some((n) => n.id === e.from) && target.nodes.some((n) => n.id === e.to));
    const r = paste(target, copyFragment(source, { nodes: ['sn-private-b'] })).design;
    expect(cidrOf(r, 'Private subnet B')).toBe('10.0.11.0/24');
  });
});
