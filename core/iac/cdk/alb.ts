import type { NodeOfKind } from '../../model/design';
import type { CdkContext } from './context';
import { subnetSelection } from './network';
import { type Expr, arr, bool, call, constStmt, construct, exprStmt, id, member, num, obj, str } from './writer';

/** Application Load Balancers with Lambda targets: an HTTP listener on port 80 (the design names no
 *  listener), one target group per trigger edge, a listener rule per path / method. */
export function exportLoadBalancers(ctx: CdkContext): void {
  for (const alb of ctx.ofKind('alb')) exportLoadBalancer(ctx, alb);
}

function exportLoadBalancer(ctx: CdkContext, alb: NodeOfKind<'alb'>): void {
  const p = alb.props;
  if (!alb.parent || !ctx.declared.has(alb.parent)) { ctx.warn(alb, 'is not inside a VPC of this design; a load balancer needs one, so it is left out'); return; }
  const cid = ctx.cid(alb.id);
  const subnets = ctx.refs(alb, p.subnets);
  const [firstGroup, ...moreGroups] = ctx.refs(alb, p.securityGroups);
  ctx.add('wiring', constStmt(ctx.varName(alb.id), ctx.create('elbv2', 'ApplicationLoadBalancer', cid, obj({
    vpc: ctx.v(alb.parent),
    internetFacing: bool(p.scheme === 'internet-facing'),
    vpcSubnets: subnets.length ? subnetSelection(ctx, subnets) : undefined,
    securityGroup: firstGroup,
  }))));
  ctx.declared.add(alb.id);
  for (const sg of moreGroups) ctx.add('wiring', exprStmt(call(member(ctx.v(alb.id), 'addSecurityGroup'), sg)));

  const triggers = ctx.from(alb.id, 'trigger').filter((e) => ctx.declared.has(e.to) && ctx.node(e.to).kind === 'lambda');
  const conditionsOf = (e: (typeof triggers)[number]): Expr[] => [
    ...(e.props.path && e.props.path !== '/*' ? [call(ctx.ns('elbv2', 'ListenerCondition', 'pathPatterns'), arr([str(e.props.path)]))] : []),
    ...(e.props.method && e.props.method !== 'ANY' ? [call(ctx.ns('elbv2', 'ListenerCondition', 'httpRequestMethods'), arr([str(e.props.method)]))] : []),
  ];
  const defaultRoute = triggers.find((e) => conditionsOf(e).length === 0);
  const listener = ctx.auxVar(`${ctx.varName(alb.id)} listener`);
  ctx.add('wiring', constStmt(listener, call(member(ctx.v(alb.id), 'addListener'), str('Http'), obj({
    port: num(80),
    // The design's security groups say who may connect; the listener opens nothing by itself.
    open: bool(false),
    defaultAction: defaultRoute ? undefined : call(ctx.ns('elbv2', 'ListenerAction', 'fixedResponse'), num(404)),
  }))));
  let priority = 0;
  for (const e of triggers) {
    const group = ctx.auxVar(`${ctx.varName(e.to)} targets`);
    ctx.add('wiring', constStmt(group, ctx.create('elbv2', 'ApplicationTargetGroup', ctx.auxId(`${cid} ${ctx.cid(e.to)}`, 'Targets'), obj({
      targets: arr([construct(ctx.ns('elbTargets', 'LambdaTarget'), ctx.v(e.to))]),
      multiValueHeadersEnabled: p.multiValueHeaders ? bool(true) : undefined,
    }))));
    const conditions = conditionsOf(e);
    const rule = e === defaultRoute ? obj({ targetGroups: arr([id(group)]) })
      : obj({ targetGroups: arr([id(group)]), priority: num((priority += 1) * 10), conditions: arr(conditions.length ? conditions : [call(ctx.ns('elbv2', 'ListenerCondition', 'pathPatterns'), arr([str('/*')]))]) });
    ctx.add('wiring', exprStmt(call(member(id(listener), 'addTargetGroups'), str(ctx.auxId(`${ctx.cid(e.to)} Route`, '')), rule)));
  }
}
