import { useId, useMemo, useState } from 'react';
import type { Design } from '../../core/model/design';
import { estimateCost, formatQuantity, formatUsd, SUPPORTED_REGIONS, sum, type CostComponent, type CostReport } from '../../core/pricing';
import type { Reachability } from '../../core/semantics';
import { ExternalLink, isWebLink } from './ExternalLink';
import { useExpanded } from './useExpanded';

interface CostPanelProps {
  /** The design as analysed (its layout is never read). */
  design: Design;
  /** Reachability from the same analysis: NAT and endpoint volumes come from it. */
  reachability: readonly Reachability[];
  onSelectNode(id: string): void;
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

/** "$0.045 per NAT gateway-hour", "tiered from $0.000001 per request". */
export function unitPriceText(line: Pick<CostComponent, 'unitPrice' | 'unit'>): string {
  const tiered = line.unitPrice.match(/^tiered from (.+)$/);
  return `${tiered ? `tiered from $${tiered[1]}` : `$${line.unitPrice}`} per ${line.unit}`;
}

type Estimate = { ok: true; report: CostReport } | { ok: false; message: string };

/** The monthly estimate for a usage profile and a region, with a breakdown per node and the lines
 *  that cannot be priced. Choices here are a view of the design, not edits to it. */
export function CostPanel({ design, reachability, onSelectNode }: CostPanelProps) {
  const profiles = Object.keys(design.usage.profiles);
  const [profileChoice, setProfileChoice] = useState<string | null>(null);
  const [regionChoice, setRegionChoice] = useState<string | null>(null);
  const [freeTier, setFreeTier] = useState(false);
  const profile = profileChoice !== null && profiles.includes(profileChoice) ? profileChoice : (design.usage.active ?? profiles[0] ?? null);
  const designRegionPriced = SUPPORTED_REGIONS.includes(design.region);
  const region = regionChoice ?? (designRegionPriced ? design.region : SUPPORTED_REGIONS[0]);
  const ids = { profile: useId(), region: useId(), free: useId() };

  const estimate = useMemo((): Estimate => {
    try {
      return { ok: true, report: estimateCost(design, { ...(profile ? { profile } : {}), region, freeTier, reachability }) };
    } catch (err) {
      // Estimators are still being added: one that fails must not take the editor down with it.
      return { ok: false, message: err instanceof Error ? err.message : String(err) };
    }
  }, [design, profile, region, freeTier, reachability]);

  return (
    <section className="sd-cost" aria-label="Cost" data-testid="cost-panel">
      <div className="sd-cost-head">
        <div className="sd-cost-total">
          <span className="sd-cost-amount" data-testid="cost-total">{estimate.ok ? formatUsd(estimate.report.monthlyTotal) : '—'}</span>
          <span className="sd-muted"> / month</span>
          {estimate.ok && (
            <div className="sd-muted sd-cost-catalog" data-testid="cost-catalog">
              Price catalog {estimate.report.catalog.version}, prices as of {estimate.report.catalog.asOf} · {estimate.report.region}
            </div>
          )}
          {profile && design.usage.profiles[profile]?.description && (
            <div className="sd-muted sd-cost-catalog">Profile “{profile}”: {design.usage.profiles[profile].description}</div>
          )}
        </div>
        <div className="sd-cost-controls">
          <div className="sd-field">
            <label htmlFor={ids.profile}>Usage profile</label>
            <select id={ids.profile} value={profile ?? ''} disabled={!profiles.length} onChange={(e) => setProfileChoice(e.target.value)} data-testid="cost-profile">
              {!profiles.length && <option value="">no usage profiles</option>}
              {profiles.map((p) => <option key={p} value={p}>{p}</option>)}
            </select>
          </div>
          <div className="sd-field">
            <label htmlFor={ids.region}>Region</label>
            <select id={ids.region} value={region} onChange={(e) => setRegionChoice(e.target.value)} data-testid="cost-region">
              {SUPPORTED_REGIONS.map((r) => <option key={r} value={r}>{r}{r === design.region ? ' (design)' : ''}</option>)}
            </select>
          </div>
          <div className="sd-field sd-field-check">
            <input id={ids.free} type="checkbox" checked={freeTier} onChange={(e) => setFreeTier(e.target.checked)} data-testid="cost-free-tier" />
            <label htmlFor={ids.free}>Always-free tier</label>
          </div>
        </div>
      </div>
      {!designRegionPriced && regionChoice === null && (
        <p className="sd-warning sd-cost-note">The catalog has no prices for {design.region}, the design&apos;s region; showing {region}.</p>
      )}
      {estimate.ok ? <CostBreakdown report={estimate.report} onSelectNode={onSelectNode} /> : (
        <p className="sd-field-error" role="alert">The estimate could not be made: {estimate.message}</p>
      )}
    </section>
  );
}

function CostBreakdown({ report, onSelectNode }: { report: CostReport; onSelectNode(id: string): void }) {
  const groups = useMemo(() => costByNode(report), [report]);
  const [open, toggle] = useExpanded();
  return (
    <div className="sd-cost-body">
      {groups.length === 0 ? <p className="sd-muted">Nothing in this design is billed yet.</p> : (
        <ul className="sd-cost-nodes" aria-label="Cost per resource">
          {groups.map((g) => <NodeCostRow key={g.node} group={g} expanded={open.has(g.node)} onToggle={toggle} onSelectNode={onSelectNode} />)}
        </ul>
      )}
      {report.unpriced.length > 0 && (
        <section className="sd-cost-unpriced" aria-label="Not priced" data-testid="cost-unpriced">
          <h3>Not priced <span className="sd-count">{report.unpriced.length}</span></h3>
          <ul>
            {report.unpriced.map((u, i) => (
              <li key={`${u.node} ${u.component} ${i}`}><strong>{u.nodeName}</strong>{u.component !== 'all' ? ` — ${u.component}` : ''}: {u.reason}</li>
            ))}
          </ul>
        </section>
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
