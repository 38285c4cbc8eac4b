import { useState } from 'react';
import type { Command } from '../../core/commands/commands';
import type { Finding } from '../../core/rules/types';
import { formatDuration, type ReachHop, type Reachability, type RetryHop, type SubnetPath } from '../../core/semantics';
import { SeverityIcon } from './Severity';
import { isSuppressible, SuppressDialog } from './SuppressDialog';

const orUnbounded = (v: number | null, text: (n: number) => string, unbounded: string) => (v === null ? unbounded : text(v));

const SINK_KIND: Record<RetryHop['sinks'][number]['kind'], string> = {
  onFailureDestination: 'on-failure destination',
  deadLetterQueue: 'dead-letter queue',
  redriveQueue: 'redrive queue',
  streamOnFailure: 'on-failure destination',
  caller: 'the caller',
};

/** What happens to an event that keeps failing on one edge into a function. */
export function RetryHopView({ hop }: { hop: RetryHop }) {
  return (
    <section className={`sd-analysis-card${hop.lost ? ' is-lost' : ''}`} aria-label="Retry behaviour" data-testid="retry-hop">
      <h3 className="sd-analysis-title">
        Retry behaviour
        <span className={`sd-verdict ${hop.lost ? 'is-no' : 'is-yes'}`}>{hop.lost ? 'LOST' : 'caught'}</span>
      </h3>
      <p className="sd-analysis-sub">{hop.source.name} → {hop.function.name} · {hop.model}</p>
      <dl className="sd-facts">
        <dt>Attempts</dt><dd>{orUnbounded(hop.attempts, String, 'until the record expires')}</dd>
        <dt>Worst case</dt><dd>{orUnbounded(hop.worstCaseSeconds, formatDuration, 'unbounded')}</dd>
        <dt>Duplicate runs</dt><dd>{orUnbounded(hop.duplicateInvocations, String, 'unbounded')}</dd>
      </dl>
      <p className="sd-analysis-text">{hop.policy}</p>
      {hop.sinks.length > 0 && (
        <>
          <h4>Failed events go to</h4>
          <ul className="sd-analysis-list">
            {hop.sinks.map((s, i) => <li key={i}><strong>{s.kind === 'caller' ? `the caller, ${s.node.name}` : `${SINK_KIND[s.kind]} ${s.node.name}`}</strong>: {s.catches}</li>)}
          </ul>
        </>
      )}
      {hop.lost && <p className="sd-analysis-broken" data-testid="retry-lost"><strong>Lost:</strong> {hop.lostReason ?? 'failed events are dropped'}</p>}
      {hop.delivery && (
        <p className="sd-analysis-text"><strong>Delivery:</strong> {hop.delivery.policy}{hop.delivery.dlq ? `; its DLQ ${hop.delivery.dlq.name} catches ${hop.delivery.catches}` : ''}.</p>
      )}
      {hop.notes.map((n, i) => <p key={i} className="sd-analysis-note">{n}</p>)}
    </section>
  );
}

const VERDICT = { yes: 'reachable', partial: 'partly reachable', no: 'unreachable' } as const;

const HOP_KIND: Record<ReachHop['kind'], string> = {
  lambdaNetwork: 'Lambda network', eni: 'Network interface', routeTable: 'Route', natGateway: 'NAT gateway', internetGateway: 'Internet gateway',
  gatewayEndpoint: 'Gateway endpoint', interfaceEndpoint: 'Interface endpoint', securityGroup: 'Security group', rdsProxy: 'RDS Proxy',
  internet: 'Internet', awsApi: 'AWS API', target: 'Target',
};

const DESTINATION = { vpcResource: 'in the VPC', awsApi: 'AWS API', internet: 'internet' } as const;

