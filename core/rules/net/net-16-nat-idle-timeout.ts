import type { RuleFinding } from '../types';
import { defineRule } from '../types';
import { edgePaths, NAT_IDLE_TIMEOUT_SECONDS, named, names } from './support';

export default defineRule({
  id: 'NET-16',
  title: 'Long-running function behind a NAT gateway idle timeout',
  severity: 'info',
  category: 'network',
  docsUrl: 'https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-troubleshooting.html',
  appliesTo: ['lambda', 'natGateway'],
  why: `A NAT gateway drops a connection that stays idle for ${NAT_IDLE_TIMEOUT_SECONDS} s without telling either side. A function that may run longer than that and keeps a connection open through the NAT gateway (a pooled HTTP client, a long poll, a slow API) can find it dead and hang until its own timeout.`,
  check(ctx) {
    const byFn = new Map<string, { targets: { name: string }[]; nats: { name: string }[] }>();
    for (const b of edgePaths(ctx, (p) => p.reachable && p.via === 'nat')) {
      if (b.fn.props.timeoutSeconds <= NAT_IDLE_TIMEOUT_SECONDS) continue;
      const e = byFn.get(b.fn.id) ?? byFn.set(b.fn.id, { targets: [], nats: [] }).get(b.fn.id)!;
      e.targets.push(b.target);
      for (const p of b.paths) if (p.natGateway) e.nats.push(p.natGateway);
    }
    return [...byFn].map(([id, { targets, nats }]): RuleFinding => {
      const fn = ctx.index.node(id)!;
      const timeout = fn.kind === 'lambda' ? fn.props.timeoutSeconds : 0;
      return {
        target: fn,
        message: `"${fn.name}" can run for ${timeout} s and reaches ${names(targets)} through ${named('NAT gateway', nats)}; a NAT gateway silently drops connections idle for ${NAT_IDLE_TIMEOUT_SECONDS} s.`,
        fix: `Keep connections from "${fn.name}" busy or short-lived: enable TCP keepalive under ${NAT_IDLE_TIMEOUT_SECONDS} s, or open a new connection after long pauses (or use VPC endpoints for AWS APIs).`,
      };
    });
  },
});
