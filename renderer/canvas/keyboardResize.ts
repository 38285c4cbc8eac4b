import type { Command } from '../../core/commands';
import type { Design } from '../../core/model/design';
import { own as ownValue } from '../../core/model/own';
import { CONTAINER_KINDS, containerSizes, placementOf } from '../../core/model/placement';
import { resizeKeepsContents } from './dropPlan';

/** Alt+Arrow on a selected VPC or subnet (the keyboard's resize handles): its right or bottom edge
 *  moves by `dw`/`dh` px, never in past what it holds (the size that fits its contents with the
 *  padding around them, as a drag of its handle stops there too). Pure; App dispatches the result
 *  as one undo step per key press. */
export function keyboardResize(design: Design, selected: readonly string[], dw: number, dh: number):
  { command: Command } | { reason: string } {
  const containers = design.nodes.filter((n) => selected.includes(n.id) && CONTAINER_KINDS.includes(n.kind));
  if (!containers.length) return { reason: 'Select a VPC or subnet to resize it with Alt+arrow keys.' };
  const placement = placementOf(design);
  const drawn = containerSizes(design, placement);
  const commands: Command[] = [];
  const atLimit: string[] = [];
  for (const c of containers) {
    const now = drawn.get(c.id);
    const own = ownValue(design.layout.positions, c.id);
    if (!now || !own) continue;
    // The smallest it can be: its drawn size when nothing is stored for it (fit to its contents).
    const fit = containerSizes({ ...design, layout: { ...design.layout, positions: { ...design.layout.positions, [c.id]: { x: own.x, y: own.y } } } }, placement).get(c.id) ?? now;
    const width = Math.max(fit.width, now.width + dw);
    const height = Math.max(fit.height, now.height + dh);
    if (width === now.width && height === now.height) {
      atLimit.push(c.name);
      continue;
    }
    if (!resizeKeepsContents(design, c.id, { x: own.x, y: own.y, width, height })) {
      atLimit.push(c.name);
      continue;
    }
    commands.push({ type: 'resize', nodeId: c.id, width: Math.round(width), height: Math.round(height) });
  }
  if (!commands.length) {
    return { reason: atLimit.length ? `${atLimit.join(', ')} cannot get smaller: what ${atLimit.length === 1 ? 'it holds' : 'they hold'} would no longer fit.` : 'Nothing to resize.' };
  }
  return { command: commands.length === 1 ? commands[0] : { type: 'batch', label: 'Resize', commands } };
}
