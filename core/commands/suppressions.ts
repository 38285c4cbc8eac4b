import type { Draft } from 'immer';
import { suppressionSchema, type Design } from '../model/design';

/** Suppressions: a finding the team has accepted, kept in the design with the reason (the engine
 *  in core/rules/engine.ts moves matching findings to `suppressed`). One undo step each. */
export type SuppressionCommand =
  /** `target` is a node or edge id, or "*" for a finding about the whole design. The reason is required. */
  | { type: 'suppress'; ruleId: string; target: string; reason: string }
  | { type: 'unsuppress'; ruleId: string; target: string };

const SUPPRESSION_TYPES: ReadonlySet<string> = new Set(['suppress', 'unsuppress']);

export const isSuppressionCommand = (command: { type: string }): command is SuppressionCommand => SUPPRESSION_TYPES.has(command.type);

export function suppressionCommandLabel(command: SuppressionCommand): string {
  return command.type === 'suppress' ? `Suppress ${command.ruleId}` : `Unsuppress ${command.ruleId}`;
}

/** What the target is called in a message: the node's or edge's name, or "the design". */
function targetName(design: Draft<Design>, target: string): string | undefined {
  if (target === '*') return 'the design';
  const node = design.nodes.find((n) => n.id === target);
  if (node) return `"${node.name}"`;
  const edge = design.edges.find((e) => e.id === target);
  if (!edge) return undefined;
  const end = (id: string) => design.nodes.find((n) => n.id === id)?.name ?? id;
  return `the connection ${end(edge.from)} → ${end(edge.to)}`;
}

/** Applies a suppression edit to the draft; returns why it is refused, or undefined when it applied. */
export function applySuppressionCommand(draft: Draft<Design>, command: SuppressionCommand): string | undefined {
  const name = targetName(draft, command.target);
  if (!name) return `There is no node or connection "${command.target}" in this design to suppress a finding on.`;
  const at = draft.suppressions.findIndex((s) => s.ruleId === command.ruleId && s.target === command.target);
  if (command.type === 'unsuppress') {
    if (at < 0) return `${command.ruleId} is not suppressed on ${name}.`;
    draft.suppressions.splice(at, 1);
    return undefined;
  }
  // The same schema the file loader applies, so a suppression made here always loads again.
  const parsed = suppressionSchema.safeParse({ ruleId: command.ruleId, target: command.target, reason: command.reason });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? 'suppression');
    if (field === 'reason') return `Suppressing ${command.ruleId} on ${name} needs a reason: say why the finding does not apply or is accepted.`;
    if (field === 'ruleId') return `"${command.ruleId}" is not a rule id (expected an id such as RETRY-01); only a rule's findings can be suppressed.`;
    return `Cannot suppress ${command.ruleId} on ${name}: ${issue?.message ?? 'the suppression is not valid'}.`;
  }
  if (at >= 0) return `${command.ruleId} is already suppressed on ${name} (because: ${draft.suppressions[at].reason}).`;
  draft.suppressions.push({ ruleId: parsed.data.ruleId, target: parsed.data.target, reason: parsed.data.reason.trim() });
  return undefined;
}
