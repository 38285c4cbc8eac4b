import type { Design } from '../../model/design';
import { DESIGN_ONLY_PROPS, describedByResource, hasNoResource, METADATA_KEY } from '../cfn/metadata';
import { logicalIdFor, slugFor } from '../names';
import type { IacExport } from '../types';
import { binApp, cdkJson, handlerFiles, packageJson, readme, tsconfigJson } from './app';
import { CdkContext, LIMITS, MODULES, type Namespace, type Section, defaultsOf, nonDefaultProps, same, truncateUtf8 } from './context';
import { exportData } from './data';
import { exportTriggers } from './events';
import { codeDirs, exportFunctions } from './functions';
import { exportGrants } from './grants';
import { exportMessaging } from './messaging';
import { exportNetwork } from './network';
import { exportRouting } from './routing';
import { call, exprStmt, id, json, printStatements, stringLiteral, type Expr } from './writer';

/** Kinds whose construct takes the node's description as its own (others carry it in metadata). */
const DESCRIBED = new Set(['lambda', 'eventRule', 'eventBus', 'apiGateway', 'securityGroup']);

/** The design as a TypeScript CDK app: `bin/app.ts`, `lib/<slug>-stack.ts`, `cdk.json`,
 *  `package.json`, `tsconfig.json`, `README.md` and a placeholder handler per function. Pure and
 *  deterministic: the same design gives the same bytes. */
export function exportCdk(design: Design): IacExport {
  const ctx = new CdkContext(design);
  const dirs = codeDirs(ctx);
  exportNetwork(ctx);
  exportData(ctx);
  exportMessaging(ctx);
  exportFunctions(ctx, dirs);
  exportTriggers(ctx);
  exportRouting(ctx);
  exportGrants(ctx);
  attachMetadata(ctx);

  const slug = slugFor(design.name);
  const stackClass = `${logicalIdFor(design.name, new Set(), 'Design').slice(0, LIMITS.stackName - 5)}Stack`;
  const stackFile = `${slug}-stack`;
  if (ctx.declared.size === 0) ctx.warn(null, 'the design has no node that becomes a resource; the stack will be empty');
  const estimate = estimateResources(ctx);
  if (estimate > MAX_RESOURCES) {
    ctx.warn(null, `the stack has about ${estimate} CloudFormation resources (constructs, plus a role, policy and permission per function); a stack holds at most ${MAX_RESOURCES}, so \`cdk synth\` will refuse it: split the design into several stacks`);
  }
  const handlers = ctx.ofKind('lambda').flatMap((fn) => handlerFiles(ctx, fn, dirs.get(fn.id)!));
  return {
    files: [
      { path: 'bin/app.ts', content: binApp(stackClass, stackFile, stackClass, design.region) },
      { path: `lib/${stackFile}.ts`, content: stackSource(ctx, stackClass) },
      { path: 'cdk.json', content: cdkJson() },
      { path: 'package.json', content: packageJson(slug) },
      { path: 'tsconfig.json', content: tsconfigJson() },
      { path: 'README.md', content: readme(ctx, stackFile) },
      ...handlers,
    ],
    warnings: ctx.warnings,
  };
}

/** Resources per stack: https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html */
const MAX_RESOURCES = 500;

/** A lower bound of the synthesized resources: one per statement that creates or wires something
 *  (metadata and outputs create none), plus a role, its policy and a permission per function. */
function estimateResources(ctx: CdkContext): number {
  let n = 0;
  for (const [section, stmts] of ctx.stmts) if (section !== 'metadata' && section !== 'outputs') n += stmts.filter((s) => s.t !== 'blank' && s.t !== 'comment').length;
  return n + 3 * ctx.ofKind('lambda').length;
}

/** Design metadata per resource (name when not the construct id, a description the construct cannot
 *  carry, design-only props, access and invoke edges) and nodes with no resource at template level. */
function attachMetadata(ctx: CdkContext): void {
  for (const node of ctx.design.nodes) {
    const props = node.props as Record<string, unknown>;
    if (hasNoResource(node.kind, props) || !ctx.declared.has(node.id)) continue;
    if (node.kind === 'eventRule' && props.scheduler === true && props.ruleType === 'schedule' && ctx.from(node.id, 'trigger').length === 0) continue;
    const collected = ctx.metadata.get(node.id) ?? {};
    const meta: Record<string, unknown> = {};
    if (node.name !== ctx.cid(node.id)) meta.name = node.name;
    if ('description' in collected) meta.description = collected.description;
    else if (typeof props.description === 'string' && props.description !== '' && !(DESCRIBED.has(node.kind) && describedByResource(node.kind, props))) meta.description = props.description;
    const defaults = defaultsOf(node.kind);
    for (const key of DESIGN_ONLY_PROPS[node.kind] ?? []) if (!same(props[key], defaults[key])) meta[key] = props[key];
    // A stack deploys to one account and Region: a node placed elsewhere (CFG-12) is written like the rest, with a warning.
    const elsewhere = [typeof props.account === 'string' ? `account ${props.account}` : '', typeof props.region === 'string' ? `Region ${props.region}` : ''].filter(Boolean).join(' and ');
    if (elsewhere) ctx.warn(node, `is placed in ${elsewhere}; a template deploys to one account and Region, so it is written into this one (its placement is kept in the metadata): deploy it from a stack there`);
    // Whatever an exporter step kept for this node (access and invoke edges, settings the app cannot say).
    for (const [key, value] of Object.entries(collected)) if (key !== 'description' && value !== undefined) meta[key] = value;
    if (Object.keys(meta).length === 0) continue;
    ctx.helpers.add('designMetadata');
    ctx.add('metadata', exprStmt(call(id('designMetadata'), ctx.v(node.id), metadataLiteral(meta))));
  }
}

