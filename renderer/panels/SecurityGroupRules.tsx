import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import type { Command } from '../../core/commands';
import { cidrProblem, hostBitsNote } from '../../core/model/cidr';
import type { Design, NodeOfKind } from '../../core/model/design';
import { PREFIX_LIST_ID, type SecurityGroupRule } from '../../core/model/kinds/securityGroup';
import type { PathPart } from '../../core/model/problems';
import '../styles/network.css';

type Direction = 'ingress' | 'egress';
type Dispatch = (command: Command) => { refused?: string };

/** What the row's inputs hold; turned into a rule only when every part is valid. */
interface RowDraft {
  protocol: SecurityGroupRule['protocol'];
  ports: string;
  /** `sg:<id>`, `cidr`, `pl`, or '' (not chosen yet). */
  peer: string;
  peerText: string;
  description: string;
}

const PROTOCOLS: readonly { value: SecurityGroupRule['protocol']; label: string }[] = [
  { value: 'tcp', label: 'TCP' }, { value: 'udp', label: 'UDP' }, { value: 'icmp', label: 'ICMP (all)' }, { value: '-1', label: 'All traffic' },
];
const NEW_ROW: RowDraft = { protocol: 'tcp', ports: '', peer: '', peerText: '', description: '' };
const portsApply = (protocol: string) => protocol === 'tcp' || protocol === 'udp';

function draftOf(rule: SecurityGroupRule): RowDraft {
  const ports = !portsApply(rule.protocol) ? '' : rule.fromPort === -1 || (rule.fromPort === 0 && rule.toPort === 65535) ? '0-65535'
    : rule.fromPort === rule.toPort ? String(rule.fromPort) : `${rule.fromPort}-${rule.toPort}`;
  const peer = rule.securityGroup !== null ? `sg:${rule.securityGroup}` : rule.prefixList !== null ? 'pl' : rule.cidr !== null ? 'cidr' : '';
  return { protocol: rule.protocol, ports, peer, peerText: rule.cidr ?? rule.prefixList ?? '', description: rule.description };
}

/** "5432", "1024-65535" → the range, or why not. */
function parsePorts(text: string): { from: number; to: number } | string {
  const m = /^\s*(\d{1,5})\s*(?:[-–]\s*(\d{1,5})\s*)?$/.exec(text);
  if (!text.trim()) return 'Enter a port (5432) or a range (1024-65535).';
  if (!m) return `"${text}" is not a port or a range such as 1024-65535.`;
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  if (from > 65535 || to > 65535) return 'Ports go from 0 to 65535.';
  if (from > to) return `The range starts after it ends (${from} > ${to}).`;
  return { from, to };
}

/** Every problem of the row, by field; a rule when there is none. */
function ruleOf(d: RowDraft): { rule?: SecurityGroupRule; errors: Partial<Record<'ports' | 'peer' | 'peerText', string>> } {
  const errors: Partial<Record<'ports' | 'peer' | 'peerText', string>> = {};
  const ports = portsApply(d.protocol) ? parsePorts(d.ports) : { from: -1, to: -1 };
  if (typeof ports === 'string') errors.ports = ports;
  const text = d.peerText.trim();
  if (!d.peer) errors.peer = 'Pick a source: a security group, a CIDR block or a prefix list.';
  else if (d.peer === 'cidr') errors.peerText = cidrProblem(text) ?? hostBitsNote(text);
  else if (d.peer === 'pl' && !PREFIX_LIST_ID.test(text)) errors.peerText = `"${text}" is not a prefix list id such as pl-0123456789abcdef0.`;
  if (Object.values(errors).some(Boolean) || typeof ports === 'string') return { errors };
  return {
    errors,
    rule: {
      protocol: d.protocol, fromPort: ports.from, toPort: ports.to,
      cidr: d.peer === 'cidr' ? text : null,
      securityGroup: d.peer.startsWith('sg:') ? d.peer.slice(3) : null,
      prefixList: d.peer === 'pl' ? text : null,
      description: d.description.trim(),
    },
  };
}

const sameRule = (a: SecurityGroupRule, b: SecurityGroupRule) =>
  a.protocol === b.protocol && a.fromPort === b.fromPort && a.toPort === b.toPort && a.cidr === b.cidr
  && a.securityGroup === b.securityGroup && a.prefixList === b.prefixList && a.description === b.description;

const blurOnEnter = (e: KeyboardEvent<HTMLInputElement>) => { if (e.key === 'Enter') e.currentTarget.blur(); };

interface Props { design: Design; group: NodeOfKind<'securityGroup'>; dispatch: Dispatch }

/** The security group's inbound and outbound rules as tables: protocol, ports, the peer picked by name
 *  (another group) or typed (a CIDR block, a prefix list), description. Each change is one `setProp`;
 *  text that is not valid stays in its field with the reason and is not dispatched. */
