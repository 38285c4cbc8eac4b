import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Command } from '../../core/commands';
import { formatNumber } from '../../core/format';
import type { Design, DesignNode } from '../../core/model/design';
import { own } from '../../core/model/own';
import { kindLabel } from '../../core/model/kinds';
import { usageFieldsFor, type UsageField } from '../../core/model/usageFields';
import { propagateTraffic, type Traffic } from '../../core/semantics';
import { derivedRequests, UsageValueControl } from './UsageFields';

type Dispatch = (command: Command) => { refused?: string };

interface UsagePanelProps {
  design: Design;
  dispatch: Dispatch;
  onSelectNode(id: string): void;
}

/** Values most designs need, shown unless "all values" is on (plus any value entered somewhere). */
const PRIMARY = new Set<string>(['requestsPerMonth', 'avgDurationMs', 'storageGb', 'gbProcessedPerMonth', 'ingestedGbPerMonth']);

interface Row { node: DesignNode; fields: UsageField[] }

/** The rows of the table: nodes that take usage, each with the values shown. */
export function usageRows(design: Design, all: boolean): Row[] {
  const profiles = Object.values(design.usage.profiles);
  const enteredSomewhere = (node: string, key: string) => profiles.some((p) => p.nodes[node]?.[key as keyof (typeof p.nodes)[string]] !== undefined);
  return design.nodes
    .map((node) => ({ node, fields: usageFieldsFor(node.kind).filter((f) => all || PRIMARY.has(f.key) || enteredSomewhere(node.id, f.key)) }))
    .filter((r) => r.fields.length > 0);
}

/** Every usage profile side by side (low / expected / peak and the user's own): nodes that take
 *  usage as rows, profiles as columns, each cell the value entered or, greyed, the one the analysis
 *  derives. Profiles are added, renamed, duplicated, deleted and made active here. */
