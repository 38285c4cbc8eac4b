import type { NodeOfKind } from '../../model/design';
import { type Props, tableForKind } from '../cfn/properties';
import { type ExportContext, getAtt, ref } from './context';

/** Step Functions state machines as AWS::Serverless::StateMachine with a minimal definition: one Task
 *  per function it invokes, in the order the design lists those edges (the design does not hold the
 *  workflow itself), each allowed by LambdaInvokePolicy. REST API triggers become its Api events. */
export function exportStateMachines(ctx: ExportContext): void {
  for (const sm of ctx.ofKind('stepFunction')) exportStateMachine(ctx, sm);
}

function exportStateMachine(ctx: ExportContext, sm: NodeOfKind<'stepFunction'>): void {
  const id = ctx.id(sm.id);
  const fns = ctx.from(sm.id, 'trigger').map((e) => ctx.node(e.to)).filter((n) => n.kind === 'lambda');
  const states: Props = {};
  const substitutions: Props = {};
  fns.forEach((fn, i) => {
    const fnId = ctx.id(fn.id);
    substitutions[`${fnId}Arn`] = getAtt(fnId, 'Arn');
    states[fnId] = {
      Type: 'Task',
      Comment: fn.name,
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: `\${${fnId}Arn}`, 'Payload.$': '$' },
      OutputPath: '$.Payload',
      ...(i + 1 < fns.length ? { Next: ctx.id(fns[i + 1].id) } : { End: true }),
    };
  });
  const definition = fns.length
    ? { Comment: 'A starting point: one task per function the design connects; add Retry, Catch and choices here.', StartAt: ctx.id(fns[0].id), States: states }
    : { Comment: 'A starting point: the design connects no function to this state machine.', StartAt: 'Start', States: { Start: { Type: 'Pass', End: true } } };
  const props: Props = { ...ctx.applyTable(tableForKind('stepFunction', sm.props, 'AWS::Serverless::StateMachine')!, sm), Definition: definition };
  if (fns.length) {
    props.DefinitionSubstitutions = substitutions;
    props.Policies = fns.map((fn) => ({ LambdaInvokePolicy: { FunctionName: ref(ctx.id(fn.id)) } }));
  }
  const events: Props = {};
  for (const e of ctx.to(sm.id, 'trigger')) {
    const api = ctx.node(e.from);
    if (api.kind !== 'apiGateway') continue; // rules and schedules target it from routing.ts
    if (api.props.apiType !== 'rest') {
      ctx.warn(sm, `SAM starts state machines from REST APIs only; the ${api.props.apiType} API "${api.name}" is not wired to it`);
      continue;
    }
    events[ctx.id(api.id)] = { Type: 'Api', Properties: { RestApiId: ref(ctx.id(api.id)), Path: e.props.path ?? '/', Method: e.props.method ?? 'POST' } };
  }
  if (Object.keys(events).length) props.Events = events;
  ctx.add(id, { Type: 'AWS::Serverless::StateMachine', Properties: props });
  ctx.output(`${id}Arn`, { Description: `${sm.name}: state machine ARN`, Value: ref(id) });
}
