import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['bin/serverless-designer.mjs', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('serverless-designer reach (real process)', () => {
  it('explains every access edge of the VPC template hop by hop from both AZs (exit 0)', () => {
    const r = cli('reach', 'templates/vpc-rds-external-api.design.json');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/Quote service → Partner pricing API \(internet, TCP 443\): reachable\n {2}from "Private subnet A" \(us-east-1a\): ok\n {4}eni .*\n {4}routeTable {8}0\.0\.0\.0\/0 → NAT gateway "NAT gateway A"\n {4}natGateway {8}public NAT gateway in subnet "Public subnet A"/);
    expect(r.out.match(/: ok\n/g)).toHaveLength(6);
  });

  it('exit 1 naming the broken hop when the NAT route is gone', () => {
    const design = JSON.parse(readFileSync('templates/vpc-rds-external-api.design.json', 'utf8'));
    for (const n of design.nodes) if (n.id === 'sn-private-b') n.props.routeTable.defaultRoute = null;
    const file = join(mkdtempSync(join(tmpdir(), 'sd-reach-')), 'no-nat-b.design.json');
    writeFileSync(file, JSON.stringify(design));
    const r = cli('reach', file);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/Quote service → Partner pricing API \(internet, TCP 443\): PARTIAL/);
    expect(r.out).toContain('✗ NET-01: subnet "Private subnet B" routes 0.0.0.0/0 nowhere');
    expect(r.out).toMatch(/Quote service → Quotes database \(VPC resource, TCP 5432\): reachable/);
    const json = JSON.parse(cli('reach', '--format', 'json', file).out);
    expect(json.edges.map((e: { to: { id: string }; reachable: string }) => [e.to.id, e.reachable])).toEqual([['db', 'yes'], ['ext-partner', 'partial'], ['aws-secrets', 'partial']]);
  });

  it('a path that rests on a security group rule to a prefix list says what it takes for granted (exit 0)', () => {
    const r = cli('reach', 'test/fixtures/rules/NET-07.pass.prefix-list.design.json');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('thumbnailer → media (s3 API, TCP 443): reachable');
    expect(r.out).toMatch(/\n {4}securityGroup {5}"thumbnailer-sg" allows TCP 443 to prefix list pl-63a5400a, taken to cover the s3 addresses gateway endpoint "s3-gateway" routes/);
    const json = JSON.parse(cli('reach', '--format', 'json', 'test/fixtures/rules/NET-07.pass.prefix-list.design.json').out);
    expect(json.edges[0].paths[0].assumes).toEqual([expect.stringContaining('prefix list pl-63a5400a')]);
  });
});
