import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gunzipSync } from 'node:zlib';
import Ajv, { type ValidateFunction } from 'ajv-draft-04';

/* Validates an exported SAM template the way `sam validate` would, offline:
 * - every AWS::Serverless::* resource (and Globals) against the official SAM schema (vendored in
 *   test/support/schemas/, see its README), with ajv's draft-04 build;
 * - every plain CloudFormation resource: its type exists and each top-level property name exists, per
 *   @aws-cdk/aws-service-spec (the resource specification the CDK is generated from);
 * - every Ref, GetAtt and Fn::Sub ${X} resolves to a resource, a parameter or a pseudo parameter, and
 *   every GetAtt attribute exists for that resource's type (SAM resources: the attributes SAM documents
 *   for the resources it generates). */

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

const schema = JSON.parse(readFileSync(new URL('./schemas/sam.schema.json', import.meta.url), 'utf8')) as Raw & { definitions: Raw };

let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction>();
function validatorFor(definition: string): ValidateFunction {
  if (!ajv) {
    ajv = new Ajv({ allErrors: false, strict: false, validateSchema: false });
    ajv.addSchema(schema, 'sam');
  }
  let v = validators.get(definition);
  if (!v) {
    v = ajv.compile({ $ref: `sam#/definitions/${definition}` });
    validators.set(definition, v);
  }
  return v;
}

const SAM_DEFINITIONS: Record<string, string> = Object.fromEntries(
  Object.keys(schema.definitions)
    .map((k) => /^samtranslator__internal__schema_source__aws_serverless_([a-z]+)__Resource$/.exec(k))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [m[1], m[0]]),
);
const SAM_TYPE: Record<string, string> = {
  'AWS::Serverless::Function': 'function', 'AWS::Serverless::Api': 'api', 'AWS::Serverless::HttpApi': 'httpapi',
  'AWS::Serverless::StateMachine': 'statemachine', 'AWS::Serverless::SimpleTable': 'simpletable', 'AWS::Serverless::LayerVersion': 'layerversion',
  'AWS::Serverless::Application': 'application', 'AWS::Serverless::Connector': 'connector', 'AWS::Serverless::GraphQLApi': 'graphqlapi',
  'AWS::Serverless::WebSocketApi': 'websocketapi', 'AWS::Serverless::CapacityProvider': 'capacityprovider',
};

/** Attributes of the resources SAM generates, as its docs list them:
 *  https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-specification-generated-resources.html */
const SAM_ATTRIBUTES: Record<string, string[]> = {
  'AWS::Serverless::Function': ['Arn'],
  'AWS::Serverless::StateMachine': ['Arn', 'Name'],
  'AWS::Serverless::Api': ['RootResourceId'],
  'AWS::Serverless::HttpApi': ['ApiEndpoint', 'ApiId'],
  'AWS::Serverless::SimpleTable': ['Arn', 'StreamArn'],
  'AWS::Serverless::LayerVersion': [],
};

const PSEUDO = new Set(['AWS::AccountId', 'AWS::Region', 'AWS::StackName', 'AWS::StackId', 'AWS::Partition', 'AWS::URLSuffix', 'AWS::NoValue', 'AWS::NotificationARNs']);

/** A property type in the spec db: scalar, ref (to a type definition), array/map of an element, union, json. */
interface SpecType { type: string; reference?: { $ref: string }; element?: SpecType; types?: SpecType[] }
interface CfnType { properties: Set<string>; attributes: Set<string>; propertyTypes: Map<string, SpecType> }
let spec: Map<string, CfnType> | undefined;
/** Type definitions (nested property shapes) by id: their property names and types. */
let typeDefs: Map<string, Map<string, SpecType>> | undefined;
/** CloudFormation resource types with their property and attribute names, from the CDK's spec db. */
export function cfnSpec(): Map<string, CfnType> {
  if (spec) return spec;
  const require = createRequire(import.meta.url);
  const path = require.resolve('@aws-cdk/aws-service-spec/db.json.gz');
  type Props = Record<string, { type: SpecType }>;
  const db = JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as {
    schema: { resource: { entities: { cloudFormationType: string; properties?: Props; attributes?: Raw }[] }; typeDefinition: { entities: { $id: string; properties?: Props }[] } };
  };
  spec = new Map();
  for (const e of db.schema.resource.entities) {
    const props = e.properties ?? {};
    spec.set(e.cloudFormationType, {
      properties: new Set(Object.keys(props)), attributes: new Set(Object.keys(e.attributes ?? {})),
      propertyTypes: new Map(Object.entries(props).map(([k, v]) => [k, v.type])),
    });
  }
  typeDefs = new Map(db.schema.typeDefinition.entities.map((t) => [t.$id, new Map(Object.entries(t.properties ?? {}).map(([k, v]) => [k, v.type]))]));
  return spec;
}

const isIntrinsic = (v: unknown) => isObject(v) && Object.keys(v).length === 1 && /^(Ref|Condition|Fn::\w+)$/.test(Object.keys(v)[0]);

/** Nested property names that the spec does not know, under `where`. */
function unknownNested(where: string, value: unknown, type: SpecType | undefined, out: string[]): void {
  if (!type || value === undefined || value === null || isIntrinsic(value)) return;
  switch (type.type) {
    case 'ref': {
      const def = typeDefs?.get(type.reference?.$ref ?? '');
      if (!def || !isObject(value)) return;
      for (const [k, v] of Object.entries(value)) {
        if (!def.has(k)) out.push(`${where}: no property ${k}`);
        else unknownNested(`${where}.${k}`, v, def.get(k), out);
      }
      return;
    }
    case 'array':
      if (Array.isArray(value)) value.forEach((v, i) => unknownNested(`${where}[${i}]`, v, type.element, out));
      return;
    case 'map':
      if (isObject(value)) for (const [k, v] of Object.entries(value)) unknownNested(`${where}.${k}`, v, type.element, out);
      return;
    case 'union': {
      // Accept the value when any member of the union fits it.
      const tries = (type.types ?? []).map((t) => { const o: string[] = []; unknownNested(where, value, t, o); return o; });
      if (tries.length && tries.every((o) => o.length)) out.push(...tries[0]);
      return;
    }
    default:
  }
}

