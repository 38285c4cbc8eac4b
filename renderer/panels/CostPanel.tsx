import { useEffect, useId, useMemo, useState } from 'react';
import type { Design } from '../../core/model/design';
import { own } from '../../core/model/own';
import { USAGE_FIELDS } from '../../core/model/usageFields';
import { formatQuantity, formatUsd, SUPPORTED_REGIONS, sum, unitPriceText, type CostComponent, type CostReport } from '../../core/pricing';
import type { Reachability } from '../../core/semantics';
import type { CostBadge } from '../canvas/toFlow';
import { costViewKey, safeEstimate, type CostViewOptions, type ViewEstimate } from '../workers/costEstimate';
import { ExternalLink, isWebLink } from './ExternalLink';
import { useExpanded } from './useExpanded';

interface CostPanelProps {
  /** The design as analysed (its layout is never read). */
  design: Design;
  /** Reachability from the same analysis: NAT and endpoint volumes come from it. */
  reachability: readonly Reachability[];
  onSelectNode(id: string): void;
  /** Selects a node and puts the cursor in one of its usage fields in the inspector. */
  onEnterUsage?(node: string, field: string): void;
  /** Switches the design's active usage profile (an edit). Without it the profile is a view choice. */
  onSetActiveProfile?(name: string): void;
  /** Estimates made elsewhere (the app's analysis worker): the panel says which options it shows
   *  (`onOptions`) and shows `estimate` when it was made with them, "Estimating…" until then.
   *  Without it the panel estimates here, on this thread. */
  worker?: { estimate: ViewEstimate | undefined; onOptions(options: CostViewOptions): void };
}

/** Where a missing usage value is entered (CostReport.needsInput; read defensively: an older core
 *  has no such list). */
export interface NeedsInputRow { node: string; nodeName: string; component: string; hint: string; enterAt: { node: string; nodeName: string; field: string }[] }
interface Conventions { hoursPerMonth?: number; billingGranularity?: string[]; tiering?: string; priceDate?: string; catalogVersion?: string; kbPerGb?: number }

export const needsInputOf = (report: CostReport): NeedsInputRow[] => {
  const rows = (report as { needsInput?: unknown }).needsInput;
  return Array.isArray(rows) ? (rows as NeedsInputRow[]) : [];
};
const conventionsOf = (report: CostReport): Conventions | undefined => (report as { conventions?: Conventions }).conventions;

export { safeEstimate };

/** The region the panel and the canvas badges price in: the design's. Without a catalog there,
 *  each line says what has no price (the estimate degrades per line) rather than using prices of
 *  another region unasked. */
export const defaultCostRegion = (design: Design): string => design.region;

const fieldLabel = (key: string) => USAGE_FIELDS.find((f) => f.key === key)?.label.toLowerCase() ?? key;

/** The canvas's "$" badges: each node's monthly total from the report; "?" where a usage value is
 *  missing (the hint as the title), "—" where nothing of the node could be priced. */
export function costBadges(report: CostReport): Map<string, CostBadge> {
  const badges = new Map<string, CostBadge>();
  const needs = new Map<string, string[]>();
  for (const n of needsInputOf(report)) needs.set(n.node, [...(needs.get(n.node) ?? []), `${n.component}: ${n.hint}`]);
  const unpriced = new Map<string, string[]>();
  for (const u of report.unpriced) unpriced.set(u.node, [...(unpriced.get(u.node) ?? []), `${u.component === 'all' ? '' : `${u.component}: `}${u.reason}`]);
  for (const g of costByNode(report)) {
    if (g.node === '*') continue;
    const extra = [...(needs.get(g.node) ?? []), ...(unpriced.get(g.node) ?? [])];
    badges.set(g.node, {
      text: needs.has(g.node) ? `${formatUsd(g.monthly)} + ?` : formatUsd(g.monthly),
      title: `${g.nodeName}: ${formatUsd(g.monthly)} a month${extra.length ? ` — not counted: ${extra.join('; ')}` : ''}`,
      tone: needs.has(g.node) ? 'needs' : 'priced',
    });
  }
  for (const [node, hints] of needs) {
    if (badges.has(node)) continue;
    badges.set(node, { text: '?', title: `Needs input — ${[...hints, ...(unpriced.get(node) ?? [])].join('; ')}`, tone: 'needs' });
  }
  for (const [node, reasons] of unpriced) {
    if (!badges.has(node)) badges.set(node, { text: '—', title: `Not priced — ${reasons.join('; ')}`, tone: 'unpriced' });
  }
  return badges;
}

