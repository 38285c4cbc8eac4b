import { memo, useCallback, useDeferredValue, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { SetAside } from '../../core/analyze';
import type { Command, PerformResult } from '../../core/commands/commands';
import type { Design } from '../../core/model/design';
import { RULES } from '../../core/rules';
import { groupRepeated, type FindingEntry, type FindingGroup } from '../../core/rules/group';
import { SEVERITIES, type Finding, type FindingTarget, type Severity, type SuppressedFinding } from '../../core/rules/types';
import { ExternalLink } from './ExternalLink';
import { SEVERITY_WORDS, SeverityIcon, severityCount } from './Severity';
import { isSuppressible, SuppressDialog } from './SuppressDialog';
import { useExpanded } from './useExpanded';
import '../styles/findings.css';
import '../styles/targets.css';

interface FindingsPanelProps {
  findings: readonly Finding[];
  suppressed: readonly SuppressedFinding[];
  counts: Record<Severity, number>;
  /** Selects a finding's target; `related`: its related targets, for the canvas to highlight. */
  onSelect(target: FindingTarget, related?: readonly FindingTarget[]): void;
  /** Suppress / unsuppress edits (core/commands/suppressions.ts). Without it the panel only reads. */
  dispatch?(command: Command): PerformResult;
  /** The analysed design: its suppressions that no finding matches any more (the check now passes)
   *  are listed too, so they can be removed. */
  design?: Pick<Design, 'suppressions' | 'nodes' | 'edges' | 'name'>;
  /** Edges AWS refuses, which the analysis set aside (one line each, selecting the edge). */
  setAside?: readonly SetAside[];
}

/** Suppressions in the design that no current finding matches, with what they name. */
export function staleSuppressions(design: Pick<Design, 'suppressions' | 'nodes' | 'edges' | 'name'>, suppressed: readonly SuppressedFinding[]): { ruleId: string; target: string; name: string; reason: string }[] {
  const matched = new Set(suppressed.map((f) => `${f.ruleId} ${f.target.id}`));
  const nodeName = (id: string) => design.nodes.find((n) => n.id === id)?.name;
  return design.suppressions.filter((x) => !matched.has(`${x.ruleId} ${x.target}`)).map((x) => {
    const edge = design.edges.find((e) => e.id === x.target);
    const name = x.target === '*' ? design.name : nodeName(x.target) ?? (edge ? `${nodeName(edge.from) ?? edge.from} → ${nodeName(edge.to) ?? edge.to}` : x.target);
    return { ruleId: x.ruleId, target: x.target, name, reason: x.reason };
  });
}

export type FindingsGrouping = 'severity' | 'rule' | 'node';
const GROUPINGS: readonly { id: FindingsGrouping; label: string }[] = [
  { id: 'severity', label: 'Severity' }, { id: 'rule', label: 'Rule' }, { id: 'node', label: 'Resource' },
];

/** Rows drawn per group before "Show more", and groups before "Show more groups": a design with
 *  thousands of findings stays responsive (the rest is a click away, never silently dropped). */
export const ROWS_PER_GROUP = 50;
export const GROUPS_SHOWN = 40;

/** Stable across re-analysis (each edit makes new finding objects), so an expanded finding stays open. */
const findingKey = (f: Finding) => `${f.ruleId} ${f.target.type} ${f.target.id} ${f.message}`;

const GROUP_TITLES: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Info' };
const RULE_TITLES: ReadonlyMap<string, string> = new Map(RULES.map((r) => [r.id, r.title]));

interface Group { key: string; title: string; testId: string; severity?: Severity; items: Finding[] }

function groupFindings(findings: readonly Finding[], by: FindingsGrouping): Group[] {
  if (by === 'severity') {
    return SEVERITIES.map((s) => ({ key: s, title: GROUP_TITLES[s], testId: `findings-${s}`, severity: s, items: findings.filter((f) => f.severity === s) }))
      .filter((g) => g.items.length);
  }
  const groups = new Map<string, Group>();
  for (const f of findings) {
    const key = by === 'rule' ? f.ruleId : `${f.target.type}:${f.target.id}`;
    let g = groups.get(key);
    if (!g) {
      const title = by === 'rule'
        ? `${f.ruleId}${RULE_TITLES.has(f.ruleId) ? ` — ${RULE_TITLES.get(f.ruleId)}` : ''}`
        : f.target.type === 'design' ? `${f.target.name} (the design)` : `${f.target.name}${f.target.type === 'edge' ? ' (connection)' : ''}`;
      g = { key, title, testId: 'findings-group', items: [] };
      groups.set(key, g);
    }
    g.items.push(f);
  }
  // Findings arrive worst first, so a group's first item is its worst; worst groups lead, then by title.
  const rank = (g: Group) => SEVERITIES.indexOf(g.items[0].severity);
  return [...groups.values()].sort((a, b) => rank(a) - rank(b) || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
}

/** The view settings outlive the panel (it unmounts while another dock tab is shown), so a
 *  grouping, filter or search is still there on coming back; a new window starts afresh. */
const remembered: { groupBy: FindingsGrouping; hidden: ReadonlySet<Severity>; query: string } = { groupBy: 'severity', hidden: new Set(), query: '' };
/** Back to severity grouping, everything shown, no search (tests start from here). */
export function resetFindingsView(): void {
  Object.assign(remembered, { groupBy: 'severity', hidden: new Set(), query: '' });
}
function useRemembered<K extends keyof typeof remembered>(key: K): [(typeof remembered)[K], (v: (typeof remembered)[K]) => void] {
  const [value, setValue] = useState(remembered[key]);
  const set = useCallback((v: (typeof remembered)[K]) => {
    remembered[key] = v;
    setValue(v);
  }, [key]);
  return [value, set];
}

/** The "/" shortcut and the dock's Ctrl/Cmd+F: focus the search of the mounted panel, or, while the findings
 *  are not shown, as soon as the panel mounts. */
let searchFocusRequested = false;
let focusMountedSearch: (() => void) | null = null;
export const requestFindingsSearchFocus = () => {
  if (focusMountedSearch) focusMountedSearch();
  else searchFocusRequested = true;
};

/** What the search box matches: rule id, rule title, message and the target's name. */
const haystack = (f: Finding) => `${f.ruleId}\n${RULE_TITLES.get(f.ruleId) ?? ''}\n${f.message}\n${f.target.name}`.toLowerCase();

/** What the analysis says about the design: grouped by severity, rule or resource; filtered by
 *  severity and a search; each finding selects its target, explains itself, and can be suppressed
 *  with a reason (an undoable edit of the design's `suppressions`). */
export const FindingsPanel = memo(function FindingsPanel({ findings, suppressed, counts, onSelect, dispatch, design, setAside = [] }: FindingsPanelProps) {
  const [open, toggle] = useExpanded();
  const [groupBy, setGroupBy] = useRemembered('groupBy');
  const [hidden, setHidden] = useRemembered('hidden');
  const [query, setQuery] = useRemembered('query');
  const [collapsed, toggleCollapsed] = useExpanded();
  const [limits, setLimits] = useState<Readonly<Record<string, number>>>({});
  const [groupsShown, setGroupsShown] = useState(GROUPS_SHOWN);
  const [suppressing, setSuppressing] = useState<Finding | null>(null);
  const search = useRef<HTMLInputElement>(null);
  const searchId = useId();
  const deferredQuery = useDeferredValue(query.trim().toLowerCase());

  const texts = useMemo(() => new Map(findings.map((f) => [f, haystack(f)])), [findings]);
  const visible = useMemo(() => findings.filter((f) => !hidden.has(f.severity) && (!deferredQuery || texts.get(f)!.includes(deferredQuery))), [findings, hidden, deferredQuery, texts]);
  const groups = useMemo(() => groupFindings(visible, groupBy), [visible, groupBy]);
  // Repeated advice of one rule is one row with its list of targets (core/rules/group.ts); grouped
  // by resource, each resource keeps its own rows.
  const entriesOf = useMemo(() => new Map(groups.map((g): [string, FindingEntry[]] => [g.key, groupBy === 'node' ? g.items.map((finding) => ({ finding })) : groupRepeated(g.items)])), [groups, groupBy]);

  // "/" (App's searchFindings shortcut) and Ctrl/Cmd+F in the dock reach the search through
  // requestFindingsSearchFocus; Ctrl/Cmd+F inside the panel works on its own too.
  useEffect(() => {
    const focusSearch = () => {
      search.current?.focus();
      search.current?.select();
    };
    if (searchFocusRequested) focusSearch();
    searchFocusRequested = false;
    focusMountedSearch = focusSearch;
    return () => {
      if (focusMountedSearch === focusSearch) focusMountedSearch = null;
    };
  }, []);
  const onPanelKey = (e: KeyboardEvent) => {
    if (e.key.toLowerCase() === 'f' && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey) {
      e.preventDefault();
      requestFindingsSearchFocus();
    }
  };

  const toggleSeverity = (s: Severity) => {
    const next = new Set(hidden);
    if (!next.delete(s)) next.add(s);
    setHidden(next);
  };
  const unsuppress = useCallback((f: SuppressedFinding) => dispatch?.({ type: 'unsuppress', ruleId: f.ruleId, target: f.target.id }), [dispatch]);
  const onSuppress = dispatch ? setSuppressing : undefined;
  const stale = useMemo(() => (design ? staleSuppressions(design, suppressed) : []), [design, suppressed]);
  const filtered = hidden.size > 0 || deferredQuery !== '';

  return (
    <section className="sd-findings" aria-label="Findings" data-testid="findings-panel" onKeyDown={onPanelKey}>
      <h2 className="sd-panel-title sd-sr-only">Findings</h2>
      <div className="sd-findings-controls">
        <p className="sd-findings-summary" data-testid="findings-summary" role="group" aria-label="Show severities">
          {SEVERITIES.map((s) => (
            <button
              key={s}
              type="button"
              className={`sd-pill sd-pill-${s}${counts[s] ? '' : ' is-zero'}${hidden.has(s) ? ' is-off' : ''}`}
              aria-pressed={!hidden.has(s)}
              title={hidden.has(s) ? `Show ${SEVERITY_WORDS[s].many}` : `Hide ${SEVERITY_WORDS[s].many}`}
              onClick={() => toggleSeverity(s)}
              data-testid={`findings-filter-${s}`}
            >
              {severityCount(s, counts[s])}
            </button>
          ))}
          {suppressed.length > 0 && <span className="sd-muted">· {suppressed.length} suppressed</span>}
        </p>
        <div className="sd-segmented" role="radiogroup" aria-label="Group findings by">
          <span className="sd-muted" aria-hidden="true">Group by</span>
          {GROUPINGS.map((g) => (
            <button key={g.id} type="button" role="radio" aria-checked={groupBy === g.id} className={groupBy === g.id ? 'is-on' : ''} onClick={() => setGroupBy(g.id)} data-testid={`findings-group-by-${g.id}`}>
              {g.label}
            </button>
          ))}
        </div>
        <label className="sd-findings-search" htmlFor={searchId}>
          <span className="sd-sr-only">Search findings</span>
          <input
            ref={search}
            id={searchId}
            type="search"
            placeholder="Search findings  ( / )"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape' && query) {
                e.stopPropagation();
                setQuery('');
              }
            }}
            aria-keyshortcuts="/"
            data-testid="findings-search"
          />
        </label>
      </div>
      {findings.length === 0 && <p className="sd-muted sd-findings-empty">No findings: every check passes for this design.</p>}
      {findings.length > 0 && filtered && (
        <p className="sd-muted sd-findings-shown" data-testid="findings-shown" aria-live="polite">
          Showing {visible.length} of {findings.length} finding{findings.length === 1 ? '' : 's'}
          {visible.length === 0 && ' — nothing matches the search and severity filter'}
          {' '}<button type="button" className="sd-link-button" onClick={() => { setQuery(''); setHidden(new Set()); }} data-testid="findings-clear-filter">Clear filter</button>
        </p>
      )}
      {groups.slice(0, groupsShown).map((g) => {
        const isCollapsed = collapsed.has(`${groupBy}:${g.key}`);
        const limit = limits[`${groupBy}:${g.key}`] ?? ROWS_PER_GROUP;
        const entries = entriesOf.get(g.key) ?? [];
        const rest = entries.length - limit;
        return (
          <section key={g.key} className="sd-finding-group" aria-label={g.severity ? GROUP_TITLES[g.severity] : g.title} data-testid={g.testId} data-group={g.key}>
            <h3 className={`sd-finding-group-title${g.severity ? ` is-${g.severity}` : ''}`}>
              <button type="button" className="sd-group-toggle" aria-expanded={!isCollapsed} onClick={() => toggleCollapsed(`${groupBy}:${g.key}`)} data-testid="findings-group-toggle">
                <span aria-hidden="true" className="sd-group-caret">▸</span>
                {!g.severity && <SeverityIcon severity={g.items[0].severity} />}
                <span className="sd-group-title">{g.title}</span>
                <span className="sd-count">{g.items.length}</span>
              </button>
            </h3>
            {!isCollapsed && (
              <ul>
                {entries.slice(0, limit).map((e, i) => (e.group
                  ? <GroupRow key={`group ${e.group.ruleId} ${e.group.severity}`} group={e.group} expanded={open.has(groupKey(e.group))} onToggle={toggle} onSelect={onSelect} onSuppress={onSuppress} />
                  : <FindingRow key={`${findingKey(e.finding)} ${i}`} finding={e.finding} expanded={open.has(findingKey(e.finding))} onToggle={toggle} onSelect={onSelect} onSuppress={onSuppress} />
                ))}
              </ul>
            )}
            {!isCollapsed && rest > 0 && (
              <button type="button" className="sd-link-button sd-findings-more" onClick={() => setLimits((l) => ({ ...l, [`${groupBy}:${g.key}`]: limit + 200 }))} data-testid="findings-more">
                Show {Math.min(rest, 200)} more of {rest}
              </button>
            )}
          </section>
        );
      })}
      {groups.length > groupsShown && (
        <button type="button" className="sd-link-button sd-findings-more" onClick={() => setGroupsShown((n) => n + 100)} data-testid="findings-more-groups">
          Show {Math.min(groups.length - groupsShown, 100)} more groups of {groups.length - groupsShown}
        </button>
      )}
      {setAside.length > 0 && (
        <section className="sd-set-aside" aria-label="Set aside, not analysed" data-testid="findings-set-aside">
          <h3 className="sd-finding-group-title">Set aside, not analysed <span className="sd-count">{setAside.length}</span></h3>
          <p className="sd-muted">AWS refuses these connections, so no check, retry path, network path or cost includes them. Each is reported once: by the finding named, or in Problems.</p>
          <ul>
            {setAside.map((s) => (
              <li key={s.edge} data-testid="set-aside-item" data-target={s.edge}>
                <button type="button" className="sd-finding-main" onClick={() => onSelect({ id: s.edge, name: s.name, type: 'edge' })} title={`Select ${s.name}`}>
                  <span className="sd-finding-text"><strong>{s.name}</strong> — {s.reason}{s.reportedBy ? ` (reported by ${s.reportedBy})` : ''}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {suppressed.length + stale.length > 0 && (
        <details className="sd-suppressed" data-testid="findings-suppressed">
          <summary>Suppressed <span className="sd-count">{suppressed.length + stale.length}</span></summary>
          <ul>
            {suppressed.map((f, i) => (
              <li key={`${findingKey(f)} ${i}`} className="sd-finding-suppressed" data-testid="suppressed-item" data-rule={f.ruleId}>
                <div className="sd-suppressed-row">
                  <span><span className="sd-rule-id sd-mono">{f.ruleId}</span> <strong>{f.target.name}</strong>: {f.message}</span>
                  {dispatch && (
                    <button type="button" className="sd-button sd-small" onClick={() => unsuppress(f)} aria-label={`Unsuppress ${f.ruleId} on ${f.target.name}`} data-testid="finding-unsuppress">
                      Unsuppress
                    </button>
                  )}
                </div>
                <div className="sd-muted">Suppressed because: {f.reason}</div>
              </li>
            ))}
            {stale.map((x) => (
              <li key={`stale ${x.ruleId} ${x.target}`} className="sd-finding-suppressed" data-testid="suppressed-stale" data-rule={x.ruleId}>
                <div className="sd-suppressed-row">
                  <span><span className="sd-rule-id sd-mono">{x.ruleId}</span> <strong>{x.name}</strong>: no finding to suppress now — the check passes</span>
                  {dispatch && (
                    <button type="button" className="sd-button sd-small" onClick={() => dispatch({ type: 'unsuppress', ruleId: x.ruleId, target: x.target })} aria-label={`Remove the suppression of ${x.ruleId} on ${x.name}`} data-testid="finding-unsuppress">
                      Unsuppress
                    </button>
                  )}
                </div>
                <div className="sd-muted">Suppressed because: {x.reason}</div>
              </li>
            ))}
          </ul>
        </details>
      )}
      {suppressing && dispatch && <SuppressDialog finding={suppressing} dispatch={dispatch} onClose={() => setSuppressing(null)} />}
    </section>
  );
});

const groupKey = (g: FindingGroup) => `group ${g.ruleId} ${g.severity}`;

/** One row for an info rule's repeated findings: selecting it selects the first target and
 *  highlights the others; "Targets" lists each with its own message (selectable, suppressible). */
const GroupRow = memo(function GroupRow({ group: g, expanded, onToggle, onSelect, onSuppress }: {
  group: FindingGroup; expanded: boolean; onToggle(key: string): void; onSelect(target: FindingTarget, related?: readonly FindingTarget[]): void; onSuppress?(f: Finding): void;
}) {
  const detailsId = useId();
  const first = g.findings[0];
  return (
    <li className={`sd-finding is-${g.severity} sd-finding-grouped`} data-testid="finding-group-item" data-rule={g.ruleId} data-count={g.findings.length}>
      <div className="sd-finding-row">
        <button type="button" className="sd-finding-main" onClick={() => onSelect(g.targets[0], g.targets.slice(1))} title="Select the first and highlight the others on the canvas">
          <SeverityIcon severity={g.severity} />
          <span className="sd-rule-id sd-mono">{g.ruleId}</span>
          <span className="sd-finding-text"><strong>{g.summary}</strong> — {RULE_TITLES.get(g.ruleId) ?? g.ruleId}: the same advice for each</span>
        </button>
        <button
          type="button"
          className={`sd-disclosure${expanded ? ' is-open' : ''}`}
          aria-expanded={expanded}
          aria-controls={detailsId}
          aria-label={`Targets, why and how to fix: ${g.ruleId} on ${g.findings.length} resources`}
          onClick={() => onToggle(groupKey(g))}
          data-testid="finding-group-toggle"
        >
          <span aria-hidden="true">▸</span> {g.findings.length} targets
        </button>
      </div>
      {expanded && (
        <div className="sd-finding-details" id={detailsId} data-testid="finding-details">
          <ul className="sd-group-members" aria-label={`${g.ruleId} targets`}>
            {g.findings.map((f, i) => (
              <li key={`${findingKey(f)} ${i}`} data-testid="finding-group-member" data-target={f.target.id}>
                <button type="button" className="sd-link-button" onClick={() => onSelect(f.target)} title={`Select ${f.target.name}`}><strong>{f.target.name}</strong></button>: {f.message}
                {onSuppress && isSuppressible(f.ruleId) && (
                  <button type="button" className="sd-disclosure sd-suppress" onClick={() => onSuppress(f)} aria-label={`Suppress ${f.ruleId} on ${f.target.name}…`} data-testid="finding-suppress">Suppress…</button>
                )}
              </li>
            ))}
          </ul>
          <p><strong>Why it matters.</strong> {g.why}</p>
          <p><strong>Fix.</strong> {first.fix}{g.findings.length > 1 ? ' (and alike for the others)' : ''}</p>
          <p><ExternalLink href={g.docsUrl} testId="finding-docs">AWS documentation for {g.ruleId}</ExternalLink></p>
        </div>
      )}
    </li>
  );
});

const FindingRow = memo(function FindingRow({ finding: f, expanded, onToggle, onSelect, onSuppress }: {
  finding: Finding; expanded: boolean; onToggle(key: string): void; onSelect(target: FindingTarget, related?: readonly FindingTarget[]): void; onSuppress?(f: Finding): void;
}) {
  const detailsId = useId();
  const what = f.target.type === 'design' ? 'the design settings' : f.target.name;
  return (
    <li className={`sd-finding is-${f.severity}`} data-testid="finding-item" data-rule={f.ruleId} data-target={f.target.id}>
      <div className="sd-finding-row">
        <button type="button" className="sd-finding-main" onClick={() => (f.related?.length ? onSelect(f.target, f.related) : onSelect(f.target))} title={`Select ${what}${f.related?.length ? ' and highlight what it relates to' : ''}`}>
          <SeverityIcon severity={f.severity} />
          <span className="sd-rule-id sd-mono">{f.ruleId}</span>
          <span className="sd-finding-text"><strong>{f.target.name}</strong> — {f.message}
            {f.related?.length ? <span className="sd-finding-also sd-muted" data-testid="finding-related"> Also: {f.related.map((r) => r.name).join(', ')}</span> : null}
          </span>
        </button>
        {onSuppress && isSuppressible(f.ruleId) && (
          <button type="button" className="sd-disclosure sd-suppress" onClick={() => onSuppress(f)} aria-label={`Suppress ${f.ruleId} on ${f.target.name}…`} data-testid="finding-suppress">
            Suppress…
          </button>
        )}
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
});