export function SecurityGroupRules({ design, group, dispatch }: Props) {
  const groups = design.nodes.filter((n): n is NodeOfKind<'securityGroup'> => n.kind === 'securityGroup');
  return (
    <div className="sd-sg-rules" data-testid="sg-rules">
      <RuleTable direction="ingress" rules={group.props.ingress} group={group} groups={groups} dispatch={dispatch} />
      <RuleTable direction="egress" rules={group.props.egress} group={group} groups={groups} dispatch={dispatch} />
    </div>
  );
}

interface TableProps { direction: Direction; rules: SecurityGroupRule[] | null; group: NodeOfKind<'securityGroup'>; groups: NodeOfKind<'securityGroup'>[]; dispatch: Dispatch }

function RuleTable({ direction, rules, group, groups, dispatch }: TableProps) {
  const [adding, setAdding] = useState(false);
  const [refused, setRefused] = useState<string | undefined>();
  const title = direction === 'ingress' ? 'Inbound rules' : 'Outbound rules';
  const peerWord = direction === 'ingress' ? 'Source' : 'Destination';
  const setRules = (path: PathPart[], value: unknown): boolean => {
    const r = dispatch({ type: 'setProp', nodeId: group.id, path, value });
    setRefused(r.refused);
    return !r.refused;
  };
  const list = rules ?? [];
  return (
    <section className="sd-sg-table" aria-label={title} data-testid={`sg-rules-${direction}`}>
      <div className="sd-sg-head">
        <h4>{title}</h4>
        <button type="button" className="sd-button sd-sg-add" onClick={() => setAdding(true)} disabled={adding} data-testid={`sg-rule-${direction}-add`} aria-label={`Add ${direction === 'ingress' ? 'inbound' : 'outbound'} rule`}>+ Add rule</button>
      </div>
      {direction === 'egress' && rules === null && (
        <p className="sd-field-hint" data-testid="sg-egress-default">AWS default: all traffic to 0.0.0.0/0. Adding a rule replaces this default.</p>
      )}
      {direction === 'egress' && rules !== null && (
        <p className="sd-field-hint">
          {rules.length ? 'Only these rules let traffic out.' : 'No outbound traffic at all.'}{' '}
          <button type="button" className="sd-link-button" onClick={() => setRules(['egress'], null)} data-testid="sg-egress-restore-default">Use AWS&apos;s allow-all default</button>
        </p>
      )}
      {direction === 'ingress' && !list.length && !adding && <p className="sd-field-hint">No inbound rules: nothing may connect in (responses to outbound traffic still return).</p>}
      {(list.length > 0 || adding) && (
        <table className="sd-sg-grid">
          <thead><tr><th scope="col">Protocol</th><th scope="col">Ports</th><th scope="col">{peerWord}</th><th scope="col">Description</th><th scope="col"><span className="sd-sg-hidden">Remove</span></th></tr></thead>
          <tbody>
            {list.map((rule, i) => (
              <RuleRow
                key={i}
                testId={`sg-rule-${direction}-${i}`}
                label={`${direction === 'ingress' ? 'Inbound' : 'Outbound'} rule ${i + 1}`}
                stored={rule}
                peerWord={peerWord}
                group={group}
                groups={groups}
                onRule={(next) => setRules([direction, i], next)}
                onRemove={() => setRules([direction], list.filter((_, j) => j !== i))}
              />
            ))}
            {adding && (
              <RuleRow
                testId={`sg-rule-${direction}-new`}
                label={`New ${direction === 'ingress' ? 'inbound' : 'outbound'} rule`}
                peerWord={peerWord}
                group={group}
                groups={groups}
                onRule={(next) => { const ok = setRules([direction], [...list, next]); if (ok) setAdding(false); return ok; }}
                onRemove={() => setAdding(false)}
              />
            )}
          </tbody>
        </table>
      )}
      {refused && <div className="sd-field-error" role="alert">{refused}</div>}
    </section>
  );
}

interface RowProps {
  testId: string;
  label: string;
  stored?: SecurityGroupRule;
  peerWord: string;
  group: NodeOfKind<'securityGroup'>;
  groups: NodeOfKind<'securityGroup'>[];
  onRule(rule: SecurityGroupRule): boolean;
  onRemove(): void;
}

