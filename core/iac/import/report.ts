/** What an import did with each resource of a template: nothing is dropped without a line here. */

export type ResourceStatus = 'imported' | 'partial' | 'skipped';

export interface ResourceReport {
  logicalId: string;
  type: string;
  /** 1-based line of the resource in the template, when known. */
  line?: number;
  /** imported: everything the model can say about it was read; partial: it became part of the
   *  design but something about it could not (see `reasons`); skipped: nothing of it is in the design. */
  status: ResourceStatus;
  /** Nodes and edges this resource made (ids in the design). */
  nodes: string[];
  edges: string[];
  /** Why it is partial or skipped, one sentence each. */
  reasons: string[];
  /** Neutral facts: which node it was folded into, which Fn::If branch was taken, … */
  notes: string[];
  /** The resource's `Condition`, kept as data: the import never evaluates a resource away. */
  condition?: string;
  /** CDK's own bookkeeping (metadata, custom-resource providers, log-retention helpers). */
  cdkInternal?: boolean;
}

export interface ImportTotals {
  resources: number;
  /** Resources whose status is imported or partial. */
  understood: number;
  /** Resources of a type in COVERED_TYPES, and how many of those were understood. */
  covered: number;
  coveredUnderstood: number;
  /** Resources of SUPPORT_TYPES, and how many of those were understood. */
  support: number;
  supportUnderstood: number;
  cdkInternals: number;
  skippedByType: Record<string, number>;
}

export interface ImportReport {
  fileName?: string;
  format: 'json' | 'yaml';
  /** How the template was written: SAM (Transform), CDK synth output (aws:cdk:path), or plain CloudFormation. */
  flavor: 'sam' | 'cdk' | 'cloudformation';
  resources: ResourceReport[];
  /** Template-level notes: parameters resolved, conditions kept, Globals applied, … */
  notes: string[];
  totals: ImportTotals;
}

/** CloudFormation types the model covers: each becomes a node, an edge or a setting of one. The
 *  corpus assertion (≥ 90% understood) is measured against this list. */
export const COVERED_TYPES: readonly string[] = [
  // compute
  'AWS::Serverless::Function', 'AWS::Lambda::Function', 'AWS::Lambda::EventSourceMapping',
  'AWS::Lambda::EventInvokeConfig', 'AWS::Lambda::Alias', 'AWS::Lambda::Version',
  'AWS::Serverless::StateMachine', 'AWS::StepFunctions::StateMachine',
  // sources
  'AWS::Serverless::Api', 'AWS::Serverless::HttpApi', 'AWS::ApiGateway::RestApi', 'AWS::ApiGatewayV2::Api',
  'AWS::ApiGateway::Resource', 'AWS::ApiGateway::Method', 'AWS::ApiGateway::Deployment', 'AWS::ApiGateway::Stage',
  'AWS::ApiGatewayV2::Route', 'AWS::ApiGatewayV2::Integration', 'AWS::ApiGateway::Authorizer', 'AWS::ApiGatewayV2::Authorizer', 'AWS::ApiGatewayV2::Stage', 'AWS::ApiGatewayV2::Deployment',
  'AWS::ElasticLoadBalancingV2::LoadBalancer', 'AWS::ElasticLoadBalancingV2::TargetGroup', 'AWS::ElasticLoadBalancingV2::Listener', 'AWS::ElasticLoadBalancingV2::ListenerRule',
  'AWS::CloudFront::Distribution', 'AWS::S3::Bucket', 'AWS::Events::Rule', 'AWS::Scheduler::Schedule', 'AWS::Cognito::UserPool',
  // messaging, streams, data
  'AWS::SNS::Topic', 'AWS::SNS::Subscription', 'AWS::SQS::Queue', 'AWS::Events::EventBus', 'AWS::Kinesis::Stream',
  'AWS::Kinesis::StreamConsumer', 'AWS::MSK::Cluster', 'AWS::DynamoDB::Table', 'AWS::Serverless::SimpleTable', 'AWS::RDS::DBInstance', 'AWS::RDS::DBCluster',
  'AWS::RDS::DBProxy', 'AWS::RDS::DBProxyTargetGroup', 'AWS::RDS::DBSubnetGroup', 'AWS::ElastiCache::CacheCluster',
  'AWS::ElastiCache::ReplicationGroup', 'AWS::ElastiCache::ServerlessCache', 'AWS::ElastiCache::SubnetGroup', 'AWS::SecretsManager::Secret', 'AWS::SSM::Parameter',
  // network
  'AWS::EC2::VPC', 'AWS::EC2::Subnet', 'AWS::EC2::RouteTable', 'AWS::EC2::Route', 'AWS::EC2::SubnetRouteTableAssociation',
  'AWS::EC2::NetworkAcl', 'AWS::EC2::NetworkAclEntry', 'AWS::EC2::SubnetNetworkAclAssociation',
  'AWS::EC2::InternetGateway', 'AWS::EC2::VPCGatewayAttachment', 'AWS::EC2::NatGateway', 'AWS::EC2::EIP',
  'AWS::EC2::VPCEndpoint', 'AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress', 'AWS::EC2::SecurityGroupEgress',
];

