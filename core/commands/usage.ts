import { current, type Draft } from 'immer';
import type { z } from 'zod';
import { formatNumber } from '../format';
import { edgeUsageSchema, nodeUsageSchema, type Design, type NodeUsage, type UsageProfile } from '../model/design';
import { kindLabel } from '../model/kinds';
import { USAGE_FIELDS, usageFieldsFor } from '../model/usageFields';

/** Usage edits: the traffic and volumes a usage profile holds, and the profiles themselves. They
 *  are design edits like any other (one undo step each, saved in the file). `profile` left out
 *  means the design's active profile. A value of `undefined` clears the entry, so the analysis
 *  falls back to what it derives (propagated traffic, AWS's default). */
export type UsageCommand =
  | { type: 'setNodeUsage'; nodeId: string; field: keyof NodeUsage & string; value: number | string | boolean | undefined; profile?: string }
  | { type: 'setEdgeUsage'; edgeId: string; field: EdgeUsageField; value: number | undefined; profile?: string }
  | { type: 'addUsageProfile'; name: string; description?: string }
  /** A copy of `from` under `name` (default "<from> copy"), placed right after it. */
  | { type: 'duplicateUsageProfile'; from: string; name?: string }
  | { type: 'renameUsageProfile'; from: string; to: string }
  /** The last profile cannot be deleted; deleting the active one makes its neighbour active. */
  | { type: 'deleteUsageProfile'; name: string }
  | { type: 'setActiveUsageProfile'; name: string }
  | { type: 'setUsageProfileDescription'; name: string; description: string };

export type EdgeUsageField = 'perInvocation' | 'avgPayloadKb';
export const EDGE_USAGE_FIELDS: readonly { key: EdgeUsageField; label: string; unit: string; whenEmpty: string; help: string }[] = [
  { key: 'perInvocation', label: 'Calls per invocation', unit: 'per invocation', whenEmpty: '1 per invocation of the sender',
    help: 'Messages, writes or calls the sending function makes along this connection per invocation (or per execution of a state machine).' },
  { key: 'avgPayloadKb', label: 'Average payload', unit: 'KB', whenEmpty: 'the sender’s payload',
    help: 'Average size of what travels along this connection.' },
];

const USAGE_TYPES: ReadonlySet<string> = new Set(['setNodeUsage', 'setEdgeUsage', 'addUsageProfile', 'duplicateUsageProfile', 'renameUsageProfile', 'deleteUsageProfile', 'setActiveUsageProfile', 'setUsageProfileDescription']);

export const isUsageCommand = (command: { type: string }): command is UsageCommand => USAGE_TYPES.has(command.type);

/** Profile names are the keys of `usage.profiles` and appear in menus and CLI flags. */
export const PROFILE_NAME_MAX = 40;

export function usageCommandLabel(command: UsageCommand): string {
  switch (command.type) {
    case 'setNodeUsage': return `${command.value === undefined ? 'Clear' : 'Set'} ${fieldLabel(command.field).toLowerCase()}`;
    case 'setEdgeUsage': return `${command.value === undefined ? 'Clear' : 'Set'} ${EDGE_USAGE_FIELDS.find((f) => f.key === command.field)?.label.toLowerCase() ?? command.field}`;
    case 'addUsageProfile': return 'Add usage profile';
    case 'duplicateUsageProfile': return 'Duplicate usage profile';
    case 'renameUsageProfile': return 'Rename usage profile';
    case 'deleteUsageProfile': return 'Delete usage profile';
    case 'setActiveUsageProfile': return 'Switch usage profile';
    case 'setUsageProfileDescription': return 'Describe usage profile';
  }
}

const fieldLabel = (key: string): string => USAGE_FIELDS.find((f) => f.key === key)?.label ?? key;

type Shape = Record<string, z.ZodType>;

/** Why `value` cannot be stored as `field` (AWS's range, the wrong type), in words for the field
 *  itself ("must be at most 900,000 ms"); undefined when it can. */