/** The network path of an access edge, per subnet (one ENI per subnet/AZ), with the hop that breaks. */
export function ReachabilityView({ reach }: { reach: Reachability }) {
  return (
    <section className={`sd-analysis-card is-reach-${reach.reachable}`} aria-label="Network reachability" data-testid="reachability">
      <h3 className="sd-analysis-title">
        Network path
        <span className={`sd-verdict is-${reach.reachable}`} data-testid="reach-verdict">{VERDICT[reach.reachable]}</span>
      </h3>
      <p className="sd-analysis-sub">
        {reach.from.name} → {reach.to.name} · {reach.service ? `${reach.service} ` : ''}{DESTINATION[reach.destination]} · TCP {reach.port}
      </p>
      {reach.reason && <p className="sd-analysis-broken">{reach.ruleId && <span className="sd-rule-id sd-mono">{reach.ruleId}</span>} {reach.reason}</p>}
      {reach.paths.map((p, i) => <SubnetPathView key={p.subnet?.id ?? i} path={p} />)}
    </section>
  );
}

function SubnetPathView({ path }: { path: SubnetPath }) {
  const where = path.subnet ? `${path.subnet.name}${path.az ? ` · ${path.az}` : ''}` : 'Lambda-managed network';
  return (
    <div className={`sd-path${path.reachable ? '' : ' is-broken'}`} data-testid="reach-path">
      <h4>
        <span aria-hidden="true" className={path.reachable ? 'sd-ok' : 'sd-bad'}>{path.reachable ? '✓' : '✕'}</span> {where}
        <span className="sd-sr-only">{path.reachable ? ': reachable' : ': broken'}</span>
      </h4>
      <ol className="sd-hops">
        {path.hops.map((h, i) => (
          <li key={i} className="sd-hop"><span className="sd-hop-kind">{HOP_KIND[h.kind]}</span> {h.detail}</li>
        ))}
        {!path.reachable && (
          <li className="sd-hop is-broken" data-testid="reach-broken-hop">
            <span className="sd-hop-kind">Breaks{path.brokenAt ? ` at ${path.brokenAt.name}` : ''}</span> {path.reason}
          </li>
        )}
      </ol>
    </div>
  );
}

/** A function's own view: how each source's failures are handled, and each access edge's verdict. */
export function FunctionPaths({ hops, reach, onSelectEdge }: { hops: readonly RetryHop[]; reach: readonly Reachability[]; onSelectEdge(id: string): void }) {
  if (!hops.length && !reach.length) return null;
  return (
    <>
      {hops.map((h) => <RetryHopView key={h.edge} hop={h} />)}
      {reach.length > 0 && (
        <section className="sd-analysis-card" aria-label="Network access" data-testid="function-network">
          <h3 className="sd-analysis-title">Network access</h3>
          <ul className="sd-analysis-list sd-reach-list">
            {reach.map((r) => (
              <li key={r.edge}>
                <button type="button" className="sd-link-button" onClick={() => onSelectEdge(r.edge)} data-testid={`reach-edge-${r.edge}`} title="Select this connection to see its path hop by hop">
                  {r.to.name}
                </button>
                <span className={`sd-verdict is-${r.reachable}`}>{VERDICT[r.reachable]}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

/** Findings about the selected node or edge, compactly; the findings panel has the details. With
 *  `dispatch`, each can be suppressed here too (the same dialog and command as the panel's). */
export function ItemFindings({ findings, dispatch }: { findings: readonly Finding[] | undefined; dispatch?(command: Command): { refused?: string } }) {
  const [suppressing, setSuppressing] = useState<Finding | null>(null);
  if (!findings?.length) return null;
  return (
    <>
      <ul className="sd-inspector-findings" aria-label="Findings on this item" data-testid="inspector-findings">
        {findings.map((f, i) => (
          <li key={i}>
            <SeverityIcon severity={f.severity} /> <span className="sd-rule-id sd-mono">{f.ruleId}</span> {f.message}
            {dispatch && isSuppressible(f.ruleId) && (
              <>
                {' '}
                <button type="button" className="sd-link-button sd-inspector-suppress" onClick={() => setSuppressing(f)} aria-label={`Suppress ${f.ruleId} on ${f.target.name}…`} data-testid="inspector-suppress">Suppress…</button>
              </>
            )}
          </li>
        ))}
      </ul>
      {suppressing && dispatch && <SuppressDialog finding={suppressing} dispatch={dispatch} onClose={() => setSuppressing(null)} />}
    </>
  );
}
