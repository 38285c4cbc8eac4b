import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['bin/serverless-designer.mjs', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const VPC = 'templates/vpc-rds-external-api.design.json';
const tmp = () => mkdtempSync(join(tmpdir(), 'sd-diagram-'));
const svgSize = (svg: string) => {
  const m = /^<svg [^>]*width="(\d+)" height="(\d+)"/.exec(svg);
  return m ? { width: Number(m[1]), height: Number(m[2]) } : undefined;
};

/** The top-left pixel of an 8-bit RGBA PNG (whatever the row's filter, the first pixel is stored raw). */
function firstPixel(png: Buffer): number[] {
  expect(png[24]).toBe(8); // bit depth
  expect(png[25]).toBe(6); // RGBA
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    if (png.subarray(at + 4, at + 8).toString('latin1') === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  return [...inflateSync(Buffer.concat(idat)).subarray(1, 5)];
}

describe('serverless-designer diagram (real process)', () => {
  it('writes the SVG: the design drawn from the model, its size said', () => {
    const out = join(tmp(), 'vpc.svg');
    const r = cli('diagram', VPC, '-o', out);
    expect(r.code, r.err).toBe(0);
    const svg = readFileSync(out, 'utf8');
    const size = svgSize(svg);
    expect(size).toBeDefined();
    expect(r.out).toBe(`wrote ${out} (${size?.width} × ${size?.height} px)\n`);
    expect(svg).toContain('<title>Lambda function Quote service');
    expect(svg).toContain('fill="#f8f9fb"'); // the canvas's light background by default for SVG
  });

  it('writes the PNG at 2×: PNG signature, IHDR width and height twice the SVG\'s', () => {
    const dir = tmp();
    expect(cli('diagram', VPC, '-o', join(dir, 'vpc.svg'), '--background', 'white').code).toBe(0);
    const r = cli('diagram', VPC, '-o', join(dir, 'vpc.png'));
    expect(r.code, r.err).toBe(0);
    const png = readFileSync(join(dir, 'vpc.png'));
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    const size = svgSize(readFileSync(join(dir, 'vpc.svg'), 'utf8'));
    expect({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) }).toEqual({ width: 2 * (size?.width ?? 0), height: 2 * (size?.height ?? 0) });
    // White by default for PNG; transparent when asked.
    expect(firstPixel(png)).toEqual([255, 255, 255, 255]);
    expect(cli('diagram', VPC, '-o', join(dir, 'clear.png'), '--background', 'transparent').code).toBe(0);
    expect(firstPixel(readFileSync(join(dir, 'clear.png')))[3]).toBe(0);
  });

  it('--only draws the selection; --theme dark', () => {
    const out = join(tmp(), 'part.svg');
    const r = cli('diagram', VPC, '-o', out, '--only', 'fn-quotes,db', '--theme', 'dark');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/, 2 selected nodes\)\n$/);
    const svg = readFileSync(out, 'utf8');
    expect([...svg.matchAll(/data-node="([^"]+)"/g)].map((m) => m[1]).sort()).toEqual(['db', 'fn-quotes', 'vpc']);
    expect(svg).toContain('fill="#11161d"');
  });

  it('an unknown id in --only is named, and nothing is written', () => {
    const out = join(tmp(), 'x.svg');
    const r = cli('diagram', VPC, '-o', out, '--only', 'fn-quotes,nope');
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${VPC}: --only: no node with id "nope" in "VPC function with RDS and an external API"`);
    expect(existsSync(out)).toBe(false);
  });

  it('an unknown extension, theme or background, an unreadable file: exit 2 with the reason', () => {
    const dir = tmp();
    expect(cli('diagram', VPC, '-o', join(dir, 'x.jpg'))).toMatchObject({ code: 2, err: 'diagram: cannot tell the format from "x.jpg": name it .svg or .png\n' });
    expect(cli('diagram', VPC, '-o', join(dir, 'x.svg'), '--theme', 'blue').err).toContain('blue');
    expect(cli('diagram', VPC, '-o', join(dir, 'x.svg'), '--background', 'pink').err).toContain('pink');
    expect(cli('diagram', join(dir, 'missing.json'), '-o', join(dir, 'x.svg'))).toMatchObject({ code: 2, err: `${join(dir, 'missing.json')}: cannot read: no such file\n` });
    writeFileSync(join(dir, 'broken.json'), '{"format": "serverless-design", ');
    const broken = cli('diagram', join(dir, 'broken.json'), '-o', join(dir, 'x.svg'));
    expect(broken.code).toBe(2);
    expect(broken.err).toContain('broken.json');
    expect(cli('diagram', VPC).err).toContain('-o OUT');
    expect(readdirSync(dir).sort()).toEqual(['broken.json']);
  });

  it('an existing OUT is never touched when drawing or writing fails', () => {
    const dir = tmp();
    const out = join(dir, 'keep.svg');
    writeFileSync(out, 'old');
    expect(cli('diagram', VPC, '-o', out, '--only', 'nope').code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('old');
    if (process.getuid?.() !== 0) {
      // A folder that cannot be written to (root can write anywhere: skipped there).
      const locked = join(dir, 'locked');
      mkdirSync(locked);
      writeFileSync(join(locked, 'keep.svg'), 'old');
      chmodSync(locked, 0o500);
      const r = cli('diagram', VPC, '-o', join(locked, 'keep.svg'));
      expect(r.code).toBe(2);
      expect(r.err).toContain('cannot write');
      expect(readFileSync(join(locked, 'keep.svg'), 'utf8')).toBe('old');
    }
    // OUT is a directory: the rename fails, the directory stays.
    const asDir = join(dir, 'adir.svg');
    mkdirSync(asDir);
    const r = cli('diagram', VPC, '-o', asDir);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`diagram: cannot write ${asDir}`);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('is listed in the CLI help', () => {
    expect(cli('--help').out).toMatch(/\n {2}diagram +draw the design from the model as SVG or PNG/);
  });
});
