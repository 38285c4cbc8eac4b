import { triggerProps } from '../../model/edges';
import { rangeOf } from '../../model/limits';
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
  appliesTo: ['trigger', 'kinesisStream', 'dynamoTable'],
  why: 'A Kinesis or DynamoDB Streams event source mapping accepts a batch size of 1 to 10,000 (default 100), a parallelization factor of 1 to 10, maximum retry attempts of -1 (until the record expires) to 10,000, a maximum record age of -1 or 60 to 604,800 s, and a tumbling window of 0 to 900 s; Lambda rejects the mapping otherwise.',
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
      return out;
    });
  },
});
