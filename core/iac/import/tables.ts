import { getPath, setPath, tablesForType, type PropertyMapping } from '../cfn/properties';
import type { ImportContext, TemplateResource } from './context';
import { describe } from './functions';
import { isObject, isUnresolvedParameter, type Raw } from './resolve';

/** Reads a resource's plain settings through the property tables the SAM exporter writes with
 *  (core/iac/cfn/properties.ts), so import and export cannot drift. References (`ref`), the parent,
 *  settings kept in other resources (`via`) and a source node's event settings are wired by the
 *  importer's handlers, which know the other resources. `base` holds what the handler already knows
 *  (e.g. a rule's type), which the tables' `when` conditions read. */
export function readTable(ctx: ImportContext, res: TemplateResource, base: Raw = {}): Raw {
  const props: Raw = { ...base };
  const entries = tablesForType(res.type).flatMap((t) => t.properties).filter((e) => !e.ref && !e.via && !e.source && e.model[0] !== '$parent');
  // Unconditional entries first, so `when` sees the settings it depends on (packageType before runtime).
  const ordered = [...entries.filter((e) => !e.when), ...entries.filter((e) => e.when)];
  const seen = new Set<string>();
  for (const entry of ordered) {
    const key = entry.model.join('.');
    if (entry.when && !entry.when(props)) continue;
    const raw = entry.cfn.length ? getPath(res.props, entry.cfn) : res.props;
    if (entry.cfn.length) res.read.add(entry.cfn[0]);
    if (raw === undefined) {
      if ('awsDefault' in entry && entry.model.length && !seen.has(key) && getPath(props, entry.model) === undefined) setPath(props, entry.model, clone(entry.awsDefault));
      continue;
    }
    const value = read(entry, raw);
    if (value === undefined) {
      ctx.partial(res.logicalId, `Properties.${entry.cfn.join('.')} could not be resolved (${describe(raw)}); the model's default applies`);
      continue;
    }
    seen.add(key);
    setPath(props, entry.model, value);
  }
  return props;
}

function read(entry: PropertyMapping, raw: unknown): unknown {
  if (isUnresolvedParameter(raw)) return undefined;
  if (entry.fromCfn) return entry.fromCfn(raw);
  // A value the template could not settle (an intrinsic over an unknown) is not a setting.
  if (isObject(raw) && Object.keys(raw).some((k) => k === 'Ref' || k.startsWith('Fn::'))) return undefined;
  return raw;
}

const clone = <T>(v: T): T => (v === undefined || v === null || typeof v !== 'object' ? v : JSON.parse(JSON.stringify(v)) as T);