export function usageValueProblem(field: string, value: unknown, edge = false): string | undefined {
  const schema = (edge ? edgeUsageSchema.shape : nodeUsageSchema.shape) as unknown as Shape;
  const check = schema[field];
  if (!check) return `there is no usage value "${field}"`;
  if (typeof value === 'number' && !Number.isFinite(value)) return 'must be a finite number';
  const parsed = check.safeParse(value);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0];
  const unit = edge ? EDGE_USAGE_FIELDS.find((f) => f.key === field)?.unit : numberUnit(field);
  const withUnit = (n: unknown) => `${typeof n === 'number' || typeof n === 'bigint' ? formatNumber(Number(n)) : String(n)}${unit ? ` ${unit}` : ''}`;
  switch (issue.code) {
    case 'too_small': return `must be at least ${withUnit(issue.minimum)}`;
    case 'too_big': return `must be at most ${withUnit(issue.maximum)}`;
    case 'invalid_type': return issue.expected === 'int' ? 'must be a whole number' : `must be ${issue.expected === 'number' ? 'a number' : issue.expected === 'boolean' ? 'yes or no' : `a ${issue.expected}`}`;
    case 'invalid_value': return `must be one of ${issue.values.map(String).join(', ')}`;
    default: return issue.message;
  }
}

function numberUnit(field: string): string | undefined {
  const input = USAGE_FIELDS.find((f) => f.key === field)?.input;
  return input?.type === 'number' ? input.unit : undefined;
}

/** Text typed into a number field → a number: "1,000,000", "1 000 000", "2.5e6" and "1_000" are
 *  read; "" is empty (clear the value). `ok: false` says why in words, so the field keeps the text. */
export function parseUsageNumber(text: string): { ok: true; value: number | undefined } | { ok: false; message: string } {
  const trimmed = text.trim();
  if (!trimmed) return { ok: true, value: undefined };
  const plain = trimmed.replace(/[,_\s]/g, '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(plain)) return { ok: false, message: `"${trimmed}" is not a number` };
  const value = Number(plain);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, message: `"${trimmed}" is too large` };
}

type D = Draft<Design>;

