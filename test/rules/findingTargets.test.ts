import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../core/analyze';
import { parseDesign } from '../../core/model';

// Issue 14, bullet 2: a broken path is reported on the function → resource edge and names the
// blocking hop; the blocking resource is a related target. Network ACL blocks (model's NACLs) included.
const findingsOf = (name: string, ruleId: string) => {
  const r = parseDesign(readFileSync(new URL(`../fixtures/rules/${name}`, import.meta.url), 'utf8'));
  if (!r.ok) throw new Error(`${name} does not load`);
  return analyze(r.design).findings.filter((f) => f.ruleId === ruleId);
};

describe('the blocking hop, named', () => {
  it.each([
    ['NET-01.fail.design.json', 'NET-01', 'is broken at the route tables of subnets "private-a" and "private-b":'],
    ['NET-03.fail.design.json', 'NET-03', '(no VPC endpoint for sqs, no route out)'],
    ['NET-05.fail.design.json', 'NET-05', 'is broken at VPC endpoint "secretsmanager-endpoint"'],
    ['NET-06.fail.design.json', 'NET-06', 'is broken at security group "orders-db-sg"'],
    ['NET-07.fail.design.json', 'NET-07', 'is broken at the egress rules of security group "order-api-sg" of "order-api"'],
    ['NET-06.fail.nacl-stateless.design.json', 'NET-06', 'is broken at the network ACL of subnet "data-a"'],
    ['NET-07.fail.nacl.design.json', 'NET-07', 'is broken at the network ACLs of subnets "private-a" and "private-b"'],
  ])('%s: %s names it', (file, ruleId, words) => {
    const [f] = findingsOf(file, ruleId);
    expect(f.target.type).toBe('edge');
    expect(f.message).toContain(words);
    expect(f.related?.length).toBeGreaterThan(0);
  });

  it('a network ACL block says to allow the traffic in the ACL, not in a security group', () => {
    const [net06] = findingsOf('NET-06.fail.nacl-stateless.design.json', 'NET-06');
    expect(net06.related).toEqual([expect.objectContaining({ id: 'sn-data-a' })]);
    expect(net06.fix).toMatch(/^Add an allow rule for outbound TCP 1024-65535 to 10\.0\.10\.0\/24 .* to the network ACL of subnet "data-a"/);
    const [net07] = findingsOf('NET-07.fail.nacl.design.json', 'NET-07');
    expect(net07.fix).toMatch(/^Add an allow rule for outbound TCP 5432 to 10\.0\.20\.0\/24 to the network ACLs of subnets "private-a" and "private-b"/);
    expect(findingsOf('NET-07.fail.design.json', 'NET-07')[0].fix).toMatch(/^Add an outbound rule for TCP 443 .* on "order-api-sg"/);
  });
});
