import { sqsQueueProps } from '../../model/kinds';
import { defineRule } from '../types';
import { rangeFindings, type BoundedSetting } from './support';

const SETTINGS: readonly BoundedSetting[] = [
  { path: ['visibilityTimeoutSeconds'], label: 'visibility timeout', unit: ' s' },
  { path: ['messageRetentionSeconds'], label: 'message retention period', unit: ' s' },
  { path: ['delaySeconds'], label: 'delivery delay', unit: ' s' },
  { path: ['maximumMessageSizeBytes'], label: 'maximum message size', unit: ' bytes' },
  { path: ['receiveWaitTimeSeconds'], label: 'receive wait time', unit: ' s' },
];

export default defineRule({
  id: 'CFG-06',
  readsValuesAsWritten: true,
  title: 'SQS queue attribute out of range',
  severity: 'error',
  category: 'config',
  docsUrl: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_CreateQueue.html',
  appliesTo: ['sqsQueue'],
  why: 'SQS rejects a queue whose attributes fall outside their ranges: visibility timeout 0 to 43,200 s (default 30), retention 60 to 1,209,600 s (default 4 days), delay 0 to 900 s, receive wait 0 to 20 s, and a maximum message size of 1,024 bytes to 1 MiB (raised from 256 KiB; older tools still cap it at 262,144 bytes).',
  check(ctx) {
    return ctx.index.ofKind('sqsQueue').flatMap((queue) => rangeFindings(sqsQueueProps, queue.props, SETTINGS, queue, `"${queue.name}"`, 'SQS'));
  },
});
