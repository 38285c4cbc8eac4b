import type { PriceCatalog } from './catalog';
import { KB_PER_GB } from './estimators/serverless/support';
import type { CostConventions } from './types';

/** How AWS meters each priced item, in words, matched on the catalog key of a line. The words must
 *  say what the estimators do (their constants cite the pages). Only the items a report prices are
 *  listed in its conventions. */
const GRANULARITY: readonly { key: RegExp; words: string }[] = [
  { key: /^lambda\.(duration|provisionedDuration)\./, words: 'Lambda duration per 1 ms (the average duration rounded up)' },
  { key: /^lambda\.provisionedConcurrency\./, words: 'Lambda provisioned concurrency in 5-minute increments' },
  { key: /^lambda\.requests$/, words: 'Lambda per request; an async event above 256 KB adds one request per further 64 KB chunk' },
  { key: /^apigateway\.http\.requests$/, words: 'API Gateway HTTP per 512 KB (each request in 512 KB increments)' },
  { key: /^apigateway\.rest\.requests$/, words: 'API Gateway REST per request' },
  { key: /^apigateway\.rest\.cache\./, words: 'API Gateway cache per hour provisioned' },
  { key: /^apigateway\.websocket\.messages$/, words: 'API Gateway WebSocket messages per 32 KB' },
  { key: /^apigateway\.websocket\.connectionMinutes$/, words: 'API Gateway WebSocket per connection-minute' },
  { key: /^sqs\./, words: 'SQS per 64 KB chunk of each request' },
  { key: /^sns\.(standard\.publishes|delivery\.)/, words: 'SNS per 64 KB chunk of each publish and HTTP/S delivery' },
  { key: /^sns\.fifo\./, words: 'SNS FIFO per request plus payload per GB' },
  { key: /^eventbridge\.(customEvents|awsEvents)$/, words: 'EventBridge per 64 KB chunk of each event' },
  { key: /^kinesis\.putPayloadUnits$/, words: 'Kinesis PUT payload units of 25 KB' },
  { key: /^kinesis\.(shardHours|efo\.consumerShardHours|onDemand\.streamHours)$/, words: 'Kinesis shard, stream and consumer hours for every hour of the month' },
  { key: /^dynamodb\.onDemand\.writeRequestUnits$/, words: 'DynamoDB writes per 1 KB (write request units)' },
  { key: /^dynamodb\.onDemand\.readRequestUnits$/, words: 'DynamoDB reads per 4 KB (read request units)' },
  { key: /^stepfunctions\.express\.duration$/, words: 'Step Functions Express duration per 100 ms, memory in 64 MB chunks' },
  { key: /^stepfunctions\.standard\.transitions$/, words: 'Step Functions Standard per state transition' },
  { key: /^(vpc\.natGateway|vpc\.interfaceEndpoint|alb)\.hours$|^rdsProxy\.|^elasticache\.node\./, words: 'Hourly resources (NAT gateways, endpoints, load balancers, proxies, cache nodes) for every hour of the month; partial hours bill as full hours' },
  { key: /^alb\.lcuHours$/, words: 'Load balancer capacity units per LCU-hour (the highest dimension each hour)' },
  { key: /^logs\./, words: 'CloudWatch Logs per GB ingested and per GB-month stored' },
  { key: /^dataTransfer\./, words: 'Data transfer per GB' },
  { key: /^s3\.requests\./, words: 'S3 per request (PUT, COPY, POST, LIST at one price; GET and others at another)' },
  { key: /^(s3\.storage|dynamodb\.storage)/, words: 'S3 and DynamoDB storage per GB-month (the average stored over the month)' },
];

/** The conventions of one estimate: hours a month, the billing granularity of the items priced
 *  (matched on their catalog keys, each sentence once, in the order above), tier scope, price date. */
export function conventionsFor(catalog: PriceCatalog, hoursPerMonth: number, priceKeys: Iterable<string>): CostConventions {
  const keys = [...new Set(priceKeys)];
  return {
    hoursPerMonth,
    billingGranularity: GRANULARITY.filter((g) => keys.some((k) => g.key.test(k))).map((g) => g.words),
    tiering: 'Volume tiers (Lambda duration, REST requests, logs, data transfer…) are counted over this design only, per price, as if nothing else in the account used them',
    priceDate: catalog.asOf,
    catalogVersion: catalog.version,
    kbPerGb: KB_PER_GB,
  };
}
