import { lambdaProps } from '../../model/kinds';
import { rangeOf } from '../../model/limits';
import { ASYNC_RETRY_DELAYS_SECONDS, formatDuration } from '../../semantics';
import { defineRule, type RuleFinding } from '../types';
import { count } from './support';

/** When each retry runs after the first failed attempt: 1 min, then 2 min more. */
const RETRY_AT_SECONDS = ASYNC_RETRY_DELAYS_SECONDS.map((_, i) => ASYNC_RETRY_DELAYS_SECONDS.slice(0, i + 1).reduce((a, b) => a + b, 0));
const SETTINGS = [
  { key: 'maximumRetryAttempts', label: 'maximum retry attempts', unit: '' },
  { key: 'maximumEventAgeSeconds', label: 'maximum event age', unit: ' s' },
] as const;

export default defineRule({
  id: 'RETRY-02',
  readsValuesAsWritten: true,
  title: 'Async retry settings out of range or cut short',
  severity: 'error',
  category: 'retry',
  docsUrl: 'https://docs.aws.amazon.com/lambda/latest/api/API_FunctionEventInvokeConfig.html',
  appliesTo: ['lambda'],
  why: 'Lambda accepts 0 to 2 retries and a maximum event age of 60 s to 6 h for asynchronous invocations. After a function error it retries after 1 minute, then after 2 more minutes; an event older than the maximum age is dropped, even before its retries have run.',
  check(ctx) {
    return ctx.index.ofKind('lambda').flatMap((fn): RuleFinding[] => {
      const config = fn.props.asyncConfig;
      const out = SETTINGS.flatMap(({ key, label, unit }) => {
        const { min, max } = rangeOf(lambdaProps, 'asyncConfig', key);
        const value = config[key];
        return value >= min && value <= max ? [] : [{
          target: fn,
          message: `"${fn.name}" sets the async ${label} to ${value}${unit}; Lambda accepts ${min} to ${max}${unit}, so the deployment fails.`,
          fix: `Set the async ${label} of "${fn.name}" to a value from ${min} to ${max}${unit}.`,
        }];
      });
      if (out.length || !ctx.invocationModelsOf(fn.id).has('async')) return out;
      const due = RETRY_AT_SECONDS.slice(0, config.maximumRetryAttempts);
      const runs = due.filter((t) => t < config.maximumEventAgeSeconds).length;
      if (runs === due.length) return [];
      const retries = due.length;
      const lastRetryAt = due[retries - 1];
      return [{
        target: fn,
        severity: 'info',
        message: `"${fn.name}" allows ${count(retries, 'async retry')}, but the last one comes about ${formatDuration(lastRetryAt)} after the first attempt and events older than ${config.maximumEventAgeSeconds} s are dropped: only ${count(runs, 'retry')} can run.`,
        fix: `Raise the maximum event age of "${fn.name}" above ${lastRetryAt} s, or lower its maximum retry attempts to ${runs}.`,
      }];
    });
  },
});
