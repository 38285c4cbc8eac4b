import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCdk } from '../../core/iac/cdk';
import { effectiveRuntime } from '../../core/iac/cdk/functions';
import type { IacExport } from '../../core/iac/types';
import { createDesign, createEdge, createNode, type Design, type DesignNode, type NodeOfKind, parseDesign } from '../../core/model';
import { iacDesign } from '../support/iacDesigns';
import { removeApps, resourcesOf, synthesize, typeCheck, type WrittenApp, writeApp } from '../support/cdkSynth';
import { expectGolden } from '../support/golden';

type Resource = { Type: string; Properties?: Record<string, unknown>; Metadata?: Record<string, unknown> };
type Template = Record<string, unknown>;

const templates = readdirSync('templates').filter((f) => f.endsWith('.design.json')).sort();

function load(file: string): Design {
  const result = parseDesign(readFileSync(`templates/${file}`, 'utf8'));
  if (!result.ok) throw new Error(`${file} does not load: ${result.problems.map((p) => p.message).join('; ')}`);
  return result.design;
}

/** The design node a synthesized resource stands for: the name in its design metadata, else the
 *  construct id in its CDK path (`Stack/Orders/Resource`, `Stack/SubnetA/Subnet` or `Stack/Orders` → the middle part). */
function nodeNameOf(r: Resource): string | undefined {
  const designer = r.Metadata?.ServerlessDesigner as { name?: string } | undefined;
  if (designer?.name) return designer.name;
  const path = r.Metadata?.['aws:cdk:path'];
  const m = typeof path === 'string' ? /^[^/]+\/([^/]+)(\/(Resource|Subnet|Default))?$/.exec(path) : null;
  return m?.[1];
}

/** The logical id an intrinsic points at ({Ref: X}, {Fn::GetAtt: [X, …]}). */
function target(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.Ref === 'string') return v.Ref;
  const att = v['Fn::GetAtt'];
  if (Array.isArray(att) && typeof att[0] === 'string') return att[0];
  return undefined;
}

class Synthesized {
  readonly resources: Record<string, Resource>;
  constructor(readonly template: Template, readonly design: Design) {
    this.resources = (template.Resources ?? {}) as Record<string, Resource>;
  }

  /** The logical id of a node's main resource of `type`. */
  idOf(node: DesignNode, type: string): string {
    const found = Object.entries(this.resources).filter(([, r]) => r.Type === type && nodeNameOf(r) === node.name);
    expect(found.length, `one ${type} for ${node.kind} "${node.name}"`).toBe(1);
    return found[0][0];
  }

  /** The design node name of the resource an intrinsic points at. */
  nameAt(value: unknown): string | undefined {
    const id = target(value);
    return id ? nodeNameOf(this.resources[id] ?? { Type: '' }) : undefined;
  }

  of(type: string, where: (p: Record<string, unknown>) => boolean): Record<string, unknown>[] {
    return resourcesOf(this.template, type).map(([, r]) => r.Properties ?? {}).filter(where);
  }
}

const node = (design: Design, id: string) => design.nodes.find((n) => n.id === id)!;

