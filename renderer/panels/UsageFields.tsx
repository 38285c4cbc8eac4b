import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { EDGE_USAGE_FIELDS, parseUsageNumber, usageValueProblem, type Command, type EdgeUsageField } from '../../core/commands';
import { formatNumber } from '../../core/format';
import type { Design, DesignEdge, DesignNode, NodeUsage } from '../../core/model/design';
import { own } from '../../core/model/own';
import { usageFieldsFor, type UsageField, type UsageInput } from '../../core/model/usageFields';
import { propagateTraffic, type Traffic } from '../../core/semantics';

/** A request to put the cursor in one usage field of the inspector (from "Enter …" in the Cost
 *  panel). `seq` makes the same request twice a new one. */
export interface UsageFocus { node: string; field: string; seq: number }

type Dispatch = (command: Command) => { refused?: string };

/** Fields shown without opening "More usage values": the ones most designs need. */
const PRIMARY = new Set<string>(['requestsPerMonth', 'avgDurationMs', 'storageGb', 'gbProcessedPerMonth', 'ingestedGbPerMonth']);

/** "1,000,000" for whole numbers (what people type back), the number as written otherwise. */
export function usageText(value: unknown): string {
  if (typeof value !== 'number') return value === undefined ? '' : String(value);
  return Number.isInteger(value) && Math.abs(value) < 1e15 ? formatNumber(value, 0) : String(value);
}

/** "from “Orders API”": the traffic analysis quotes names with straight quotes. */
export const curlyQuotes = (text: string): string => text.replace(/"([^"]*)"/g, '“$1”');

/** The active profile's traffic, or null when it cannot be computed (never takes the panel down). */
export function useTraffic(design: Design, profile: string | null = design.usage.active): Traffic | null {
  const { nodes, edges, usage } = design;
  return useMemo(() => {
    try {
      return propagateTraffic(design, profile);
    } catch {
      return null;
    }
    // The traffic reads nodes, edges and usage only; a move changes none of them.
  }, [nodes, edges, usage, profile]);
}

/** Where an empty requests value comes from, in words: "propagated: 1,000,000 a month from “Orders API”". */
export function derivedRequests(node: DesignNode, traffic: Traffic | null): { amount: number; text: string } | undefined {
  const t = traffic?.nodes[node.id];
  if (!t) return undefined;
  const amount = node.kind === 'lambda' ? t.invocations : t.events;
  if (amount <= 0) return undefined;
  const what = node.kind === 'lambda' ? 'invocations a month' : 'a month';
  // A function hears of each delivery twice: the events ('from "Queue"') and the invocations they
  // make ('… messages from "Queue" in batches of 10'); the second says more.
  const words = node.kind === 'lambda' ? t.from.filter((f) => !(/^from "[^"]*"$/.test(f) && t.from.some((g) => g !== f && (g.endsWith(f.slice(5)) || g.includes(`${f.slice(5)} `))))) : t.from;
  return { amount, text: `${formatNumber(Math.round(amount * 1000) / 1000)} ${what} — ${curlyQuotes(words.join('; '))}` };
}

interface ValueControlProps {
  input: UsageInput;
  field: string;
  value: unknown;
  /** Commits a value (undefined clears it); returns why it was refused, if it was. */
  onCommit(value: number | string | boolean | undefined): string | undefined;
  id?: string;
  testId: string;
  placeholder?: string;
  label?: string;
  edge?: boolean;
  describedBy?: string;
  inputRef?: RefObject<HTMLInputElement | HTMLSelectElement | null>;
  /** Reports the error shown (or undefined), for the caller's layout. */
  onError?(message: string | undefined): void;
}

/** One usage value: numbers commit on Enter or blur and keep the typed text while it is invalid
 *  (the error says why); Escape goes back to the stored value. Choices and flags commit at once. */
export function UsageValueControl({ input, field, value, onCommit, id, testId, placeholder, label, edge, describedBy, inputRef, onError }: ValueControlProps) {
  const committed = usageText(value);
  const [text, setText] = useState(committed);
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    setText(committed);
    setError(undefined);
  }, [committed]);
  useEffect(() => onError?.(error), [error, onError]);

  if (input.type !== 'number') {
    const options = input.type === 'flag' ? [{ value: 'true', label: 'yes' }, { value: 'false', label: 'no' }] : input.options;
    return (
      <select
        id={id}
        ref={inputRef as RefObject<HTMLSelectElement>}
        value={value === undefined ? '' : String(value)}
        aria-label={label}
        aria-describedby={describedBy}
        onChange={(e) => {
          const raw = e.target.value;
          onCommit(raw === '' ? undefined : input.type === 'flag' ? raw === 'true' : raw);
        }}
        data-testid={testId}
      >
        <option value="">{placeholder ?? '— not entered —'}</option>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    );
  }

  const check = (raw: string): { value?: number; error?: string } => {
    const parsed = parseUsageNumber(raw);
    if (!parsed.ok) return { error: parsed.message };
    if (parsed.value === undefined) return {};
    const problem = usageValueProblem(field, parsed.value, edge);
    return problem ? { error: `${usageText(parsed.value)} ${problem}` } : { value: parsed.value };
  };
  const commit = () => {
    const next = check(text);
    if (next.error) return setError(`${next.error} — not saved`);
    setError(undefined);
    if (next.value === value || (next.value === undefined && value === undefined)) return setText(committed);
    const refused = onCommit(next.value);
    if (refused) setError(refused);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') commit();
    else if (e.key === 'Escape') {
      setText(committed);
      setError(undefined);
    }
  };
  return (
    <input
      id={id}
      ref={inputRef as RefObject<HTMLInputElement>}
      type="text"
      inputMode="decimal"
      value={text}
      placeholder={placeholder}
      aria-label={label}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy}
      title={error}
      onChange={(e) => {
        setText(e.target.value);
        // Say at once when the text cannot be stored; never change what was typed.
        const next = check(e.target.value);
        setError(next.error ? `${next.error} — not saved` : undefined);
      }}
      onBlur={commit}
      onKeyDown={onKeyDown}
      data-testid={testId}
    />
  );
}

