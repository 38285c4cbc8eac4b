import { Handle, NodeResizer, Position, useStore, type NodeProps, type NodeTypes, type ReactFlowState } from '@xyflow/react';
import { NoteNode } from './NoteNode';
import { memo, useCallback, useContext } from 'react';
import { CONTAINER_MIN } from '../../core/model/placement';
import { kindBadge, kindColor } from '../kindStyle';
import type { IssueMark } from '../useAnalysis';
import { useCanvasActions } from './canvasActions';
import { FarContext, OVERVIEW_BELOW_ZOOM } from './ReadableText';
import type { ResourceFlowNode, ResourceNodeData } from './toFlow';
import '../styles/containment.css';

export function KindBadge({ kind, size = 32 }: { kind: string; size?: number }) {
  const text = kindBadge(kind);
  const fontSize = text.length > 2 ? size * 0.31 : size * 0.46;
  return (
    <svg className="sd-badge" width={size} height={size} viewBox={`0 0 ${size} ${size}`} aria-hidden="true">
      <rect width={size} height={size} rx={size * 0.2} fill={kindColor(kind)} />
      <text x="50%" y="52%" dominantBaseline="middle" textAnchor="middle" fill="#fff" fontSize={fontSize} fontWeight={700} fontFamily="system-ui, sans-serif">
        {text}
      </text>
    </svg>
  );
}

function IssueMarker({ mark }: { mark?: IssueMark }) {
  if (!mark) return null;
  return (
    <span className={`sd-node-mark sd-mark-${mark.severity}`} title={mark.title} aria-label={`${mark.severity === 'error' ? 'Errors' : 'Warnings'}: ${mark.title}`} data-testid="node-mark" data-severity={mark.severity}>
      {mark.severity === 'error' ? '✕' : '!'}{mark.count > 1 ? mark.count : ''}
    </span>
  );
}

/** The node's monthly cost ("$" badges): the amount, "?" when usage is missing, "—" when unpriced. */
function CostTag({ cost }: { cost?: ResourceNodeData['cost'] }) {
  if (!cost) return null;
  return <span className={`sd-node-cost is-${cost.tone}`} title={cost.title} aria-label={cost.title} data-testid="node-cost">{cost.text}</span>;
}

const selectOverview = (s: ReactFlowState) => s.transform[2] < OVERVIEW_BELOW_ZOOM;

/** The card's security groups (at most two named, one in the zoomed-out overview where chips are
 *  larger, then "+N"); a chip selects its group. */
function SecurityGroupChips({ groups }: { groups?: ResourceNodeData['securityGroups'] }) {
  const { selectNode } = useCanvasActions();
  const overview = useStore(selectOverview);
  if (!groups?.length) return null;
  const named = overview ? 1 : 2;
  const shown = groups.slice(0, named);
  const more = groups.slice(named);
  return (
    <div className="sd-sg-chips" data-testid="sg-chips">
      {shown.map((g) => (
        <button
          key={g.id}
          type="button"
          className="sd-sg-chip nodrag"
          title={`Security group ${g.name}: select it`}
          aria-label={`Select security group ${g.name}`}
          data-testid={`sg-chip-${g.id}`}
          onClick={(e) => {
            e.stopPropagation();
            selectNode(g.id);
          }}
          onMouseDown={(e) => e.stopPropagation()}
        >
          {g.name}
        </button>
      ))}
      {more.length > 0 && <span className="sd-sg-more" title={more.map((g) => g.name).join(', ')} data-testid="sg-chip-more">+{more.length}</span>}
    </div>
  );
}

/** A resource box: badge, name, kind and one detail line; inputs on the left, outputs on the right
 *  (AWS Infrastructure Composer's port convention). */
