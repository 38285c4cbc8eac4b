import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDesign } from '../../core/model';

const cli = (...args: string[]) => {
  const start = performance.now();
  const r = spawnSync(process.execPath, ['bin/serverless-designer.mjs', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr, ms: performance.now() - start };
};
const tmp = () => mkdtempSync(join(tmpdir(), 'sd-import-'));
const fixture = (name: string) => `test/fixtures/cli/iac/${name}`;
const APPSYNC = fixture('orders-with-appsync.yaml');

function loaded(file: string) {
  const r = parseDesign(readFileSync(file, 'utf8'));
  if (!r.ok) throw new Error(`${file} does not load: ${JSON.stringify(r.problems)}`);
  return r;
}

describe('serverless-designer import (real process)', () => {
  it('writes a design that loads without problems, laid out, and prints the report with what was skipped and why', () => {
    const out = join(tmp(), 'orders.design.json');
    const r = cli('import', APPSYNC, '-o', out);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^orders-with-appsync\.yaml: SAM template, 3 resources: 2 understood, 1 skipped\n/);
    expect(r.out).toContain('\nskipped (1):\n  OrdersGraphApi AWS::AppSync::GraphQLApi (line 23)\n    - AWS::AppSync::GraphQLApi: no such resource kind in the model\n');
    expect(r.out).toContain(`\nwrote ${out}: "orders-with-appsync", 2 nodes, 1 edges\n`);
    const { design, problems } = loaded(out);
    expect(problems).toEqual([]);
    expect(design.nodes.map((n) => [n.id, n.kind]).sort()).toEqual([['OrdersQueue', 'sqsQueue'], ['OrdersWorker', 'lambda']]);
    expect(design.edges.map((e) => [e.kind, e.from, e.to])).toEqual([['trigger', 'OrdersQueue', 'OrdersWorker']]);
    const positions = design.layout?.positions ?? {};
    // Sources left of the functions they trigger.
    expect(positions.OrdersQueue.x).toBeLessThan(positions.OrdersWorker.x);
  });

  it('--strict: exit 1 when a resource was skipped (the design is still written), 0 when everything came in', () => {
    const dir = tmp();
    expect(cli('import', APPSYNC, '-o', join(dir, 'a.json'), '--strict').code).toBe(1);
    expect(existsSync(join(dir, 'a.json'))).toBe(true);
    const json = cli('import', fixture('orders.template.json'), '-o', join(dir, 'b.json'), '--strict');
    expect(json.code, json.out + json.err).toBe(0);
    expect(json.out).toMatch(/^orders\.template\.json: CloudFormation template, 3 resources: 3 understood, 0 skipped\n/);
  });

  it('--format json: the report as data; --name names the design; --no-layout leaves positions out', () => {
    const out = join(tmp(), 'o.json');
    const r = cli('import', APPSYNC, '-o', out, '--format', 'json', '--name', 'Orders "GraphQL"', '--no-layout');
    expect(r.code, r.err).toBe(0);
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(['design', 'nodes', 'edges', 'report', 'problems']);
    expect(json).toMatchObject({ design: out, nodes: 2, edges: 1, problems: [] });
    expect(json.report).toMatchObject({ fileName: 'orders-with-appsync.yaml', format: 'yaml', flavor: 'sam', totals: { resources: 3, understood: 2, skippedByType: { 'AWS::AppSync::GraphQLApi': 1 } } });
    expect(json.report.resources.find((x: { logicalId: string }) => x.logicalId === 'OrdersGraphApi')).toMatchObject({ status: 'skipped', line: 23, reasons: ['AWS::AppSync::GraphQLApi: no such resource kind in the model'] });
    const { design } = loaded(out);
    expect(design.name).toBe('Orders "GraphQL"');
    expect(design.layout?.positions ?? {}).toEqual({});
  });

  it('refuses an existing -o file without --force (exit 2, untouched); --force replaces it', () => {
    const out = join(tmp(), 'mine.design.json');
    writeFileSync(out, '{"mine": true}\n');
    expect(cli('import', APPSYNC, '-o', out)).toMatchObject({ code: 2, out: '', err: `${out}: already exists; not overwritten (add --force to replace it)\n` });
    expect(readFileSync(out, 'utf8')).toBe('{"mine": true}\n');
    expect(cli('import', APPSYNC, '-o', out, '--force').code).toBe(0);
    expect(loaded(out).design.nodes).toHaveLength(2);
  });

  it('export → import through the CLI gives back the same nodes and edges', () => {
    const dir = tmp();
    expect(cli('export', 'templates/queue-load-levelling.design.json', '--sam', join(dir, 'template.yaml')).code).toBe(0);
    const r = cli('import', join(dir, 'template.yaml'), '-o', join(dir, 'back.design.json'), '--strict', '--no-layout');
    expect(r.code, r.out + r.err).toBe(0);
    const original = loaded('templates/queue-load-levelling.design.json').design;
    const back = loaded(join(dir, 'back.design.json')).design;
    expect(back.name).toBe(original.name);
    expect(back.nodes.map((n) => `${n.kind}:${n.name}`).sort()).toEqual(original.nodes.map((n) => `${n.kind}:${n.name}`).sort());
    const nameOf = (d: typeof back) => new Map(d.nodes.map((n) => [n.id, n.name]));
    const edges = (d: typeof back) => d.edges.map((e) => `${e.kind}:${nameOf(d).get(e.from)}→${nameOf(d).get(e.to)}`).sort();
    expect(edges(back)).toEqual(edges(original));
  });
});

