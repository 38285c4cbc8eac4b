import type { Design } from '../model/design';
import { absolutePositions, containerSizes, placementOf, RESOURCE_SIZE } from '../model/placement';
import type { Command } from './commands';
import { isNoteId, NOTE_SIZE } from './notes';

/** Align and distribute: diagram-tool arrangement of selected nodes and sticky notes. Only nodes drawn
 *  in the same container can be arranged together (their positions share one origin); a note lies on
 *  the canvas (absolute position) and is arranged with them in that container's coordinates. The
 *  result is one `move` command, so one undo step. */
export type AlignMode = 'left' | 'centre' | 'right' | 'top' | 'middle' | 'bottom';
export type DistributeMode = 'horizontal' | 'vertical';
export type ArrangeMode = AlignMode | DistributeMode;

export const ALIGN_MODES: readonly AlignMode[] = ['left', 'centre', 'right', 'top', 'middle', 'bottom'];
export const DISTRIBUTE_MODES: readonly DistributeMode[] = ['horizontal', 'vertical'];

export const ARRANGE_LABELS: Record<ArrangeMode, string> = {
  left: 'Align left', centre: 'Align centre', right: 'Align right',
  top: 'Align top', middle: 'Align middle', bottom: 'Align bottom',
  horizontal: 'Distribute horizontally', vertical: 'Distribute vertically',
};

interface Box { id: string; x: number; y: number; width: number; height: number }

const isNodeId = (design: Design, id: string) => design.nodes.some((n) => n.id === id);

/** Why the nodes cannot be arranged that way, or undefined when they can. */
export function arrangeRefusal(design: Design, ids: readonly string[], mode: ArrangeMode): string | undefined {
  const items = [...new Set(ids)].filter((id) => isNodeId(design, id) || isNoteId(design, id));
  const need = (DISTRIBUTE_MODES as readonly string[]).includes(mode) ? 3 : 2;
  if (items.length < need) return `Select ${need} or more resources or notes to ${need === 3 ? 'distribute' : 'align'} them.`;
  const placement = placementOf(design);
  const parents = new Set(items.filter((id) => isNodeId(design, id)).map((id) => placement.get(id)?.drawParent ?? ''));
  if (parents.size > 1) return 'The selected resources are in different containers: select resources drawn in the same VPC, subnet or on the canvas.';
  return undefined;
}

/** The move that arranges the nodes; `refused` when it cannot (see arrangeRefusal). Node sizes:
 *  `sizes` (as measured on screen) when given, else containers' computed sizes and the standard card. */
export function arrangeCommand(
  design: Design,
  ids: readonly string[],
  mode: ArrangeMode,
  sizes: ReadonlyMap<string, { width: number; height: number }> = new Map(),
): { command: Command } | { refused: string } {
  const refused = arrangeRefusal(design, ids, mode);
  if (refused) return { refused };
  const computed = containerSizes(design);
  const unique = [...new Set(ids)];
  const nodeIds = unique.filter((id) => isNodeId(design, id));
  const noteIds = unique.filter((id) => !isNodeId(design, id) && isNoteId(design, id));
  // Notes are placed on the canvas: arranged in the coordinates of the container the nodes share.
  const container = nodeIds.length ? placementOf(design).get(nodeIds[0])?.drawParent : undefined;
  const origin = (container !== undefined && noteIds.length ? absolutePositions(design).get(container) : undefined) ?? { x: 0, y: 0 };
  const boxes: Box[] = [...nodeIds, ...noteIds].map((id) => {
    const stored = design.layout.positions[id];
    const p = stored ?? { x: 0, y: 0 };
    const note = noteIds.includes(id);
    const size = sizes.get(id) ?? computed.get(id) ?? (note ? { width: stored?.width ?? NOTE_SIZE.width, height: stored?.height ?? NOTE_SIZE.height } : RESOURCE_SIZE);
    return { id, x: note ? p.x - origin.x : p.x, y: note ? p.y - origin.y : p.y, width: size.width, height: size.height };
  });
  const positions: Record<string, { x: number; y: number }> = {};
  const set = (b: Box, x: number, y: number) => {
    const shift = noteIds.includes(b.id) ? origin : { x: 0, y: 0 };
    positions[b.id] = { x: Math.round(x + shift.x), y: Math.round(y + shift.y) };
  };
  const minX = Math.min(...boxes.map((b) => b.x));
  const maxX = Math.max(...boxes.map((b) => b.x + b.width));
  const minY = Math.min(...boxes.map((b) => b.y));
  const maxY = Math.max(...boxes.map((b) => b.y + b.height));
  switch (mode) {
    case 'left': for (const b of boxes) set(b, minX, b.y); break;
    case 'right': for (const b of boxes) set(b, maxX - b.width, b.y); break;
    case 'centre': for (const b of boxes) set(b, (minX + maxX) / 2 - b.width / 2, b.y); break;
    case 'top': for (const b of boxes) set(b, b.x, minY); break;
    case 'bottom': for (const b of boxes) set(b, b.x, maxY - b.height); break;
    case 'middle': for (const b of boxes) set(b, b.x, (minY + maxY) / 2 - b.height / 2); break;
    case 'horizontal':
    case 'vertical': {
      // Equal gaps between neighbours; the first and last stay where they are.
      const horizontal = mode === 'horizontal';
      const sorted = [...boxes].sort((a, b) => (horizontal ? a.x - b.x : a.y - b.y) || a.id.localeCompare(b.id));
      const span = horizontal ? maxX - minX : maxY - minY;
      const total = sorted.reduce((s, b) => s + (horizontal ? b.width : b.height), 0);
      const gap = (span - total) / (sorted.length - 1);
      let at = horizontal ? minX : minY;
      for (const b of sorted) {
        if (horizontal) set(b, at, b.y);
        else set(b, b.x, at);
        at += (horizontal ? b.width : b.height) + gap;
      }
      break;
    }
  }
  return { command: { type: 'batch', label: ARRANGE_LABELS[mode], commands: [{ type: 'move', positions }] } };
}
