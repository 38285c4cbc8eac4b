import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { parseTemplateText } from '../../core/iac/cfn/yaml';
import { resourcesOf, synthesize, writeApp } from '../support/cdkSynth';
import { validateSamTemplate } from '../support/samSchema';

const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['bin/serverless-designer.mjs', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const tmp = () => mkdtempSync(join(tmpdir(), 'sd-export-'));
const REST = 'templates/rest-api.design.json';
const HOSTILE = 'test/fixtures/cli/iac/hostile-names.design.json';

/** Every file under `dir`, relative, sorted. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`])).sort();
}

describe('serverless-designer export --sam (real process)', () => {
  it('writes the template at OUT.yaml and the handlers beside it, under a folder it creates', () => {
    const dir = tmp();
    const out = join(dir, 'infra', 'orders.yaml');
    const r = cli('export', REST, '--sam', out);
    expect(r.code, r.err).toBe(0);
    expect(filesUnder(dir)).toEqual(['infra/orders.yaml', 'infra/src/items-handler/index.mjs', 'infra/src/items-handler/package.json']);
    const template = parseTemplateText(readFileSync(out, 'utf8')).template;
    expect(template.Transform).toBe('AWS::Serverless-2016-10-31');
    const fn = Object.values(template.Resources as Record<string, { Type: string; Properties: { CodeUri: string } }>).find((x) => x.Type === 'AWS::Serverless::Function')!;
    // CodeUri is relative to the template: the handler must be there.
    expect(existsSync(join(dir, 'infra', fn.Properties.CodeUri, 'index.mjs'))).toBe(true);
    expect(r.out).toBe([
      `wrote ${out}`, `wrote ${join(dir, 'infra/src/items-handler/index.mjs')}`, `wrote ${join(dir, 'infra/src/items-handler/package.json')}`,
      `${REST}: SAM template for "Serverless REST API" (4 nodes), 3 files written, 0 kept`, '',
    ].join('\n'));
  });

  it('refuses an existing OUT.yaml without --force (exit 2, file untouched); with --force keeps the user\'s handler', () => {
    const dir = tmp();
    const out = join(dir, 'template.yaml');
    expect(cli('export', REST, '--sam', out).code).toBe(0);
    writeFileSync(out, '# my edits\n');
    const handler = join(dir, 'src/items-handler/index.mjs');
    writeFileSync(handler, 'export const handler = async () => "my real code";\n');

    const refused = cli('export', REST, '--sam', out);
    expect(refused).toMatchObject({ code: 2, out: '', err: `${out}: already exists; not overwritten (add --force to replace it; existing handlers are kept either way)\n` });
    expect(readFileSync(out, 'utf8')).toBe('# my edits\n');

    const forced = cli('export', REST, '--sam', out, '--force');
    expect(forced.code, forced.err).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/Transform: AWS::Serverless-2016-10-31/);
    expect(readFileSync(handler, 'utf8')).toBe('export const handler = async () => "my real code";\n');
    expect(forced.out).toContain(`kept ${handler} (it exists: your code is not overwritten)\n`);
    expect(forced.out).toContain('1 file written, 2 kept');
    // Written through temporary files that do not stay behind.
    expect(filesUnder(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('--format json: {files: [{path, status}], warnings}', () => {
    const dir = tmp();
    const out = join(dir, 'template.yaml');
    mkdirSync(join(dir, 'src/items-handler'), { recursive: true });
    writeFileSync(join(dir, 'src/items-handler/package.json'), '{"name": "mine"}\n');
    const r = cli('export', REST, '--sam', out, '--format', 'json');
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toEqual({
      files: [
        { path: out, status: 'written' },
        { path: join(dir, 'src/items-handler/index.mjs'), status: 'written' },
        { path: join(dir, 'src/items-handler/package.json'), status: 'kept' },
      ],
      warnings: [],
    });
  });

  it('prints what the target cannot say as warnings; --strict makes them exit 1', () => {
    const dir = tmp();
    const design = join(dir, 'nothing.design.json');
    writeFileSync(design, JSON.stringify({ format: 'serverless-design', schemaVersion: 1, name: 'nothing', region: 'us-east-1', nodes: [], edges: [] }));
    const r = cli('export', design, '--sam', join(dir, 'a.yaml'));
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('\nwarning: the design has no node that becomes a resource; CloudFormation needs at least one, so the template will not deploy\n');
    expect(cli('export', design, '--sam', join(dir, 'b.yaml'), '--strict').code).toBe(1);
    expect(cli('export', REST, '--sam', join(dir, 'c.yaml'), '--strict').code).toBe(0);
  });

  it('a design with problems that still loads is exported with a warning naming them', () => {
    const r = cli('export', 'test/fixtures/cli/dangling-edge.design.json', '--sam', join(tmp(), 't.yaml'));
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('warning: test/fixtures/cli/dangling-edge.design.json: the design has 1 problem (see `serverless-designer validate test/fixtures/cli/dangling-edge.design.json`); the exported code may not deploy');
  });
});

describe('serverless-designer export --cdk (real process)', () => {
  it('writes the app into OUTDIR; a non-empty OUTDIR is refused without --force, and --force keeps the handler', () => {
    const dir = join(tmp(), 'app');
    const r = cli('export', 'templates/vpc-rds-external-api.design.json', '--cdk', dir);
    expect(r.code, r.err).toBe(0);
    expect(filesUnder(dir)).toEqual(['README.md', 'bin/app.ts', 'cdk.json', 'lambda/quote-service/index.mjs', 'lib/vpc-function-with-rds-and-an-external-api-stack.ts', 'package.json', 'tsconfig.json']);
    expect(readFileSync(join(dir, 'lib/vpc-function-with-rds-and-an-external-api-stack.ts'), 'utf8')).toContain('new ec2.');

    const refused = cli('export', 'templates/vpc-rds-external-api.design.json', '--cdk', dir);
    expect(refused).toMatchObject({ code: 2, out: '', err: `${dir}: the folder is not empty; not written (add --force to write the app into it; existing handlers are kept either way)\n` });

    const handler = join(dir, 'lambda/quote-service/index.mjs');
    writeFileSync(handler, '// mine\n');
    writeFileSync(join(dir, 'cdk.json'), '{}');
    const forced = cli('export', 'templates/vpc-rds-external-api.design.json', '--cdk', dir, '--force');
    expect(forced.code, forced.err).toBe(0);
    expect(readFileSync(handler, 'utf8')).toBe('// mine\n');
    expect(readFileSync(join(dir, 'cdk.json'), 'utf8')).not.toBe('{}');
    expect(forced.out).toContain(`kept ${handler} (it exists: your code is not overwritten)`);
  });

  it('an empty existing folder is fine without --force; a file where the folder should be is refused', () => {
    const dir = tmp();
    expect(cli('export', REST, '--cdk', dir).code).toBe(0);
    const file = join(tmp(), 'file');
    writeFileSync(file, 'x');
    expect(cli('export', REST, '--cdk', file)).toMatchObject({ code: 2, err: `${file}: is a file; --cdk takes a folder to write the app into\n` });
  });
});

describe('serverless-designer export: what the CLI writes deploys', () => {
  const starters = readdirSync('templates').filter((f) => f.endsWith('.design.json'));

  it.each(starters)('%s: the SAM template written passes the SAM schema and the CloudFormation spec', (name) => {
    const out = join(tmp(), 'template.yaml');
    const r = cli('export', `templates/${name}`, '--sam', out);
    expect(r.code, r.err).toBe(0);
    expect(validateSamTemplate(parseTemplateText(readFileSync(out, 'utf8')).template)).toEqual([]);
  });

  it('the CDK app written synthesizes with aws-cdk-lib\'s CloudFormation validation on', () => {
    const dir = tmp();
    const r = cli('export', 'templates/vpc-rds-external-api.design.json', '--cdk', dir);
    expect(r.code, r.err).toBe(0);
    // The files exactly as the CLI wrote them, in a folder the harness links node_modules into.
    const app = writeApp({ files: filesUnder(dir).map((path) => ({ path, content: readFileSync(join(dir, path), 'utf8') })), warnings: [] });
    const template = synthesize(app, { validation: true });
    expect(resourcesOf(template, 'AWS::Lambda::Function').length).toBeGreaterThan(0);
    expect(resourcesOf(template, 'AWS::EC2::VPC')).toHaveLength(1);
  }, 60_000);
});

describe('serverless-designer export: names full of quotes and control characters', () => {
  const design = JSON.parse(readFileSync(HOSTILE, 'utf8')) as { name: string; nodes: { name: string }[] };

  it('SAM: the template parses back and keeps every name exactly; the terminal sees escapes, not control characters', () => {
    const dir = tmp();
    const out = join(dir, 'template.yaml');
    const r = cli('export', HOSTILE, '--sam', out);
    expect(r.code, r.err).toBe(0);
    // eslint-disable-next-line no-control-regex -- the point: no raw control character reaches the terminal
    expect(r.out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(r.out).toContain(`SAM template for ${JSON.stringify(design.name)}`);
    const parsed = parseTemplateText(readFileSync(out, 'utf8'));
    const md = parsed.template.Metadata as { ServerlessDesigner: { design: string } };
    expect(md.ServerlessDesigner.design).toBe(design.name);
    const names = Object.values(parsed.template.Resources as Record<string, { Metadata?: { ServerlessDesigner?: { name?: string } } }>)
      .map((res) => res.Metadata?.ServerlessDesigner?.name).filter((n) => n !== undefined);
    for (const node of design.nodes) expect(names).toContain(node.name);
  });

  it('CDK: the stack and app are TypeScript without a syntax error, and the package name is a valid npm name', () => {
    const dir = tmp();
    const r = cli('export', HOSTILE, '--cdk', dir);
    expect(r.code, r.err).toBe(0);
    for (const f of filesUnder(dir).filter((p) => p.endsWith('.ts'))) {
      const out = ts.transpileModule(readFileSync(join(dir, f), 'utf8'), { reportDiagnostics: true, fileName: f });
      expect(out.diagnostics?.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')), f).toEqual([]);
    }
    expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name).toMatch(/^[a-z0-9][a-z0-9-]*$/);
  });
});

describe('serverless-designer export: wrong input (exit 2)', () => {
  it.each([
    ['neither --sam nor --cdk', [REST], 'export: give exactly one of --sam OUT.yaml and --cdk OUTDIR (see --help)\n'],
    ['both --sam and --cdk', [REST, '--sam', 'a.yaml', '--cdk', 'b'], 'export: give exactly one of --sam OUT.yaml and --cdk OUTDIR (see --help)\n'],
    ['no design file', ['--sam', 'a.yaml'], 'export: give exactly one design file (see --help)\n'],
    ['a missing design file', ['missing.design.json', '--sam', '/nonexistent-dir-for-test/a.yaml'], 'missing.design.json: cannot read: no such file\n'],
    ['a format it does not write', [REST, '--sam', 'a.yaml', '--format', 'yaml'], '--format must be one of text, json, not "yaml"\n'],
  ])('%s', (_what, args, err) => {
    expect(cli('export', ...args)).toMatchObject({ code: 2, out: '', err });
  });

  it('a design that does not load: the file, line and column, and nothing written', () => {
    const dir = tmp();
    const r = cli('export', 'test/fixtures/cli/corrupt.design.json', '--sam', join(dir, 't.yaml'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^test\/fixtures\/cli\/corrupt\.design\.json: not a loadable design:\n {2}test\/fixtures\/cli\/corrupt\.design\.json:\$: not valid JSON: the file ends too early at line 2, column 14/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('--sam naming a folder is refused', () => {
    const dir = tmp();
    expect(cli('export', REST, '--sam', dir)).toMatchObject({ code: 2, err: `${dir}: is a directory; --sam takes the path of the template file to write\n` });
  });

  it('--help lists both targets, --force and the exit codes; the program lists the command', () => {
    const r = cli('export', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Usage: serverless-designer export FILE (--sam OUT.yaml | --cdk OUTDIR) [--force] [--strict] [--format text|json]');
    expect(r.out).toContain('Exit codes: 0 exported; 1 exported with warnings under --strict; 2 FILE cannot be read');
    expect(cli('--help').out).toMatch(/\n {2}export +write a design as an AWS SAM template or an AWS CDK app/);
  });
});
