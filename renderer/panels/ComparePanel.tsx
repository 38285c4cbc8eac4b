import { useDeferredValue, useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { alternativeNames, currentAlternativeName } from '../../core/commands/alternatives';
import type { Command, PerformResult } from '../../core/commands/commands';
import type { Design } from '../../core/model/design';
import {
  compare, enteredRequests, estimateCost, formatUsd, sum, sweepMemory, sweepRequests, SUPPORTED_REGIONS, ZERO,
  type CostComparison, type CostComponent, type Dec,
} from '../../core/pricing';
import { LineChart } from '../charts/LineChart';
import { compactNumber } from '../charts/scales';
import { axisUsd, memorySweepChart, requestSweepChart, type ChartData } from '../charts/sweepCharts';
import { useExpanded } from './useExpanded';

/** What one side of the comparison prices: a variant of the design, under a usage profile, in a Region. */
export interface SideChoice { variant: string; profile: string | null; region: string }

type Variant = Pick<Design, 'region' | 'nodes' | 'edges' | 'usage' | 'suppressions'>;

const variantOf = (design: Design, name: string): Variant | undefined =>
  (name === currentAlternativeName(design) ? design : design.alternatives.find((a) => a.name === name));

const profilesOf = (v: Variant | undefined) => Object.keys(v?.usage.profiles ?? {});

/** Sides that show something by default: two variants when there are several (the edited one and
 *  the first other, in name order, so switching between the two keeps the sides), else the active
 *  profile against peak (or another profile), else two Regions. */
export function defaultSides(design: Design): [SideChoice, SideChoice] {
  const edited = currentAlternativeName(design);
  const active = design.usage.active ?? profilesOf(design)[0] ?? null;
  const side = (variant: string): SideChoice => {
    const v = variantOf(design, variant);
    return { variant, profile: v?.usage.active ?? profilesOf(v)[0] ?? null, region: v?.region ?? design.region };
  };
  const other = alternativeNames(design).find((n) => n !== edited);
  if (other !== undefined) return alternativeNames(design).indexOf(other) < alternativeNames(design).indexOf(edited) ? [side(other), side(edited)] : [side(edited), side(other)];
  const otherProfile = profilesOf(design).includes('peak') && active !== 'peak' ? 'peak' : profilesOf(design).find((p) => p !== active);
  if (otherProfile) return [side(edited), { ...side(edited), profile: otherProfile }];
  return [side(edited), { ...side(edited), region: SUPPORTED_REGIONS.find((r) => r !== design.region) ?? design.region }];
}

/** The choice made valid for the design as it is now (a variant deleted, a profile renamed). */
function validSide(design: Design, choice: SideChoice, fallback: SideChoice): SideChoice {
  const v = variantOf(design, choice.variant);
  if (!v) return fallback;
  const profiles = profilesOf(v);
  return { ...choice, profile: choice.profile !== null && profiles.includes(choice.profile) ? choice.profile : v.usage.active ?? profiles[0] ?? null };
}

/** The design one side prices: the variant's parts, its profile active, its Region. Memoised on the
 *  variant's own parts, so an edit of the other variant does not redo this side's sweeps. */
function useSideDesign(design: Design, choice: SideChoice): Design | undefined {
  const v = variantOf(design, choice.variant);
  const { name, format, schemaVersion } = design;
  return useMemo(() => (v ? {
    format, schemaVersion, name, alternativeName: choice.variant, region: choice.region,
    nodes: v.nodes, edges: v.edges, suppressions: v.suppressions, usage: { ...v.usage, active: choice.profile },
    layout: { positions: {} }, alternatives: [],
  } : undefined), [v?.nodes, v?.edges, v?.usage, v?.suppressions, name, format, schemaVersion, choice.variant, choice.region, choice.profile]);
}

/** Short names for the two sides: only what differs between them (variant, profile, Region). */
export function sideLabels(a: SideChoice, b: SideChoice): [string, string] {
  const parts = (s: SideChoice) => [
    a.variant !== b.variant ? s.variant : '', a.profile !== b.profile ? s.profile ?? 'no profile' : '', a.region !== b.region ? s.region : '',
  ].filter(Boolean).join(' · ');
  const [la, lb] = [parts(a), parts(b)];
  return la && lb ? [la, lb] : [`${a.variant} (1)`, `${b.variant} (2)`];
}

export interface LineRow { key: string; component: string; a?: CostComponent; b?: CostComponent; shownDifference: Dec }
export interface NodeRow { key: string; nodeName: string; lines: LineRow[]; shownA: Dec; shownB: Dec; shownDifference: Dec }

const cents = (d: Dec) => d.toDecimalPlaces(2);

/** Per-resource rows of the comparison: matched lines and one-side lines, grouped by node, each
 *  difference as shown (cent-rounded lines), so that the rows plus `comparison.rounding` add up to
 *  `comparison.difference`, the difference of the shown totals. Largest difference first. */
export function compareRows(c: CostComparison): NodeRow[] {
  const lines: (LineRow & { node: string; nodeName: string })[] = [
    ...c.components.map((d) => ({ key: `m ${d.node} ${d.component}`, node: d.node, nodeName: d.nodeName, component: d.component, a: d.a, b: d.b, shownDifference: d.shownDifference })),
    ...c.onlyInA.map((l) => ({ key: `a ${l.node} ${l.component}`, node: l.node, nodeName: l.nodeName, component: l.component, a: l, shownDifference: shown(c, l.monthly).negated() })),
    ...c.onlyInB.map((l) => ({ key: `b ${l.node} ${l.component}`, node: l.node, nodeName: l.nodeName, component: l.component, b: l, shownDifference: shown(c, l.monthly) })),
  ];
  const groups = new Map<string, typeof lines>();
  for (const l of lines) groups.set(l.node, [...(groups.get(l.node) ?? []), l]);
  return [...groups.entries()].map(([node, ls]): NodeRow => ({
    key: node, nodeName: ls[0].nodeName, lines: ls,
    shownA: sum(ls.map((l) => (l.a ? shown(c, l.a.monthly) : ZERO))),
    shownB: sum(ls.map((l) => (l.b ? shown(c, l.b.monthly) : ZERO))),
    shownDifference: sum(ls.map((l) => l.shownDifference)),
  })).sort((x, y) => y.shownDifference.abs().comparedTo(x.shownDifference.abs()) || x.nodeName.localeCompare(y.nodeName));
}

const shown = (c: CostComparison, d: Dec) => (c.mode === 'rounded' ? cents(d) : d);
const signed = (d: Dec) => (d.isZero() ? '$0.00' : d.isNegative() ? formatUsd(d) : `+${formatUsd(d)}`);

type Result<T> = { ok: true; value: T } | { ok: false; message: string };
function attempt<T>(f: () => T): Result<T> {
  try {
    return { ok: true, value: f() };
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}

/** Two variants of the design, or one under two profiles or Regions, side by side: both totals, the
 *  difference, per-resource and per-line differences, what one side has alone, what is not priced,
 *  and two charts (cost vs requests with the crossover, cost vs memory of a function). Picking the
 *  sides never edits the design; the list of alternatives (rename, edit, delete) dispatches commands. */
export function ComparePanel({ design, dispatch }: { design: Design; dispatch?(command: Command): PerformResult }) {
  const defaults = useMemo(() => defaultSides(design), [design]);
  const [chosen, setChosen] = useState<[SideChoice | null, SideChoice | null]>([null, null]);
  const [freeTier, setFreeTier] = useState(false);
  const sides = [0, 1].map((i) => validSide(design, chosen[i] ?? defaults[i], defaults[i])) as [SideChoice, SideChoice];
  const designs = [useSideDesign(design, sides[0]), useSideDesign(design, sides[1])] as const;
  const labels = sideLabels(sides[0], sides[1]);
  // Choosing one side fixes the other as it is shown, so it no longer follows the defaults.
  const setSide = (i: 0 | 1, choice: SideChoice) => setChosen(i === 0 ? [choice, sides[1]] : [sides[0], choice]);

  const comparison = useMemo((): Result<CostComparison> | undefined => {
    const [a, b] = designs;
    return a && b ? attempt(() => compare(estimateCost(a, { freeTier }), estimateCost(b, { freeTier }))) : undefined;
  }, [designs[0], designs[1], freeTier]);

  return (
    <section className="sd-compare" aria-label="Compare" data-testid="compare-panel">
      <div className="sd-compare-head">
        <SidePicker index={0} design={design} side={sides[0]} onChange={(s) => setSide(0, s)} />
        <SidePicker index={1} design={design} side={sides[1]} onChange={(s) => setSide(1, s)} />
        <label className="sd-field sd-field-check">
          <input type="checkbox" checked={freeTier} onChange={(e) => setFreeTier(e.target.checked)} data-testid="compare-free-tier" />
          Always-free tier on both sides
        </label>
      </div>
      {design.alternatives.length === 0
        ? <p className="sd-muted sd-compare-hint">To compare two designs, use “Duplicate as alternative” in the toolbar, change the copy, and pick the two variants here.</p>
        : dispatch && <VariantList design={design} dispatch={dispatch} />}
      {!comparison ? null : comparison.ok
        ? <ComparisonView c={comparison.value} labels={labels} />
        : <p className="sd-field-error" role="alert">The comparison could not be made: {comparison.message}</p>}
      {designs[0] && designs[1] && <CompareCharts a={designs[0]} b={designs[1]} labels={labels} freeTier={freeTier} />}
    </section>
  );
}

/** The variants kept in the file: rename in place, switch to one, delete one (each an undoable edit). */
function VariantList({ design, dispatch }: { design: Design; dispatch(command: Command): PerformResult }) {
  const edited = currentAlternativeName(design);
  return (
    <ul className="sd-compare-variants" aria-label="Alternatives in this file" data-testid="compare-variants">
      <li className="sd-muted" aria-hidden="true">Alternatives in this file:</li>
      {alternativeNames(design).map((n) => (
        <li key={n}>
          <VariantName name={n} onRename={(to) => dispatch({ type: 'renameAlternative', from: n, to })} />
          {n === edited
            ? <span className="sd-compare-only">editing</span>
            : <button type="button" className="sd-link-button" onClick={() => dispatch({ type: 'switchAlternative', name: n })}>Edit</button>}
          <button type="button" className="sd-link-button sd-danger-link" disabled={n === edited} title={n === edited ? 'Switch to another alternative before deleting this one' : undefined}
            onClick={() => dispatch({ type: 'deleteAlternative', name: n })} aria-label={`Delete alternative ${n}`}>Delete</button>
        </li>
      ))}
    </ul>
  );
}

function VariantName({ name, onRename }: { name: string; onRename(to: string): PerformResult }) {
  const [text, setText] = useState(name);
  useEffect(() => setText(name), [name]);
  const commit = () => {
    if (text.trim() === name) return setText(name);
    if (onRename(text).refused) setText(name);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') commit();
    if (e.key === 'Escape') setText(name);
  };
  return <input type="text" className="sd-compare-variant-name" value={text} size={Math.max(4, text.length + 1)} aria-label={`Name of alternative ${name}`}
    onChange={(e) => setText(e.target.value)} onBlur={commit} onKeyDown={onKey} data-testid={`compare-variant-name-${name}`} />;
}

function SidePicker({ index, design, side, onChange }: { index: 0 | 1; design: Design; side: SideChoice; onChange(s: SideChoice): void }) {
  const id = useId();
  const names = alternativeNames(design);
  const profiles = profilesOf(variantOf(design, side.variant));
  const regions = SUPPORTED_REGIONS.includes(side.region) ? SUPPORTED_REGIONS : [side.region, ...SUPPORTED_REGIONS];
  const edited = currentAlternativeName(design);
  return (
    <fieldset className="sd-compare-side" data-testid={`compare-side-${index + 1}`}>
      <legend>Side {index + 1}</legend>
      <div className="sd-field">
        <label htmlFor={`${id}-v`}>Variant</label>
        <select id={`${id}-v`} value={side.variant} onChange={(e) => onChange({ ...side, variant: e.target.value, region: variantOf(design, e.target.value)?.region ?? side.region })} data-testid={`compare-variant-${index + 1}`}>
          {names.map((n) => <option key={n} value={n}>{n}{n === edited ? ' (editing)' : ''}</option>)}
        </select>
      </div>
      <div className="sd-field">
        <label htmlFor={`${id}-p`}>Usage profile</label>
        <select id={`${id}-p`} value={side.profile ?? ''} disabled={!profiles.length} onChange={(e) => onChange({ ...side, profile: e.target.value })} data-testid={`compare-profile-${index + 1}`}>
          {!profiles.length && <option value="">no usage profiles</option>}
          {profiles.map((p) => <option key={p} value={p}>{p}</option>)}
        </select>
      </div>
      <div className="sd-field">
        <label htmlFor={`${id}-r`}>Region</label>
        <select id={`${id}-r`} value={side.region} onChange={(e) => onChange({ ...side, region: e.target.value })} data-testid={`compare-region-${index + 1}`}>
          {regions.map((r) => <option key={r} value={r}>{r}</option>)}
        </select>
      </div>
    </fieldset>
  );
}

function ComparisonView({ c, labels }: { c: CostComparison; labels: readonly [string, string] }) {
  const rows = useMemo(() => compareRows(c), [c]);
  const [open, toggle] = useExpanded();
  const [showSame, setShowSame] = useState(false);
  const changed = rows.filter((r) => !r.shownDifference.isZero() || r.lines.some((l) => !l.a || !l.b));
  const same = rows.filter((r) => !changed.includes(r));
  const pct = c.shownTotals.a.isZero() ? '' : `, ${c.difference.abs().div(c.shownTotals.a).times(100).toFixed(1)}% of side 1`;
  const visible = showSame ? [...changed, ...same] : changed;
  return (
    <div className="sd-compare-body">
      <div className="sd-compare-totals">
        <div><span className="sd-muted">Side 1 · {labels[0]}</span><strong data-testid="compare-total-1">{formatUsd(c.shownTotals.a)}</strong></div>
        <div><span className="sd-muted">Side 2 · {labels[1]}</span><strong data-testid="compare-total-2">{formatUsd(c.shownTotals.b)}</strong></div>
        <div className={c.difference.isNegative() ? 'is-saving' : c.difference.isZero() ? '' : 'is-cost'}>
          <span className="sd-muted">Difference (side 2 − side 1)</span>
          <strong data-testid="compare-difference">{signed(c.difference)}</strong>
          <span className="sd-muted">{c.difference.isZero() ? 'the same' : `side 2 ${c.difference.isNegative() ? 'saves' : 'costs'} ${formatUsd(c.difference.abs())} a month${pct}`}</span>
        </div>
      </div>
      <table className="sd-compare-table" data-testid="compare-rows">
        <thead>
          <tr><th scope="col">Resource · line</th><th scope="col" className="sd-num">Side 1</th><th scope="col" className="sd-num">Side 2</th><th scope="col" className="sd-num">Difference</th></tr>
        </thead>
        {visible.map((r) => (
          <tbody key={r.key} data-testid="compare-node">
            <tr className="sd-compare-node">
              <th scope="row">
                <button type="button" className={`sd-disclosure${open.has(r.key) ? ' is-open' : ''}`} aria-expanded={open.has(r.key)} onClick={() => toggle(r.key)}>
                  <span aria-hidden="true">▸</span> {r.nodeName} <span className="sd-muted">{r.lines.length} line{r.lines.length === 1 ? '' : 's'}</span>
                </button>
              </th>
              <td className="sd-num">{formatUsd(r.shownA)}</td>
              <td className="sd-num">{formatUsd(r.shownB)}</td>
              <td className="sd-num" data-testid="compare-node-difference">{signed(r.shownDifference)}</td>
            </tr>
            {open.has(r.key) && r.lines.map((l) => (
              <tr key={l.key} className="sd-compare-line" data-testid="compare-line">
                <th scope="row">{l.component}{!l.a ? <span className="sd-compare-only"> only in side 2</span> : !l.b ? <span className="sd-compare-only"> only in side 1</span> : null}</th>
                <td className="sd-num" title={l.a ? `exact ${l.a.monthly.toFixed()}` : undefined}>{l.a ? formatUsd(l.a.monthly) : '—'}</td>
                <td className="sd-num" title={l.b ? `exact ${l.b.monthly.toFixed()}` : undefined}>{l.b ? formatUsd(l.b.monthly) : '—'}</td>
                <td className="sd-num">{signed(l.shownDifference)}</td>
              </tr>
            ))}
          </tbody>
        ))}
        {!c.rounding.isZero() && (
          <tbody>
            <tr className="sd-compare-rounding" data-testid="compare-rounding">
              <th scope="row" colSpan={3}>Rounding <span className="sd-muted">(each line and each total is rounded to the cent on its own)</span></th>
              <td className="sd-num">{signed(c.rounding)}</td>
            </tr>
          </tbody>
        )}
      </table>
      {same.length > 0 && (
        <button type="button" className="sd-link-button sd-compare-same" onClick={() => setShowSame((s) => !s)}>
          {showSame ? 'Hide' : 'Show'} {same.length} unchanged resource{same.length === 1 ? '' : 's'}
        </button>
      )}
      <SideOnly title="Not priced" a={[...c.unpricedOnlyInA.map((u) => `${u.nodeName}${u.component !== 'all' ? ` — ${u.component}` : ''}: ${u.reason}`)]}
        b={[...c.unpricedOnlyInB.map((u) => `${u.nodeName}${u.component !== 'all' ? ` — ${u.component}` : ''}: ${u.reason}`)]} testId="compare-unpriced" />
      <SideOnly title="Needs input" a={c.needsInputOnlyInA.map((n) => `${n.nodeName} — ${n.component}: ${n.hint}`)} b={c.needsInputOnlyInB.map((n) => `${n.nodeName} — ${n.component}: ${n.hint}`)} testId="compare-needs-input" />
      <Unpriced c={c} />
      {c.notes.length > 0 && <ul className="sd-cost-notes" aria-label="Notes">{c.notes.map((n) => <li key={n} className="sd-muted">{n}</li>)}</ul>}
    </div>
  );
}

function SideOnly({ title, a, b, testId }: { title: string; a: string[]; b: string[]; testId: string }) {
  if (!a.length && !b.length) return null;
  return (
    <section className="sd-compare-list" data-testid={testId}>
      <h3>{title}, one side only</h3>
      <ul>
        {a.map((t) => <li key={`a ${t}`}><span className="sd-compare-only">side 1</span> {t}</li>)}
        {b.map((t) => <li key={`b ${t}`}><span className="sd-compare-only">side 2</span> {t}</li>)}
      </ul>
    </section>
  );
}

/** Lines not priced on both sides: neither total holds them. */
function Unpriced({ c }: { c: CostComparison }) {
  const both = c.a.unpriced.filter((u) => c.b.unpriced.some((v) => v.node === u.node && v.component === u.component));
  if (!both.length) return null;
  return (
    <p className="sd-muted sd-compare-both">Not priced on either side: {both.map((u) => `${u.nodeName}${u.component !== 'all' ? ` (${u.component})` : ''}`).join(', ')}.</p>
  );
}

/** The two charts. Their sweeps price the design dozens of times (tens of ms), so they follow the
 *  sides deferred: an edit elsewhere is drawn first, the charts after. */
function CompareCharts({ a, b, labels, freeTier }: { a: Design; b: Design; labels: readonly [string, string]; freeTier: boolean }) {
  const [da, db] = [useDeferredValue(a), useDeferredValue(b)];
  const functions = useMemo(() => {
    const seen = new Map<string, string>();
    for (const n of [...da.nodes, ...db.nodes]) if (n.kind === 'lambda' && !seen.has(n.id)) seen.set(n.id, n.name);
    return [...seen.entries()];
  }, [da.nodes, db.nodes]);
  const [fnChoice, setFn] = useState<string | null>(null);
  const fn = fnChoice !== null && functions.some(([id]) => id === fnChoice) ? fnChoice : functions[0]?.[0];
  const id = useId();

  const requests = useMemo(() => attempt(() => requestSweepChart(sweepRequests([da, db], { freeTier }), labels)), [da, db, freeTier, labels[0], labels[1]]);
  // Where each side is today: the requests entered at its sources in its profile.
  const entered = [...new Set([da, db].map((d) => (d.usage.active ? enteredRequests(d, d.usage.active) : 0)).filter((r) => r > 0))]
    .map((r) => ({ x: r, label: `entered: ${compactNumber(r)}` }));
  const memory = useMemo((): Result<ChartData> | undefined => {
    if (fn === undefined) return undefined;
    const sweeps = [[labels[0], da], [labels[1], db]] as const;
    const made = sweeps.map(([name, d]) => ({ name, result: d.nodes.some((n) => n.id === fn) ? attempt(() => sweepMemory(d, fn, { freeTier })) : undefined }));
    const ok = made.flatMap((m) => (m.result?.ok ? [{ name: m.name, sweep: m.result.value }] : []));
    const firstError = made.find((m) => m.result && !m.result.ok)?.result;
    if (!ok.length) return { ok: false, message: firstError && !firstError.ok ? firstError.message : 'the function is on neither side' };
    return { ok: true, value: memorySweepChart(ok) };
  }, [da, db, fn, freeTier, labels[0], labels[1]]);

  return (
    <div className="sd-compare-charts">
      <section className="sd-compare-chart" data-testid="compare-requests-chart">
        {requests.ok ? (
          <>
            <LineChart title="Monthly cost against requests a month" description={requests.value.summary} series={requests.value.series} markers={requests.value.markers}
              references={entered} xScale="log" yScale="log" xLabel="Requests a month (all sources scaled together, log scale)" yLabel="Monthly cost (USD)" formatX={compactNumber} formatY={axisUsd} testId="chart-requests" />
            <p className="sd-compare-summary" data-testid="compare-crossover">{requests.value.summary}</p>
          </>
        ) : <p className="sd-muted" data-testid="compare-crossover">Cost against requests cannot be drawn: {requests.message}. Enter requests a month at a source (Usage).</p>}
      </section>
      <section className="sd-compare-chart" data-testid="compare-memory-chart">
        <div className="sd-field sd-compare-fn">
          <label htmlFor={id}>Function (cost against memory)</label>
          <select id={id} value={fn ?? ''} disabled={!functions.length} onChange={(e) => setFn(e.target.value)} data-testid="compare-function">
            {!functions.length && <option value="">no Lambda functions</option>}
            {functions.map(([fid, name]) => <option key={fid} value={fid}>{name}</option>)}
          </select>
        </div>
        {memory?.ok ? (
          <>
            <LineChart title={`Monthly cost of ${functions.find(([fid]) => fid === fn)?.[1] ?? fn} against its memory`} description={memory.value.summary} series={memory.value.series} markers={memory.value.markers}
              xLabel="Memory (MB); duration modelled from the entered one, CPU in proportion to memory" yLabel="Function's monthly cost (USD)" formatX={(v) => `${v}`} formatY={axisUsd} testId="chart-memory" />
            <p className="sd-compare-summary">{memory.value.summary}</p>
          </>
        ) : memory && <p className="sd-muted">Cost against memory cannot be drawn: {memory.message}.</p>}
      </section>
    </div>
  );
}
