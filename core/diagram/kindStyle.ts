import { NODE_KINDS } from '../model/kinds';

/** Kind colours and badges, shared by the canvas (renderer/kindStyle.ts re-exports them) and the
 *  model-drawn diagram, so both show the same icons. */

export type KindCategory = (typeof NODE_KINDS)[number]['category'];

/** Palette group titles and colours per category (close to AWS's architecture-icon colours). */
export const CATEGORIES: Record<KindCategory, { title: string; color: string }> = {
  compute: { title: 'Compute', color: '#d45b07' },
  source: { title: 'Event sources & APIs', color: '#c7175f' },
  messaging: { title: 'Messaging', color: '#a8327d' },
  stream: { title: 'Streams', color: '#7142d6' },
  data: { title: 'Data stores', color: '#2f3fb5' },
  monitoring: { title: 'Monitoring', color: '#b0084d' },
  external: { title: 'External', color: '#5b6574' },
  network: { title: 'Network', color: '#2b7d2f' },
  security: { title: 'Security & identity', color: '#c42a3f' },
};

/** A short mark drawn in each node's badge: what an engineer calls the service. */
const BADGES: Record<string, string> = {
  lambda: 'λ', stepFunction: 'SFN', apiGateway: 'API', alb: 'ALB', cloudfront: 'CF', s3Bucket: 'S3', eventRule: 'EB',
  cognitoUserPool: 'COG', snsTopic: 'SNS', sqsQueue: 'SQS', eventBus: 'BUS', kinesisStream: 'KDS', kafka: 'MSK',
  dynamoTable: 'DDB', rds: 'RDS', rdsProxy: 'PRX', elasticache: 'EC', logGroup: 'CWL', externalEndpoint: 'EXT', awsService: 'AWS',
  vpc: 'VPC', subnet: 'SN', internetGateway: 'IGW', natGateway: 'NAT', securityGroup: 'SG', vpcEndpoint: 'VPE',
};

const categoryOf = new Map<string, KindCategory>(NODE_KINDS.map((k) => [k.kind, k.category]));

export function kindCategory(kind: string): KindCategory {
  return categoryOf.get(kind) ?? 'external';
}

export function kindColor(kind: string): string {
  return CATEGORIES[kindCategory(kind)].color;
}

export function kindBadge(kind: string): string {
  return BADGES[kind] ?? kind.slice(0, 3).toUpperCase();
}
