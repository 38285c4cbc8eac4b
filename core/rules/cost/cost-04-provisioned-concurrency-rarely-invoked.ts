import { defineRule } from '../types';
import { monthlyInvocations, num } from './support';

/** "Rarely invoked": under one invocation a minute per provisioned environment, over a 30-day month.
 *  Even for 1 s invocations each environment then sits idle > 98 % of the time, far below the ~60 %
 *  utilisation at which provisioned concurrency's price breaks even with on-demand (pricing P11/P12 vs on-demand duration). */
const INVOCATIONS_PER_ENVIRONMENT_MONTH = 60 * 24 * 30;

export default defineRule({
  id: 'COST-04',
  title: 'Provisioned concurrency on a rarely invoked function',
  severity: 'info',
  category: 'cost',
  docsUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html',
  appliesTo: ['lambda'],
  why: 'Provisioned concurrency is charged for every configured environment, around the clock, whether or not it runs; reserved concurrency costs nothing. A function invoked only now and then pays mostly for idle capacity: accept the occasional cold start, or enable provisioned concurrency only for the busy hours (scheduled scaling).',
  check(ctx) {
    return ctx.index.ofKind('lambda').flatMap((fn) => {
      const provisioned = fn.props.provisionedConcurrency;
      if (provisioned <= 0) return [];
      const usage = monthlyInvocations(ctx, fn.id);
      const threshold = provisioned * INVOCATIONS_PER_ENVIRONMENT_MONTH;
      if (!usage || usage.requests >= threshold) return [];
      return [{
        target: fn,
        message: `"${fn.name}" keeps ${provisioned} provisioned environment${provisioned > 1 ? 's' : ''} warm around the clock but is invoked about ${num(usage.requests)} times a month in the "${usage.profile}" profile, fewer than one invocation a minute per environment (${num(threshold)} a month for ${provisioned}).`,
        fix: `Remove the provisioned concurrency of "${fn.name}" (or lower it), or schedule it only for the hours that need fast starts.`,
      }];
    });
  },
});
