import { memo } from 'react';
import type { Problem } from '../../core/model/problems';
import { problemSeverity } from '../useAnalysis';
import { SeverityIcon } from './Severity';

/** The design's problems (range, references, connections AWS refuses, repairs made when opening).
 *  Clicking one selects the node or edge it is about. */
export const ProblemsPanel = memo(function ProblemsPanel({ problems, onSelect }: { problems: readonly Problem[]; onSelect(target: NonNullable<Problem['target']>): void }) {
  return (
    <section className="sd-problems" aria-label="Problems" data-testid="problems-panel">
      <h2 className="sd-panel-title">Problems <span className="sd-count" data-testid="problem-count">{problems.length}</span></h2>
      {problems.length === 0 ? <p className="sd-muted sd-problems-empty">No problems found.</p> : (
        <ul>
          {problems.map((p, i) => {
            const body = (
              <>
                <SeverityIcon severity={problemSeverity(p)} />
                <span className="sd-problem-text">
                  {p.target && <strong>{p.target.name}: </strong>}
                  {p.message}{p.repair ? ` — ${p.repair}` : ''}
                  <span className="sd-problem-path sd-mono">{p.path}</span>
                </span>
              </>
            );
            const target = p.target;
            return (
              <li key={`${p.path}-${i}`}>
                {target ? (
                  <button type="button" className="sd-problem" onClick={() => onSelect(target)} data-testid="problem-item" title={`Select ${target.name}`}>{body}</button>
                ) : <div className="sd-problem" data-testid="problem-item">{body}</div>}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
});
