import { indexDesign, vpcOf } from '../graph';
import type { Design, DesignEdge, DesignNode, EdgeOfKind, NodeOfKind } from '../model/design';
import { analyzeReachability, effectiveTrigger, invocationModel, invocationModelsOf, RETRY_PATHS_SHOWN, traceRetryPathsCapped, type EffectiveTrigger, type InvocationModel, type Reachability, type RetryTrace } from '../semantics';
import type { RuleContext } from './types';

/** `retryShown`: the retry paths the trace keeps (the rest are counted); the incremental session
 *  (core/incremental) keeps them all, to merge parts in the whole design's order. */
export function createRuleContext(design: Design, retryShown = RETRY_PATHS_SHOWN): RuleContext {
  const index = indexDesign(design);
  const invocations = new Map<string, InvocationModel | undefined>();
  const modelsOf = new Map<string, Set<InvocationModel>>();
  const triggers = new Map<string, EffectiveTrigger>();
  let reach: Reachability[] | undefined;
  let retry: RetryTrace | undefined;
  let reachFrom: Map<string, Reachability[]> | undefined;
  let byGroup: Map<string, NodeOfKind<'lambda'>[]> | undefined;
  let byVpc: Map<string, NodeOfKind<'lambda'>[]> | undefined;
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
    retryPaths: () => (retry ??= traceRetryPathsCapped(design, retryShown)).paths,
    retryTrace: () => (retry ??= traceRetryPathsCapped(design, retryShown)),
    reachabilityFrom(functionId) {
      reachFrom ??= groupBy((reach ??= analyzeReachability(design)), (r) => [r.from.id]);
      return reachFrom.get(functionId) ?? [];
    },
    functionsUsingGroup(securityGroupId) {
      byGroup ??= groupBy(index.ofKind('lambda'), (fn) => [...new Set(fn.props.vpc?.securityGroups ?? [])]);
      return byGroup.get(securityGroupId) ?? [];
    },
    functionsInVpc(vpcId) {
      byVpc ??= groupBy(index.ofKind('lambda'), (fn) => {
        const vpc = fn.props.vpc ? vpcOf(index, fn) : undefined;
        return vpc ? [vpc.id] : [];
      });
      return byVpc.get(vpcId) ?? [];
    },
    nameOf(target) {
      if (isEdge(target)) return `${index.node(target.from)?.name ?? target.from} → ${index.node(target.to)?.name ?? target.to}`;
      return target.name;
    },
  };
}

/** Items grouped under each of their keys, in their order: one pass, for look-ups rules would
 *  otherwise make by scanning every item once per node (issue 13: no rule worse than O(n log n)). */
function groupBy<T>(items: readonly T[], keys: (item: T) => readonly string[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const key of keys(item)) {
      const list = groups.get(key);
      if (list) list.push(item);
      else groups.set(key, [item]);
    }
  }
  return groups;
}