/** Reads the synthesized template back and checks it says what the design says. */
function checkAgainstDesign(s: Synthesized): void {
  const { design } = s;
  const fns = design.nodes.filter((n): n is NodeOfKind<'lambda'> => n.kind === 'lambda');
  for (const fn of fns) {
    const id = s.idOf(fn, 'AWS::Lambda::Function');
    const p = s.resources[id].Properties!;
    const label = `function "${fn.name}"`;
    if (fn.props.packageType === 'Image') expect([p.PackageType, p.Runtime], `${label} is an image`).toEqual(['Image', undefined]);
    else expect([p.Runtime, p.Handler], `${label} runtime and handler`).toEqual([effectiveRuntime(fn.props.runtime), fn.props.handler]);
    expect(p.MemorySize ?? 128, `${label} memory`).toBe(fn.props.memoryMb);
    expect(p.Timeout ?? 3, `${label} timeout`).toBe(fn.props.timeoutSeconds);
    expect(p.Architectures ?? ['x86_64'], `${label} architecture`).toEqual([fn.props.architecture]);
    expect((p.EphemeralStorage as { Size?: number } | undefined)?.Size ?? 512, `${label} /tmp`).toBe(fn.props.ephemeralStorageMb);
    expect(p.ReservedConcurrentExecutions ?? null, `${label} reserved concurrency`).toBe(fn.props.reservedConcurrency);
    expect((p.Environment as { Variables?: unknown } | undefined)?.Variables ?? {}, `${label} environment`).toEqual(fn.props.environment);

    const aliases = s.of('AWS::Lambda::Alias', (a) => target(a.FunctionName) === id);
    if (fn.props.publish.alias !== null) {
      expect(aliases.map((a) => a.Name), `${label} alias`).toEqual([fn.props.publish.alias]);
      const provisioned = (aliases[0].ProvisionedConcurrencyConfig as { ProvisionedConcurrentExecutions?: number } | undefined)?.ProvisionedConcurrentExecutions ?? 0;
      expect(provisioned, `${label} provisioned concurrency`).toBe(fn.props.provisionedConcurrency);
    } else expect(aliases, `${label} has no alias`).toEqual([]);

    const vpc = p.VpcConfig as { SubnetIds?: unknown[]; SecurityGroupIds?: unknown[] } | undefined;
    if (fn.props.vpc) {
      expect(vpc?.SubnetIds?.map((x) => s.nameAt(x)), `${label} subnets`).toEqual(fn.props.vpc.subnets.map((sid) => node(design, sid).name));
      expect(vpc?.SecurityGroupIds?.map((x) => s.nameAt(x)), `${label} security groups`).toEqual(fn.props.vpc.securityGroups.map((sid) => node(design, sid).name));
    } else expect(vpc, `${label} outside any VPC`).toBeUndefined();

    const dlq = design.edges.find((e) => e.kind === 'deadLetter' && e.from === fn.id);
    const dlqArn = (p.DeadLetterConfig as { TargetArn?: unknown } | undefined)?.TargetArn;
    expect(dlqArn === undefined ? undefined : s.nameAt(dlqArn), `${label} DLQ`).toBe(dlq ? node(design, dlq.to).name : undefined);

    // Async invocation: retries, event age and destinations in one AWS::Lambda::EventInvokeConfig.
    const configs = s.of('AWS::Lambda::EventInvokeConfig', (c) => target(c.FunctionName) === id);
    const dests = design.edges.filter((e) => e.kind === 'destination' && e.from === fn.id);
    const asyncDefault = fn.props.asyncConfig.maximumRetryAttempts === 2 && fn.props.asyncConfig.maximumEventAgeSeconds === 21600;
    if (asyncDefault && dests.length === 0) expect(configs, `${label} has AWS's async defaults`).toEqual([]);
    else {
      expect(configs.length, `${label} EventInvokeConfig`).toBe(1);
      const c = configs[0] as { MaximumRetryAttempts?: number; MaximumEventAgeInSeconds?: number; DestinationConfig?: Record<string, { Destination: unknown }> };
      expect(c.MaximumRetryAttempts ?? 2, `${label} async retries`).toBe(fn.props.asyncConfig.maximumRetryAttempts);
      expect(c.MaximumEventAgeInSeconds ?? 21600, `${label} async max age`).toBe(fn.props.asyncConfig.maximumEventAgeSeconds);
      for (const on of ['success', 'failure'] as const) {
        const d = dests.find((e) => e.kind === 'destination' && e.props.on === on);
        const written = c.DestinationConfig?.[on === 'success' ? 'OnSuccess' : 'OnFailure']?.Destination;
        expect(written === undefined ? undefined : s.nameAt(written), `${label} on-${on} destination`).toBe(d ? node(design, d.to).name : undefined);
      }
    }
  }

  // Event source mappings: every setting of the trigger edge, and the on-failure destination.
  for (const e of design.edges) {
    if (e.kind !== 'trigger') continue;
    const source = node(design, e.from);
    const fn = node(design, e.to);
    if (fn.kind !== 'lambda' || !['sqsQueue', 'kinesisStream', 'dynamoTable'].includes(source.kind)) continue;
    const fnId = s.idOf(fn, 'AWS::Lambda::Function');
    const sourceId = s.idOf(source, source.kind === 'sqsQueue' ? 'AWS::SQS::Queue' : source.kind === 'kinesisStream' ? 'AWS::Kinesis::Stream' : 'AWS::DynamoDB::Table');
    // An enhanced fan-out consumer stands between a Kinesis stream and its mappings.
    const sourceOf = (arn: unknown) => {
      const id = target(arn);
      const r = id ? s.resources[id] : undefined;
      return r?.Type === 'AWS::Kinesis::StreamConsumer' ? target(r.Properties?.StreamARN) : id;
    };
    const mappings = s.of('AWS::Lambda::EventSourceMapping', (m) => target(m.FunctionName) === fnId && sourceOf(m.EventSourceArn) === sourceId);
    const label = `mapping ${source.name} → ${fn.name}`;
    expect(mappings.length, label).toBe(1);
    const m = mappings[0] as Record<string, unknown>;
    const stream = source.kind !== 'sqsQueue';
    const tp = e.props;
    expect(m.BatchSize ?? (stream ? 100 : 10), `${label} batch size`).toBe(tp.batchSize ?? (stream ? 100 : 10));
    expect(m.MaximumBatchingWindowInSeconds ?? 0, `${label} batching window`).toBe(tp.maximumBatchingWindowSeconds ?? 0);
    expect((m.FunctionResponseTypes as string[] | undefined)?.includes('ReportBatchItemFailures') ?? false, `${label} report-batch-item-failures`).toBe(tp.reportBatchItemFailures ?? false);
    expect((m.ScalingConfig as { MaximumConcurrency?: number } | undefined)?.MaximumConcurrency, `${label} maximum concurrency`).toBe(tp.maximumConcurrency);
    if (stream) {
      expect(m.StartingPosition, `${label} starting position`).toBe(tp.startingPosition ?? 'LATEST');
      expect(m.BisectBatchOnFunctionError ?? false, `${label} bisect`).toBe(tp.bisectBatchOnFunctionError ?? false);
      expect(m.MaximumRetryAttempts ?? -1, `${label} retries`).toBe(tp.maximumRetryAttempts ?? -1);
      expect(m.MaximumRecordAgeInSeconds ?? -1, `${label} max record age`).toBe(tp.maximumRecordAgeSeconds ?? -1);
      expect(m.ParallelizationFactor ?? 1, `${label} parallelization`).toBe(tp.parallelizationFactor ?? 1);
      const d = design.edges.find((x) => x.kind === 'destination' && x.from === source.id && x.props.via === e.id);
      const written = (m.DestinationConfig as { OnFailure?: { Destination?: unknown } } | undefined)?.OnFailure?.Destination;
      expect(written === undefined ? undefined : s.nameAt(written), `${label} on-failure destination`).toBe(d ? node(design, d.to).name : undefined);
    }
  }

  // Queue redrive.
  for (const q of design.nodes.filter((n) => n.kind === 'sqsQueue')) {
    const p = s.resources[s.idOf(q, 'AWS::SQS::Queue')].Properties ?? {};
    const redrive = design.edges.find((e) => e.kind === 'deadLetter' && e.from === q.id);
    const policy = p.RedrivePolicy as { deadLetterTargetArn?: unknown; maxReceiveCount?: number } | undefined;
    expect(policy?.maxReceiveCount, `queue "${q.name}" maxReceiveCount`).toBe(redrive ? (redrive.props as { maxReceiveCount?: number }).maxReceiveCount ?? 10 : undefined);
    if (redrive) expect(s.nameAt(policy?.deadLetterTargetArn), `queue "${q.name}" redrive target`).toBe(node(design, redrive.to).name);
  }

  // SNS subscriptions: raw delivery and their dead-letter queues.
  for (const e of design.edges) {
    if (e.kind !== 'trigger' || node(design, e.from).kind !== 'snsTopic') continue;
    const topicId = s.idOf(node(design, e.from), 'AWS::SNS::Topic');
    const to = node(design, e.to);
    if (to.kind !== 'sqsQueue' && to.kind !== 'lambda') continue;
    const endpointId = s.idOf(to, to.kind === 'sqsQueue' ? 'AWS::SQS::Queue' : 'AWS::Lambda::Function');
    const subs = s.of('AWS::SNS::Subscription', (x) => target(x.TopicArn) === topicId && target(x.Endpoint) === endpointId);
    expect(subs.length, `subscription ${e.id}`).toBe(1);
    expect(subs[0].RawMessageDelivery ?? false, `subscription ${e.id} raw delivery`).toBe(e.props.rawMessageDelivery ?? false);
    const dlq = design.edges.find((x) => x.kind === 'deadLetter' && x.from === e.from && x.props.via === e.id);
    const arn = (subs[0].RedrivePolicy as { deadLetterTargetArn?: unknown } | undefined)?.deadLetterTargetArn;
    expect(arn === undefined ? undefined : s.nameAt(arn), `subscription ${e.id} DLQ`).toBe(dlq ? node(design, dlq.to).name : undefined);
  }

  // EventBridge rule targets and Scheduler schedules: retry policy and dead-letter queue.
  for (const e of design.edges) {
    const rule = node(design, e.from);
    if (e.kind !== 'trigger' || rule.kind !== 'eventRule' || node(design, e.to).kind !== 'lambda') continue;
    const fnId = s.idOf(node(design, e.to), 'AWS::Lambda::Function');
    const scheduler = rule.props.ruleType === 'schedule' && rule.props.scheduler;
    const targetProps = scheduler
      ? s.of('AWS::Scheduler::Schedule', (x) => target((x.Target as { Arn?: unknown }).Arn) === fnId).map((x) => x.Target as Record<string, unknown>)
      : ((s.resources[s.idOf(rule, 'AWS::Events::Rule')].Properties?.Targets as Record<string, unknown>[] | undefined) ?? []).filter((t) => target(t.Arn) === fnId);
    const label = `${rule.name} → ${node(design, e.to).name}`;
    expect(targetProps.length, label).toBe(1);
    const retry = targetProps[0].RetryPolicy as { MaximumRetryAttempts?: number; MaximumEventAgeInSeconds?: number } | undefined;
    expect(retry?.MaximumRetryAttempts ?? 185, `${label} retries`).toBe(e.props.retryPolicy?.maximumRetryAttempts ?? 185);
    expect(retry?.MaximumEventAgeInSeconds ?? 86400, `${label} max event age`).toBe(e.props.retryPolicy?.maximumEventAgeSeconds ?? 86400);
    const dlq = design.edges.find((x) => x.kind === 'deadLetter' && x.from === rule.id);
    const arn = (targetProps[0].DeadLetterConfig as { Arn?: unknown } | undefined)?.Arn;
    expect(arn === undefined ? undefined : s.nameAt(arn), `${label} DLQ`).toBe(dlq ? node(design, dlq.to).name : undefined);
  }
}

