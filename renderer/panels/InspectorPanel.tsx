import { useEffect, useId, useMemo, useState } from 'react';
import { describeEdge, type Command } from '../../core/commands';
import { indexDesign } from '../../core/graph';
import type { Design, DesignEdge, DesignNode } from '../../core/model/design';
import { EDGE_KINDS } from '../../core/model/edges';
import { kindLabel, nodeKindSpec } from '../../core/model/kinds';
import { formatProblem, type PathPart, type Problem } from '../../core/model/problems';
import { PARENT_KINDS } from '../../core/model/references';
import { KindBadge } from '../canvas/nodeTypes';
import { fieldsOf, refChoices } from '../schemaFields';
import type { AnalysisView } from '../useAnalysis';
import { FunctionPaths, ItemFindings, ReachabilityView, RetryHopView } from './PathDetails';
import { SchemaForm } from './SchemaForm';
import { SecurityGroupRules } from './SecurityGroupRules';
import { UsageFields, type UsageFocus } from './UsageFields';

interface InspectorProps {
  design: Design;
  nodeId?: string;
  edgeId?: string;
  selectionSize: number;
  problems: readonly Problem[];
  dispatch(command: Command): { refused?: string };
  onDelete(): void;
  /** The live analysis: findings, retry behaviour and network paths of what is selected. */
  analysis?: AnalysisView;
  /** Selects another item (a function's access edge from its network list). */
  onSelectEdge?(id: string): void;
  /** Puts the cursor in a usage field of the selected node ("Enter …" in the Cost panel). */
  usageFocus?: UsageFocus;
  /** Opens the Usage tab of the dock. */
  onOpenUsagePanel?(): void;
}

/** Shows and edits what is selected; with nothing selected, the design itself. */
export function Inspector({ design, nodeId, edgeId, selectionSize, problems, dispatch, onDelete, analysis, onSelectEdge, usageFocus, onOpenUsagePanel }: InspectorProps) {
  const node = nodeId ? design.nodes.find((n) => n.id === nodeId) : undefined;
  const edge = !node && edgeId ? design.edges.find((e) => e.id === edgeId) : undefined;
  return (
    <aside className="sd-inspector" aria-label="Inspector" data-testid="inspector">
      <h2 className="sd-panel-title">Inspector</h2>
      {selectionSize > 1 && <p className="sd-muted">{selectionSize} items selected. Showing the first.</p>}
      {node ? <NodeInspector key={node.id} design={design} node={node} problems={problems} dispatch={dispatch} onDelete={onDelete} analysis={analysis} onSelectEdge={onSelectEdge} usageFocus={usageFocus} onOpenUsagePanel={onOpenUsagePanel} />
        : edge ? <EdgeInspector key={edge.id} design={design} edge={edge} problems={problems} dispatch={dispatch} onDelete={onDelete} analysis={analysis} onOpenUsagePanel={onOpenUsagePanel} />
          : <DesignSummary design={design} dispatch={dispatch} analysis={analysis} />}
    </aside>
  );
}

/** Regions offered first (prices ship for the first three); any valid region can be typed. */
const SUGGESTED_REGIONS = ['us-east-1', 'eu-west-1', 'ap-northeast-1', 'us-east-2', 'us-west-2', 'eu-central-1', 'ap-southeast-2'];

function DesignSummary({ design, dispatch, analysis }: { design: Design; dispatch: InspectorProps['dispatch']; analysis?: AnalysisView }) {
  const regions = useId();
  return (
    <div className="sd-inspector-body">
      <ItemFindings findings={analysis?.byTarget.get('*')} dispatch={dispatch} />
      <TextSetting label="Design name" value={design.name} testId="design-name" onCommit={(name) => !dispatch({ type: 'setDesign', name }).refused} />
      <TextSetting label="Region" value={design.region} testId="design-region" list={regions} onCommit={(region) => !dispatch({ type: 'setDesign', region }).refused} />
      <datalist id={regions}>{SUGGESTED_REGIONS.map((r) => <option key={r} value={r} />)}</datalist>
      <p className="sd-muted">{design.nodes.length} resources · {design.edges.length} connections</p>
      <p className="sd-help">Drag resources from the left onto the canvas (or click one to add it). Join a node&apos;s right handle to another&apos;s left handle to connect them; select anything to edit it here.</p>
    </div>
  );
}

function NodeProblems({ problems }: { problems: readonly Problem[] }) {
  if (!problems.length) return null;
  return (
    <ul className="sd-inspector-problems" aria-label="Problems with this item">
      {problems.map((p, i) => <li key={i}>{formatProblem({ ...p, target: undefined })}</li>)}
    </ul>
  );
}

type ItemProps = Pick<InspectorProps, 'design' | 'problems' | 'dispatch' | 'onDelete' | 'analysis'>;

