import { useEffect, useId, useState } from 'react';
import type { PathPart } from '../../core/model/problems';
import { fieldLabel, type Field, type RefChoice } from '../schemaFields';
import type { Commit } from './SchemaForm';

interface RefProps {
  field: Field;
  value: unknown;
  path: PathPart[];
  testId: string;
  onCommit: Commit;
}

const idsOf = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const isNullable = (field: Field) => 'nullable' in field && field.nullable;
const MISSING = '(not in this design)';

/** One node reference (a subnet's default route, an RDS Proxy's database): a select of the nodes
 *  of the kinds it may point at. */
export function RefSelectField({ field, value, path, testId, onCommit, choice }: RefProps & { choice: RefChoice }) {
  const id = useId();
  const current = typeof value === 'string' ? value : '';
  const known = choice.options.some((o) => o.id === current);
  return (
    <div className="sd-field">
      <label htmlFor={id}>{field.label}</label>
      <select id={id} value={current} onChange={(e) => onCommit(path, e.target.value || (isNullable(field) ? null : undefined))} data-testid={testId}>
        <option value="">— none —</option>
        {current && !known && <option value={current}>{current} {MISSING}</option>}
        {choice.options.map((o) => <option key={o.id} value={o.id}>{o.label}</option>)}
      </select>
      {choice.options.length === 0 && <div className="sd-field-hint">No {choice.kinds} in this design yet.</div>}
    </div>
  );
}

function Checklist({ ids, choice, testId, onToggle }: { ids: readonly string[]; choice: RefChoice; testId: string; onToggle(id: string, on: boolean): void }) {
  const missing = ids.filter((id) => !choice.options.some((o) => o.id === id));
  const options = [...choice.options, ...missing.map((id) => ({ id, label: `${id} ${MISSING}` }))];
  if (!options.length) return <div className="sd-field-hint">No {choice.kinds} in this design yet.</div>;
  return (
    <>
      {options.map((o) => (
        <label key={o.id} className="sd-ref-option">
          <input type="checkbox" checked={ids.includes(o.id)} onChange={(e) => onToggle(o.id, e.target.checked)} data-testid={`${testId}-${o.id}`} />
          <span>{o.label}</span>
        </label>
      ))}
    </>
  );
}

/** A list of node references (an RDS instance's subnets): a checkbox per node it may point at. */
export function RefListField({ field, value, path, testId, onCommit, choice }: RefProps & { choice: RefChoice }) {
  const ids = idsOf(value);
  return (
    <fieldset className="sd-fieldset sd-ref-list" data-testid={testId}>
      <legend>{field.label}</legend>
      <Checklist ids={ids} choice={choice} testId={testId} onToggle={(id, on) => onCommit(path, on ? [...ids, id] : ids.filter((x) => x !== id))} />
    </fieldset>
  );
}

/** An optional group of reference lists that is valid only with every list filled (a function's
 *  VPC attachment: subnets and security groups). A half-filled group is held here, not saved;
 *  clearing every list detaches (null). */
export function RefGroupField({ field, value, path, testId, onCommit, choices }: RefProps & { choices: readonly (readonly [string, RefChoice])[] }) {
  const stored = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  const [draft, setDraft] = useState<Record<string, string[]> | null>(null);
  useEffect(() => setDraft(null), [value]);
  const lists = Object.fromEntries(choices.map(([key]) => [key, draft?.[key] ?? idsOf(stored?.[key])]));
  const toggle = (key: string, id: string, on: boolean) => {
    const next = { ...lists, [key]: on ? [...lists[key], id] : lists[key].filter((x) => x !== id) };
    const filled = choices.filter(([k]) => next[k].length > 0).length;
    if (filled === choices.length) {
      setDraft(null);
      onCommit(path, { ...(stored ?? {}), ...next });
    } else if (filled === 0 && isNullable(field)) {
      setDraft(null);
      onCommit(path, null);
    } else setDraft(next);
  };
  const names = choices.map(([key]) => fieldLabel(key).toLowerCase());
  return (
    <fieldset className="sd-fieldset sd-ref-list" data-testid={testId}>
      <legend>{field.label}</legend>
      <div className="sd-field-hint">{stored ? 'Attached.' : 'Not attached.'} {draft ? '' : `Pick ${names.join(' and ')} to attach; clear them all to detach.`}</div>
      {choices.map(([key, choice]) => (
        <div key={key} className="sd-ref-group">
          <div className="sd-ref-group-title">{fieldLabel(key)}</div>
          <Checklist ids={lists[key]} choice={choice} testId={`${testId}.${key}`} onToggle={(id, on) => toggle(key, id, on)} />
        </div>
      ))}
      {draft && <div className="sd-field-pending" role="status">Not saved yet: pick at least one of each ({names.join(', ')}), or clear them all to detach.</div>}
    </fieldset>
  );
}
