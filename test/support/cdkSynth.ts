import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type * as CdkLib from 'aws-cdk-lib';
import ts from 'typescript';
import type { IacExport } from '../../core/iac/types';

/** Runs an exported CDK app as a user would, but in-process and offline: its files written to a temp
 *  folder whose node_modules is this repository's (the installed aws-cdk-lib and constructs), type-checked
 *  with the app's own tsconfig.json, transpiled to CommonJS and synthesized with the real aws-cdk-lib. */

const REPO = resolve(dirname(new URL(import.meta.url).pathname), '../..');

export interface WrittenApp {
  dir: string;
  stackFile: string;
  stackClass: string;
  stackId: string;
  region: string;
}

const written: string[] = [];

/** Deletes every app folder this process wrote (the node_modules link, not what it points at). */
export function removeApps(): void {
  for (const dir of written.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Writes an export to a fresh temp folder (with node_modules linked to the repo's). */
export function writeApp(exported: IacExport, root = mkdtempSync(join(tmpdir(), 'cdk-export-'))): WrittenApp {
  mkdirSync(root, { recursive: true });
  written.push(root);
  for (const f of exported.files) {
    if (f.path.includes('..') || f.path.startsWith('/')) throw new Error(`export wrote outside its folder: ${f.path}`);
    mkdirSync(dirname(join(root, f.path)), { recursive: true });
    writeFileSync(join(root, f.path), f.content);
  }
  symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'), 'dir');
  const bin = exported.files.find((f) => f.path === 'bin/app.ts')!.content;
  const m = /import \{ (\w+) \} from '\.\.\/lib\/([^']+)';[\s\S]*?new \w+\(app, '([^']+)'[\s\S]*?region: '([^']+)'/.exec(bin);
  if (!m) throw new Error('bin/app.ts does not have the shape this harness reads (stack class, file, id, region)');
  return { dir: root, stackClass: m[1], stackFile: m[2], stackId: m[3], region: m[4] };
}

/** TypeScript's diagnostics for bin/app.ts and lib/*.ts of each app, with each app's tsconfig.json;
 *  one Program for all apps so aws-cdk-lib's declarations are read once. */
export function typeCheck(apps: readonly WrittenApp[]): Map<string, string[]> {
  const config = ts.readConfigFile(join(apps[0].dir, 'tsconfig.json'), (p) => ts.sys.readFile(p));
  if (config.error) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, apps[0].dir);
  const roots = apps.flatMap((a) => [join(a.dir, 'bin/app.ts'), ...readdirSync(join(a.dir, 'lib')).filter((f) => f.endsWith('.ts')).map((f) => join(a.dir, 'lib', f))]);
  const program = ts.createProgram({ rootNames: roots, options: { ...parsed.options, noEmit: true } });
  const out = new Map<string, string[]>(apps.map((a) => [a.dir, [...parsed.errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))]]));
  const all = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics(), ...roots.flatMap((r) => {
    const sf = program.getSourceFile(r);
    return sf ? [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)] : [];
  })];
  for (const d of all) {
    const file = d.file?.fileName ?? '';
    const app = apps.find((a) => file.startsWith(a.dir)) ?? apps[0];
    const where = d.file && d.start !== undefined ? (() => { const p = d.file.getLineAndCharacterOfPosition(d.start); return `${file.slice(app.dir.length + 1)}:${p.line + 1}:${p.character + 1} `; })() : '';
    out.get(app.dir)!.push(`${where}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
  }
  return out;
}

/** Transpiles the app to CommonJS beside its sources and synthesizes its stack; returns the template. */
export function synthesize(app: WrittenApp, opts: { validation: boolean }): Record<string, unknown> {
  for (const rel of ['bin/app.ts', ...readdirSync(join(app.dir, 'lib')).filter((f) => f.endsWith('.ts')).map((f) => `lib/${f}`)]) {
    const source = ts.sys.readFile(join(app.dir, rel))!;
    const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: false }, fileName: rel }).outputText;
    writeFileSync(join(app.dir, rel.replace(/\.ts$/, '.js')), js);
  }
  const req = createRequire(join(app.dir, 'package.json'));
  const cdk = req('aws-cdk-lib') as typeof CdkLib;
  const mod = req(join(app.dir, 'lib', `${app.stackFile}.js`)) as Record<string, new (scope: unknown, id: string, props: unknown) => unknown>;
  const Stack = mod[app.stackClass];
  // `cdk synth` adds each resource's construct path (aws:cdk:path) by default; so does this harness.
  const cdkApp = new cdk.App({ outdir: join(app.dir, 'cdk.out'), builtinCloudFormationValidation: opts.validation, context: { 'aws:cdk:enable-path-metadata': true } });
  new Stack(cdkApp, app.stackId, { env: { region: app.region } });
  const assembly = cdkApp.synth();
  return assembly.getStackByName(app.stackId).template as Record<string, unknown>;
}

/** Resources of a synthesized template by type. */
export function resourcesOf(template: Record<string, unknown>, type?: string): [string, { Type: string; Properties?: Record<string, unknown>; Metadata?: Record<string, unknown> }][] {
  const resources = (template.Resources ?? {}) as Record<string, { Type: string; Properties?: Record<string, unknown>; Metadata?: Record<string, unknown> }>;
  return Object.entries(resources).filter(([, r]) => type === undefined || r.Type === type);
}
