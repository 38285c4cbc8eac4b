import type { DesignNode } from '../model/design';

/** A one-line summary per kind, shown under the name on the canvas's cards and the diagram's. */
export function nodeDetail(node: DesignNode, regionOrAz = ''): string {
  switch (node.kind) {
    case 'lambda': return `${node.props.memoryMb} MB · ${node.props.timeoutSeconds} s · ${node.props.runtime}`;
    case 'sqsQueue': return node.props.fifo ? 'FIFO queue' : 'standard queue';
    case 'snsTopic': return node.props.fifo ? 'FIFO topic' : 'standard topic';
    case 'apiGateway': return `${node.props.apiType.toUpperCase()} API · ${node.props.endpointType}`;
    case 'dynamoTable': return node.props.streamViewType === 'NONE' ? node.props.billingMode : `${node.props.billingMode} · stream`;
    case 'kinesisStream': return node.props.capacityMode === 'onDemand' ? 'on-demand' : `${node.props.shardCount} shard${node.props.shardCount === 1 ? '' : 's'}`;
    case 'rds': return `${node.props.engine} · ${node.props.instanceClass}`;
    case 'vpc': return node.props.cidr;
    case 'subnet': return `${node.props.cidr} · ${regionOrAz}${node.props.az}${node.props.routeTable.defaultRoute ? '' : ' · no route out'}`;
    case 'natGateway': return node.props.connectivity;
    case 'vpcEndpoint': return `${node.props.endpointType} · ${node.props.service}`;
    case 'eventRule': return node.props.ruleType === 'schedule' ? node.props.scheduleExpression : 'event pattern';
    case 'stepFunction': return node.props.workflowType;
    case 'externalEndpoint': return node.props.url;
    case 'awsService': return node.props.service;
    case 'elasticache': return `${node.props.engine} · ${node.props.nodeType}`;
    case 'logGroup': return `${node.props.retentionInDays === null ? 'never expires' : `${node.props.retentionInDays} days`} · ${node.props.logGroupClass === 'STANDARD' ? 'Standard' : 'Infrequent Access'}`;
    default: return '';
  }
}