/** A usage value an unpriced line's reason asks for ("enter storageGb at "Orders" …"), so the line
 *  can offer to enter it; undefined when the reason names none. */
export function usageAsked(reason: string, node: string, nodes: readonly { id: string; name: string }[]): { node: string; field: string } | undefined {
  const field = USAGE_FIELDS.find((f) => new RegExp(`\\b${f.key}\\b`).test(reason));
  if (!field) return undefined;
  const named = /\bat "([^"]+)"/.exec(reason)?.[1];
  const target = named ? nodes.find((n) => n.name === named)?.id : undefined;
  return { node: target ?? node, field: field.key };
}

interface NodeCost { node: string; nodeName: string; monthly: CostReport['monthlyTotal']; lines: CostComponent[] }

/** Lines per node, the most expensive first; free-tier credits (node "*") last. */
export function costByNode(report: CostReport): NodeCost[] {
  const groups = new Map<string, CostComponent[]>();
  for (const c of report.components) groups.set(c.node, [...(groups.get(c.node) ?? []), c]);
  return [...groups.entries()]
    .map(([node, lines]) => ({ node, nodeName: lines[0].nodeName, monthly: sum(lines.map((l) => l.monthly)), lines }))
    .sort((a, b) => Number(a.node === '*') - Number(b.node === '*') || b.monthly.comparedTo(a.monthly) || a.nodeName.localeCompare(b.nodeName));
}

export { unitPriceText };

/** The monthly estimate for a usage profile and a region, with a breakdown per node and the lines
 *  that cannot be priced. Choices here are a view of the design, not edits to it. */
export function CostPanel({ design, reachability, onSelectNode, onEnterUsage, onSetActiveProfile, worker }: CostPanelProps) {
  const profiles = Object.keys(design.usage.profiles);
  const [profileChoice, setProfileChoice] = useState<string | null>(null);
  const [regionChoice, setRegionChoice] = useState<string | null>(null);
  const [freeTier, setFreeTier] = useState(false);
  const active = design.usage.active ?? profiles[0] ?? null;
  // With onSetActiveProfile the panel shows the active profile (the one the inspector edits and the
  // canvas badges show); without it, the choice is the panel's own view.
  const profile = !onSetActiveProfile && profileChoice !== null && profiles.includes(profileChoice) ? profileChoice : active;
  const designRegionPriced = SUPPORTED_REGIONS.includes(design.region);
  const region = regionChoice ?? defaultCostRegion(design);
  const ids = { profile: useId(), region: useId(), free: useId() };

  const options = useMemo((): CostViewOptions => ({ ...(profile ? { profile } : {}), region, freeTier }), [profile, region, freeTier]);
  const key = costViewKey(options);
  const onOptions = worker?.onOptions;
  useEffect(() => onOptions?.(options), [onOptions, options]);
  const local = useMemo(
    () => (worker ? undefined : safeEstimate(design, { ...options, reachability })),
    [worker, design, options, reachability],
  );
  // From the worker: only an estimate made with the options chosen here (a stale one is not shown).
  const estimate = local ?? (worker?.estimate?.key === key ? worker.estimate.estimate : undefined);

  return (
    <section className="sd-cost" aria-label="Cost" data-testid="cost-panel" aria-busy={estimate ? undefined : true}>
      <div className="sd-cost-head">
        <div className="sd-cost-total">
          <span className="sd-cost-amount" data-testid="cost-total">{estimate?.ok ? formatUsd(estimate.report.monthlyTotal) : '—'}</span>
          <span className="sd-muted"> / month</span>
          {estimate?.ok && needsInputOf(estimate.report).length > 0 && (
            <span className="sd-cost-needs-flag" data-testid="cost-needs-flag"> + {needsInputOf(estimate.report).length} needing input</span>
          )}
          {estimate?.ok && (
            <div className="sd-muted sd-cost-catalog" data-testid="cost-catalog">
              Price catalog {estimate.report.catalog.version}, prices as of {estimate.report.catalog.asOf} · {estimate.report.region}
            </div>
          )}
          {profile && own(design.usage.profiles, profile)?.description && (
            <div className="sd-muted sd-cost-catalog">Profile “{profile}”: {own(design.usage.profiles, profile)?.description}</div>
          )}
        </div>
        <div className="sd-cost-controls">
          <div className="sd-field">
            <label htmlFor={ids.profile}>{onSetActiveProfile ? 'Active usage profile' : 'Usage profile'}</label>
            <select
              id={ids.profile}
              value={profile ?? ''}
              disabled={!profiles.length}
              onChange={(e) => (onSetActiveProfile ? onSetActiveProfile(e.target.value) : setProfileChoice(e.target.value))}
              data-testid="cost-profile"
            >
              {!profiles.length && <option value="">no usage profiles</option>}
              {profiles.map((p) => <option key={p} value={p}>{p}</option>)}
            </select>
          </div>
          <div className="sd-field">
            <label htmlFor={ids.region}>Region</label>
            <select id={ids.region} value={region} onChange={(e) => setRegionChoice(e.target.value)} data-testid="cost-region">
              {!designRegionPriced && <option value={design.region}>{design.region} (design, no price catalog)</option>}
              {SUPPORTED_REGIONS.map((r) => <option key={r} value={r}>{r}{r === design.region ? ' (design)' : ''}</option>)}
            </select>
          </div>
          <div className="sd-field sd-field-check">
            <input id={ids.free} type="checkbox" checked={freeTier} onChange={(e) => setFreeTier(e.target.checked)} data-testid="cost-free-tier" />
            <label htmlFor={ids.free}>Always-free tier</label>
          </div>
        </div>
      </div>
      {!SUPPORTED_REGIONS.includes(region) && (
        <p className="sd-warning sd-cost-note" data-testid="cost-no-catalog">
          There is no price catalog for {region}{region === design.region ? ', the design’s region' : ''}: every line that needs a price says so and is left out of the total. Regions with prices: {SUPPORTED_REGIONS.join(', ')}.
        </p>
      )}
      {!estimate ? <p className="sd-muted" data-testid="cost-estimating">Estimating…</p> : estimate.ok ? <CostBreakdown report={estimate.report} design={design} onSelectNode={onSelectNode} onEnterUsage={onEnterUsage} /> : (
        <p className="sd-field-error" role="alert">The estimate could not be made: {estimate.message}</p>
      )}
    </section>
  );
}