const ResourceNode = memo(function ResourceNode({ data, selected }: NodeProps<ResourceFlowNode>) {
  const { node } = data;
  const far = useContext(FarContext);
  if (far) return <FarResourceNode data={data} selected={selected} />;
  return (
    <div
      className={`sd-node${selected ? ' is-selected' : ''}${data.securityGroups?.length ? ' has-sg-chips' : ''}${data.usesSelectedGroup ? ' uses-selected-sg' : ''}`}
      style={{ borderLeftColor: kindColor(node.kind) }}
      data-testid={`node-${node.id}`}
      data-kind={node.kind}
      {...(data.usesSelectedGroup ? { 'data-uses-selected-sg': 'true' } : {})}
    >
      <Handle type="target" position={Position.Left} className="sd-handle" data-testid={`handle-in-${node.id}`} />
      <KindBadge kind={node.kind} size={28} />
      <div className="sd-node-text">
        <div className="sd-node-name" title={node.name}>{node.name}</div>
        <div className="sd-node-kind" title={data.detail || data.kindLabel}>{data.detail || data.kindLabel}</div>
      </div>
      <IssueMarker mark={data.mark} />
      <CostTag cost={data.cost} />
      <SecurityGroupChips groups={data.securityGroups} />
      <Handle type="source" position={Position.Right} className="sd-handle" data-testid={`handle-out-${node.id}`} />
    </div>
  );
});

/** A card in the far look (ReadableText.tsx: zoomed out past where names can be read): a block in
 *  its kind's colour, ringed by its worst finding's; the same size and handles as the card, so edges,
 *  layout and routing are unchanged. Its tooltip names it. */
function FarResourceNode({ data, selected }: { data: ResourceNodeData; selected?: boolean }) {
  const { node, mark } = data;
  const title = `${node.name} · ${data.detail || data.kindLabel}${mark ? ` · ${mark.title}` : ''}`;
  return (
    <div
      className={`sd-node sd-node-far${selected ? ' is-selected' : ''}${mark ? ` sd-far-${mark.severity}` : ''}${data.usesSelectedGroup ? ' uses-selected-sg' : ''}`}
      style={{ background: kindColor(node.kind), borderLeftColor: kindColor(node.kind) }}
      title={title}
      data-testid={`node-${node.id}`}
      data-kind={node.kind}
      data-far="true"
      {...(mark ? { 'data-severity': mark.severity } : {})}
    >
      <Handle type="target" position={Position.Left} className="sd-handle" data-testid={`handle-in-${node.id}`} />
      <Handle type="source" position={Position.Right} className="sd-handle" data-testid={`handle-out-${node.id}`} />
    </div>
  );
}

/** A VPC or subnet drawn as a container around what it holds. Network placement is set by
 *  containment and in the inspector, so containers have no connection handles: only a hidden one
 *  that attachment lines end on. Selected, it has resize handles (never smaller than its contents). */
const ContainerNode = memo(function ContainerNode({ id, data, selected }: NodeProps<ResourceFlowNode>) {
  const { node } = data;
  const { canResize } = useCanvasActions();
  const shouldResize = useCallback((_: unknown, next: { x: number; y: number; width: number; height: number }) => canResize(id, next), [canResize, id]);
  return (
    <div className={`sd-container sd-container-${node.kind}${selected ? ' is-selected' : ''}`} data-testid={`node-${node.id}`} data-kind={node.kind}>
      <NodeResizer
        isVisible={!!selected}
        minWidth={CONTAINER_MIN.width}
        minHeight={CONTAINER_MIN.height}
        shouldResize={shouldResize}
        handleClassName="sd-resize-handle"
        lineClassName="sd-resize-line"
      />
      <Handle type="target" id="attach" position={Position.Top} className="sd-attach-handle" isConnectable={false} />
      <div className="sd-container-title">
        <KindBadge kind={node.kind} size={22} />
        <span className="sd-container-name" title={data.detail ? `${node.name} · ${data.detail}` : node.name}>{node.name}</span>
        <span className="sd-container-detail">{data.detail}</span>
        <IssueMarker mark={data.mark} />
      </div>
    </div>
  );
});

/** Declared once at module scope: React Flow re-mounts every node when this object changes. */
export const nodeTypes: NodeTypes = { resource: ResourceNode, container: ContainerNode, note: NoteNode };