function NodeInspector({ design, node, problems, dispatch, onDelete, analysis, onSelectEdge, usageFocus, onOpenUsagePanel }: ItemProps & { node: DesignNode; onSelectEdge?(id: string): void; usageFocus?: UsageFocus; onOpenUsagePanel?(): void }) {
  const spec = nodeKindSpec(node.kind);
  // A security group's ingress/egress are drawn by SecurityGroupRules (tables, peers by name), not as JSON.
  const fields = useMemo(() => (spec ? fieldsOf(spec.props) : []).filter((f) => spec?.kind !== 'securityGroup' || (f.key !== 'ingress' && f.key !== 'egress')), [spec]);
  const refs = useMemo(() => refChoices(design.nodes, node), [design.nodes, node]);
  const mine = problems.filter((p) => p.target?.type === 'node' && p.target.id === node.id);
  const containers = design.nodes.filter((n) => (PARENT_KINDS[node.kind] ?? []).includes(n.kind) && n.id !== node.id);
  const parentId = useId();
  const onCommit = (path: PathPart[], value: unknown) => !dispatch({ type: 'setProp', nodeId: node.id, path, value }).refused;
  return (
    <div className="sd-inspector-body">
      <div className="sd-inspector-head">
        <KindBadge kind={node.kind} size={30} />
        <div>
          <div className="sd-inspector-kind">{kindLabel(node.kind)}</div>
          <div className="sd-muted sd-mono">{node.id}</div>
        </div>
      </div>
      <TextSetting label="Name" value={node.name} testId="inspector-name" onCommit={(name) => !dispatch({ type: 'rename', nodeId: node.id, name }).refused} />
      {PARENT_KINDS[node.kind]?.length ? (
        <div className="sd-field">
          <label htmlFor={parentId}>Inside</label>
          <select id={parentId} value={node.parent ?? ''} onChange={(e) => dispatch({ type: 'setParent', nodeId: node.id, parent: e.target.value || null })} data-testid="inspector-parent">
            <option value="">— not placed —</option>
            {containers.map((c) => <option key={c.id} value={c.id}>{kindLabel(c.kind)}: {c.name}</option>)}
          </select>
        </div>
      ) : null}
      <NodeProblems problems={mine} />
      <ItemFindings findings={analysis?.byTarget.get(node.id)} dispatch={dispatch} />
      {analysis && node.kind === 'lambda' && (
        <FunctionPaths
          hops={[...analysis.hopByEdge.values()].filter((h) => h.function.id === node.id)}
          reach={[...analysis.reachByEdge.values()].filter((r) => r.from.id === node.id)}
          onSelectEdge={(id) => onSelectEdge?.(id)}
        />
      )}
      <UsageFields design={design} node={node} dispatch={dispatch} focus={usageFocus} onOpenUsagePanel={onOpenUsagePanel} />
      <SchemaForm fields={fields} value={node.props as Record<string, unknown>} onCommit={onCommit} refs={refs} />
      {node.kind === 'securityGroup' && <SecurityGroupRules design={design} group={node} dispatch={dispatch} />}
      <button type="button" className="sd-button sd-danger" onClick={onDelete}>Delete {kindLabel(node.kind)}</button>
    </div>
  );
}

function EdgeInspector({ design, edge, problems, dispatch, onDelete, analysis, onOpenUsagePanel }: ItemProps & { edge: DesignEdge; onOpenUsagePanel?(): void }) {
  const fields = useMemo(() => fieldsOf(EDGE_KINDS[edge.kind].props), [edge.kind]);
  const from = design.nodes.find((n) => n.id === edge.from);
  const to = design.nodes.find((n) => n.id === edge.to);
  const mine = problems.filter((p) => p.target?.type === 'edge' && p.target.id === edge.id);
  const hop = analysis?.hopByEdge.get(edge.id);
  const reach = analysis?.reachByEdge.get(edge.id);
  // An edge AWS refuses is set aside: no retry path, network path or cost includes it (issue 14).
  const aside = analysis?.analysis.setAside.find((s) => s.edge === edge.id);
  return (
    <div className="sd-inspector-body">
      <div className="sd-inspector-head">
        <div>
          <div className="sd-inspector-kind">{describeEdge(indexDesign(design), edge)}</div>
          <div className="sd-inspector-name">{from?.name ?? edge.from} → {to?.name ?? edge.to}</div>
        </div>
      </div>
      <NodeProblems problems={mine} />
      <ItemFindings findings={analysis?.byTarget.get(edge.id)} dispatch={dispatch} />
      {aside && <p className="sd-muted" data-testid="inspector-set-aside">Not analysed: AWS refuses this connection{aside.belongsTo ? ' (it belongs to one AWS refuses)' : ''}, so no check, retry path, network path or cost includes it. Change or delete it.</p>}
      {hop && <RetryHopView hop={hop} />}
      {reach && <ReachabilityView reach={reach} />}
      <UsageFields design={design} edge={edge} dispatch={dispatch} onOpenUsagePanel={onOpenUsagePanel} />
      <SchemaForm fields={fields} value={edge.props as Record<string, unknown>} onCommit={(path, value) => !dispatch({ type: 'setEdgeProp', edgeId: edge.id, path, value }).refused} />
      <button type="button" className="sd-button sd-danger" onClick={onDelete}>Delete connection</button>
    </div>
  );
}

/** A one-line text setting that commits on Enter or blur, and shows the stored value again when refused. */
function TextSetting({ label, value, testId, list, onCommit }: { label: string; value: string; testId: string; list?: string; onCommit(value: string): boolean }) {
  const id = useId();
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const commit = () => {
    if (text !== value && !onCommit(text)) setText(value);
  };
  return (
    <div className="sd-field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="text" value={text} list={list} onChange={(e) => setText(e.target.value)} onBlur={commit} onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()} data-testid={testId} />
    </div>
  );
}