function EnterButton({ at, onEnterUsage }: { at: { node: string; nodeName: string; field: string }; onEnterUsage(node: string, field: string): void }) {
  return (
    <button type="button" className="sd-link-button" onClick={() => onEnterUsage(at.node, at.field)} data-testid="cost-enter" data-node={at.node} data-field={at.field}>
      Enter {fieldLabel(at.field)} at “{at.nodeName}”
    </button>
  );
}

function CostBreakdown({ report, design, onSelectNode, onEnterUsage }: { report: CostReport; design: Design; onSelectNode(id: string): void; onEnterUsage?(node: string, field: string): void }) {
  const groups = useMemo(() => costByNode(report), [report]);
  const [open, toggle] = useExpanded();
  const needs = needsInputOf(report);
  const conventions = conventionsOf(report);
  return (
    <div className="sd-cost-body">
      {needs.length > 0 && (
        <section className="sd-cost-needs" aria-label="Needs input" data-testid="cost-needs-input">
          <h3>Needs input <span className="sd-count is-warning">{needs.length}</span></h3>
          <p className="sd-muted">Not in the total: each is billed on a value this profile does not have yet — enter it, or leave it if the design will not use it.</p>
          <ul>
            {needs.map((n, i) => (
              <li key={`${n.node} ${n.component} ${i}`} data-testid="cost-needs-row" data-node={n.node}>
                <strong>{n.nodeName}</strong> — {n.component}: {n.hint}
                {onEnterUsage && n.enterAt.length > 0 && (
                  <span className="sd-cost-enter">{n.enterAt.map((at) => <EnterButton key={`${at.node} ${at.field}`} at={at} onEnterUsage={onEnterUsage} />)}</span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {groups.length === 0 ? <p className="sd-muted">{needs.length ? 'Nothing is priced yet: enter the volumes above.' : 'Nothing in this design is billed yet.'}</p> : (
        <ul className="sd-cost-nodes" aria-label="Cost per resource">
          {groups.map((g) => <NodeCostRow key={g.node} group={g} expanded={open.has(g.node)} onToggle={toggle} onSelectNode={onSelectNode} />)}
        </ul>
      )}
      {report.unpriced.length > 0 && (
        <section className="sd-cost-unpriced" aria-label="Not priced" data-testid="cost-unpriced">
          <h3>Not priced <span className="sd-count">{report.unpriced.length}</span></h3>
          <ul>
            {report.unpriced.map((u, i) => {
              const asked = onEnterUsage ? usageAsked(u.reason, u.node, design.nodes) : undefined;
              const at = asked && { ...asked, nodeName: design.nodes.find((n) => n.id === asked.node)?.name ?? asked.node };
              return (
                <li key={`${u.node} ${u.component} ${i}`}>
                  <strong>{u.nodeName}</strong>{u.component !== 'all' ? ` — ${u.component}` : ''}: {u.reason}
                  {at && onEnterUsage && <span className="sd-cost-enter"><EnterButton at={at} onEnterUsage={onEnterUsage} /></span>}
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {conventions && (
        <p className="sd-muted sd-cost-conventions" data-testid="cost-conventions">
          {[
            conventions.hoursPerMonth !== undefined && `${conventions.hoursPerMonth} hours a month`,
            conventions.priceDate && `prices as of ${conventions.priceDate}`,
            conventions.tiering,
            conventions.billingGranularity?.length && `billed ${conventions.billingGranularity.join('; ')}`,
          ].filter(Boolean).join(' · ')}
        </p>
      )}
      {report.notes.length > 0 && (
        <ul className="sd-cost-notes" aria-label="Notes">
          {report.notes.map((n, i) => <li key={i} className="sd-muted">{n}</li>)}
        </ul>
      )}
    </div>
  );
}

function NodeCostRow({ group: g, expanded, onToggle, onSelectNode }: { group: NodeCost; expanded: boolean; onToggle(node: string): void; onSelectNode(id: string): void }) {
  const tableId = useId();
  return (
    <li className="sd-cost-node" data-testid="cost-node" data-node={g.node}>
      <div className="sd-cost-node-row">
        <button type="button" className={`sd-disclosure sd-cost-node-toggle${expanded ? ' is-open' : ''}`} aria-expanded={expanded} aria-controls={tableId} onClick={() => onToggle(g.node)}>
          <span aria-hidden="true">▸</span>
          <span className="sd-cost-node-name">{g.nodeName}</span>
          <span className="sd-muted">{g.lines.length} line{g.lines.length === 1 ? '' : 's'}</span>
        </button>
        {g.node !== '*' && (
          <button type="button" className="sd-icon-button" onClick={() => onSelectNode(g.node)} aria-label={`Select ${g.nodeName} on the canvas`} title="Select on the canvas">
            <svg width="14" height="14" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round"><circle cx="12" cy="12" r="7" /><path d="M12 2v4M12 18v4M2 12h4M18 12h4" /></svg>
          </button>
        )}
        <span className="sd-cost-money">{formatUsd(g.monthly)}</span>
      </div>
      {expanded && (
        <table className="sd-cost-lines" id={tableId} data-testid="cost-lines">
          <thead>
            <tr><th scope="col">Component</th><th scope="col">Quantity</th><th scope="col">Unit price</th><th scope="col" className="sd-num">Monthly</th></tr>
          </thead>
          {g.lines.map((line, i) => (
            <tbody key={`${line.component} ${i}`}>
              <tr>
                <th scope="row">{line.component}</th>
                <td>{formatQuantity(line.quantity)} {line.unit}</td>
                <td>{unitPriceText(line)}</td>
                <td className="sd-num">{formatUsd(line.monthly)}</td>
              </tr>
              <tr className="sd-cost-line-source">
                <td colSpan={4}>
                  <span className="sd-muted">{line.volumeFrom}</span> · {isWebLink(line.priceSource)
                    ? <ExternalLink href={line.priceSource}>price source</ExternalLink>
                    : <span className="sd-muted">price source: {line.priceSource}</span>}
                </td>
              </tr>
            </tbody>
          ))}
        </table>
      )}
    </li>
  );
}
