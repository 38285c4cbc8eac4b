import { canConnect, possibleEdgeKinds } from '../model/connections';
import type { Design, DesignNode } from '../model/design';
import type { EdgeKind } from '../model/edges';

/** What the canvas does when the user joins two nodes: connect, ask which kind, or say why not. */
export type ConnectPlan =
  | { action: 'connect'; kind: EdgeKind }
  | { action: 'ask'; kinds: EdgeKind[] }
  | { action: 'refuse'; reason: string };

/** The edge kind a person most likely meant, so a refusal explains the attempt they made. */
export function intendedEdgeKind(from: Pick<DesignNode, 'kind'>, to: Pick<DesignNode, 'kind'>): EdgeKind {
  if (from.kind === 'lambda') return to.kind === 'lambda' ? 'invoke' : 'access';
  return 'trigger';
}

export function planConnection(design: Design, fromId: string, toId: string): ConnectPlan {
  const from = design.nodes.find((n) => n.id === fromId);
  const to = design.nodes.find((n) => n.id === toId);
  if (!from || !to) return { action: 'refuse', reason: 'Both ends of a connection must be resources of this design.' };
  const taken = new Set(design.edges.filter((e) => e.from === fromId && e.to === toId).map((e) => e.kind));
  const possible = possibleEdgeKinds(from, to);
  const kinds = possible.filter((k) => !taken.has(k));
  if (kinds.length === 1) return { action: 'connect', kind: kinds[0] };
  if (kinds.length > 1) return { action: 'ask', kinds };
  if (possible.length > 0) return { action: 'refuse', reason: `${from.name} is already connected to ${to.name} in every way AWS allows.` };
  const verdict = canConnect(from, to, intendedEdgeKind(from, to));
  return { action: 'refuse', reason: verdict.ok ? `AWS has no connection from ${from.name} to ${to.name}.` : verdict.reason };
}
