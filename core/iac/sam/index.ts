import type { Design, DesignNode } from '../../model/design';
import { DESIGN_ONLY_PROPS, describedByResource, hasNoResource, METADATA_KEY, type MetadataNode, type TemplateMetadata } from '../cfn/metadata';
import { type Props, RESOURCE_TABLES, VARIANT_PROPS } from '../cfn/properties';
import type { IacExport } from '../types';
import { exportApis } from './apis';
import { ExportContext, ref, type Resource } from './context';
import { defaultsOf, nonDefaultProps, same } from '../defaults';
import { exportData } from './data';
import { planRuleEvents } from './events';
import { codeDirs, exportFunctions, hoistGlobals } from './functions';
import { placeholderHandlers } from './handlers';
import { exportMessaging, exportResourcePolicies } from './messaging';
import { exportNetwork } from './network';
import { exportRouting } from './routing';
import { exportStateMachines } from './stateMachines';
import { writeTemplate } from './yamlWriter';
import { MAX_TEMPLATE_BYTES, utf8Length } from '../cfn/yaml';

/** CloudFormation quotas per stack: 500 resources, 200 outputs, 200 parameters, a 1 MB template:
 *  https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html */
const MAX_RESOURCES = 500;
const MAX_OUTPUTS = 200;
const MAX_PARAMETERS = 200;

/** Outputs within the quota (the first ones, in design order), with a warning for the rest and for
 *  too many parameters. */
function withinQuotas(ctx: ExportContext): Props {
  const names = Object.keys(ctx.outputs);
  if (Object.keys(ctx.parameters).length + 1 > MAX_PARAMETERS) {
    ctx.warn(null, `the template needs ${Object.keys(ctx.parameters).length + 1} parameters; CloudFormation takes at most ${MAX_PARAMETERS}`);
  }
  if (names.length <= MAX_OUTPUTS) return ctx.outputs;
  ctx.warn(null, `the design has ${names.length} outputs; CloudFormation takes at most ${MAX_OUTPUTS}, so only the first ${MAX_OUTPUTS} are written`);
  return Object.fromEntries(names.slice(0, MAX_OUTPUTS).map((n) => [n, ctx.outputs[n]]));
}

/** CloudFormation's longest template Description (1,024 bytes):
 *  https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-description-structure.html */
const MAX_DESCRIPTION = 1024;

/** The design as an AWS SAM template (`template.yaml`) plus a placeholder handler per function. Pure
 *  and deterministic: the same design gives the same bytes. What SAM cannot say is in `warnings`.
 *  Printed by `writeTemplate` (same output as `stringifyTemplate` read back, several times faster). */
export function exportSam(design: Design): IacExport {
  const ctx = new ExportContext(design);
  planRuleEvents(ctx);
  exportNetwork(ctx);
  exportData(ctx);
  exportMessaging(ctx);
  const dirs = codeDirs(ctx);
  exportFunctions(ctx, dirs);
  exportApis(ctx);
  exportStateMachines(ctx);
  exportRouting(ctx);
  exportResourcePolicies(ctx);
  keepDisabledTriggers(ctx);
  const nodes = attachMetadata(ctx);
  const globals = hoistGlobals(ctx);

  const outputs = withinQuotas(ctx);
  const hasFunctions = design.nodes.some((n) => n.kind === 'lambda');
  const parameters: Props = {
    Stage: { Type: 'String', Default: 'prod', Description: 'Deployment stage, tagged on every function' },
    ...ctx.parameters,
  };
  const functionGlobals = hasFunctions ? { ...(globals?.Function as Props | undefined), Tags: { Stage: ref('Stage') } } : undefined;
  const templateMeta: TemplateMetadata = { design: design.name, region: design.region, ...(nodes.length ? { nodes } : {}) };
  const template: Props = {
    AWSTemplateFormatVersion: '2010-09-09',
    Transform: 'AWS::Serverless-2016-10-31',
    Description: truncateBytes(`${design.name} (exported by Serverless Designer)`, MAX_DESCRIPTION),
    Metadata: { [METADATA_KEY]: templateMeta },
    Parameters: parameters,
    ...(functionGlobals ? { Globals: { Function: functionGlobals } } : {}),
    Resources: Object.fromEntries(Object.entries(ctx.resources).map(([id, r]) => [id, ordered(r)])),
    ...(Object.keys(outputs).length ? { Outputs: outputs } : {}),
  };
  if (Object.keys(ctx.resources).length === 0) {
    ctx.warn(null, 'the design has no node that becomes a resource; CloudFormation needs at least one, so the template will not deploy');
  }
  if (Object.keys(ctx.resources).length > MAX_RESOURCES) {
    ctx.warn(null, `the template has ${Object.keys(ctx.resources).length} resources before SAM expands it; CloudFormation takes at most ${MAX_RESOURCES} per stack, so split the design into several stacks`);
  }
  const content = writeTemplate(template,
    `AWS SAM template for the design "${design.name}" (${design.region}), exported by Serverless Designer.\nBuild and deploy: sam build && sam deploy --guided. Placeholder handlers live under src/.`);
  if (utf8Length(content, MAX_TEMPLATE_BYTES) > MAX_TEMPLATE_BYTES) {
    ctx.warn(null, `the template is larger than CloudFormation's ${MAX_TEMPLATE_BYTES / 1024 / 1024} MB limit; split the design into several stacks`);
  }
  return { files: [{ path: 'template.yaml', content }, ...placeholderHandlers(ctx, dirs)], warnings: ctx.warnings };
}

