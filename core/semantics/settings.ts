import type { DesignNode, EdgeOfKind } from '../model/design';

/** A trigger's settings with AWS's defaults filled in for its source kind. Values the user left
 *  out stay out of the file; rules and retry tracing read these. */
export interface EffectiveTrigger {
  enabled: boolean;
  batchSize: number;
  /** Seconds; Kafka's default is 0.5 s (500 ms). */
  maximumBatchingWindowSeconds: number;
  startingPosition: 'TRIM_HORIZON' | 'LATEST' | 'AT_TIMESTAMP' | undefined;
  bisectBatchOnFunctionError: boolean;
  /** -1: retry until the record expires (streams, Kafka). */
  maximumRetryAttempts: number;
  /** -1: records never age out before the stream's retention. */
  maximumRecordAgeSeconds: number;
  parallelizationFactor: number;
  reportBatchItemFailures: boolean;
  maximumConcurrency: number | undefined;
  /** EventBridge rule target retry policy (classic rule targets: 185 attempts over 24 h). */
  retryPolicy: { maximumRetryAttempts: number; maximumEventAgeSeconds: number };
}

const STREAM_KINDS: readonly string[] = ['kinesisStream', 'dynamoTable', 'kafka'];

export function isStreamSource(kind: DesignNode['kind']): boolean {
  return STREAM_KINDS.includes(kind);
}

/** AWS defaults (services-sqs-parameters, services-kinesis-parameters, eb-rule-retry-policy). */
export function effectiveTrigger(sourceKind: DesignNode['kind'], edge: EdgeOfKind<'trigger'>): EffectiveTrigger {
  const p = edge.props;
  const stream = isStreamSource(sourceKind);
  return {
    enabled: p.enabled,
    batchSize: p.batchSize ?? (stream ? 100 : 10),
    maximumBatchingWindowSeconds: p.maximumBatchingWindowSeconds ?? (sourceKind === 'kafka' ? 0.5 : 0),
    startingPosition: p.startingPosition,
    bisectBatchOnFunctionError: p.bisectBatchOnFunctionError ?? false,
    maximumRetryAttempts: p.maximumRetryAttempts ?? -1,
    maximumRecordAgeSeconds: p.maximumRecordAgeSeconds ?? -1,
    parallelizationFactor: p.parallelizationFactor ?? 1,
    reportBatchItemFailures: p.reportBatchItemFailures ?? false,
    maximumConcurrency: p.maximumConcurrency,
    retryPolicy: {
      maximumRetryAttempts: p.retryPolicy?.maximumRetryAttempts ?? 185,
      maximumEventAgeSeconds: p.retryPolicy?.maximumEventAgeSeconds ?? 86400,
    },
  };
}
