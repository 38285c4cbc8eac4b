import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportCdk } from '../../core/iac/cdk';
import { parseTemplateText } from '../../core/iac/cfn/yaml';
import { diffDesigns } from '../../core/iac/diffDesigns';
import { importTemplate } from '../../core/iac/import';
import { exportSam } from '../../core/iac/sam';
import { createDesign, createNode, type Design } from '../../core/model';
import { removeApps, resourcesOf, synthesize, typeCheck, writeApp } from '../support/cdkSynth';
import { validateSamTemplate } from '../support/samSchema';

/* A CloudWatch Logs log group node through SAM, CDK and import: AWS::Logs::LogGroup (retention,
 * class), the functions that send their logs to it (LoggingConfig.LogGroup), and back to the same
 * design. A function's own log group (its logRetentionDays) stays what it was: retention on the
 * function. */

type Res = { Type: string; Properties?: Record<string, unknown>; Metadata?: Record<string, unknown> };

function logDesign(): Design {
  const d = createDesign('Audit logs', 'eu-west-1');
  d.nodes.push(
    createNode('logGroup', 'audit', 'Audit trail', { retentionInDays: 400, logGroupClass: 'INFREQUENT_ACCESS', description: 'one group for both writers' }),
    createNode('logGroup', 'debug', 'Debug logs'),
    createNode('lambda', 'writer', 'Order writer', { logGroup: 'audit', logRetentionDays: 30 }),
    createNode('lambda', 'reader', 'Order reader', { logGroup: 'audit' }),
    createNode('lambda', 'own', 'Own logs', { logRetentionDays: 7 }),
  );
  return d;
}

const byType = (resources: Record<string, Res>, type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);

describe('log group through SAM', () => {
  const design = logDesign();
  const out = exportSam(design);
  const template = parseTemplateText(out.files[0].content).template as { Resources: Record<string, Res> };

  it('is valid SAM: one AWS::Logs::LogGroup per node (retention, class always stated), LoggingConfig on the functions that send to it', () => {
    expect(validateSamTemplate(template)).toEqual([]);
    const groups = Object.fromEntries(byType(template.Resources, 'AWS::Logs::LogGroup'));
    expect(groups.AuditTrail.Properties).toEqual({ RetentionInDays: 400, LogGroupClass: 'INFREQUENT_ACCESS' });
    expect(groups.AuditTrail.Metadata).toEqual({ ServerlessDesigner: { name: 'Audit trail', description: 'one group for both writers' } });
    // Never expires: no RetentionInDays.
    expect(groups.DebugLogs.Properties).toEqual({ LogGroupClass: 'STANDARD' });
    const fns = template.Resources;
    expect(fns.OrderWriter.Properties?.LoggingConfig).toEqual({ LogGroup: { Ref: 'AuditTrail' } });
    expect(fns.OrderReader.Properties?.LoggingConfig).toEqual({ LogGroup: { Ref: 'AuditTrail' } });
    // The function with its own group keeps it, with its retention and no class.
    const own = fns.OwnLogs.Properties?.LoggingConfig as { LogGroup: { Ref: string } };
    expect(fns[own.LogGroup.Ref].Properties).toMatchObject({ RetentionInDays: 7 });
    expect(fns[own.LogGroup.Ref].Properties?.LogGroupClass).toBeUndefined();
  });

  it('warns that a function\'s own retention has no effect once its logs go to a log group, and keeps it in metadata', () => {
    expect(out.warnings).toContain('Lambda function "Order writer": its logs go to log group "Audit trail", whose retention applies; its own log retention (30 days) is not written');
    expect(template.Resources.OrderWriter.Metadata).toMatchObject({ ServerlessDesigner: { logRetentionDays: 30 } });
  });

  it('imports back to the same design: the log group nodes, each function\'s logGroup, the own group as retention', () => {
    const { design: back, report } = importTemplate(out.files[0].content);
    expect(diffDesigns(design, back)).toEqual([]);
    expect(back.nodes.filter((n) => n.kind === 'logGroup').map((n) => n.name).sort()).toEqual(['Audit trail', 'Debug logs']);
    const ownGroup = report.resources.find((r) => r.type === 'AWS::Logs::LogGroup' && !['AuditTrail', 'DebugLogs'].includes(r.logicalId));
    expect(ownGroup?.notes).toContain('folded into function OwnLogs (log retention)');
  });
});

