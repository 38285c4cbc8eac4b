import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['bin/serverless-designer.mjs', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const fixture = (name: string) => `test/fixtures/cli/${name}`;

describe('serverless-designer validate (real process)', () => {
  it('accepts every starter template (exit 0), skipping the folder README', () => {
    const files = readdirSync('templates').map((f) => `templates/${f}`);
    const r = cli('validate', ...files);
    expect(r.code, r.out + r.err).toBe(0);
    expect(r.out.match(/: valid \(/g)?.length).toBe(files.filter((f) => f.endsWith('.design.json')).length);
    expect(r.err).toMatch(/templates\/README\.md: skipped/);
  });

  it('memory 99999 → exit 1 naming the file, the JSON path and the function', () => {
    const r = cli('validate', fixture('memory-99999.design.json'));
    expect(r.code).toBe(1);
    expect(r.out).toContain('memory-99999.design.json:$.nodes[0].props.memoryMb (node "resize-images"): memoryMb is 99999; AWS allows at most 10240');
  });

  it('a dangling edge → exit 1 naming the edge and the missing node', () => {
    const r = cli('validate', fixture('dangling-edge.design.json'));
    expect(r.code).toBe(1);
    expect(r.out).toContain('$.edges[0].to (edge "image-jobs → fn-thumbnail"): edge "e-jobs" points to "fn-thumbnail"');
  });

  it('an SQS → Lambda edge of kind invoke → exit 1 with the reason', () => {
    const r = cli('validate', fixture('sqs-invoke.design.json'));
    expect(r.code).toBe(1);
    expect(r.out).toContain('$.edges[0] (edge "image-jobs → resize-images"): invoke edge image-jobs → resize-images: an SQS queue never invokes a function');
  });

  it('a corrupt file → exit 1 with line and column; a valid one alongside still reports valid', () => {
    const r = cli('validate', fixture('valid.design.json'), fixture('corrupt.design.json'));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/valid\.design\.json: valid \(2 nodes, 1 edges\)/);
    expect(r.out).toMatch(/corrupt\.design\.json:\$: not valid JSON: the file ends too early at line 2, column 14/);
  });

  it('a file that cannot be read → exit 2', () => {
    const r = cli('validate', 'test/fixtures/cli/does-not-exist.design.json');
    expect(r.code).toBe(2);
    expect(r.err).toContain('does-not-exist.design.json: cannot read: no such file');
  });

  it('--format json gives machine-readable problems', () => {
    const r = cli('validate', '--format', 'json', fixture('memory-99999.design.json'));
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    expect(report.files[0]).toMatchObject({ valid: false, readable: true, problems: [{ code: 'range', path: '$.nodes[0].props.memoryMb', target: { id: 'fn-resize', name: 'resize-images', type: 'node' } }] });
  });

  it('has --help for the program and the command, and rejects unknown commands and options', () => {
    expect(cli('--help')).toMatchObject({ code: 0, out: expect.stringMatching(/Commands:\n {2}validate/) });
    expect(cli('validate', '--help')).toMatchObject({ code: 0, out: expect.stringMatching(/Exit codes: 0 every file is a valid design/) });
    expect(cli('frobnicate').code).toBe(2);
    expect(cli('validate', '--wat', 'x.json')).toMatchObject({ code: 2, err: expect.stringMatching(/Unknown option '--wat'/) });
    expect(cli('validate')).toMatchObject({ code: 2, err: expect.stringMatching(/no design file given/) });
  });
});
