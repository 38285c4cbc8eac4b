import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['bin/serverless-designer.mjs', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const VPC = 'templates/vpc-rds-external-api.design.json';
const REST = 'templates/rest-api.design.json';
const tmp = () => mkdtempSync(join(tmpdir(), 'sd-report-'));

describe('serverless-designer report (real process)', () => {
  it('writes one self-contained HTML file, format from the extension', () => {
    const out = join(tmp(), 'review.html');
    const r = cli('report', VPC, '-o', out);
    expect(r.code, r.err).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en" data-theme="auto">')).toBe(true);
    expect(html).toContain('<h1>Design review: <bdi>VPC function with RDS and an external API</bdi></h1>');
    expect(html).not.toMatch(/<script|<link|\ssrc=/);
    expect(r.out).toBe(`wrote ${out}\n${VPC}: report on "VPC function with RDS and an external API": 0 errors, 0 warnings, 0 LOST retry paths, 0 unreachable access edges\n`);
  });

  it('Markdown: the diagram is written beside it as OUT.svg and linked', () => {
    const dir = tmp();
    const r = cli('report', VPC, '-o', join(dir, 'review.md'), '--regions', 'us-east-1,eu-west-1');
    expect(r.code, r.err).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['review.md', 'review.svg']);
    expect(readFileSync(join(dir, 'review.md'), 'utf8')).toContain('\n![Diagram of VPC function with RDS and an external API](review.svg)\n');
    expect(readFileSync(join(dir, 'review.svg'), 'utf8')).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(r.out.split('\n').slice(0, 2)).toEqual([`wrote ${join(dir, 'review.svg')}`, `wrote ${join(dir, 'review.md')}`]);
  });

  it('--format overrides the extension; --compare takes another design', () => {
    const out = join(tmp(), 'review.txt');
    const r = cli('report', VPC, '--compare', REST, '--format', 'html', '-o', out);
    expect(r.code, r.err).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('<h2>Comparison: "VPC function with RDS and an external API" (A) and "Serverless REST API" (B)</h2>');
  });

  it('Markdown comparing two designs links both diagrams, each written beside it', () => {
    const dir = tmp();
    const r = cli('report', VPC, '--compare', REST, '-o', join(dir, 'review.md'));
    expect(r.code, r.err).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['review-b.svg', 'review.md', 'review.svg']);
    const md = readFileSync(join(dir, 'review.md'), 'utf8');
    expect(md).toContain('\n![Diagram of Serverless REST API](review-b.svg)\n');
    expect(readFileSync(join(dir, 'review-b.svg'), 'utf8')).toContain('Items API');
  });

  it.each([
    [['--profiles', 'low,busy'], `${VPC}: no usage profile "busy" (the design has "low", "expected", "peak")`],
    [['--profiles', 'low'], '--profiles takes two names separated by a comma (like --profiles low,peak), not "low"'],
    [['--regions', 'us-east-1,mars'], '--region "mars" is not an AWS Region code (like us-east-1); regions with price catalogs: us-east-1, '],
    [['--profiles', 'low,peak', '--regions', 'us-east-1,eu-west-1'], 'report: give one of --compare, --profiles, --regions, not --profiles and --regions'],
    [['--compare', 'missing.design.json'], 'missing.design.json: cannot read: no such file'],
    [['--theme', 'sepia'], '--theme must be one of auto, light, dark, not "sepia"'],
  ])('%j: exit 2 with a clear message, and an existing OUT is left as it was', (args, message) => {
    const dir = tmp();
    const out = join(dir, 'review.html');
    writeFileSync(out, 'the previous report');
    const r = cli('report', VPC, '-o', out, ...args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(readFileSync(out, 'utf8')).toBe('the previous report');
    expect(readdirSync(dir)).toEqual(['review.html']);
  });

  it('is listed in --help and has its own help', () => {
    expect(cli('--help').out).toMatch(/\n {2}report +write the design-review report/);
    expect(cli('report', '--help')).toMatchObject({ code: 0, out: expect.stringMatching(/^Usage: serverless-designer report FILE\[#ALT\] -o OUT /) });
  });

  it('usage errors: no OUT, a format it cannot tell, an unreadable design', () => {
    expect(cli('report', VPC).err).toBe('report: give the output file with -o OUT (.html or .md)\n');
    const dir = tmp();
    const r = cli('report', VPC, '-o', join(dir, 'review.pdf'));
    expect([r.code, r.err]).toEqual([2, 'report: cannot tell the format from "review.pdf": name it .html or .md, or give --format md|html\n']);
    expect(cli('report', 'nope.design.json', '-o', join(dir, 'r.html')).err).toBe('nope.design.json: cannot read: no such file\n');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('an OUT that cannot be written is exit 2 naming it, with nothing left behind', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'file'), '');
    const r = cli('report', VPC, '-o', join(dir, 'file', 'review.html'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(new RegExp(`^report: cannot write ${join(dir, 'file').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(readdirSync(dir)).toEqual(['file']);
    expect(existsSync(join(dir, 'file', 'review.html'))).toBe(false);
  });
});