/** Metadata values are JSON, except `to` of access/invoke entries, which are already expressions. */
function metadataLiteral(meta: Record<string, unknown>): Expr {
  const walk = (v: unknown): Expr => {
    if (v !== null && typeof v === 'object' && 't' in (v as object) && typeof (v as { t: unknown }).t === 'string' && !Array.isArray(v)) return v as Expr;
    if (Array.isArray(v)) return { t: 'arr', items: v.map(walk) };
    if (v !== null && typeof v === 'object') return { t: 'obj', entries: Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, walk(x)] as const) };
    return json(v);
  };
  return walk(meta);
}

const SECTION_TITLES: Record<Section, string> = {
  network: 'Network', data: 'Data', messaging: 'Messaging', functions: 'Functions', sources: 'Event sources and subscriptions',
  wiring: 'State machines, rules, schedules and APIs', grants: 'Access (IAM grants from the design\'s access edges)',
  metadata: 'Design settings CloudFormation has no property for', outputs: 'Outputs',
};

function stackSource(ctx: CdkContext, stackClass: string): string {
  const body: string[] = [];
  const templateMeta: Record<string, unknown> = { design: ctx.design.name, region: ctx.design.region };
  // Nodes with no resource of their own, and nodes the app leaves out (warned), travel whole here so
  // that importing the synthesized template gives them back.
  const loose = ctx.design.nodes.filter((n) => hasNoResource(n.kind, n.props as Record<string, unknown>) || !ctx.declared.has(n.id)).map((n) => {
    const p = nonDefaultProps(n);
    return { kind: n.kind, name: n.name, ...(n.parent && ctx.declared.has(n.parent) ? { parent: ctx.cid(n.parent) } : {}), ...(Object.keys(p).length ? { props: p } : {}) };
  });
  if (loose.length) templateMeta.nodes = loose;
  const head = printStatements([
    exprStmt({ t: 'atom', code: `this.templateOptions.description = ${stringLiteral(truncateUtf8(`${ctx.design.name} (exported by Serverless Designer)`, LIMITS.templateDescriptionBytes))}` }),
    exprStmt({ t: 'atom', code: `this.templateOptions.metadata = ${printMeta(templateMeta)}` }),
  ], '    ');
  body.push(head);
  for (const [section, stmts] of ctx.stmts) {
    if (stmts.length === 0) continue;
    body.push(`\n    // ${SECTION_TITLES[section]}\n${printStatements(stmts, '    ')}`);
  }

  const imports: string[] = [];
  if (ctx.helpers.has('path')) imports.push("import * as path from 'path';");
  ctx.used.add('cdk');
  for (const ns of Object.keys(MODULES) as Namespace[]) if (ctx.used.has(ns)) imports.push(`import * as ${ns} from '${MODULES[ns]}';`);
  imports.push("import { Construct } from 'constructs';");

  const helpers: string[] = [];
  if (ctx.helpers.has('designMetadata')) {
    helpers.push([
      '/** Design settings no CloudFormation property says, read back by Serverless Designer\'s import. */',
      'function designMetadata(scope: Construct, data: Record<string, unknown>): void {',
      '  const resource = (scope.node.defaultChild ?? scope) as cdk.CfnResource;',
      `  resource.addMetadata('${METADATA_KEY}', data);`,
      '}',
    ].join('\n'));
  }
  if (ctx.helpers.has('logicalIdOf')) {
    helpers.push([
      '/** The logical id CloudFormation gives a construct\'s resource (resolved at synth). */',
      'function logicalIdOf(scope: Construct): string {',
      '  return cdk.Stack.of(scope).getLogicalId((scope.node.defaultChild ?? scope) as cdk.CfnElement);',
      '}',
    ].join('\n'));
  }

  return [
    `// AWS CDK stack for the design ${stringLiteral(ctx.design.name).replace(/[\r\n\u2028\u2029]/g, ' ')}, exported by Serverless Designer.`,
    imports.join('\n'),
    ...helpers,
    [
      `export class ${stackClass} extends cdk.Stack {`,
      '  constructor(scope: Construct, id: string, props?: cdk.StackProps) {',
      '    super(scope, id, props);',
      body.join('\n'),
      '  }',
      '}',
    ].join('\n'),
  ].join('\n\n') + '\n';
}

const printMeta = (templateMeta: Record<string, unknown>): string =>
  printStatements([exprStmt(json({ [METADATA_KEY]: templateMeta }))], '    ').trim().replace(/;$/, '');

