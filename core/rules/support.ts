import { own } from '../model/own';
import type { DesignNode, EdgeOfKind, NodeOfKind, NodeUsage } from '../model/design';
import { formatNumber } from '../format';
import type { RuleContext } from './types';

type Kind = DesignNode['kind'];

/** A trigger edge from a source of a given kind into a function. */
export interface FunctionTrigger<K extends Kind = Kind> {
  edge: EdgeOfKind<'trigger'>;
  source: NodeOfKind<K>;
  fn: NodeOfKind<'lambda'>;
}

/** Trigger edges leaving a source of one of `kinds` (to a function or any other target), in design order. */
export function triggersFrom<K extends Kind>(ctx: RuleContext, kinds: readonly K[]): { edge: EdgeOfKind<'trigger'>; source: NodeOfKind<K> }[] {
  return ctx.index.edgesOfKind('trigger').flatMap((edge) => {
    const source = ctx.index.node(edge.from);
    return source && (kinds as readonly string[]).includes(source.kind) ? [{ edge, source: source as NodeOfKind<K> }] : [];
  });
}

/** Trigger edges from a source of one of `kinds` into a function, in design order. */
export function functionTriggers<K extends Kind>(ctx: RuleContext, kinds: readonly K[]): FunctionTrigger<K>[] {
  return triggersFrom(ctx, kinds).flatMap(({ edge, source }) => {
    const fn = ctx.index.node(edge.to);
    return fn?.kind === 'lambda' ? [{ edge, source, fn }] : [];
  });
}

/** Names listed in full in a message at most; beyond, the rest are counted ("and 9,990 others"). */
export const NAMES_SHOWN = 10;

/** `"a", "b" and "c"`; past ten names `"a", "b", … "j" and 9,990 others` (a message naming every
 *  caller of a function with 10,000 callers would be 100 KB long). */
export function names(items: readonly { name: string }[]): string {
  const quoted = [...new Set(items.map((i) => `"${i.name}"`))];
  if (quoted.length > NAMES_SHOWN) return `${quoted.slice(0, NAMES_SHOWN - 1).join(', ')} and ${formatNumber(quoted.length - NAMES_SHOWN + 1)} others`;
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}` : (quoted[0] ?? '');
}

/** Usage entered at a node in the design's active profile. */
export function nodeUsage(ctx: RuleContext, id: string): NodeUsage {
  const { profiles, active } = ctx.design.usage;
  return own(own(profiles, active)?.nodes, id) ?? {};
}