interface UsageFieldsProps {
  design: Design;
  node?: DesignNode;
  edge?: DesignEdge;
  dispatch: Dispatch;
  focus?: UsageFocus;
  /** Opens the Usage tab (every profile side by side). */
  onOpenUsagePanel?(): void;
}

/** The inspector's "Usage" section: the selected node's (or connection's) usage values in the
 *  active profile, what applies when each is empty, and where a propagated volume comes from. */
export function UsageFields({ design, node, edge, dispatch, focus, onOpenUsagePanel }: UsageFieldsProps) {
  const profiles = Object.keys(design.usage.profiles);
  const active = design.usage.active && own(design.usage.profiles, design.usage.active) ? design.usage.active : null;
  const traffic = useTraffic(design, active);
  const switcher = useId();
  const fields = node ? usageFieldsFor(node.kind) : [];
  if (node && !fields.length) return null;
  return (
    <section className="sd-usage" aria-label="Usage" data-testid="usage-section">
      <div className="sd-usage-head">
        <h3>Usage</h3>
        {profiles.length > 0 && (
          <div className="sd-usage-switch">
            <label htmlFor={switcher}>profile</label>
            <select id={switcher} value={active ?? ''} onChange={(e) => dispatch({ type: 'setActiveUsageProfile', name: e.target.value })} data-testid="usage-profile">
              {!active && <option value="">— none active —</option>}
              {profiles.map((p) => <option key={p} value={p}>{p}</option>)}
            </select>
            {onOpenUsagePanel && <button type="button" className="sd-link-button" onClick={onOpenUsagePanel} title="Every profile side by side, in the Usage tab" data-testid="usage-open-panel">all profiles</button>}
          </div>
        )}
      </div>
      {!active ? (
        <div className="sd-usage-empty">
          <p className="sd-muted">This design has no usage profile, so nothing is priced by traffic.</p>
          <button type="button" className="sd-button" onClick={() => dispatch({ type: 'addUsageProfile', name: 'expected', description: 'Typical month' })} data-testid="usage-add-first">Add a usage profile</button>
        </div>
      ) : node ? (
        <NodeUsageFields design={design} node={node} fields={fields} profile={active} traffic={traffic} dispatch={dispatch} focus={focus} />
      ) : edge ? (
        <EdgeUsageFields design={design} edge={edge} profile={active} traffic={traffic} dispatch={dispatch} />
      ) : null}
    </section>
  );
}

function NodeUsageFields({ design, node, fields, profile, traffic, dispatch, focus }: { design: Design; node: DesignNode; fields: UsageField[]; profile: string; traffic: Traffic | null; dispatch: Dispatch; focus?: UsageFocus }) {
  const usage: NodeUsage = own(own(design.usage.profiles, profile)?.nodes, node.id) ?? {};
  const focused = focus?.node === node.id ? focus : undefined;
  const [more, setMore] = useState(false);
  const shown = (f: UsageField) => PRIMARY.has(f.key) || usage[f.key] !== undefined || focused?.field === f.key;
  const primary = fields.filter(shown);
  const rest = fields.filter((f) => !shown(f));
  useEffect(() => {
    if (focused && rest.some((f) => f.key === focused.field)) setMore(true);
    // Only a new focus request opens the rest; closing it afterwards stays closed.
  }, [focused?.seq]);
  const row = (f: UsageField) => <UsageFieldRow key={f.key} node={node} field={f} value={usage[f.key]} traffic={traffic} profile={profile} dispatch={dispatch} focusSeq={focused?.field === f.key ? focused.seq : undefined} />;
  return (
    <div className="sd-usage-fields">
      {primary.map(row)}
      {rest.length > 0 && (
        <>
          <button type="button" className={`sd-disclosure sd-usage-more${more ? ' is-open' : ''}`} aria-expanded={more} onClick={() => setMore((m) => !m)} data-testid="usage-more">
            <span aria-hidden="true">▸</span> More usage values <span className="sd-muted">({rest.length})</span>
          </button>
          {more && rest.map(row)}
        </>
      )}
    </div>
  );
}

