import { Handle, Position, type NodeProps, type NodeTypes } from '@xyflow/react';
import { memo } from 'react';
import { kindBadge, kindColor } from '../kindStyle';
import type { IssueMark } from '../useAnalysis';
import type { ResourceFlowNode, ResourceNodeData } from './toFlow';

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

/** A resource box: badge, name, kind and one detail line; inputs on the left, outputs on the right
 *  (AWS Infrastructure Composer's port convention). */
const ResourceNode = memo(function ResourceNode({ data, selected }: NodeProps<ResourceFlowNode>) {
  const { node } = data;
  return (
    <div className={`sd-node${selected ? ' is-selected' : ''}`} style={{ borderLeftColor: kindColor(node.kind) }} data-testid={`node-${node.id}`} data-kind={node.kind}>
      <Handle type="target" position={Position.Left} className="sd-handle" data-testid={`handle-in-${node.id}`} />
      <KindBadge kind={node.kind} size={28} />
      <div className="sd-node-text">
        <div className="sd-node-name" title={node.name}>{node.name}</div>
        <div className="sd-node-kind" title={data.detail || data.kindLabel}>{data.detail || data.kindLabel}</div>
      </div>
      <IssueMarker mark={data.mark} />
      <CostTag cost={data.cost} />
      <Handle type="source" position={Position.Right} className="sd-handle" data-testid={`handle-out-${node.id}`} />
    </div>
  );
});

/** A VPC or subnet drawn as a container around what it holds. Network placement is set by
 *  containment and in the inspector, so containers have no connection handles. */
const ContainerNode = memo(function ContainerNode({ data, selected }: NodeProps<ResourceFlowNode>) {
  const { node } = data;
  return (
    <div className={`sd-container sd-container-${node.kind}${selected ? ' is-selected' : ''}`} data-testid={`node-${node.id}`} data-kind={node.kind}>
      <div className="sd-container-title">
        <KindBadge kind={node.kind} size={22} />
        <span className="sd-container-name">{node.name}</span>
        <span className="sd-container-detail">{data.detail}</span>
        <IssueMarker mark={data.mark} />
      </div>
    </div>
  );
});

/** Declared once at module scope: React Flow re-mounts every node when this object changes. */
export const nodeTypes: NodeTypes = { resource: ResourceNode, container: ContainerNode };
