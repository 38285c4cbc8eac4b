import type { z } from 'zod';
import type { DesignNode } from '../core/model/design';
import { kindLabel } from '../core/model/kinds';
import { NODE_REFS } from '../core/model/references';
import { fieldTitle } from '../core/model/fieldTitle';

/** A form field derived from a zod schema: what the inspector draws for one prop. */
export type Field =
  | { type: 'number'; key: string; label: string; min?: number; max?: number; integer: boolean; nullable: boolean; defaultValue?: unknown }
  | { type: 'enum'; key: string; label: string; options: readonly (string | number)[]; nullable: boolean; defaultValue?: unknown }
  | { type: 'boolean'; key: string; label: string; defaultValue?: unknown }
  | { type: 'string'; key: string; label: string; nullable: boolean; multiline: boolean; defaultValue?: unknown }
  | { type: 'object'; key: string; label: string; fields: Field[] }
  /** Lists, maps and optional objects: edited as JSON text, validated by the command. */
  | { type: 'json'; key: string; label: string; nullable: boolean; defaultValue?: unknown };

interface Def {
  type: string;
  innerType?: z.ZodType;
  defaultValue?: unknown;
  shape?: Record<string, z.ZodType>;
  entries?: Record<string, string | number>;
  options?: z.ZodType[];
  values?: unknown[];
  out?: z.ZodType;
  in?: z.ZodType;
}

const defOf = (s: z.ZodType): Def => (s as unknown as { def: Def }).def;

interface Unwrapped { schema: z.ZodType; nullable: boolean; optional: boolean; defaultValue?: unknown }

/** Peels defaults, optionals, nullables and preprocessors off a schema. */
function unwrap(schema: z.ZodType): Unwrapped {
  let s = schema;
  let nullable = false;
  let optional = false;
  let defaultValue: unknown;
  for (let i = 0; i < 10; i++) {
    const def = defOf(s);
    if ((def.type === 'default' || def.type === 'prefault') && def.innerType) {
      if (defaultValue === undefined) defaultValue = typeof def.defaultValue === 'function' ? undefined : def.defaultValue;
      s = def.innerType;
    } else if (def.type === 'optional' && def.innerType) {
      optional = true;
      s = def.innerType;
    } else if (def.type === 'nullable' && def.innerType) {
      nullable = true;
      s = def.innerType;
    } else if (def.type === 'pipe' && def.out && defOf(def.in as z.ZodType).type === 'transform') {
      s = def.out;
    } else break;
  }
  return { schema: s, nullable, optional, defaultValue };
}

/** `timeoutSeconds` → "Timeout (seconds)": the title core's undo labels use too. */
export const fieldLabel = fieldTitle;

/** The fields of an object schema (a kind's or an edge kind's props), in schema order. */
export function fieldsOf(objectSchema: z.ZodType): Field[] {
  const { schema } = unwrap(objectSchema);
  const shape = defOf(schema).shape ?? {};
  return Object.entries(shape).map(([key, s]) => fieldOf(key, s));
}

function fieldOf(key: string, raw: z.ZodType): Field {
  const { schema, nullable, optional, defaultValue } = unwrap(raw);
  const def = defOf(schema);
  const label = fieldLabel(key);
  const nullish = nullable || optional;
  switch (def.type) {
    case 'number': {
      const bag = schema as unknown as { minValue: number | null; maxValue: number | null; isInt: boolean };
      const finite = (v: number | null) => (v !== null && Number.isFinite(v) && Math.abs(v) < Number.MAX_SAFE_INTEGER ? v : undefined);
      return { type: 'number', key, label, min: finite(bag.minValue), max: finite(bag.maxValue), integer: bag.isInt, nullable: nullish, defaultValue };
    }
    case 'enum':
      return { type: 'enum', key, label, options: Object.values(def.entries ?? {}), nullable: nullish, defaultValue };
    case 'union': {
      const literals = (def.options ?? []).map((o) => defOf(o)).filter((d) => d.type === 'literal').flatMap((d) => d.values ?? []);
      if (literals.length === (def.options ?? []).length && literals.every((v) => typeof v === 'string' || typeof v === 'number')) {
        return { type: 'enum', key, label, options: literals as (string | number)[], nullable: nullish, defaultValue };
      }
      return { type: 'json', key, label, nullable: nullish, defaultValue };
    }
    case 'boolean':
      return { type: 'boolean', key, label, defaultValue };
    case 'string':
      return { type: 'string', key, label, nullable: nullish, multiline: key === 'description' || key === 'eventPattern' || key === 'filterPolicy', defaultValue };
    case 'object':
      return nullish ? { type: 'json', key, label, nullable: nullish, defaultValue } : { type: 'object', key, label, fields: fieldsOf(schema) };
    default:
      return { type: 'json', key, label, nullable: nullish, defaultValue };
  }
}

/** "128–10240", "≥ 0", or undefined when the schema sets no bounds. */
export function rangeText(field: { min?: number; max?: number }): string | undefined {
  const fmt = (n: number) => n.toLocaleString('en-US');
  if (field.min !== undefined && field.max !== undefined) return `${fmt(field.min)}–${fmt(field.max)}`;
  if (field.min !== undefined) return `≥ ${fmt(field.min)}`;
  if (field.max !== undefined) return `≤ ${fmt(field.max)}`;
  return undefined;
}

export function isOutOfRange(field: { min?: number; max?: number }, value: unknown): boolean {
  if (typeof value !== 'number') return false;
  return (field.min !== undefined && value < field.min) || (field.max !== undefined && value > field.max);
}

/** The nodes a node-reference prop may point at, for the inspector's pickers. */
export interface RefChoice {
  many: boolean;
  /** "Subnet", "Internet gateway or NAT gateway": what the prop expects, for hints. */
  kinds: string;
  options: readonly { id: string; label: string }[];
}

/** Per prop path ("routeTable.defaultRoute", "vpc.subnets"), the nodes of this design it may refer to. */
export function refChoices(nodes: readonly DesignNode[], node: DesignNode): Map<string, RefChoice> {
  return new Map((NODE_REFS[node.kind] ?? []).map((ref) => [ref.path.join('.'), {
    many: !!ref.many,
    kinds: ref.kinds.map(kindLabel).join(' or '),
    options: nodes
      .filter((n) => n.id !== node.id && ref.kinds.includes(n.kind))
      .map((n) => ({ id: n.id, label: ref.kinds.length > 1 ? `${kindLabel(n.kind)}: ${n.name}` : n.name })),
  }]));
}
