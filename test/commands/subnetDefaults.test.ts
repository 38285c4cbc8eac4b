import { describe, expect, it } from 'vitest';
import { History, perform, type Command } from '../../core/commands';
import { analyze } from '../../core/analyze';
import { createDesign, type Design } from '../../core/model';
import { nextAz } from '../../core/model/subnetDefaults';

const at = { x: 0, y: 0 };
const subnetProps = (d: Design, id: string) => {
  const n = d.nodes.find((x) => x.id === id);
  return n?.kind === 'subnet' ? { cidr: n.props.cidr, az: n.props.az } : undefined;
};

function vpcWith(cidr: string): History {
  const h = new History(createDesign('Net'));
  h.apply({ type: 'addNode', kind: 'vpc', id: 'vpc', name: 'App VPC', position: at, props: { cidr } });
  return h;
}
const addSubnet = (h: History, id: string, props?: Record<string, unknown>) =>
  h.apply({ type: 'addNode', kind: 'subnet', id, parent: 'vpc', position: at, ...(props ? { props } : {}) } as Command);

describe('a subnet added into a VPC', () => {
  it('gets the next free /24 and alternates AZs a, b, a, b', () => {
    const h = vpcWith('10.20.0.0/16');
    for (const id of ['s1', 's2', 's3', 's4']) addSubnet(h, id);
    expect(['s1', 's2', 's3', 's4'].map((id) => subnetProps(h.design, id))).toEqual([
      { cidr: '10.20.0.0/24', az: 'a' }, { cidr: '10.20.1.0/24', az: 'b' }, { cidr: '10.20.2.0/24', az: 'a' }, { cidr: '10.20.3.0/24', az: 'b' },
    ]);
    expect(analyze(h.design).findings.filter((f) => f.ruleId === 'NET-18' || f.ruleId === 'NET-19')).toEqual([]);
  });

  it('fills a gap left by a removed subnet, and avoids a block the user typed', () => {
    const h = vpcWith('10.0.0.0/16');
    addSubnet(h, 's1');
    addSubnet(h, 's2', { cidr: '10.0.1.0/24', az: 'c' });
    h.apply({ type: 'removeNodes', ids: ['s1'] });
    addSubnet(h, 's3');
    addSubnet(h, 's4');
    expect(subnetProps(h.design, 's2')).toEqual({ cidr: '10.0.1.0/24', az: 'c' });
    expect(subnetProps(h.design, 's3')?.cidr).toBe('10.0.0.0/24');
    expect(subnetProps(h.design, 's4')?.cidr).toBe('10.0.2.0/24');
  });

  it('keeps the props it is given (paste, import)', () => {
    const h = vpcWith('10.0.0.0/16');
    addSubnet(h, 's1', { cidr: '10.0.9.0/24', az: 'b' });
    expect(subnetProps(h.design, 's1')).toEqual({ cidr: '10.0.9.0/24', az: 'b' });
  });

  it('splits a small VPC in four, and in a full VPC is still added, with a warning naming the VPC and the path', () => {
    const h = vpcWith('192.168.0.0/24');
    for (const id of ['s1', 's2', 's3', 's4']) expect(addSubnet(h, id).warnings).toEqual([]);
    expect(subnetProps(h.design, 's4')?.cidr).toBe('192.168.0.192/26');
    const r = perform(h.design, { type: 'addNode', kind: 'subnet', id: 's5', parent: 'vpc', position: at });
    expect(r.refused).toBeUndefined();
    expect(r.design.nodes.some((n) => n.id === 's5')).toBe(true);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatchObject({ path: '$.nodes[5].props.cidr', target: { id: 's5' } });
    expect(r.warnings[0].message).toMatch(/VPC "App VPC" \(192\.168\.0\.0\/24\) has no free \/26 left/);
  });

  it('with a VPC whose CIDR is unusable (an old file), still adds the subnet and says why it kept the default', () => {
    const h = vpcWith('10.0.0.0/16');
    const broken: Design = { ...h.design, nodes: h.design.nodes.map((n) => (n.kind === 'vpc' ? { ...n, props: { ...n.props, cidr: '10.0.0/16' } } : n)) };
    const r = perform(broken, { type: 'addNode', kind: 'subnet', id: 's1', parent: 'vpc', position: at });
    expect(r.refused).toBeUndefined();
    expect(subnetProps(r.design, 's1')).toEqual({ cidr: '10.0.0.0/24', az: 'a' });
    expect(r.warnings[0].message).toMatch(/VPC "App VPC" has no valid CIDR block/);
  });

  it('undo takes the subnet away in one step', () => {
    const h = vpcWith('10.0.0.0/16');
    const before = h.design;
    addSubnet(h, 's1');
    h.undo();
    expect(h.design).toEqual(before);
  });
});

describe('nextAz', () => {
  it('takes the least used letter, ties going to the first after the last one added', () => {
    expect(nextAz([])).toBe('a');
    expect(nextAz(['a'])).toBe('b');
    expect(nextAz(['b'])).toBe('a');
    expect(nextAz(['a', 'b'])).toBe('a');
    expect(nextAz(['a', 'b', 'c'])).toBe('a');
    expect(nextAz(['a', 'b', 'c', 'a'])).toBe('b');
    expect(nextAz(['c', 'c'])).toBe('a');
    expect(nextAz(['a', 'c'])).toBe('b');
    expect(nextAz(['b', 'c'])).toBe('a');
    expect(nextAz(['x', 'a'])).toBe('b');
  });
});
