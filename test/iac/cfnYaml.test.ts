import { describe, expect, it } from 'vitest';
import { parseTemplateText, stringifyTemplate, TemplateSyntaxError } from '../../core/iac/cfn/yaml';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- templates are read as untyped trees
type Resources = Record<string, any>;

const SHORT = `AWSTemplateFormatVersion: 2010-09-09
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Environment:
        Variables:
          TABLE: !Ref Table
          STREAM: !GetAtt Table.StreamArn
          ARN: !Sub "arn:\${AWS::Partition}:s3:::\${Bucket}"
          LIST: !Sub
            - "q-\${Name}"
            - Name: !Ref Queue
          JOINED: !Join [ "-", [ !Ref Stage, api ] ]
      Code: !If [ IsProd, !Ref Code, !Ref "AWS::NoValue" ]
  Data:
    Fn::Base64: !Sub hello
`;

describe('CloudFormation YAML', () => {
  it('reads short-form intrinsics as their long forms, with the line of each resource', () => {
    const parsed = parseTemplateText(SHORT);
    const vars = (parsed.template.Resources as Resources).Fn.Properties.Environment.Variables;
    expect(vars.TABLE).toEqual({ Ref: 'Table' });
    expect(vars.STREAM).toEqual({ 'Fn::GetAtt': ['Table', 'StreamArn'] });
    expect(vars.LIST).toEqual({ 'Fn::Sub': ['q-${Name}', { Name: { Ref: 'Queue' } }] });
    expect(vars.JOINED).toEqual({ 'Fn::Join': ['-', [{ Ref: 'Stage' }, 'api']] });
    expect((parsed.template.Resources as Resources).Data).toEqual({ 'Fn::Base64': { 'Fn::Sub': 'hello' } });
    expect(parsed.template.AWSTemplateFormatVersion).toBe('2010-09-09');
    expect(parsed.lineOf(['Resources', 'Data'])).toBe(16);
    expect(parsed.format).toBe('yaml');
  });

  it('reads JSON templates with long-form intrinsics unchanged', () => {
    const parsed = parseTemplateText('{"Resources": {"Q": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": {"Fn::Sub": "${AWS::StackName}-q"}}}}}');
    expect(parsed.format).toBe('json');
    expect((parsed.template.Resources as Resources).Q.Properties.QueueName).toEqual({ 'Fn::Sub': '${AWS::StackName}-q' });
  });

  it('prints short forms, quotes what YAML 1.1 would misread, and reads back the same tree', () => {
    const tree = {
      ...parseTemplateText(SHORT).template,
      Odd: { yes: 'yes', octal: '0755', date: '2010-09-09', bool: 'true', quotes: 'he said "hi"\nnext\u0001line', nested: { 'Fn::Base64': { 'Fn::Sub': 'x' } } },
    };
    const text = stringifyTemplate(tree, { headerComment: 'Design "Orders"\nsecond line\u0007' });
    expect(text).toContain('TABLE: !Ref Table');
    expect(text).toContain('STREAM: !GetAtt Table.StreamArn');
    expect(text).toContain('Fn::Base64: !Sub x');
    expect(text).toContain('"yes": "yes"');
    expect(text).toContain('octal: "0755"');
    expect(text.split('\n').slice(0, 2)).toEqual(['# Design "Orders"', '# second line\ufffd']);
    expect(parseTemplateText(text).template).toEqual(tree);
    expect(stringifyTemplate(tree)).toBe(stringifyTemplate(structuredClone(tree)));
  });

  it('reads a key given twice as the later one, and says so with its line (as the SAM CLI reads it)', () => {
    const parsed = parseTemplateText('Resources:\n  Q:\n    Type: AWS::SQS::Queue\n  Q:\n    Type: AWS::SNS::Topic\n');
    expect((parsed.template.Resources as Record<string, { Type: string }>).Q.Type).toBe('AWS::SNS::Topic');
    expect(parsed.warnings).toEqual(['line 4: "Q" is given twice in the same mapping; the later one is used']);
  });

  it.each([
    ['an empty file', '', /empty/],
    ['an unclosed list', 'a: [1, 2', /line 1, column \d+/],
    ['a list at the top', '[1, 2]', /a mapping .* not a list/],
    ['tabs as indentation', 'a:\n\tb: 1', /line 2, column 1: Tabs/],
  ])('refuses %s with a clear message', (_what, text, message) => {
    expect(() => parseTemplateText(text)).toThrow(TemplateSyntaxError);
    expect(() => parseTemplateText(text)).toThrow(message);
  });
});
