import type { Design } from '../../core/model/design';
import { absolutePositions, CONTAINER_KINDS, containerSizes, placementOf, RESOURCE_SIZE } from '../../core/model/placement';

export interface PreviewBox { id: string; kind: string; container: boolean; x: number; y: number; width: number; height: number }
export interface PreviewLine { id: string; kind: string; x1: number; y1: number; x2: number; y2: number }
export interface Preview { viewBox: string; boxes: PreviewBox[]; lines: PreviewLine[] }

const MARGIN = 40;

/** A thumbnail of a design drawn from its model: every node at its absolute canvas position (the
 *  sum along its draw parents, as the canvas places it), containers at the size the canvas gives
 *  them, and a straight line per edge between the boxes' centres. Containers come first, so
 *  resources are drawn over them. */
export function templatePreview(design: Design): Preview {
  const placement = placementOf(design);
  const at = absolutePositions(design, placement);
  const sizes = containerSizes(design, placement);
  const boxes: PreviewBox[] = design.nodes.map((n) => {
    const p = at.get(n.id) ?? { x: 0, y: 0 };
    const container = CONTAINER_KINDS.includes(n.kind);
    const size = (container ? sizes.get(n.id) : undefined) ?? RESOURCE_SIZE;
    return { id: n.id, kind: n.kind, container, x: p.x, y: p.y, width: size.width, height: size.height };
  });
  boxes.sort((a, b) => Number(b.container) - Number(a.container));
  const byId = new Map(boxes.map((b) => [b.id, b]));
  const centre = (b: PreviewBox) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });
  const lines: PreviewLine[] = [];
  for (const e of design.edges) {
    const from = byId.get(e.from);
    const to = byId.get(e.to);
    if (!from || !to) continue;
    const a = centre(from);
    const b = centre(to);
    lines.push({ id: e.id, kind: e.kind, x1: a.x, y1: a.y, x2: b.x, y2: b.y });
  }
  if (!boxes.length) return { viewBox: '0 0 400 200', boxes, lines };
  const minX = Math.min(...boxes.map((b) => b.x)) - MARGIN;
  const minY = Math.min(...boxes.map((b) => b.y)) - MARGIN;
  const maxX = Math.max(...boxes.map((b) => b.x + b.width)) + MARGIN;
  const maxY = Math.max(...boxes.map((b) => b.y + b.height)) + MARGIN;
  return { viewBox: `${minX} ${minY} ${maxX - minX} ${maxY - minY}`, boxes, lines };
}
