import { type DesignNode, nodeSchema } from '../model/design';
import type { Props } from './cfn/properties';

/** Each kind's props as a new node has them (the model's defaults), to keep only values that differ. */
const defaultsCache = new Map<string, Props>();
export function defaultsOf(kind: DesignNode['kind']): Props {
  let d = defaultsCache.get(kind);
  if (!d) {
    d = nodeSchema.parse({ id: 'x', kind, name: 'x' }).props as Props;
    defaultsCache.set(kind, d);
  }
  return d;
}

export const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A node's props that differ from its kind's defaults. */
export function nonDefaultProps(node: DesignNode): Props {
  const defaults = defaultsOf(node.kind);
  const out: Props = {};
  for (const [k, v] of Object.entries(node.props)) if (!same(v, defaults[k])) out[k] = v;
  return out;
}
