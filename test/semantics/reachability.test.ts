import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDesign, type Design } from '../../core/model';
import { analyze } from '../../core/analyze';
import { analyzeReachability, type Reachability } from '../../core/semantics';

function template(name: string): Design {
  const r = parseDesign(readFileSync(`templates/${name}.design.json`, 'utf8'));
  if (!r.ok) throw new Error(`${name} does not load`);
  return r.design;
}
/** A copy of the design with one node's props changed (a patch, as an edit makes). */
function withProps(d: Design, id: string, patch: (props: Record<string, unknown>) => void): Design {
  const copy = structuredClone(d);
  const node = copy.nodes.find((n) => n.id === id)!;
  patch(node.props as Record<string, unknown>);
  return copy;
}
const byTarget = (rs: Reachability[], id: string) => rs.find((r) => r.to.id === id)!;

describe('reachability on the VPC + RDS + external API template', () => {
  const design = template('vpc-rds-external-api');

  it('every access edge is reachable from both AZs, hop by hop', () => {
    const rs = analyzeReachability(design);
    expect(rs.map((r) => [r.to.id, r.reachable])).toEqual([['db', 'yes'], ['ext-partner', 'yes'], ['aws-secrets', 'yes']]);
    const internet = byTarget(rs, 'ext-partner');
    expect(internet.paths.map((p) => [p.az, p.via, p.natGateway?.id])).toEqual([['us-east-1a', 'nat', 'nat-a'], ['us-east-1b', 'nat', 'nat-b']]);
    expect(internet.hops.map((h) => h.kind)).toEqual(['eni', 'routeTable', 'natGateway', 'internetGateway', 'internet']);
    expect(byTarget(rs, 'db').hops.map((h) => h.kind)).toEqual(['eni', 'routeTable', 'securityGroup', 'securityGroup', 'target']);
  });

  it('removing the NAT route of both private subnets breaks exactly the internet and AWS-API edges, not the RDS edge', () => {
    let d = withProps(design, 'sn-private-a', (p) => { (p.routeTable as Record<string, unknown>).defaultRoute = null; });
    d = withProps(d, 'sn-private-b', (p) => { (p.routeTable as Record<string, unknown>).defaultRoute = null; });
    const rs = analyzeReachability(d);
    expect(rs.map((r) => [r.to.id, r.reachable, r.ruleId])).toEqual([['db', 'yes', undefined], ['ext-partner', 'no', 'NET-01'], ['aws-secrets', 'no', 'NET-03']]);
    expect(byTarget(rs, 'aws-secrets').reason).toBe('subnet "Private subnet A" routes 0.0.0.0/0 nowhere: add a NAT gateway route or a VPC endpoint for secretsmanager');
  });

  it('a path that works in one AZ and not the other is partial, and says which', () => {
    const d = withProps(design, 'sn-private-b', (p) => { (p.routeTable as Record<string, unknown>).defaultRoute = null; });
    const r = byTarget(analyzeReachability(d), 'ext-partner');
    expect(r.reachable).toBe('partial');
    expect(r.reason).toMatch(/^works from "Private subnet A" \(us-east-1a\) but not from "Private subnet B" \(us-east-1b\): subnet "Private subnet B" routes 0.0.0.0\/0 nowhere/);
  });

  it('a database security group without the function\'s group breaks only the database edge (NET-06)', () => {
    const d = withProps(design, 'sg-db', (p) => { p.ingress = [{ protocol: 'tcp', fromPort: 3306, toPort: 3306, cidr: null, securityGroup: 'sg-fn', description: '' }]; });
    const r = byTarget(analyzeReachability(d), 'db');
    expect(r).toMatchObject({ reachable: 'no', ruleId: 'NET-06', brokenAt: { id: 'sg-db' } });
    expect(r.reason).toMatch(/admits no TCP 5432 from "Quote service"'s group/);
  });

  it('explicit function egress without 443 breaks the internet edges (NET-07); stateful groups need no inbound rule on the function (NET-08)', () => {
    const d = withProps(design, 'sg-fn', (p) => { p.egress = [{ protocol: 'tcp', fromPort: 5432, toPort: 5432, cidr: '10.0.0.0/16', securityGroup: null, description: '' }]; p.ingress = []; });
    const rs = analyzeReachability(d);
    expect(rs.map((r) => [r.to.id, r.reachable, r.ruleId])).toEqual([['db', 'yes', undefined], ['ext-partner', 'no', 'NET-07'], ['aws-secrets', 'no', 'NET-07']]);
  });

  it('a NAT gateway in a private subnet, a private NAT, or a function in a public subnet are broken hops', () => {
    const natInPrivate = withProps(design, 'sn-public-a', (p) => { (p.routeTable as Record<string, unknown>).defaultRoute = null; });
    expect(byTarget(analyzeReachability(natInPrivate), 'ext-partner')).toMatchObject({ reachable: 'partial', ruleId: 'NET-17', brokenAt: { id: 'sn-public-a' } });
    const privateNat = withProps(design, 'nat-b', (p) => { p.connectivity = 'private'; });
    expect(byTarget(analyzeReachability(privateNat), 'ext-partner')).toMatchObject({ reachable: 'partial', ruleId: 'NET-17', brokenAt: { id: 'nat-b' } });
    const publicFn = withProps(design, 'fn-quotes', (p) => { (p.vpc as Record<string, unknown>).subnets = ['sn-public-a']; });
    expect(byTarget(analyzeReachability(publicFn), 'ext-partner')).toMatchObject({ reachable: 'no', ruleId: 'NET-02' });
  });
});

describe('reachability without a VPC and through endpoints', () => {
  it('a function outside any VPC reaches AWS APIs and the internet (NET-09), not a private database (NET-10)', () => {
    const d = withProps(template('vpc-rds-external-api'), 'fn-quotes', (p) => { p.vpc = null; });
    const rs = analyzeReachability(d);
    expect(rs.map((r) => [r.to.id, r.reachable, r.ruleId])).toEqual([['db', 'no', 'NET-10'], ['ext-partner', 'yes', undefined], ['aws-secrets', 'yes', undefined]]);
  });

  it('a gateway endpoint on the route table carries DynamoDB; an interface endpoint needs private DNS and an admitting group', () => {
    const base = template('vpc-rds-external-api');
    const d: Design = structuredClone(base);
    d.nodes.push(
      { id: 'ep-ddb', kind: 'vpcEndpoint', name: 'dynamodb-gw', parent: 'vpc', props: { description: '', endpointType: 'gateway', service: 'dynamodb', subnets: [], securityGroups: [], privateDnsEnabled: true } },
      { id: 'tbl', kind: 'dynamoTable', name: 'quotes', props: { description: '', billingMode: 'onDemand', readCapacityUnits: 5, writeCapacityUnits: 5, streamViewType: 'NONE', tableClass: 'STANDARD' } },
      { id: 'sg-ep', kind: 'securityGroup', name: 'endpoint-sg', parent: 'vpc', props: { description: '', ingress: [], egress: null } },
      { id: 'ep-sm', kind: 'vpcEndpoint', name: 'secrets-endpoint', parent: 'vpc', props: { description: '', endpointType: 'interface', service: 'secretsmanager', subnets: ['sn-private-a', 'sn-private-b'], securityGroups: ['sg-ep'], privateDnsEnabled: true } },
    );
    d.edges.push({ id: 'e-tbl', kind: 'access', from: 'fn-quotes', to: 'tbl', props: { mode: 'readWrite', port: null } });
    for (const id of ['sn-private-a', 'sn-private-b']) (d.nodes.find((n) => n.id === id)!.props as { routeTable: { gatewayEndpoints: string[] } }).routeTable.gatewayEndpoints = ['ep-ddb'];
    let rs = analyzeReachability(d);
    expect(byTarget(rs, 'tbl').paths.map((p) => p.via)).toEqual(['gatewayEndpoint', 'gatewayEndpoint']);
    expect(byTarget(rs, 'aws-secrets')).toMatchObject({ reachable: 'no', ruleId: 'NET-05', brokenAt: { id: 'ep-sm' } });
    (d.nodes.find((n) => n.id === 'sg-ep')!.props as { ingress: unknown[] }).ingress = [{ protocol: 'tcp', fromPort: 443, toPort: 443, cidr: null, securityGroup: 'sg-fn', description: '' }];
    rs = analyzeReachability(d);
    expect(byTarget(rs, 'aws-secrets').paths.map((p) => p.via)).toEqual(['interfaceEndpoint', 'interfaceEndpoint']);
    (d.nodes.find((n) => n.id === 'vpc')!.props as { enableDnsHostnames: boolean }).enableDnsHostnames = false;
    expect(byTarget(analyzeReachability(d), 'aws-secrets').paths.map((p) => p.via)).toEqual(['nat', 'nat']);
  });

  it('through RDS Proxy the database must admit the proxy (queue load-levelling template)', () => {
    const d = template('queue-load-levelling');
    const r = analyzeReachability(d)[0];
    expect(r).toMatchObject({ reachable: 'yes', to: { kind: 'rdsProxy' } });
    expect(r.hops.map((h) => h.kind)).toEqual(['eni', 'routeTable', 'securityGroup', 'securityGroup', 'rdsProxy', 'target']);
  });
});

describe('security group rules to a managed prefix list (CIDR blocks unknown offline)', () => {
  const fixture = (name: string): Design => {
    const r = parseDesign(readFileSync(`test/fixtures/rules/${name}.design.json`, 'utf8'));
    if (!r.ok) throw new Error(`${name} does not load`);
    return r.design;
  };
  const pl = (port: number, prefixList = 'pl-0123456789abcdef0') => ({ protocol: 'tcp', fromPort: port, toPort: port, cidr: null, securityGroup: null, prefixList, description: '' });

  it('egress only "TCP 443 to the S3 prefix list" reaches S3 through the gateway endpoint, and the path says what it assumes', () => {
    const r = analyzeReachability(fixture('NET-07.pass.prefix-list'))[0];
    expect(r).toMatchObject({ reachable: 'yes', paths: [{ via: 'gatewayEndpoint' }] });
    expect(r.hops.map((h) => h.kind)).toEqual(['eni', 'gatewayEndpoint', 'securityGroup', 'awsApi']);
    expect(r.hops[2].detail).toContain('to prefix list pl-63a5400a');
    expect(r.paths[0].assumes).toEqual([expect.stringMatching(/^prefix list pl-63a5400a .*com\.amazonaws\.us-east-1\.s3/)]);
  });

  it('with no egress rule at all the same design is blocked (NET-07)', () => {
    const r = analyzeReachability(fixture('NET-07.fail.no-egress'))[0];
    expect(r).toMatchObject({ reachable: 'no', ruleId: 'NET-07' });
    expect(r.paths[0].assumes).toBeUndefined();
  });

  it('a prefix-list rule allows only its protocol and ports: HTTPS edges pass on the assumption, the Postgres edge is still blocked', () => {
    const d = withProps(template('vpc-rds-external-api'), 'sg-fn', (p) => { p.egress = [pl(443)]; });
    const rs = analyzeReachability(d);
    expect(rs.map((r) => [r.to.id, r.reachable, r.ruleId])).toEqual([['db', 'no', 'NET-07'], ['ext-partner', 'yes', undefined], ['aws-secrets', 'yes', undefined]]);
    expect(byTarget(rs, 'ext-partner').paths.every((p) => p.assumes?.[0]?.includes('covers the address of "Partner pricing API"'))).toBe(true);
    expect(byTarget(rs, 'db').paths[0].assumes).toBeUndefined();
  });

  it('a rule with a CIDR peer that matches wins over a prefix-list rule, so nothing is assumed', () => {
    const d = withProps(template('vpc-rds-external-api'), 'sg-fn', (p) => { p.egress = [pl(443), { ...pl(443), prefixList: null, cidr: '0.0.0.0/0' }, { ...pl(5432), prefixList: null, securityGroup: 'sg-db' }]; });
    const rs = analyzeReachability(d);
    expect(rs.map((r) => [r.to.id, r.reachable])).toEqual([['db', 'yes'], ['ext-partner', 'yes'], ['aws-secrets', 'yes']]);
    expect(rs.flatMap((r) => r.paths.flatMap((p) => p.assumes ?? []))).toEqual([]);
  });

  it('a database admitting a prefix list names the list in its hop (never "from null")', () => {
    const d = withProps(template('vpc-rds-external-api'), 'sg-db', (p) => { p.ingress = [pl(5432)]; });
    const r = byTarget(analyzeReachability(d), 'db');
    expect(r.reachable).toBe('yes');
    const hop = r.hops.filter((h) => h.kind === 'securityGroup')[1];
    expect(hop.detail).toMatch(/allows TCP 5432 from prefix list pl-0123456789abcdef0, taken to cover the address of "Quote service"'s network interface/);
    expect(r.hops.map((h) => h.detail).join(' ')).not.toContain('null');
  });

  it('every rule reads prefix-list peers: with every rule of every template and network fixture turned into one, nothing throws or says "null"', () => {
    const files = [
      ...readdirSync('templates').filter((f) => f.endsWith('.design.json')).map((f) => `templates/${f}`),
      ...readdirSync('test/fixtures/rules').filter((f) => /^NET-\d+\..*design\.json$/.test(f)).map((f) => `test/fixtures/rules/${f}`),
    ];
    let turned = 0;
    for (const file of files) {
      const r = parseDesign(readFileSync(file, 'utf8'));
      if (!r.ok) continue;
      const d = structuredClone(r.design);
      for (const n of d.nodes) {
        if (n.kind !== 'securityGroup') continue;
        for (const rule of [...n.props.ingress, ...(n.props.egress ?? [])]) {
          Object.assign(rule, { cidr: null, securityGroup: null, prefixList: 'pl-0123456789abcdef0' });
          turned += 1;
        }
      }
      const findings = analyze(d).findings;
      expect(findings.filter((f) => f.ruleId === 'RULE-ERROR'), file).toEqual([]);
      expect(findings.filter((f) => /\bnull\b|undefined/.test(`${f.message} ${f.fix}`)).map((f) => f.ruleId), file).toEqual([]);
      const reach = analyzeReachability(d).flatMap((x) => x.paths.flatMap((p) => [...p.hops.map((h) => h.detail), p.reason ?? '']));
      expect(reach.filter((t) => /\bnull\b|undefined/.test(t)), file).toEqual([]);
    }
    expect(turned).toBeGreaterThan(10);
  });
});