export function UsagePanel({ design, dispatch, onSelectNode }: UsagePanelProps) {
  const names = Object.keys(design.usage.profiles);
  const [all, setAll] = useState(false);
  const [newName, setNewName] = useState('');
  const ids = { all: useId(), add: useId() };
  const nameInput = useRef<HTMLInputElement>(null);
  const { nodes, edges, usage } = design;
  const traffic = useMemo(() => {
    const out = new Map<string, Traffic | null>();
    for (const name of names) {
      try {
        out.set(name, propagateTraffic(design, name));
      } catch {
        out.set(name, null);
      }
    }
    return out;
    // Traffic reads nodes, edges and usage only.
  }, [nodes, edges, usage]);
  const rows = useMemo(() => usageRows(design, all), [nodes, usage, all]);

  const add = () => {
    const name = newName.trim();
    if (!name) return;
    if (dispatch({ type: 'addUsageProfile', name }).refused) return;
    setNewName('');
    // The button disables itself with the field empty: keep the cursor in the field, ready for another.
    nameInput.current?.focus();
  };

  return (
    <section className="sd-usage-panel" aria-label="Usage profiles" data-testid="usage-panel">
      <div className="sd-usage-panel-head">
        <div className="sd-usage-add">
          <label htmlFor={ids.add} className="sd-sr-only">New profile name</label>
          <input id={ids.add} ref={nameInput} type="text" value={newName} placeholder="new profile name" maxLength={40} onChange={(e) => setNewName(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && add()} data-testid="usage-new-name" />
          <button type="button" className="sd-button" onClick={add} disabled={!newName.trim()} data-testid="usage-add-profile">Add profile</button>
        </div>
        <div className="sd-field sd-field-check">
          <input id={ids.all} type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} data-testid="usage-show-all" />
          <label htmlFor={ids.all}>All usage values</label>
        </div>
      </div>
      {names.length === 0 ? (
        <p className="sd-muted">This design has no usage profile: add one (for example “expected”) to enter traffic.</p>
      ) : rows.length === 0 ? (
        <p className="sd-muted">No resource in this design takes usage yet: add an API, a queue or a function.</p>
      ) : (
        <div className="sd-usage-scroll">
          <table className="sd-usage-table" data-testid="usage-table">
            <thead>
              <tr>
                <th scope="col">Resource</th>
                <th scope="col">Value (unit)</th>
                {names.map((name) => <ProfileHeader key={name} name={name} design={design} dispatch={dispatch} />)}
              </tr>
              <tr className="sd-usage-descriptions">
                <th scope="row" colSpan={2} className="sd-usage-label">Description</th>
                {names.map((name) => <DescriptionCell key={name} name={name} value={own(design.usage.profiles, name)?.description ?? ''} dispatch={dispatch} />)}
              </tr>
            </thead>
            {rows.map(({ node, fields }) => (
              <tbody key={node.id} data-testid="usage-row" data-node={node.id}>
                {fields.map((f, i) => (
                  <tr key={f.key}>
                    {i === 0 && (
                      <th scope="rowgroup" rowSpan={fields.length} className="sd-usage-node">
                        <button type="button" className="sd-link-button" onClick={() => onSelectNode(node.id)} title="Select on the canvas">{node.name}</button>
                        <div className="sd-muted">{kindLabel(node.kind)}</div>
                      </th>
                    )}
                    <th scope="row" className="sd-usage-label" title={`${f.help} Empty: ${f.whenEmpty}.`}>
                      {f.label}{f.input.type === 'number' && <span className="sd-field-note"> {f.input.unit}</span>}
                    </th>
                    {names.map((name) => <UsageCell key={name} design={design} node={node} field={f} profile={name} traffic={traffic.get(name) ?? null} dispatch={dispatch} />)}
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </div>
      )}
      <p className="sd-muted sd-usage-note" data-testid="usage-note">
        Empty cells use what the analysis derives, shown in grey: requests entered at a source travel along the connections —
        an SNS topic delivers every publish to each subscriber, queues and streams hand records to functions in batches,
        retries multiply invocations under a function’s error rate, a function’s writes count once per invocation
        (or its connection’s “calls per invocation”). Other empty values take AWS’s default, named in each value’s tooltip.
      </p>
    </section>
  );
}

function ProfileHeader({ name, design, dispatch }: { name: string; design: Design; dispatch: Dispatch }) {
  const [renaming, setRenaming] = useState<string | null>(null);
  const active = design.usage.active === name;
  const only = Object.keys(design.usage.profiles).length === 1;
  const description = own(design.usage.profiles, name)?.description;
  const commitRename = () => {
    if (renaming === null) return;
    if (renaming.trim() === name || !renaming.trim()) return setRenaming(null);
    if (!dispatch({ type: 'renameUsageProfile', from: name, to: renaming }).refused) setRenaming(null);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') commitRename();
    else if (e.key === 'Escape') setRenaming(null);
  };
  return (
    <th scope="col" className={`sd-usage-profile${active ? ' is-active' : ''}`} data-testid={`usage-profile-${name}`} title={description || undefined}>
      {renaming !== null ? (
        <input type="text" aria-label={`New name for ${name}`} value={renaming} maxLength={40} autoFocus onChange={(e) => setRenaming(e.target.value)} onKeyDown={onKey} onBlur={commitRename} data-testid="usage-rename-input" />
      ) : (
        <div className="sd-usage-profile-name">{name}{active && <span className="sd-usage-active" data-testid="usage-active-marker">active</span>}</div>
      )}
      <div className="sd-usage-profile-actions">
        {!active && <button type="button" className="sd-link-button" onClick={() => dispatch({ type: 'setActiveUsageProfile', name })} aria-label={`Make ${name} the active profile`} data-testid="usage-make-active">make active</button>}
        <button type="button" className="sd-link-button" onClick={() => setRenaming(name)} aria-label={`Rename ${name}`} data-testid="usage-rename">rename</button>
        <button type="button" className="sd-link-button" onClick={() => dispatch({ type: 'duplicateUsageProfile', from: name })} aria-label={`Duplicate ${name}`} data-testid="usage-duplicate">duplicate</button>
        <button type="button" className="sd-link-button sd-danger-link" onClick={() => dispatch({ type: 'deleteUsageProfile', name })} disabled={only} title={only ? 'A design keeps at least one usage profile' : undefined} aria-label={`Delete ${name}`} data-testid="usage-delete">delete</button>
      </div>
    </th>
  );
}

function DescriptionCell({ name, value, dispatch }: { name: string; value: string; dispatch: Dispatch }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const commit = () => {
    if (text.trim() !== value && dispatch({ type: 'setUsageProfileDescription', name, description: text }).refused) setText(value);
  };
  return (
    <td className="sd-usage-cell">
      <input type="text" value={text} placeholder="what this month looks like" aria-label={`Description of ${name}`} onChange={(e) => setText(e.target.value)} onBlur={commit} onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()} data-testid={`usage-description-${name}`} />
    </td>
  );
}

function UsageCell({ design, node, field, profile, traffic, dispatch }: { design: Design; node: DesignNode; field: UsageField; profile: string; traffic: Traffic | null; dispatch: Dispatch }) {
  const [error, setError] = useState<string | undefined>();
  const value = own(own(design.usage.profiles, profile)?.nodes, node.id)?.[field.key];
  const derived = field.propagated ? derivedRequests(node, traffic) : undefined;
  const title = value !== undefined ? `entered here, in “${profile}”` : derived ? `propagated: ${derived.text}` : `empty: ${field.whenEmpty}`;
  return (
    <td className={`sd-usage-cell${error ? ' has-error' : ''}${value !== undefined ? ' is-entered' : ''}`} title={error ?? title}>
      <UsageValueControl
        input={field.input}
        field={field.key}
        value={value}
        label={`${field.label} at ${node.name}, profile ${profile}`}
        placeholder={derived ? formatNumber(Math.round(derived.amount)) : '—'}
        onCommit={(v) => dispatch({ type: 'setNodeUsage', nodeId: node.id, field: field.key, value: v, profile }).refused}
        onError={setError}
        testId={`usage-cell-${node.id}-${field.key}-${profile}`}
      />
      {error && <div className="sd-field-error" role="alert">{error}</div>}
    </td>
  );
}
