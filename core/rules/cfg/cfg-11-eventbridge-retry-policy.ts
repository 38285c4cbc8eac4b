import { triggerProps } from '../../model/edges';
import { defineRule } from '../types';
import { rangeFindings, triggersFrom, type BoundedSetting } from './support';

const SETTINGS: readonly BoundedSetting[] = [
  { path: ['retryPolicy', 'maximumRetryAttempts'], label: 'maximum retry attempts', unit: '' },
  { path: ['retryPolicy', 'maximumEventAgeSeconds'], label: 'maximum event age', unit: ' s' },
];

export default defineRule({
  id: 'CFG-11',
  readsValuesAsWritten: true,
  title: 'EventBridge target retry policy out of range',
  severity: 'error',
  category: 'config',
  docsUrl: 'https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_RetryPolicy.html',
  appliesTo: ['trigger', 'eventRule'],
  why: 'An EventBridge rule target\'s retry policy accepts 0 to 185 retry attempts and a maximum event age of 60 to 86,400 s (24 h); EventBridge rejects the target otherwise.',
  check(ctx) {
    return triggersFrom(ctx, ['eventRule']).flatMap(({ edge }) =>
      rangeFindings(triggerProps, edge.props, SETTINGS, edge, `the target "${ctx.nameOf(edge)}"`, 'EventBridge'));
  },
});
