import { triggerProps } from '../../model/edges';
import { rangeOf } from '../../model/limits';
import type { EdgeOfKind } from '../../model/design';
import { defineRule, type RuleFinding } from '../types';
import { num, rangeFindings, triggersFrom, type BoundedSetting } from './support';

const SETTINGS: readonly BoundedSetting[] = [
  { path: ['batchSize'], label: 'batch size', unit: '' },
  { path: ['parallelizationFactor'], label: 'parallelization factor', unit: '' },
  { path: ['maximumRetryAttempts'], label: 'maximum retry attempts', unit: '' },
  { path: ['maximumRecordAgeSeconds'], label: 'maximum record age', unit: ' s' },
  { path: ['tumblingWindowSeconds'], label: 'tumbling window', unit: ' s' },
];
/** Below this, a maximum record age other than -1 (never) is refused. */
const MIN_RECORD_AGE_SECONDS = 60;

export default defineRule({
  id: 'CFG-08',
  readsValuesAsWritten: true,
  title: 'Stream event source mapping settings out of range',
  severity: 'error',
  category: 'config',
  docsUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-parameters.html',
  appliesTo: ['trigger', 'kinesisStream', 'dynamoTable', 'sqsQueue', 'kafka'],
  why: 'A Kinesis or DynamoDB Streams event source mapping accepts a batch size of 1 to 10,000 (default 100), a parallelization factor of 1 to 10, maximum retry attempts of -1 (until the record expires) to 10,000, a maximum record age of -1 or 60 to 604,800 s, and a tumbling window of 0 to 900 s; Lambda rejects the mapping otherwise. Provisioned mode (provisioned pollers) exists only for SQS and Kafka mappings: minimum pollers 1 to 200 (at least 2 for SQS), maximum 1 to 2,000 (at least 2 for SQS), the minimum not above the maximum (https://docs.aws.amazon.com/lambda/latest/api/API_ProvisionedPollerConfig.html). Provisioned mode is billed per Event Poller Unit hour, which the cost estimate does not price yet.',
  check(ctx) {
    return triggersFrom(ctx, ['kinesisStream', 'dynamoTable']).flatMap(({ edge }): RuleFinding[] => {
      const owner = `the trigger "${ctx.nameOf(edge)}"`;
      const out = rangeFindings(triggerProps, edge.props, SETTINGS, edge, owner, 'Lambda');
      const age = edge.props.maximumRecordAgeSeconds;
      if (age !== undefined && age >= 0 && age < MIN_RECORD_AGE_SECONDS) {
        out.push({
          target: edge,
          message: `${owner} sets the maximum record age to ${num(age)} s; Lambda accepts -1 (never expire) or ${MIN_RECORD_AGE_SECONDS} to ${num(rangeOf(triggerProps, 'maximumRecordAgeSeconds').max)} s.`,
          fix: `Set the maximum record age of ${owner} to -1 or at least ${MIN_RECORD_AGE_SECONDS} s.`,
        });
      }
      return [...out, ...pollerFindings(ctx.nameOf(edge), edge, 'a Kinesis or DynamoDB stream')];
    }).concat(triggersFrom(ctx, ['sqsQueue', 'kafka']).flatMap(({ edge, source }) => pollerFindings(ctx.nameOf(edge), edge, source.kind === 'sqsQueue' ? 'sqs' : 'kafka')));
  },
});

/** SQS needs at least 2 pollers either way (API_ProvisionedPollerConfig). */
const SQS_MIN_POLLERS = 2;

/** Provisioned pollers of one mapping: only on SQS and Kafka, SQS at least 2, minimum ≤ maximum. */
function pollerFindings(name: string, edge: EdgeOfKind<'trigger'>, source: 'sqs' | 'kafka' | string): RuleFinding[] {
  const pollers = edge.props.provisionedPollers;
  if (!pollers) return [];
  const owner = `the trigger "${name}"`;
  if (source !== 'sqs' && source !== 'kafka') {
    return [{ target: edge, message: `${owner} sets provisioned pollers, but provisioned mode exists only for SQS and Kafka mappings, not for ${source}; Lambda rejects the mapping.`, fix: `Remove the provisioned pollers from ${owner}.` }];
  }
  const min = pollers.minimumPollers ?? (source === 'sqs' ? SQS_MIN_POLLERS : 1);
  const max = pollers.maximumPollers ?? 200;
  const out: RuleFinding[] = [];
  if (source === 'sqs' && (min < SQS_MIN_POLLERS || max < SQS_MIN_POLLERS)) {
    out.push({ target: edge, message: `${owner} sets ${min < SQS_MIN_POLLERS ? `minimum pollers ${num(min)}` : `maximum pollers ${num(max)}`}; an SQS mapping in provisioned mode needs at least ${SQS_MIN_POLLERS}.`, fix: `Set the ${min < SQS_MIN_POLLERS ? 'minimum' : 'maximum'} pollers of ${owner} to at least ${SQS_MIN_POLLERS}.` });
  }
  if (min > max) {
    out.push({ target: edge, message: `${owner} keeps at least ${num(min)} pollers but may scale to at most ${num(max)}; the minimum cannot exceed the maximum.`, fix: `Lower the minimum pollers of ${owner} to ${num(max)} or raise its maximum to ${num(min)}.` });
  }
  return out;
}
