import { vpcOf } from '../../graph';
import type { RuleFinding } from '../types';
import { defineRule } from '../types';
import { breaks, pathFindings } from './support';

export default defineRule({
  id: 'NET-12',
  title: 'RDS Proxy in another VPC than its database',
  severity: 'error',
  category: 'network',
  docsUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/services-rds.html',
  appliesTo: ['rdsProxy', 'rds'],
  why: 'An RDS Proxy must be in the same VPC as the database it pools connections to; a proxy elsewhere cannot be created against it, and no function connecting through it reaches the database. The database may be publicly accessible; the proxy cannot be: it is reachable only from inside its VPC.',
  check(ctx) {
    const fix = (proxy: string, db: string, vpc?: string) => `Move "${proxy}" into ${vpc ? `VPC "${vpc}"` : 'the VPC'} of "${db}" (its subnets and security groups), and attach the functions that use it to that VPC.`;
    const fromPaths = pathFindings(ctx, 'NET-12', (b) => {
      const proxy = b.target.kind === 'rdsProxy' ? b.target : undefined;
      const db = proxy?.props.target ? ctx.index.node(proxy.props.target) : undefined;
      return fix(b.target.name, db?.name ?? 'its database', db && vpcOf(ctx.index, db)?.name);
    });
    const seen = new Set(breaks(ctx, 'NET-12').flatMap((b) => b.paths.map((p) => p.brokenAt?.id)));
    const idle = ctx.index.ofKind('rdsProxy').flatMap((proxy): RuleFinding[] => {
      const db = proxy.props.target ? ctx.index.node(proxy.props.target) : undefined;
      if (db?.kind !== 'rds' || seen.has(proxy.id)) return [];
      const [pv, dv] = [vpcOf(ctx.index, proxy), vpcOf(ctx.index, db)];
      if (pv === dv) return [];
      return [{
        target: proxy,
        message: `RDS Proxy "${proxy.name}" is in ${pv ? `VPC "${pv.name}"` : 'no VPC'} but its database "${db.name}" is in ${dv ? `VPC "${dv.name}"` : 'no VPC'}: a proxy must be in the same VPC as its database.`,
        fix: fix(proxy.name, db.name, dv?.name),
      }];
    });
    // A proxy is never reachable from outside its VPC, even in front of a publicly accessible database.
    const exposed = ctx.index.ofKind('rdsProxy').filter((p) => p.props.publiclyAccessible === true).map((proxy): RuleFinding => {
      const db = proxy.props.target ? ctx.index.node(proxy.props.target) : undefined;
      const dbPublic = db?.kind === 'rds' && db.props.publiclyAccessible;
      return {
        target: proxy,
        message: `RDS Proxy "${proxy.name}" is marked publicly accessible, but an RDS Proxy is reachable only from inside its VPC${dbPublic ? ` (even though its database "${db.name}" is publicly accessible)` : ''}: clients outside the VPC cannot connect through it.`,
        fix: `Clear "publicly accessible" on "${proxy.name}" and connect from inside its VPC (attach the functions to it), or ${dbPublic ? `connect outside clients to "${db.name}" directly` : 'put the clients in the VPC'}.`,
      };
    });
    return [...fromPaths, ...idle, ...exposed];
  },
});
