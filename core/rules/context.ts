import { indexDesign } from '../graph';
import type { Design, DesignEdge, DesignNode, EdgeOfKind } from '../model/design';
import { analyzeReachability, effectiveTrigger, invocationModel, invocationModelsOf, traceRetryPaths, type EffectiveTrigger, type InvocationModel, type Reachability, type RetryPath } from '../semantics';
import type { RuleContext } from './types';

export function createRuleContext(design: Design): RuleContext {
  const index = indexDesign(design);
  const invocations = new Map<string, InvocationModel | undefined>();
  const modelsOf = new Map<string, Set<InvocationModel>>();
  const triggers = new Map<string, EffectiveTrigger>();
  let reach: Reachability[] | undefined;
  let retry: RetryPath[] | undefined;
  const isEdge = (t: DesignNode | DesignEdge): t is DesignEdge => index.edge(t.id) === t;
  return {
    design,
    index,
    invocation(edge) {
      if (!invocations.has(edge.id)) invocations.set(edge.id, invocationModel(index, edge));
      return invocations.get(edge.id);
    },
    invocationModelsOf(functionId) {
      let models = modelsOf.get(functionId);
      if (!models) modelsOf.set(functionId, (models = invocationModelsOf(index, functionId)));
      return models;
    },
    trigger(edge: EdgeOfKind<'trigger'>) {
      let t = triggers.get(edge.id);
      if (!t) {
        const source = index.node(edge.from);
        triggers.set(edge.id, (t = effectiveTrigger(source?.kind ?? 'sqsQueue', edge)));
      }
      return t;
    },
    reachability: () => (reach ??= analyzeReachability(design)),
    retryPaths: () => (retry ??= traceRetryPaths(design)),
    nameOf(target) {
      if (isEdge(target)) return `${index.node(target.from)?.name ?? target.from} → ${index.node(target.to)?.name ?? target.to}`;
      return target.name;
    },
  };
}
