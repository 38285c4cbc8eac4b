import type { z } from 'zod';

type Def = { type: string; innerType?: z.ZodType; out?: z.ZodType; shape?: Record<string, z.ZodType> };
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** AWS's range for a numeric prop, read from the kind's zod schema so that each number is written
 *  once (in core/model/kinds). `path` walks nested objects: rangeOf(lambdaProps, 'asyncConfig', 'maximumRetryAttempts'). */
export function rangeOf(schema: z.ZodType, ...path: string[]): { min: number; max: number } {
  const key = path.join('.');
  const known = cache.get(schema)?.get(key);
  if (known) return known;
  const range = readRange(schema, path);
  (cache.get(schema) ?? cache.set(schema, new Map()).get(schema)!).set(key, range);
  return range;
}

/** Rules ask for the same ranges on every edit: read each one from the schema once. */
const cache = new WeakMap<z.ZodType, Map<string, { min: number; max: number }>>();

function readRange(schema: z.ZodType, path: string[]): { min: number; max: number } {
  let current: z.ZodType | undefined = schema;
  const unwrap = () => {
    for (let d = current && defOf(current); d && ['default', 'prefault', 'optional', 'nullable', 'pipe'].includes(d.type); d = current && defOf(current)) {
      current = d.type === 'pipe' ? d.out : d.innerType;
    }
  };
  for (const key of path) {
    unwrap();
    current = current && defOf(current).shape?.[key];
  }
  unwrap();
  const n = current as unknown as { minValue?: number | null; maxValue?: number | null } | undefined;
  if (!n || typeof n.minValue !== 'number' || typeof n.maxValue !== 'number') throw new Error(`rangeOf: ${path.join('.')} is not a bounded number`);
  return { min: n.minValue, max: n.maxValue };
}
