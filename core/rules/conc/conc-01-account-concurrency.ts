import { defineRule } from '../types';
import { DEFAULT_ACCOUNT_CONCURRENCY, UNRESERVED_FLOOR, count } from './support';

export default defineRule({
  id: 'CONC-01',
  title: 'Reserved concurrency beyond the account\'s unreserved floor',
  severity: 'error',
  category: 'concurrency',
  docsUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html',
  appliesTo: ['lambda'],
  why: `An account has ${count(DEFAULT_ACCOUNT_CONCURRENCY)} concurrent executions per Region by default (new accounts get less), and Lambda always keeps ${UNRESERVED_FLOOR} of them unreserved for the functions without reserved concurrency. Lambda refuses reserved concurrency that would cut into that floor; provisioned concurrency on a function without reserved concurrency draws from the same unreserved pool.`,
  check(ctx) {
    // A function with reserved concurrency holds exactly that; one without holds its provisioned concurrency.
    const holders = ctx.index.ofKind('lambda')
      .map((fn) => ({ fn, units: fn.props.reservedConcurrency ?? fn.props.provisionedConcurrency, provisioned: fn.props.reservedConcurrency === null }))
      .filter((h) => h.units > 0)
      .sort((a, b) => b.units - a.units);
    const total = holders.reduce((sum, h) => sum + h.units, 0);
    const limit = DEFAULT_ACCOUNT_CONCURRENCY - UNRESERVED_FLOOR;
    if (total <= limit) return [];
    const shown = holders.slice(0, 5).map((h) => `"${h.fn.name}" ${count(h.units)}${h.provisioned ? ' provisioned' : ''}`);
    const more = holders.length > shown.length ? `, and ${holders.length - shown.length} more` : '';
    return [{
      target: 'design',
      message: `The functions set aside ${count(total)} concurrent executions (${shown.join(', ')}${more}), more than the ${count(limit)} an account with the default quota allows: ${count(DEFAULT_ACCOUNT_CONCURRENCY)} per Region minus ${UNRESERVED_FLOOR} kept for functions without reserved concurrency.`,
      fix: `Lower the reserved (or provisioned) concurrency of these functions by ${count(total - limit)} in total, or have the Lambda concurrent-executions quota of ${ctx.design.region} raised to at least ${count(total + UNRESERVED_FLOOR)} before deploying.`,
    }];
  },
});
