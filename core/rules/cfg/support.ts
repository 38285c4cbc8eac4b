import { formatNumber } from '../../format';
import type { z } from 'zod';
import type { DesignEdge, DesignNode } from '../../model/design';
import { lambdaProps } from '../../model/kinds';
import { rangeOf } from '../../model/limits';
import type { RuleContext, RuleFinding } from '../types';

/** A numeric setting AWS bounds: its path in the props and how people call it. */
export interface BoundedSetting {
  path: readonly string[];
  label: string;
  /** " MB", " s" … (with its leading space), or "" for a count. */
  unit: string;
}

/** "10,240" */
export const num = (n: number): string => formatNumber(n);

const valueAt = (props: unknown, path: readonly string[]): unknown =>
  path.reduce<unknown>((o, k) => (o !== null && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), props);

/** One finding per setting of `props` outside the range its schema declares: the loader keeps
 *  out-of-range numbers as written, so the rules report them where the user can fix them.
 *  `owner` is what the user edits, already quoted ('"worker"', 'the trigger "jobs → worker"'). */
export function rangeFindings(schema: z.ZodType, props: unknown, settings: readonly BoundedSetting[], target: DesignNode | DesignEdge, owner: string, service: string): RuleFinding[] {
  return settings.flatMap(({ path, label, unit }) => {
    const value = valueAt(props, path);
    if (typeof value !== 'number') return [];
    const { min, max } = rangeOf(schema, ...path);
    if (value >= min && value <= max) return [];
    const range = `${num(min)} to ${num(max)}${unit}`;
    return [{
      target,
      message: `${owner.charAt(0).toUpperCase()}${owner.slice(1)} sets the ${label} to ${num(value)}${unit}; ${service} accepts ${range}, so the deployment fails.`,
      fix: `Set the ${label} of ${owner} to a value from ${range}.`,
    }];
  });
}

/** The check of a rule about one bounded function setting (memory, timeout, /tmp). */
export function functionSettingCheck(setting: BoundedSetting): (ctx: RuleContext) => RuleFinding[] {
  return (ctx) => ctx.index.ofKind('lambda').flatMap((fn) => rangeFindings(lambdaProps, fn.props, [setting], fn, `"${fn.name}"`, 'Lambda'));
}

/** The most items an array prop's schema allows (e.g. 5 layers), read from its `max` check. */
export function maxItemsOf(schema: z.ZodType, key: string): number {
  type Def = { type: string; innerType?: z.ZodType; shape?: Record<string, z.ZodType>; checks?: { _zod: { def: { check: string; maximum?: number } } }[] };
  const def = (s: z.ZodType | undefined) => (s as unknown as { _zod: { def: Def } } | undefined)?._zod.def;
  let current = def(def(schema)?.shape?.[key]);
  while (current && current.type !== 'array') current = def(current.innerType);
  const max = current?.checks?.map((c) => c._zod.def).find((c) => c.check === 'max_length')?.maximum;
  if (typeof max !== 'number') throw new Error(`maxItemsOf: ${key} has no maximum length`);
  return max;
}

export { triggersFrom } from '../support';