/** Types the model has no kind for but reads for what they say about covered resources: roles and
 *  policies become access edges, permissions corroborate triggers, log groups give functions their
 *  retention. Counted apart (a role of a Step Functions state machine or an AppSync data source has
 *  nowhere to go), and reported with their own share. */
export const SUPPORT_TYPES: readonly string[] = [
  'AWS::IAM::Role', 'AWS::IAM::Policy', 'AWS::IAM::RolePolicy', 'AWS::IAM::ManagedPolicy', 'AWS::SQS::QueuePolicy',
  'AWS::SNS::TopicPolicy', 'AWS::S3::BucketPolicy', 'AWS::Logs::LogGroup', 'AWS::Lambda::Permission',
  'AWS::SecretsManager::SecretTargetAttachment',
];

const COVERED = new Set(COVERED_TYPES);
const SUPPORT = new Set(SUPPORT_TYPES);
export const isSupportType = (type: string) => SUPPORT.has(type);
export const isCoveredType = (type: string) => COVERED.has(type);

export function computeTotals(resources: readonly ResourceReport[]): ImportTotals {
  const totals: ImportTotals = { resources: resources.length, understood: 0, covered: 0, coveredUnderstood: 0, support: 0, supportUnderstood: 0, cdkInternals: 0, skippedByType: {} };
  for (const r of resources) {
    const understood = r.status !== 'skipped';
    if (r.cdkInternal) totals.cdkInternals += 1;
    if (understood) totals.understood += 1;
    else totals.skippedByType[r.type] = (totals.skippedByType[r.type] ?? 0) + 1;
    if (isCoveredType(r.type)) {
      totals.covered += 1;
      if (understood) totals.coveredUnderstood += 1;
    }
    if (isSupportType(r.type)) {
      totals.support += 1;
      if (understood) totals.supportUnderstood += 1;
    }
  }
  return totals;
}

/** The report for people (the CLI prints this). */
export function formatImportReport(report: ImportReport): string {
  const t = report.totals;
  const lines: string[] = [];
  const flavor = report.flavor === 'sam' ? 'SAM' : report.flavor === 'cdk' ? 'CDK-synthesized' : 'CloudFormation';
  lines.push(`${report.fileName ? `${report.fileName}: ` : ''}${flavor} template, ${t.resources} resource${t.resources === 1 ? '' : 's'}: ` +
    `${t.understood} understood, ${t.resources - t.understood} skipped${t.cdkInternals ? ` (${t.cdkInternals} CDK internals)` : ''}`);
  for (const note of report.notes) lines.push(`  note: ${note}`);
  const order: ResourceStatus[] = ['skipped', 'partial', 'imported'];
  for (const status of order) {
    const group = report.resources.filter((r) => r.status === status);
    if (!group.length) continue;
    lines.push('', `${status} (${group.length}):`);
    for (const r of group) {
      const where = r.line === undefined ? '' : ` (line ${r.line})`;
      const made = [...r.nodes.map((n) => `node ${n}`), ...r.edges.map((e) => `edge ${e}`)];
      lines.push(`  ${r.logicalId} ${r.type}${where}${r.cdkInternal ? ' [CDK internals]' : ''}${made.length ? ` → ${made.join(', ')}` : ''}`);
      for (const reason of r.reasons) lines.push(`    - ${reason}`);
      for (const note of r.notes) lines.push(`    · ${note}`);
      if (r.condition) lines.push(`    · only when condition ${r.condition} holds`);
    }
  }
  const skipped = Object.entries(t.skippedByType).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  if (skipped.length) lines.push('', `skipped by type: ${skipped.map(([type, n]) => `${type} ×${n}`).join(', ')}`);
  return `${lines.join('\n')}\n`;
}