function UsageFieldRow({ node, field, value, traffic, profile, dispatch, focusSeq }: { node: DesignNode; field: UsageField; value: unknown; traffic: Traffic | null; profile: string; dispatch: Dispatch; focusSeq?: number }) {
  const id = useId();
  const ref = useRef<HTMLInputElement | HTMLSelectElement | null>(null);
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    if (focusSeq === undefined || !ref.current) return;
    ref.current.scrollIntoView?.({ block: 'center' });
    ref.current.focus();
  }, [focusSeq]);
  const derived = field.propagated ? derivedRequests(node, traffic) : undefined;
  const entered = value !== undefined;
  const source = entered
    ? { tone: 'entered', text: `entered here, in “${profile}”${derived && field.key === 'requestsPerMonth' && traffic?.nodes[node.id]?.from.length !== 1 ? ` · total ${derived.text}` : ''}` }
    : derived ? { tone: 'propagated', text: `propagated: ${derived.text}` }
      : { tone: 'empty', text: `when empty: ${field.whenEmpty}` };
  const unit = field.input.type === 'number' ? field.input.unit : undefined;
  return (
    <div className={`sd-field sd-usage-field${error ? ' has-error' : ''}`} data-testid={`usage-field-${field.key}`}>
      <label htmlFor={id} title={field.help}>{field.label}{unit && <span className="sd-field-note"> {unit}</span>}</label>
      <UsageValueControl
        id={id}
        input={field.input}
        field={field.key}
        value={value}
        inputRef={ref}
        placeholder={derived ? formatNumber(Math.round(derived.amount)) : field.input.type === 'number' ? 'not entered' : `— not entered: ${field.whenEmpty} —`}
        describedBy={`${id}-source`}
        onCommit={(v) => dispatch({ type: 'setNodeUsage', nodeId: node.id, field: field.key, value: v }).refused}
        onError={setError}
        testId={`usage-${field.key}`}
      />
      {error && <div className="sd-field-error" role="alert" data-testid={`usage-${field.key}-error`}>{error}</div>}
      <div id={`${id}-source`} className={`sd-usage-source is-${source.tone}`} data-testid={`usage-${field.key}-source`}>{source.text}</div>
    </div>
  );
}

function EdgeUsageFields({ design, edge, profile, traffic, dispatch }: { design: Design; edge: DesignEdge; profile: string; traffic: Traffic | null; dispatch: Dispatch }) {
  const from = design.nodes.find((n) => n.id === edge.from);
  const usage = own(own(design.usage.profiles, profile)?.edges, edge.id) ?? {};
  const carried = traffic?.edges[edge.id];
  // Calls per invocation are read on connections from functions and state machines only.
  const keys: EdgeUsageField[] = from && (from.kind === 'lambda' || from.kind === 'stepFunction') ? ['perInvocation', 'avgPayloadKb'] : ['avgPayloadKb'];
  return (
    <div className="sd-usage-fields">
      {carried && carried.events > 0 && (
        <p className="sd-usage-source is-propagated" data-testid="usage-edge-traffic">Carries {formatNumber(Math.round(carried.events * 1000) / 1000)} a month — {curlyQuotes(carried.from)}</p>
      )}
      {EDGE_USAGE_FIELDS.filter((f) => keys.includes(f.key)).map((f) => <EdgeFieldRow key={f.key} edgeId={edge.id} field={f} value={usage[f.key]} profile={profile} dispatch={dispatch} />)}
    </div>
  );
}

function EdgeFieldRow({ edgeId, field, value, profile, dispatch }: { edgeId: string; field: (typeof EDGE_USAGE_FIELDS)[number]; value: number | undefined; profile: string; dispatch: Dispatch }) {
  const id = useId();
  const [error, setError] = useState<string | undefined>();
  return (
    <div className={`sd-field sd-usage-field${error ? ' has-error' : ''}`} data-testid={`usage-field-${field.key}`}>
      <label htmlFor={id} title={field.help}>{field.label}<span className="sd-field-note"> {field.unit}</span></label>
      <UsageValueControl
        id={id}
        input={{ type: 'number', unit: field.unit }}
        field={field.key}
        edge
        value={value}
        placeholder="not entered"
        describedBy={`${id}-source`}
        onCommit={(v) => dispatch({ type: 'setEdgeUsage', edgeId, field: field.key, value: v as number | undefined }).refused}
        onError={setError}
        testId={`usage-${field.key}`}
      />
      {error && <div className="sd-field-error" role="alert" data-testid={`usage-${field.key}-error`}>{error}</div>}
      <div id={`${id}-source`} className={`sd-usage-source is-${value !== undefined ? 'entered' : 'empty'}`}>{value !== undefined ? `entered here, in “${profile}”` : `when empty: ${field.whenEmpty}`}</div>
    </div>
  );
}
