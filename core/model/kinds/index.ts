import { albKind } from './alb';
import { apiGatewayKind } from './apiGateway';
import { awsServiceKind } from './awsService';
import { cloudfrontKind } from './cloudfront';
import { cognitoUserPoolKind } from './cognitoUserPool';
import { dynamoTableKind } from './dynamoTable';
import { elasticacheKind } from './elasticache';
import { eventBusKind } from './eventBus';
import { eventRuleKind } from './eventRule';
import { externalEndpointKind } from './externalEndpoint';
import { internetGatewayKind } from './internetGateway';
import { kafkaKind } from './kafka';
import { kinesisStreamKind } from './kinesisStream';
import { lambdaKind } from './lambda';
import { logGroupKind } from './logGroup';
import { natGatewayKind } from './natGateway';
import { rdsKind } from './rds';
import { rdsProxyKind } from './rdsProxy';
import { s3BucketKind } from './s3Bucket';
import { securityGroupKind } from './securityGroup';
import { snsTopicKind } from './snsTopic';
import { sqsQueueKind } from './sqsQueue';
import { stepFunctionKind } from './stepFunction';
import { subnetKind } from './subnet';
import { vpcKind } from './vpc';
import { vpcEndpointKind } from './vpcEndpoint';

/** Every resource kind the designer knows, in palette order. Add a kind: write kinds/<kind>.ts
 *  (props schema with AWS defaults and ranges), list it here, then teach `connections.ts` its edges. */
export const NODE_KINDS = [
  lambdaKind, stepFunctionKind,
  apiGatewayKind, albKind, cloudfrontKind, s3BucketKind, eventRuleKind, cognitoUserPoolKind,
  snsTopicKind, sqsQueueKind, eventBusKind,
  kinesisStreamKind, kafkaKind,
  dynamoTableKind, rdsKind, rdsProxyKind, elasticacheKind,
  logGroupKind,
  externalEndpointKind, awsServiceKind,
  vpcKind, subnetKind, internetGatewayKind, natGatewayKind, securityGroupKind, vpcEndpointKind,
] as const;

export type NodeKindSpec = (typeof NODE_KINDS)[number];
export type NodeKind = NodeKindSpec['kind'];

export const NODE_KIND_IDS = NODE_KINDS.map((k) => k.kind) as [NodeKind, ...NodeKind[]];

const byKind = new Map<string, NodeKindSpec>(NODE_KINDS.map((k) => [k.kind, k]));

export function nodeKindSpec(kind: string): NodeKindSpec | undefined {
  return byKind.get(kind);
}

export function isNodeKind(kind: string): kind is NodeKind {
  return byKind.has(kind);
}

/** The label people read ("SQS queue"), or the raw kind for something unknown. */
export function kindLabel(kind: string): string {
  return byKind.get(kind)?.label ?? kind;
}

export * from './alb';
export * from './apiGateway';
export * from './awsService';
export * from './cloudfront';
export * from './cognitoUserPool';
export * from './dynamoTable';
export * from './elasticache';
export * from './eventBus';
export * from './eventRule';
export * from './externalEndpoint';
export * from './internetGateway';
export * from './kafka';
export * from './kinesisStream';
export * from './lambda';
export * from './logGroup';
export * from './natGateway';
export * from './rds';
export * from './rdsProxy';
export * from './s3Bucket';
export * from './securityGroup';
export * from './snsTopic';
export * from './sqsQueue';
export * from './stepFunction';
export * from './subnet';
export * from './vpc';
export * from './vpcEndpoint';