describe('log group through CDK', () => {
  afterAll(() => removeApps());

  it('type-checks and synthesizes with no CloudFormation validation finding: logs.LogGroup with retention (INFINITE for never) and class, functions with logGroup; imports back to the same design', () => {
    const design = logDesign();
    const exported = exportCdk(design);
    const stack = exported.files.find((f) => f.path.startsWith('lib/'))!.content;
    expect(stack).toContain('retention: logs.RetentionDays.THIRTEEN_MONTHS');
    expect(stack).toContain('retention: logs.RetentionDays.INFINITE');
    expect(stack).toContain('logGroupClass: logs.LogGroupClass.INFREQUENT_ACCESS');
    const app = writeApp(exported);
    expect(typeCheck([app]).get(app.dir)).toEqual([]);
    // aws-cdk-lib's built-in CloudFormation validation: no finding at all for this stack.
    const template = synthesize(app, { validation: true });
    const report = JSON.parse(readFileSync(join(app.dir, 'cdk.out', 'validation-report.json'), 'utf8')) as { pluginReports: { violations: unknown[] }[] };
    expect(report.pluginReports.flatMap((r) => r.violations)).toEqual([]);
    const groups = resourcesOf(template, 'AWS::Logs::LogGroup').map(([, r]) => r.Properties);
    expect(groups).toEqual(expect.arrayContaining([{ RetentionInDays: 400, LogGroupClass: 'INFREQUENT_ACCESS' }, { LogGroupClass: 'STANDARD' }, { RetentionInDays: 7 }]));
    const { design: back } = importTemplate(JSON.stringify(template));
    expect(diffDesigns(design, back)).toEqual([]);
  }, 120_000);
});

describe('log groups in hand-written templates', () => {
  const template = {
    AWSTemplateFormatVersion: '2010-09-09',
    Resources: {
      Shared: { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: '/app/shared', RetentionInDays: 90 } },
      Archive: { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupClass: 'DELIVERY' } },
      Odd: { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupClass: 'STANDARD', RetentionInDays: 2 } },
      AOwn: { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: '/aws/lambda/c-fn', RetentionInDays: 14 } },
      AccessLogs: { Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 3 } },
      A: { Type: 'AWS::Lambda::Function', Properties: { Runtime: 'nodejs22.x', Handler: 'index.handler', Role: 'arn:aws:iam::123456789012:role/r', Code: { ZipFile: 'x' }, LoggingConfig: { LogGroup: { Ref: 'Shared' } } } },
      B: { Type: 'AWS::Lambda::Function', Properties: { Runtime: 'nodejs22.x', Handler: 'index.handler', Role: 'arn:aws:iam::123456789012:role/r', Code: { ZipFile: 'x' }, LoggingConfig: { LogGroup: { Ref: 'Shared' } } } },
      D: { Type: 'AWS::Lambda::Function', Properties: { Runtime: 'nodejs22.x', Handler: 'index.handler', Role: 'arn:aws:iam::123456789012:role/r', Code: { ZipFile: 'x' }, LoggingConfig: { LogGroup: '/app/shared' } } },
      C: { Type: 'AWS::Lambda::Function', Properties: { FunctionName: 'c-fn', Runtime: 'nodejs22.x', Handler: 'index.handler', Role: 'arn:aws:iam::123456789012:role/r', Code: { ZipFile: 'x' } } },
    },
  };
  const { design, report } = importTemplate(JSON.stringify(template));
  const node = (id: string) => design.nodes.find((n) => n.id === id);
  const entry = (id: string) => report.resources.find((r) => r.logicalId === id)!;

  it('a group two functions share becomes a log group node, and their logGroup setting; its name is reported as not in the model', () => {
    expect(node('Shared')).toMatchObject({ kind: 'logGroup', props: { retentionInDays: 90, logGroupClass: 'STANDARD' } });
    expect(node('A')?.props).toMatchObject({ logGroup: 'Shared' });
    expect(node('B')?.props).toMatchObject({ logGroup: 'Shared' });
    // Named by its literal name rather than a Ref.
    expect(node('D')?.props).toMatchObject({ logGroup: 'Shared' });
    expect(entry('Shared').notes).toContain('not in the model, so not imported: LogGroupName');
  });

  it('a function\'s /aws/lambda group is its retention; a group nothing writes to, with no class, is skipped with the reason', () => {
    expect(node('C')?.props).toMatchObject({ logRetentionDays: 14, logGroup: null });
    expect(node('AOwn')).toBeUndefined();
    expect(entry('AccessLogs')).toMatchObject({ status: 'skipped' });
    expect(entry('AccessLogs').reasons[0]).toMatch(/no function of this template sends its logs to/);
  });

  it('values outside the model are said, never silently changed: DELIVERY class, a retention CloudWatch Logs refuses', () => {
    expect(entry('Archive')).toMatchObject({ status: 'partial' });
    expect(entry('Archive').reasons.join()).toMatch(/DELIVERY .* not in the model; shown as STANDARD/);
    expect(node('Archive')?.props).toMatchObject({ logGroupClass: 'STANDARD' });
    expect(entry('Odd').reasons.join()).toMatch(/RetentionInDays 2 is not a value CloudWatch Logs accepts/);
    expect(node('Odd')?.props).toMatchObject({ retentionInDays: null });
  });
});
