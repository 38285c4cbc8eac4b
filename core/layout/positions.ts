import type { Command } from '../commands/commands';
import type { Design } from '../model/design';

/** What an auto-layout produces and how it is applied — apart from core/layout/autoLayout.ts so the
 *  UI can apply a layout without loading ELK (which runs in the layout worker). */

/** A laid-out node: position relative to its draw parent; containers also get their size. */
export interface LaidOut { x: number; y: number; width?: number; height?: number }
export type LayoutPositions = Record<string, LaidOut>;

/** The design with the layout's positions and sizes written in: a laid-out node's entry is replaced
 *  (a stale size stored on a resource goes), the other entries are kept. */
export function withLayout(design: Design, laidOut: LayoutPositions): Design {
  const positions = { ...design.layout.positions };
  for (const [id, p] of Object.entries(laidOut)) positions[id] = { ...p };
  return { ...design, layout: { ...design.layout, positions } };
}

/** The one undoable step that applies a layout: a `move` of every node that moves and a `resize`
 *  of every container whose size changes, as one batch; undefined when nothing would change. */
export function autoLayoutCommand(design: Design, laidOut: LayoutPositions, label = 'Auto-layout'): Command | undefined {
  const moves: Record<string, { x: number; y: number }> = {};
  const commands: Command[] = [];
  for (const [id, p] of Object.entries(laidOut)) {
    const old = Object.hasOwn(design.layout.positions, id) ? design.layout.positions[id] : undefined;
    if (!old || old.x !== p.x || old.y !== p.y) moves[id] = { x: p.x, y: p.y };
    if (p.width !== undefined && p.height !== undefined && (old?.width !== p.width || old?.height !== p.height)) {
      commands.push({ type: 'resize', nodeId: id, width: p.width, height: p.height });
    }
  }
  if (Object.keys(moves).length) commands.unshift({ type: 'move', positions: moves });
  return commands.length ? { type: 'batch', label, commands } : undefined;
}
