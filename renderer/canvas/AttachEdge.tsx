import { BaseEdge, useInternalNode, type EdgeProps, type InternalNode } from '@xyflow/react';
import { memo } from 'react';

interface Rect { x: number; y: number; width: number; height: number }

const rectOf = (node: InternalNode): Rect => ({
  ...node.internals.positionAbsolute,
  width: node.measured.width ?? node.width ?? 0,
  height: node.measured.height ?? node.height ?? 0,
});

/** Where the segment from the middle of `r` towards `to` leaves `r`. */
function exitPoint(r: Rect, to: { x: number; y: number }): { x: number; y: number } {
  const cx = r.x + r.width / 2;
  const cy = r.y + r.height / 2;
  const dx = to.x - cx;
  const dy = to.y - cy;
  if (!dx && !dy) return { x: cx, y: cy };
  const scale = Math.min(dx ? r.width / 2 / Math.abs(dx) : Infinity, dy ? r.height / 2 / Math.abs(dy) : Infinity, 1);
  return { x: cx + dx * scale, y: cy + dy * scale };
}

/** The nearest point of `r`'s border to `p` (p outside), or the point straight above/below/beside
 *  when p is inside (a card drawn over its subnet). */
function nearestOnBorder(r: Rect, p: { x: number; y: number }): { x: number; y: number } {
  const x = Math.min(Math.max(p.x, r.x), r.x + r.width);
  const y = Math.min(Math.max(p.y, r.y), r.y + r.height);
  if (x !== p.x || y !== p.y) return { x, y };
  const d = [p.y - r.y, r.y + r.height - p.y, p.x - r.x, r.x + r.width - p.x];
  const i = d.indexOf(Math.min(...d));
  return i === 0 ? { x, y: r.y } : i === 1 ? { x, y: r.y + r.height } : i === 2 ? { x: r.x, y } : { x: r.x + r.width, y };
}

/** A resource's attachment to one of its subnets (it is drawn in the VPC, being in several): a thin
 *  dashed line from the card to the subnet box's nearest border, no arrow. Not a design connection. */
export const AttachEdge = memo(function AttachEdge({ id, source, target }: EdgeProps) {
  const from = useInternalNode(source);
  const to = useInternalNode(target);
  if (!from || !to) return null;
  const card = rectOf(from);
  const box = rectOf(to);
  const centre = { x: card.x + card.width / 2, y: card.y + card.height / 2 };
  const end = nearestOnBorder(box, centre);
  const start = exitPoint(card, end);
  return <BaseEdge id={id} path={`M ${start.x},${start.y} L ${end.x},${end.y}`} className="sd-attach-line" />;
});