/** Writes Metadata.ServerlessDesigner on each node's resource (its name when not the logical id, a
 *  description the resource cannot carry, design-only props) and returns the nodes with no resource. */
function attachMetadata(ctx: ExportContext): MetadataNode[] {
  const loose: MetadataNode[] = [];
  for (const node of ctx.design.nodes) {
    const id = ctx.id(node.id);
    const props = node.props as Props;
    if (hasNoResource(node.kind, props)) {
      const p = nonDefaultProps(node);
      loose.push({ kind: node.kind, name: node.name, ...(node.parent && ctx.has(node.parent) ? { parent: ctx.id(node.parent) } : {}), ...(Object.keys(p).length ? { props: p } : {}) });
      continue;
    }
    const resource = ctx.resources[id];
    if (!resource) continue; // a rule written as a SAM event (its node is in the function's metadata) or one left out with a warning
    const collected = ctx.metadata.get(id) ?? {};
    const meta: Props = {};
    if (node.name !== id) meta.name = node.name;
    if ('description' in collected) meta.description = collected.description;
    else if (typeof props.description === 'string' && props.description !== '' && !describedByResource(node.kind, props)) meta.description = props.description;
    const defaults = defaultsOf(node.kind);
    for (const key of DESIGN_ONLY_PROPS[node.kind] ?? []) if (!same(props[key], defaults[key])) meta[key] = props[key];
    // A stack deploys to one account and Region: a node placed elsewhere (CFG-12) is written like the rest, with a warning.
    const elsewhere = [typeof props.account === 'string' ? `account ${props.account}` : '', typeof props.region === 'string' ? `Region ${props.region}` : ''].filter(Boolean).join(' and ');
    if (elsewhere) ctx.warn(node, `is placed in ${elsewhere}; a template deploys to one account and Region, so it is written into this one (its placement is kept in the metadata): deploy it from a stack there`);
    for (const key of unexpressed(node)) if (!same(props[key], defaults[key]) && meta[key] === undefined) meta[key] = props[key];
    for (const [key, value] of Object.entries(collected)) if (!['access', 'invokes', 'events', 'triggers', 'description'].includes(key)) meta[key] = value;
    for (const key of ['access', 'invokes', 'events', 'triggers']) if (collected[key] !== undefined) meta[key] = collected[key];
    if (Object.keys(meta).length) resource.Metadata = { ...resource.Metadata, [METADATA_KEY]: meta };
  }
  return loose;
}

/** Sources whose delivery AWS can switch off in the template: event source mappings (Enabled) and
 *  EventBridge rules and schedules (State). */
const SWITCHABLE = ['sqsQueue', 'kinesisStream', 'dynamoTable', 'kafka', 'eventRule'];

/** A disabled trigger from a source with no switch (an SNS subscription, an S3 notification, an API
 *  route …) is exported live: said in a warning, and kept in the source's metadata for import. */
function keepDisabledTriggers(ctx: ExportContext): void {
  for (const e of ctx.design.edges) {
    if (e.kind !== 'trigger' || e.props.enabled) continue;
    const source = ctx.node(e.from);
    if (SWITCHABLE.includes(source.kind)) continue;
    ctx.warn(source, `its trigger to "${ctx.node(e.to).name}" is disabled in the design, but ${source.kind} has no switch for it in a template; it is exported enabled`);
    const meta = ctx.meta(ctx.id(source.id));
    meta.triggers = [...((meta.triggers as unknown[] | undefined) ?? []), { to: ctx.id(e.to), props: { enabled: false } }];
  }
}

/** Props a table of the node's kind knows, that no table applying to this node writes under its
 *  current settings (capacity units of an on-demand table, a runtime of an image function, a cache on
 *  an HTTP API …): they travel in metadata so the design keeps them. References are left out. */
function unexpressed(node: DesignNode): string[] {
  const props = node.props as Props;
  const known = new Set<string>();
  const said = new Set<string>();
  for (const table of RESOURCE_TABLES) {
    if (table.kind !== node.kind || table.within) continue;
    const applies = table.applies?.(props) ?? true;
    for (const entry of table.properties) {
      const key = entry.model[0];
      if (key === undefined || key === '$parent' || entry.ref) continue;
      known.add(key);
      if (applies && (!entry.when || entry.when(props))) said.add(key);
    }
  }
  const variants = VARIANT_PROPS[node.kind] ?? [];
  return [...known].filter((k) => !said.has(k) && k !== 'description' && !variants.includes(k));
}

function truncateBytes(text: string, max: number): string {
  let out = '';
  let bytes = 0;
  for (const ch of text) {
    const n = utf8Length(ch);
    if (bytes + n > max) break;
    out += ch;
    bytes += n;
  }
  return out;
}

/** Resource keys in the order people read them: Type, attributes, Metadata, then Properties. */
function ordered(r: Resource): Resource {
  const { Type, Condition, DependsOn, DeletionPolicy, UpdateReplacePolicy, Metadata, Properties } = r;
  const empty = Properties !== undefined && Object.keys(Properties).length === 0;
  return { Type, Condition, DependsOn, DeletionPolicy, UpdateReplacePolicy, Metadata, Properties: empty ? undefined : Properties };
}