/** Problems with a template tree (long-form intrinsics); [] when it is valid. */
export function validateSamTemplate(tree: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(tree)) return ['the template is not a mapping'];
  if (tree.Transform !== 'AWS::Serverless-2016-10-31') problems.push('Transform is not AWS::Serverless-2016-10-31');
  const resources = isObject(tree.Resources) ? tree.Resources : {};
  if (!Object.keys(resources).length) problems.push('Resources is empty');
  const parameters = isObject(tree.Parameters) ? tree.Parameters : {};
  const types = new Map(Object.entries(resources).map(([id, r]) => [id, isObject(r) ? String(r.Type) : '']));
  if (tree.Globals !== undefined) {
    const v = validatorFor('__main____Globals');
    if (!v(tree.Globals)) problems.push(`Globals: ${ajvText(v)}`);
  }
  const cfn = cfnSpec();
  for (const [id, r] of Object.entries(resources)) {
    if (!/^[A-Za-z0-9]+$/.test(id)) problems.push(`${id}: logical ids are alphanumeric`);
    if (!isObject(r)) { problems.push(`${id}: not a mapping`); continue; }
    const type = String(r.Type);
    if (type.startsWith('AWS::Serverless::')) {
      const def = SAM_DEFINITIONS[SAM_TYPE[type] ?? ''];
      if (!def) { problems.push(`${id}: unknown SAM type ${type}`); continue; }
      const v = validatorFor(def);
      if (!v(r)) problems.push(`${id} (${type}): ${ajvText(v)}`);
    } else {
      const t = cfn.get(type);
      if (!t) { problems.push(`${id}: unknown resource type ${type}`); continue; }
      for (const [key, value] of Object.entries(isObject(r.Properties) ? r.Properties : {})) {
        if (!t.properties.has(key)) problems.push(`${id} (${type}): no property ${key}`);
        else unknownNested(`${id} (${type}).${key}`, value, t.propertyTypes.get(key), problems);
      }
    }
    for (const dep of typeof r.DependsOn === 'string' ? [r.DependsOn] : Array.isArray(r.DependsOn) ? r.DependsOn : []) {
      if (!types.has(String(dep))) problems.push(`${id}: DependsOn ${String(dep)}, which is not a resource`);
    }
  }
  const check = (where: string, value: unknown, locals: Set<string> = new Set()): void => {
    if (Array.isArray(value)) { value.forEach((v, i) => check(`${where}[${i}]`, v, locals)); return; }
    if (!isObject(value)) return;
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === 'Ref') { checkRef(where, String(value.Ref), locals); return; }
    if (keys.length === 1 && keys[0] === 'Fn::GetAtt') {
      const [res, attr] = value['Fn::GetAtt'] as [string, string];
      checkGetAtt(where, res, attr);
      return;
    }
    if (keys.length === 1 && keys[0] === 'Fn::Sub') {
      const arg = value['Fn::Sub'];
      const [text, vars] = Array.isArray(arg) ? [String(arg[0]), isObject(arg[1]) ? arg[1] : {}] : [String(arg), {}];
      const own = new Set(Object.keys(vars));
      for (const m of text.matchAll(/\$\{([^!}][^}]*)\}/g)) {
        const name = m[1];
        if (own.has(name)) continue;
        const dot = name.indexOf('.');
        if (dot > 0 && types.has(name.slice(0, dot))) checkGetAtt(where, name.slice(0, dot), name.slice(dot + 1));
        else checkRef(where, name, own);
      }
      check(where, vars);
      return;
    }
    for (const [k, v] of Object.entries(value)) check(`${where}.${k}`, v, locals);
  };
  const checkRef = (where: string, name: string, locals: Set<string>) => {
    if (PSEUDO.has(name) || name in parameters || locals.has(name) || types.has(name)) return;
    // SAM: !Ref Function.Version / Function.Alias when the function has AutoPublishAlias.
    const m = /^(.+)\.(Version|Alias)$/.exec(name);
    if (m && types.get(m[1]) === 'AWS::Serverless::Function' && isObject((resources[m[1]] as Raw).Properties) && ((resources[m[1]] as Raw).Properties as Raw).AutoPublishAlias !== undefined) return;
    problems.push(`${where}: Ref ${name} names no resource, parameter or pseudo parameter`);
  };
  const checkGetAtt = (where: string, res: string, attr: string) => {
    const type = types.get(res);
    if (type === undefined) { problems.push(`${where}: GetAtt ${res}.${attr}: no resource ${res}`); return; }
    const attrs = type.startsWith('AWS::Serverless::') ? new Set(SAM_ATTRIBUTES[type] ?? []) : cfn.get(type)?.attributes ?? new Set<string>();
    if (!attrs.has(attr)) problems.push(`${where}: GetAtt ${res}.${attr}: ${type} has no attribute ${attr}`);
  };
  check('Resources', resources);
  check('Outputs', tree.Outputs);
  check('Globals', tree.Globals);
  return problems;
}

function ajvText(v: ValidateFunction): string {
  return (v.errors ?? []).slice(0, 3).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`).join('; ');
}
