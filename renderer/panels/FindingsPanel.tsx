import { memo, useId } from 'react';
import { SEVERITIES, type Finding, type FindingTarget, type Severity, type SuppressedFinding } from '../../core/rules/types';
import { ExternalLink } from './ExternalLink';
import { SEVERITY_WORDS, SeverityIcon, severityCount } from './Severity';
import { useExpanded } from './useExpanded';

interface FindingsPanelProps {
  findings: readonly Finding[];
  suppressed: readonly SuppressedFinding[];
  counts: Record<Severity, number>;
  onSelect(target: FindingTarget): void;
}

/** Stable across re-analysis (each edit makes new finding objects), so an expanded finding stays open. */
const findingKey = (f: Finding) => `${f.ruleId} ${f.target.type} ${f.target.id} ${f.message}`;

const GROUP_TITLES: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Info' };

/** What the analysis says about the design, worst first. Clicking a finding selects (and shows)
 *  its node or connection; the disclosure shows why it matters, how to fix it and AWS's docs. */
export const FindingsPanel = memo(function FindingsPanel({ findings, suppressed, counts, onSelect }: FindingsPanelProps) {
  const [open, toggle] = useExpanded();
  return (
    <section className="sd-findings" aria-label="Findings" data-testid="findings-panel">
      <h2 className="sd-panel-title sd-sr-only">Findings</h2>
      <p className="sd-findings-summary" data-testid="findings-summary">
        {SEVERITIES.map((s) => (
          <span key={s} className={`sd-pill sd-pill-${s}${counts[s] ? '' : ' is-zero'}`}>{severityCount(s, counts[s])}</span>
        ))}
        {suppressed.length > 0 && <span className="sd-muted">· {suppressed.length} suppressed</span>}
      </p>
      {findings.length === 0 && <p className="sd-muted sd-findings-empty">No findings: every check passes for this design.</p>}
      {SEVERITIES.map((severity) => {
        const items = findings.filter((f) => f.severity === severity);
        if (!items.length) return null;
        return (
          <section key={severity} className="sd-finding-group" aria-label={GROUP_TITLES[severity]} data-testid={`findings-${severity}`}>
            <h3 className={`sd-finding-group-title is-${severity}`}>{GROUP_TITLES[severity]} <span className="sd-count">{items.length}</span></h3>
            <ul>
              {items.map((f, i) => <FindingRow key={`${findingKey(f)} ${i}`} finding={f} expanded={open.has(findingKey(f))} onToggle={toggle} onSelect={onSelect} />)}
            </ul>
          </section>
        );
      })}
      {suppressed.length > 0 && (
        <details className="sd-suppressed" data-testid="findings-suppressed">
          <summary>Suppressed <span className="sd-count">{suppressed.length}</span></summary>
          <ul>
            {suppressed.map((f, i) => (
              <li key={`${findingKey(f)} ${i}`} className="sd-finding-suppressed">
                <span className="sd-rule-id sd-mono">{f.ruleId}</span> <strong>{f.target.name}</strong>: {f.message}
                <div className="sd-muted">Suppressed because: {f.reason}</div>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
});

function FindingRow({ finding: f, expanded, onToggle, onSelect }: { finding: Finding; expanded: boolean; onToggle(key: string): void; onSelect(target: FindingTarget): void }) {
  const detailsId = useId();
  const what = f.target.type === 'design' ? 'the design settings' : f.target.name;
  return (
    <li className={`sd-finding is-${f.severity}`} data-testid="finding-item" data-rule={f.ruleId}>
      <div className="sd-finding-row">
        <button type="button" className="sd-finding-main" onClick={() => onSelect(f.target)} title={`Select ${what}`}>
          <SeverityIcon severity={f.severity} />
          <span className="sd-rule-id sd-mono">{f.ruleId}</span>
          <span className="sd-finding-text"><strong>{f.target.name}</strong> — {f.message}</span>
        </button>
        <button
          type="button"
          className={`sd-disclosure${expanded ? ' is-open' : ''}`}
          aria-expanded={expanded}
          aria-controls={detailsId}
          aria-label={`Why and how to fix: ${f.ruleId} ${SEVERITY_WORDS[f.severity].one} on ${f.target.name}`}
          onClick={() => onToggle(findingKey(f))}
          data-testid="finding-toggle"
        >
          <span aria-hidden="true">▸</span> Details
        </button>
      </div>
      {expanded && (
        <div className="sd-finding-details" id={detailsId} data-testid="finding-details">
          <p><strong>Why it matters.</strong> {f.why}</p>
          <p><strong>Fix.</strong> {f.fix}</p>
          <p><ExternalLink href={f.docsUrl} testId="finding-docs">AWS documentation for {f.ruleId}</ExternalLink></p>
        </div>
      )}
    </li>
  );
}
