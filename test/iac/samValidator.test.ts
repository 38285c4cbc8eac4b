import { describe, expect, it } from 'vitest';
import { validateSamTemplate } from '../support/samSchema';

/* The validator the SAM export tests lean on must itself catch what `sam validate` / CloudFormation
 * would refuse; otherwise "validates" proves nothing. */

const template = (resources: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ Transform: 'AWS::Serverless-2016-10-31', Resources: resources, ...extra });
const fn = (props: Record<string, unknown> = {}) => ({ Type: 'AWS::Serverless::Function', Properties: { Runtime: 'nodejs22.x', Handler: 'index.handler', CodeUri: 'src/', ...props } });

describe('validateSamTemplate', () => {
  it('accepts a small valid template', () => {
    expect(validateSamTemplate(template({
      Q: { Type: 'AWS::SQS::Queue', Properties: { VisibilityTimeout: 60 } },
      F: fn({ AutoPublishAlias: 'live', Events: { Q: { Type: 'SQS', Properties: { Queue: { 'Fn::GetAtt': ['Q', 'Arn'] }, BatchSize: 5 } } } }),
    }, { Outputs: { V: { Value: { Ref: 'F.Version' } }, U: { Value: { 'Fn::Sub': 'https://${Q}/${!Literal}/${AWS::Region}/${F.Arn}' } } } }))).toEqual([]);
  });

  it('refuses unknown SAM properties, event shapes SAM does not have, and unknown SAM types', () => {
    expect(validateSamTemplate(template({ F: fn({ MemorySizeMb: 128 }) })).join()).toMatch(/F \(AWS::Serverless::Function\).*MemorySizeMb/);
    expect(validateSamTemplate(template({ F: fn({ Events: { E: { Type: 'SQS', Properties: { BatchSize: 5 } } } }) })).length).toBeGreaterThan(0);
    expect(validateSamTemplate(template({ X: { Type: 'AWS::Serverless::Nope', Properties: {} } })).join()).toMatch(/unknown SAM type/);
  });

  it('refuses CloudFormation types and property names (top level and nested) the spec does not have', () => {
    expect(validateSamTemplate(template({ X: { Type: 'AWS::SQS::Queu' } })).join()).toMatch(/unknown resource type/);
    expect(validateSamTemplate(template({ Q: { Type: 'AWS::SQS::Queue', Properties: { Visibility: 1 } } })).join()).toMatch(/no property Visibility/);
    expect(validateSamTemplate(template({ S: { Type: 'AWS::Kinesis::Stream', Properties: { StreamModeDetails: { Mode: 'ON_DEMAND' } } } })).join()).toMatch(/StreamModeDetails: no property Mode/);
  });

  it('refuses references to nothing, attributes a type does not have, Version refs without an alias, DependsOn to nothing', () => {
    const q = { Q: { Type: 'AWS::SQS::Queue' } };
    expect(validateSamTemplate(template({ ...q, T: { Type: 'AWS::SNS::Topic', Properties: { DisplayName: { Ref: 'Missing' } } } })).join()).toMatch(/Ref Missing names no resource/);
    expect(validateSamTemplate(template({ ...q, T: { Type: 'AWS::SNS::Topic', Properties: { DisplayName: { 'Fn::GetAtt': ['Q', 'Url'] } } } })).join()).toMatch(/has no attribute Url/);
    expect(validateSamTemplate(template({ ...q, T: { Type: 'AWS::SNS::Topic', Properties: { DisplayName: { 'Fn::Sub': '${Nope}' } } } })).join()).toMatch(/Ref Nope/);
    expect(validateSamTemplate(template({ F: fn() }, { Outputs: { V: { Value: { Ref: 'F.Version' } } } })).join()).toMatch(/Ref F\.Version/);
    expect(validateSamTemplate(template({ Q: { Type: 'AWS::SQS::Queue', DependsOn: 'Gone' } })).join()).toMatch(/DependsOn Gone/);
  });

  it('refuses a template without the SAM transform or without resources', () => {
    expect(validateSamTemplate({ Resources: { Q: { Type: 'AWS::SQS::Queue' } } }).join()).toMatch(/Transform/);
    expect(validateSamTemplate(template({})).join()).toMatch(/Resources is empty/);
  });
});