/** Applies a usage command to the draft; returns why it is refused (the caller aborts the edit). */
export function applyUsageCommand(draft: D, command: UsageCommand): string | undefined {
  const profiles = draft.usage.profiles;
  const resolve = (name: string | undefined): { name: string; profile: Draft<UsageProfile> } | string => {
    const chosen = name ?? draft.usage.active ?? undefined;
    if (chosen === undefined) return 'This design has no usage profile: add one first.';
    const profile = profiles[chosen];
    return profile ? { name: chosen, profile } : `There is no usage profile "${chosen}".`;
  };
  switch (command.type) {
    case 'setNodeUsage': {
      const node = draft.nodes.find((n) => n.id === command.nodeId);
      if (!node) return `There is no node "${command.nodeId}" in this design.`;
      const target = resolve(command.profile);
      if (typeof target === 'string') return target;
      const { profile } = target;
      if (command.value === undefined) {
        const entry = profile.nodes[node.id];
        if (!entry || !(command.field in entry)) return undefined;
        delete entry[command.field];
        if (Object.keys(entry).length === 0) delete profile.nodes[node.id];
        return undefined;
      }
      if (!usageFieldsFor(node.kind).some((f) => f.key === command.field)) {
        return `"${node.name}" (${kindLabel(node.kind)}) takes no ${fieldLabel(command.field).toLowerCase()} (${command.field}).`;
      }
      const problem = usageValueProblem(command.field, command.value);
      if (problem) return `"${node.name}": ${fieldLabel(command.field)} (${command.field}) ${problem}.`;
      (profile.nodes[node.id] ??= {})[command.field] = command.value as never;
      return undefined;
    }
    case 'setEdgeUsage': {
      const edge = draft.edges.find((e) => e.id === command.edgeId);
      if (!edge) return `There is no connection "${command.edgeId}" in this design.`;
      const target = resolve(command.profile);
      if (typeof target === 'string') return target;
      const { profile } = target;
      const name = edgeName(draft, edge);
      if (!EDGE_USAGE_FIELDS.some((f) => f.key === command.field)) return `${name}: a connection takes no usage value "${command.field}".`;
      if (command.value === undefined) {
        const entry = profile.edges[edge.id];
        if (!entry || !(command.field in entry)) return undefined;
        delete entry[command.field];
        if (Object.keys(entry).length === 0) delete profile.edges[edge.id];
        return undefined;
      }
      const problem = usageValueProblem(command.field, command.value, true);
      if (problem) return `${name}: ${EDGE_USAGE_FIELDS.find((f) => f.key === command.field)?.label} (${command.field}) ${problem}.`;
      (profile.edges[edge.id] ??= {})[command.field] = command.value;
      return undefined;
    }
    case 'addUsageProfile': {
      const name = command.name.trim();
      const bad = profileNameProblem(draft, name);
      if (bad) return bad;
      profiles[name] = { description: command.description?.trim() ?? '', nodes: {}, edges: {} };
      draft.usage.active ??= name;
      return undefined;
    }
    case 'duplicateUsageProfile': {
      const source = profiles[command.from];
      if (!source) return `There is no usage profile "${command.from}".`;
      const name = command.name?.trim() || copyName(Object.keys(profiles), command.from);
      const bad = profileNameProblem(draft, name);
      if (bad) return bad;
      const copy = JSON.parse(JSON.stringify(current(source))) as UsageProfile;
      draft.usage.profiles = insertAfter(profiles, command.from, name, copy as Draft<UsageProfile>);
      return undefined;
    }
    case 'renameUsageProfile': {
      const source = profiles[command.from];
      if (!source) return `There is no usage profile "${command.from}".`;
      const to = command.to.trim();
      if (to === command.from) return undefined;
      const bad = profileNameProblem(draft, to);
      if (bad) return bad;
      draft.usage.profiles = Object.fromEntries(Object.entries(profiles).map(([k, v]) => (k === command.from ? [to, v] : [k, v])));
      if (draft.usage.active === command.from) draft.usage.active = to;
      return undefined;
    }
    case 'deleteUsageProfile': {
      if (!profiles[command.name]) return `There is no usage profile "${command.name}".`;
      const names = Object.keys(profiles);
      if (names.length === 1) return `"${command.name}" is the design's only usage profile: a design keeps at least one (clear its values instead).`;
      const at = names.indexOf(command.name);
      delete profiles[command.name];
      if (draft.usage.active === command.name) draft.usage.active = names[at + 1] ?? names[at - 1];
      return undefined;
    }
    case 'setActiveUsageProfile':
      if (!profiles[command.name]) return `There is no usage profile "${command.name}".`;
      draft.usage.active = command.name;
      return undefined;
    case 'setUsageProfileDescription': {
      const profile = profiles[command.name];
      if (!profile) return `There is no usage profile "${command.name}".`;
      profile.description = command.description.trim();
      return undefined;
    }
  }
}

function edgeName(draft: D, edge: { from: string; to: string }): string {
  const name = (id: string) => draft.nodes.find((n) => n.id === id)?.name ?? id;
  return `"${name(edge.from)}" → "${name(edge.to)}"`;
}

function profileNameProblem(draft: D, name: string): string | undefined {
  if (!name) return 'A usage profile needs a name.';
  if (name.length > PROFILE_NAME_MAX) return `A usage profile name has at most ${PROFILE_NAME_MAX} characters.`;
  if (draft.usage.profiles[name]) return `There is already a usage profile "${name}".`;
  return undefined;
}

/** "peak copy", "peak copy 2", … */
export function copyName(taken: readonly string[], from: string): string {
  const base = `${from} copy`.slice(0, PROFILE_NAME_MAX);
  if (!taken.includes(base)) return base;
  for (let i = 2; ; i++) {
    const candidate = `${base.slice(0, PROFILE_NAME_MAX - String(i).length - 1)} ${i}`;
    if (!taken.includes(candidate)) return candidate;
  }
}

function insertAfter<T>(record: Record<string, T>, after: string, key: string, value: T): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [k, v] of Object.entries(record)) {
    out[k] = v;
    if (k === after) out[key] = value;
  }
  return out;
}
