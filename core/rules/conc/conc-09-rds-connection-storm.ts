import { accountOf } from '../../model/account';
import type { NodeOfKind } from '../../model/design';
import { defineRule } from '../types';
import { UNRESERVED_FLOOR, count } from './support';

export default defineRule({
  id: 'CONC-09',
  title: 'Function connects to RDS with neither a proxy nor reserved concurrency',
  severity: 'warning',
  category: 'concurrency',
  docsUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/services-rds.html',
  appliesTo: ['access', 'lambda', 'rds'],
  why: 'Every execution environment opens its own database connections, and a function without reserved concurrency scales with its traffic, so a burst can exhaust the database\'s connection limit. RDS Proxy pools and shares connections; reserved concurrency caps the function (Lambda\'s concurrency page: it "can be used for limiting concurrency to prevent overwhelming downstream resources, like database connections"). Functions that do not touch a database need neither.',
  check(ctx) {
    // The first proxy (in design order) in front of each database.
    const proxyOf = new Map<string, NodeOfKind<'rdsProxy'>>();
    // Without reserved concurrency a function can take the account's unreserved pool: its quota
    // less what others reserve, never below the floor Lambda keeps unreserved.
    const account = accountOf(ctx.design);
    const pool = Math.max(UNRESERVED_FLOOR, account.concurrencyLimit - account.otherReservedConcurrency);
    const poolText = ctx.design.account ? `the ${count(pool)} concurrent executions the account leaves unreserved` : `the account's ${count(pool)} concurrent executions by default`;
    for (const p of ctx.index.ofKind('rdsProxy')) if (p.props.target !== null && !proxyOf.has(p.props.target)) proxyOf.set(p.props.target, p);
    return ctx.design.edges.flatMap((edge) => {
      if (edge.kind !== 'access') return [];
      const fn = ctx.index.node(edge.from);
      const db = ctx.index.node(edge.to);
      if (fn?.kind !== 'lambda' || db?.kind !== 'rds' || fn.props.reservedConcurrency !== null) return [];
      const proxy = proxyOf.get(db.id);
      return [{
        target: edge,
        message: `"${fn.name}" connects straight to "${db.name}" with no RDS Proxy and no reserved concurrency: it can scale to ${poolText}, each opening its own connections.`,
        fix: proxy
          ? `Connect "${fn.name}" to "${proxy.name}" instead of "${db.name}", or set reserved concurrency on "${fn.name}" below the connections "${db.name}" can take.`
          : `Put an RDS Proxy in front of "${db.name}" and connect "${fn.name}" to it, or set reserved concurrency on "${fn.name}" below the connections "${db.name}" can take.`,
      }];
    });
  },
});