afterAll(removeApps);

/** Advice of the built-in validation that the design itself answers, with the reason it is accepted. */
const ACCEPTED_ADVICE: Record<string, string> = {
  W9008: 'StorageEncrypted: the design has no storage-encryption setting, and RDS\'s default is unencrypted',
};

/** Every finding of aws-cdk-lib's built-in CloudFormation validation except accepted advice. The
 *  validator reports even schema violations (F-rules: unknown property, wrong type) as warnings and
 *  concludes "success", so "no error" alone would prove nothing: any finding fails. */
function validationProblems(app: WrittenApp): string[] {
  const report = JSON.parse(readFileSync(join(app.dir, 'cdk.out', 'validation-report.json'), 'utf8')) as { pluginReports: { violations: { severity: string; ruleName: string; description: string }[] }[] };
  return report.pluginReports.flatMap((r) => r.violations).filter((v) => !(v.ruleName in ACCEPTED_ADVICE)).map((v) => `${v.ruleName} ${v.severity}: ${v.description}`);
}

describe('CDK export of every template: type-checks, synthesizes with validation, says what the design says', () => {
  const apps = new Map<string, { design: Design; exported: IacExport; app: WrittenApp }>();
  let diagnostics = new Map<string, string[]>();

  beforeAll(() => {
    for (const file of templates) {
      const design = load(file);
      const exported = exportCdk(design);
      apps.set(file, { design, exported, app: writeApp(exported) });
    }
    diagnostics = typeCheck([...apps.values()].map((a) => a.app));
  }, 120_000);

  it.each(templates)('%s type-checks against the installed aws-cdk-lib with zero diagnostics', (file) => {
    expect(diagnostics.get(apps.get(file)!.app.dir)).toEqual([]);
  });

  it.each(templates)('%s synthesizes with the built-in CloudFormation validation on and no error, and matches the design', (file) => {
    const { design, app } = apps.get(file)!;
    const template = synthesize(app, { validation: true });
    expect(validationProblems(app)).toEqual([]);
    checkAgainstDesign(new Synthesized(template, design));
    expect((template.Metadata as { ServerlessDesigner?: unknown }).ServerlessDesigner).toMatchObject({ design: design.name, region: design.region });
  }, 60_000);

  it.each(templates)('%s matches its golden files', (file) => {
    const { exported } = apps.get(file)!;
    const dir = `test/golden/cdk/${file.replace('.design.json', '')}`;
    for (const f of exported.files) expectGolden(`${dir}/${f.path}`, f.content);
    if (process.env.UPDATE_GOLDEN !== '1') {
      const listed = new Set(exported.files.map((f) => f.path));
      const stale = listFiles(dir).filter((f) => !listed.has(f));
      expect(stale, `golden files the export no longer writes (UPDATE_GOLDEN=1 and delete them)`).toEqual([]);
    }
  });

  it('the checks are not vacuous: a type error is reported, and so is a property CloudFormation refuses', () => {
    const { exported } = apps.get(templates[0])!;
    const inject = (code: string) => ({ ...exported, files: exported.files.map((f) => (f.path.startsWith('lib/') ? { ...f, content: f.content.replace('super(scope, id, props);', `super(scope, id, props);\n    ${code}`) } : f)) });
    const typeError = writeApp(inject("const wrong: number = 'text';"));
    expect(typeCheck([typeError]).get(typeError.dir)!.join('\n')).toMatch(/not assignable to type 'number'/);
    const invalid = writeApp(inject("new cdk.CfnResource(this, 'Bad', { type: 'AWS::SQS::Queue', properties: { DelaySeconds: 'soon', NoSuchProperty: 1 } });"));
    synthesize(invalid, { validation: true });
    expect(validationProblems(invalid).map((p) => p.split(' ')[0]).sort()).toEqual(['F3002', 'F3012']);
  }, 60_000);
});