describe('serverless-designer import: templates it cannot read (exit 2, FILE:line:column, nothing written)', () => {
  /** Runs import on `content` written to a file; the design file must not appear. */
  function refused(name: string, content: string | Uint8Array) {
    const dir = tmp();
    const file = join(dir, name);
    writeFileSync(file, content);
    const out = join(dir, 'out.design.json');
    const r = cli('import', file, '-o', out);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(existsSync(out)).toBe(false);
    // A generous guard that it does not hang: the process start alone is most of it.
    expect(r.ms).toBeLessThan(5000);
    return { file, err: r.err };
  }

  it('unparsable YAML: the template\'s line and column', () => {
    const r = cli('import', fixture('broken.yaml'), '-o', join(tmp(), 'x.json'));
    expect(r).toMatchObject({ code: 2, out: '', err: 'test/fixtures/cli/iac/broken.yaml:6:3: Flow sequence in block collection must be sufficiently indented and end with a ]\n' });
  });

  it('unparsable JSON: line and column', () => {
    const { file, err } = refused('t.json', '{\n  "Resources": {\n    "Q": {"Type": "AWS::SQS::Queue"\n  }\n');
    expect(err).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:5:1: `));
  });

  it('a YAML alias bomb', () => {
    const lines = ['Resources:', '  L0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (let i = 1; i < 10; i++) lines.push(`  L${i}: &l${i} [${Array(10).fill(`*l${i - 1}`).join(', ')}]`);
    const { file, err } = refused('bomb.yaml', lines.join('\n'));
    expect(err).toMatch(new RegExp(`^${file}:\\d+:\\d+: the template expands to too many values \\(YAML aliases repeated over and over\\?\\)\n$`));
  });

  it('a 10 MB string: refused by size before it is read', () => {
    const { file, err } = refused('big.yaml', `Description: "${'x'.repeat(10 * 1024 * 1024)}"\n`);
    expect(err).toBe(`${file}: the template is 10,485,776 bytes, larger than 1 MB; CloudFormation accepts templates of at most 1 MB\n`);
  });

  it.each([
    ['flow YAML', 'deep.yaml', `Resources: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`, 1],
    ['JSON', 'deep.json', `{"Resources":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_001)}`, 1],
    ['block YAML', 'deep-block.yaml', `Resources:\n  A:\n    ${'- '.repeat(10_000)}x\n`, 3],
  ])('10,000-deep nesting in %s', (_what, name, text, line) => {
    const { file, err } = refused(name, text);
    expect(err).toMatch(new RegExp(`^${file}:${line}:\\d+: values are nested more than 100 levels deep\n$`));
  });

  it('a NUL byte and invalid UTF-8: where they are', () => {
    expect(refused('nul.yaml', 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\u0000\n').err).toMatch(/nul\.yaml:3:26: the template contains a NUL character; is it a binary file\?\n$/);
    const bytes = Buffer.concat([Buffer.from('Resources:\n  Qé:\n    Type: "'), Buffer.from([0xc3, 0x28]), Buffer.from('"\n')]);
    expect(refused('latin.yaml', bytes).err).toMatch(/latin\.yaml:3:12: not valid UTF-8 \(byte 0xc3\); CloudFormation templates are UTF-8 text\n$/);
    expect(refused('utf16.yaml', Buffer.from('\ufeffResources: {}\n', 'utf16le')).err).toMatch(/utf16\.yaml: the file is UTF-16 text; CloudFormation templates are UTF-8 \(save it as UTF-8\)\n$/);
  });

  it.each([
    ['a tab-indented file', 'tabs.yaml', 'Resources:\n\tQ:\n\t\tType: AWS::SQS::Queue\n', ':2:1: Tabs are not allowed as indentation'],
    ['an empty file', 'empty.yaml', '', ': the template is empty'],
    ['a JSON array at the top', 'list.json', '[{"Resources": {}}]', ':1:1: a template is a mapping (Resources, Parameters, …), not a list'],
  ])('%s', (_what, name, text, message) => {
    const { file, err } = refused(name, text);
    expect(err).toBe(`${file}${message}\n`);
  });

  it('a key given twice is imported (the later one) with a note naming the line', () => {
    const dir = tmp();
    const file = join(dir, 'dup.yaml');
    writeFileSync(file, 'Resources:\n  Q:\n    Type: AWS::SNS::Topic\n  Q:\n    Type: AWS::SQS::Queue\n');
    const r = cli('import', file, '-o', join(dir, 'd.json'));
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('  note: line 4: "Q" is given twice in the same mapping; the later one is used\n');
    expect(loaded(join(dir, 'd.json')).design.nodes.map((n) => n.kind)).toEqual(['sqsQueue']);
  });

  it('a BOM at the start of a UTF-8 file is not part of the template', () => {
    const dir = tmp();
    const file = join(dir, 'bom.yaml');
    writeFileSync(file, '\ufeffResources:\n  Q:\n    Type: AWS::SQS::Queue\n');
    expect(cli('import', file, '-o', join(dir, 'd.json')).code).toBe(0);
  });

  it.each([
    ['no -o', [APPSYNC], 'import: give the design file to write with -o DESIGN.json (see --help)\n'],
    ['no template', ['-o', 'x.json'], 'import: give exactly one template file (see --help)\n'],
    ['a missing template', ['missing.yaml', '-o', '/nonexistent-dir-for-test/x.json'], 'missing.yaml: cannot read: no such file\n'],
  ])('wrong arguments: %s', (_what, args, err) => {
    expect(cli('import', ...args)).toMatchObject({ code: 2, out: '', err });
  });

  it('--help explains the report, --strict and the exit codes', () => {
    const r = cli('import', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Usage: serverless-designer import TEMPLATE -o DESIGN.json [--name NAME] [--no-layout] [--force] [--strict] [--format text|json]');
    expect(r.out).toContain('Exit codes: 0 imported (the report lists anything skipped); 1 under --strict');
  });
});
