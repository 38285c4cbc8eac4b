import { accountOf } from '../../model/account';
import { defineRule } from '../types';
import { DEFAULT_ACCOUNT_CONCURRENCY, UNRESERVED_FLOOR, count } from './support';

export default defineRule({
  id: 'CONC-01',
  title: 'Reserved concurrency beyond the account\'s unreserved floor',
  severity: 'error',
  category: 'concurrency',
  docsUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html',
  appliesTo: ['lambda'],
  readsWholeDesign: true,
  why: `An account has ${count(DEFAULT_ACCOUNT_CONCURRENCY)} concurrent executions per Region by default (new accounts get less), and Lambda always keeps ${UNRESERVED_FLOOR} of them unreserved for the functions without reserved concurrency. Lambda refuses reserved concurrency that would cut into that floor; provisioned concurrency on a function without reserved concurrency draws from the same unreserved pool. The design can state its account's quota and the concurrency other functions in the account already reserve (design.account); without them the default quota and nothing reserved elsewhere are assumed.`,
  check(ctx) {
    // A function with reserved concurrency holds exactly that; one without holds its provisioned concurrency.
    const holders = ctx.index.ofKind('lambda')
      .map((fn) => ({ fn, units: fn.props.reservedConcurrency ?? fn.props.provisionedConcurrency, provisioned: fn.props.reservedConcurrency === null }))
      .filter((h) => h.units > 0)
      .sort((a, b) => b.units - a.units);
    const own = holders.reduce((sum, h) => sum + h.units, 0);
    const account = accountOf(ctx.design);
    const stated = ctx.design.account !== undefined;
    const total = own + account.otherReservedConcurrency;
    const limit = account.concurrencyLimit - UNRESERVED_FLOOR;
    // Only the design's own reservations can be refused at deploy: nothing reserved here, nothing to say.
    if (own === 0 || total <= limit) return [];
    const shown = holders.slice(0, 5).map((h) => `"${h.fn.name}" ${count(h.units)}${h.provisioned ? ' provisioned' : ''}`);
    const more = holders.length > shown.length ? `, and ${holders.length - shown.length} more` : '';
    const elsewhere = account.otherReservedConcurrency > 0 ? ` plus the ${count(account.otherReservedConcurrency)} other functions in the account already reserve` : '';
    const what = `The functions set aside ${count(own)} concurrent executions (${shown.join(', ')}${more})${elsewhere}`;
    const quota = stated ? `the account's quota of ${count(account.concurrencyLimit)} per Region` : `${count(account.concurrencyLimit)} per Region (the default quota)`;
    return [{
      target: 'design',
      message: `${what}: ${count(total)} in all, more than the ${count(Math.max(0, limit))} the account allows: ${quota} minus ${UNRESERVED_FLOOR} kept for functions without reserved concurrency.`,
      fix: `Lower the reserved (or provisioned) concurrency of these functions by ${count(total - Math.max(0, limit))} in total, or have the Lambda concurrent-executions quota of ${ctx.design.region} raised to at least ${count(total + UNRESERVED_FLOOR)} before deploying (then set it as the design's account concurrency limit).`,
    }];
  },
});