describe('CDK export of generated designs (every node kind, AWS-shaped wiring, odd names)', () => {
  // Seeded: the same designs every run. Validation is off here for speed (it is on for the templates).
  const designs = fc.sample(iacDesign, { numRuns: 12, seed: 20261204 });

  it('every app type-checks, synthesizes and says what its design says', () => {
    const apps = designs.map((design) => ({ design, app: writeApp(exportCdk(design)) }));
    const diagnostics = typeCheck(apps.map((a) => a.app));
    for (const { design, app } of apps) {
      expect(diagnostics.get(app.dir), `design "${design.name}" (${app.dir})`).toEqual([]);
      checkAgainstDesign(new Synthesized(synthesize(app, { validation: false }), design));
    }
  }, 180_000);
});

describe('CDK export of broken designs', () => {
  it('never crashes on dangling references (nodes removed under their edges, parents, subnets, targets): it warns', () => {
    fc.assert(fc.property(iacDesign, fc.infiniteStream(fc.boolean()), (design, drops) => {
      const it = drops[Symbol.iterator]();
      const kept = design.nodes.filter(() => !it.next().value);
      const broken = { ...design, nodes: kept };
      const result = exportCdk(broken);
      expect(result.files.map((f) => f.path)).toContain('bin/app.ts');
      if (kept.length < design.nodes.length && design.edges.some((e) => !kept.some((n) => n.id === e.from) || !kept.some((n) => n.id === e.to))) {
        expect(result.warnings.some((w) => /not both nodes of this design/.test(w))).toBe(true);
      }
    }), { numRuns: 40, seed: 7 });
  });
});