function RuleRow({ testId, label, stored, peerWord, group, groups, onRule, onRemove }: RowProps) {
  const id = useId();
  const initial = stored ? draftOf(stored) : NEW_ROW;
  const [draft, setDraft] = useState<RowDraft>(initial);
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  // Undo, redo or another panel changed the stored rule: show it.
  const storedKey = stored ? JSON.stringify(stored) : '';
  useEffect(() => { if (stored) setDraft(draftOf(stored)); }, [storedKey]);
  const { rule, errors } = ruleOf(draft);
  const commit = (next: RowDraft, field: string) => {
    setDraft(next);
    setTouched((t) => ({ ...t, [field]: true }));
    const built = ruleOf(next).rule;
    if (!built || (stored && sameRule(built, stored))) return;
    if (!onRule(built) && stored) setDraft(draftOf(stored));
  };
  const shown = (field: 'ports' | 'peer' | 'peerText') => (touched[field] || !!stored) && errors[field];
  const known = draft.peer === '' || draft.peer === 'cidr' || draft.peer === 'pl' || groups.some((g) => `sg:${g.id}` === draft.peer);
  return (
    <tr
      className={`sd-sg-row${rule ? '' : ' is-incomplete'}`}
      data-testid={testId}
      aria-label={label}
      // Escape discards a rule not saved yet; a saved row goes back to what is stored.
      onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); if (stored) setDraft(draftOf(stored)); else onRemove(); } }}
    >
      <td>
        <select
          aria-label={`${label}: protocol`}
          value={draft.protocol}
          onChange={(e) => commit({ ...draft, protocol: e.target.value as RowDraft['protocol'], ports: portsApply(e.target.value) && portsApply(draft.protocol) ? draft.ports : '' }, 'protocol')}
          data-testid={`${testId}-protocol`}
        >
          {PROTOCOLS.map((p) => <option key={p.value} value={p.value}>{p.label}</option>)}
        </select>
      </td>
      <td>
        <input
          type="text"
          inputMode="numeric"
          size={9}
          aria-label={`${label}: port or range`}
          placeholder={portsApply(draft.protocol) ? '5432 or 1024-65535' : 'all'}
          disabled={!portsApply(draft.protocol)}
          value={portsApply(draft.protocol) ? draft.ports : ''}
          onChange={(e) => setDraft({ ...draft, ports: e.target.value })}
          onBlur={() => commit(draft, 'ports')}
          onKeyDown={blurOnEnter}
          aria-invalid={shown('ports') ? true : undefined}
          aria-describedby={shown('ports') ? `${id}-ports` : undefined}
          data-testid={`${testId}-ports`}
        />
        {shown('ports') && <div className="sd-field-error" id={`${id}-ports`} role="alert" data-testid={`${testId}-ports-error`}>{errors.ports}</div>}
      </td>
      <td>
        <select
          aria-label={`${label}: ${peerWord.toLowerCase()}`}
          value={draft.peer}
          onChange={(e) => commit({ ...draft, peer: e.target.value, peerText: e.target.value === draft.peer ? draft.peerText : '' }, 'peer')}
          aria-invalid={shown('peer') ? true : undefined}
          data-testid={`${testId}-peer`}
        >
          {draft.peer === '' && <option value="">— pick —</option>}
          <optgroup label="Security groups">
            {groups.map((g) => <option key={g.id} value={`sg:${g.id}`}>{g.name}{g.id === group.id ? ' (this group)' : ''}</option>)}
          </optgroup>
          {!known && <option value={draft.peer}>{draft.peer.slice(3)} (not in this design)</option>}
          <option value="cidr">CIDR block…</option>
          <option value="pl">Prefix list…</option>
        </select>
        {(draft.peer === 'cidr' || draft.peer === 'pl') && (
          <input
            type="text"
            size={16}
            className="sd-mono"
            aria-label={`${label}: ${draft.peer === 'cidr' ? 'CIDR block' : 'prefix list id'}`}
            placeholder={draft.peer === 'cidr' ? '10.0.0.0/16' : 'pl-0123456789abcdef0'}
            value={draft.peerText}
            onChange={(e) => setDraft({ ...draft, peerText: e.target.value })}
            onBlur={() => commit(draft, 'peerText')}
            onKeyDown={blurOnEnter}
            aria-invalid={shown('peerText') ? true : undefined}
            aria-describedby={shown('peerText') ? `${id}-peer` : undefined}
            data-testid={`${testId}-peer-text`}
          />
        )}
        {shown('peer') && <div className="sd-field-error" role="alert">{errors.peer}</div>}
        {shown('peerText') && <div className="sd-field-error" id={`${id}-peer`} role="alert" data-testid={`${testId}-peer-error`}>{errors.peerText}</div>}
      </td>
      <td>
        <input
          type="text"
          aria-label={`${label}: description`}
          value={draft.description}
          onChange={(e) => setDraft({ ...draft, description: e.target.value })}
          onBlur={() => commit(draft, 'description')}
          onKeyDown={blurOnEnter}
          data-testid={`${testId}-description`}
        />
      </td>
      <td>
        <button type="button" className="sd-icon-button" aria-label={stored ? `Remove ${label.toLowerCase()}` : 'Discard the new rule'} title={stored ? 'Remove rule' : 'Discard'} onClick={onRemove} data-testid={`${testId}-remove`}>×</button>
      </td>
    </tr>
  );
}
