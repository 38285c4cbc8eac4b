import type { DesignIndex } from '../graph';
import type { DesignEdge, DesignNode } from '../model/design';

/** How AWS invokes the function at the end of an edge (rules-catalog INV-01):
 *  sync — the caller waits and handles errors, Lambda does not retry;
 *  async — the event goes to Lambda's internal queue, Lambda retries (MaximumRetryAttempts);
 *  poll — an event source mapping polls the source and invokes synchronously, the source keeps the record. */
export type InvocationModel = 'sync' | 'async' | 'poll';

const BY_SOURCE: Partial<Record<DesignNode['kind'], InvocationModel>> = {
  apiGateway: 'sync', alb: 'sync', cloudfront: 'sync', cognitoUserPool: 'sync', stepFunction: 'sync',
  s3Bucket: 'async', snsTopic: 'async', eventRule: 'async', eventBus: 'async',
  sqsQueue: 'poll', kinesisStream: 'poll', dynamoTable: 'poll', kafka: 'poll',
};

/** The invocation model of a trigger or invoke edge into a function; undefined for other edges
 *  (deliveries between services such as SNS → SQS, access, destinations). */
export function invocationModel(index: DesignIndex, edge: DesignEdge): InvocationModel | undefined {
  const to = index.node(edge.to);
  if (to?.kind !== 'lambda') return undefined;
  if (edge.kind === 'invoke') return edge.props.mode === 'async' ? 'async' : 'sync';
  if (edge.kind !== 'trigger') return undefined;
  const from = index.node(edge.from);
  return from ? BY_SOURCE[from.kind] : undefined;
}

/** The models under which a function is invoked: which failure handling can ever apply to it. */
export function invocationModelsOf(index: DesignIndex, functionId: string): Set<InvocationModel> {
  const models = new Set<InvocationModel>();
  for (const edge of index.incoming(functionId)) {
    const model = invocationModel(index, edge);
    if (model) models.add(model);
  }
  // An on-success/on-failure destination that is a function is invoked asynchronously by Lambda.
  for (const edge of index.incoming(functionId, 'destination')) if (index.node(edge.from)?.kind === 'lambda') models.add('async');
  return models;
}

/** Every invocation model per edge id, for the canvas labels. */
export function invocationModels(index: DesignIndex): Map<string, InvocationModel> {
  const models = new Map<string, InvocationModel>();
  for (const edge of index.design.edges) {
    const model = invocationModel(index, edge);
    if (model) models.set(edge.id, model);
  }
  return models;
}