describe('CDK export of hostile names', () => {
  const hostile = (what: string) => `${what} it's "quoted" \\ back\\slash\nnew line\r\n\${process.exit(1)} \`tick\` */ /* end \u2028 </script>`;

  it('type-checks and synthesizes with every name, description and value intact where it appears', () => {
    const design = createDesign(hostile('Design'), 'eu-west-1');
    const queueName = hostile('Queue');
    const fnName = hostile('Function');
    const description = hostile('Does');
    design.nodes.push(
      createNode('sqsQueue', 'q', queueName),
      createNode('lambda', 'f', fnName, { description, environment: { API_URL: hostile('value'), PLAIN: 'x' } }),
      createNode('dynamoTable', 't', hostile('Table')),
    );
    design.edges.push(createEdge('trigger', 'e1', 'q', 'f', { batchSize: 5 }), createEdge('access', 'e2', 'f', 't', { mode: 'read' }));
    const exported = exportCdk(design);
    const app = writeApp(exported);
    expect(typeCheck([app]).get(app.dir)).toEqual([]);
    const template = synthesize(app, { validation: false });
    const s = new Synthesized(template, design);
    const fn = s.resources[s.idOf(design.nodes[1], 'AWS::Lambda::Function')];
    expect(fn.Properties?.Description).toBe(description);
    expect((fn.Properties?.Environment as { Variables: unknown }).Variables).toEqual({ API_URL: hostile('value'), PLAIN: 'x' });
    expect(s.idOf(design.nodes[0], 'AWS::SQS::Queue')).toMatch(/^[A-Za-z0-9]+$/);
    const access = (fn.Metadata?.ServerlessDesigner as { access: { to: string; mode: string }[] }).access;
    expect(access).toEqual([{ to: s.idOf(design.nodes[2], 'AWS::DynamoDB::Table'), mode: 'read' }]);
    expect(template.Metadata).toMatchObject({ ServerlessDesigner: { design: design.name } });
    expect(template.Description).toBe(`${design.name} (exported by Serverless Designer)`);
    checkAgainstDesign(s);
  }, 60_000);
});

function listFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? listFiles(join(dir, d.name), `${prefix}${d.name}/`) : [`${prefix}${d.name}`]));
}

