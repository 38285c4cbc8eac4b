import { describe, expect, it } from 'vitest';
import { History } from '../../core/commands';
import { exportSam } from '../../core/iac/sam';
import { importTemplate } from '../../core/iac/import';
import { createDesign, restoreDesign, type NodeOfKind } from '../../core/model';

/** A security group whose rules name a managed prefix list in both directions. */
function design() {
  const h = new History(createDesign('Prefix lists'));
  h.apply({ type: 'addNode', kind: 'vpc', id: 'vpc', name: 'app-vpc', position: { x: 0, y: 0 } });
  h.apply({
    type: 'addNode', kind: 'securityGroup', id: 'sg', name: 'web-sg', parent: 'vpc', position: { x: 0, y: 0 },
    props: {
      ingress: [{ protocol: 'tcp', fromPort: 443, toPort: 443, prefixList: 'pl-0123456789abcdef0', description: 'Office networks' }],
      egress: [{ protocol: 'tcp', fromPort: 443, toPort: 443, prefixList: 'pl-63a5400a', description: 'S3' }],
    },
  });
  return h.design;
}

describe('security group rules with a prefix list', () => {
  it('export to SAM as Source/DestinationPrefixListId and import back to the same rules', () => {
    const out = exportSam(design());
    const template = out.files.find((f) => f.path.endsWith('template.yaml'))!.content;
    expect(template).toContain('SourcePrefixListId: pl-0123456789abcdef0');
    expect(template).toContain('DestinationPrefixListId: pl-63a5400a');
    const back = importTemplate(template).design.nodes.find((n) => n.kind === 'securityGroup') as NodeOfKind<'securityGroup'>;
    expect(back.props.ingress).toEqual([{ protocol: 'tcp', fromPort: 443, toPort: 443, cidr: null, securityGroup: null, prefixList: 'pl-0123456789abcdef0', description: 'Office networks' }]);
    expect(back.props.egress).toEqual([{ protocol: 'tcp', fromPort: 443, toPort: 443, cidr: null, securityGroup: null, prefixList: 'pl-63a5400a', description: 'S3' }]);
  });

  it('a rule naming two peers, or a malformed prefix list, is a problem with its JSON path; an old rule loads with prefixList null', () => {
    const d = design();
    const raw = JSON.parse(JSON.stringify(d));
    const sg = raw.nodes.findIndex((n: { id: string }) => n.id === 'sg');
    raw.nodes[sg].props.ingress[0].cidr = '10.0.0.0/16';
    raw.nodes[sg].props.egress[0].prefixList = 'pl-XYZ';
    const r = restoreDesign(raw);
    expect(r.problems.map((p) => p.path)).toEqual(expect.arrayContaining([`$.nodes[${sg}].props.egress[0].prefixList`]));
    expect(r.problems.map((p) => p.message).join(' ')).toMatch(/exactly one peer/);
    const old = JSON.parse(JSON.stringify(d));
    old.nodes[sg].props.ingress = [{ protocol: 'tcp', fromPort: 5432, toPort: 5432, cidr: '10.0.0.0/16', securityGroup: null, description: '' }];
    const loaded = restoreDesign(old);
    expect(loaded.problems).toEqual([]);
    if (!loaded.ok) throw new Error('an old rule should load');
    expect((loaded.design.nodes[sg] as NodeOfKind<'securityGroup'>).props.ingress[0].prefixList).toBeNull();
  });
});
