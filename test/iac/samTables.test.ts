import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RESOURCE_TABLES, TRIGGER_TABLES } from '../../core/iac/cfn/properties';
import { DESIGN_ONLY_PROPS } from '../../core/iac/cfn/metadata';
import { NODE_KINDS, securityGroupRule } from '../../core/model';
import { cfnSpec } from '../support/samSchema';

/* The property tables import and export share: every template property they name exists (CFN spec for
 * plain types, the SAM schema for AWS::Serverless::* and SAM events), every model path exists in the
 * kind's schema, and design-only props are real props. A typo here would silently drop a setting. */

const sam = JSON.parse(readFileSync('test/support/schemas/sam.schema.json', 'utf8')) as { definitions: Record<string, { properties?: Record<string, unknown> }> };
const samProps = (def: string) => Object.keys(sam.definitions[def]?.properties ?? {});
const SAM_PROPERTIES: Record<string, string> = {
  'AWS::Serverless::Function': 'samtranslator__internal__schema_source__aws_serverless_function__Properties',
  'AWS::Serverless::StateMachine': 'samtranslator__internal__schema_source__aws_serverless_statemachine__Properties',
  'AWS::Serverless::Api': 'samtranslator__internal__schema_source__aws_serverless_api__Properties',
  'AWS::Serverless::HttpApi': 'samtranslator__internal__schema_source__aws_serverless_httpapi__Properties',
};
const EVENT_PROPERTIES: Record<string, string> = {
  SQS: 'SQSEventProperties', Kinesis: 'KinesisEventProperties', DynamoDB: 'DynamoDBEventProperties', MSK: 'MSKEventProperties',
  SelfManagedKafka: 'SelfManagedKafkaEventProperties', S3: 'S3EventProperties', SNS: 'SNSEventProperties',
  Api: 'samtranslator__internal__schema_source__aws_serverless_function__ApiEventProperties', HttpApi: 'HttpApiEventProperties',
  EventBridgeRule: 'samtranslator__internal__schema_source__aws_serverless_function__EventBridgeRuleEventProperties',
  Schedule: 'ScheduleEventProperties', ScheduleV2: 'samtranslator__internal__schema_source__aws_serverless_function__ScheduleV2EventProperties',
  Cognito: 'CognitoEventProperties',
};
const CFN_EVENT_TYPES: Record<string, string> = { EventSourceMapping: 'AWS::Lambda::EventSourceMapping', SNSSubscription: 'AWS::SNS::Subscription' };

describe('property tables shared by SAM export and import', () => {
  it('name only template properties that exist', () => {
    const spec = cfnSpec();
    for (const table of RESOURCE_TABLES) {
      const names = SAM_PROPERTIES[table.cfnType] ? samProps(SAM_PROPERTIES[table.cfnType]) : [...(spec.get(table.cfnType)?.properties ?? [])];
      expect(names.length, `${table.cfnType} is unknown`).toBeGreaterThan(0);
      for (const entry of table.properties) {
        if (entry.cfn.length === 0 || entry.via) continue;
        expect(names, `${table.cfnType}: ${entry.cfn.join('.')}`).toContain(entry.cfn[0]);
      }
    }
    for (const [type, entries] of Object.entries(TRIGGER_TABLES)) {
      const names = EVENT_PROPERTIES[type] ? samProps(EVENT_PROPERTIES[type]) : CFN_EVENT_TYPES[type] ? [...spec.get(CFN_EVENT_TYPES[type])!.properties] : ['RetryPolicy'];
      for (const entry of entries) expect(names, `${type}: ${entry.cfn.join('.')}`).toContain(entry.cfn[0]);
    }
  });

  it('read model props the kind has', () => {
    const defaults = new Map(NODE_KINDS.map((k) => [k.kind as string, k.props.parse({}) as Record<string, unknown>]));
    // A prop the kind has: one with a default, or an optional one its schema names (absent until stated).
    const shapeKeys = new Map(NODE_KINDS.map((k) => [k.kind as string, Object.keys((k.props as unknown as { shape: Record<string, unknown> }).shape)]));
    for (const table of RESOURCE_TABLES) {
      const props = table.within ? securityGroupRule.parse({ fromPort: 1, toPort: 1, cidr: '10.0.0.0/8' }) : defaults.get(table.kind)!;
      for (const entry of table.properties) {
        if (entry.model.length === 0 || entry.model[0] === '$parent') continue;
        expect(table.within ? Object.keys(props) : shapeKeys.get(table.kind)!, `${table.cfnType} reads ${table.kind}.${entry.model.join('.')}`).toContain(entry.model[0]);
      }
    }
    for (const [kind, props] of Object.entries(DESIGN_ONLY_PROPS)) for (const p of props) expect(shapeKeys.get(kind)!).toContain(p);
  });

  it('converters are each other\'s inverse for the values they carry', () => {
    for (const table of [...RESOURCE_TABLES.flatMap((t) => t.properties), ...Object.values(TRIGGER_TABLES).flat()]) {
      if (!table.toCfn || !table.fromCfn || table.model.length === 0 || table.ref || table.awsDefault === undefined || table.awsDefault === null) continue;
      const out = table.toCfn(table.awsDefault);
      if (out !== undefined) expect(table.fromCfn(out), `${table.model.join('.')} ↔ ${table.cfn.join('.')}`).toEqual(table.awsDefault);
    }
  });
});
