import { autoLayout, withLayout } from '../../layout/autoLayout';
import type { Design } from '../../model/design';
import { CONTAINER_KINDS as PLACEMENT_CONTAINER_KINDS, RESOURCE_SIZE } from '../../model/placement';

/** Automatic layout of an imported design (it has no positions): core/layout's auto-layout of every
 *  node, from the canvas's top-left — event sources left of the functions they trigger, VPCs and
 *  subnets as containers sized to what they hold, resources in the container they are drawn in. */

/** The canvas's resource card (renderer/canvas/toFlow.ts). */
export const NODE_SIZE = RESOURCE_SIZE;
export const CONTAINER_KINDS: readonly string[] = PLACEMENT_CONTAINER_KINDS;

/** Lays out every node; returns a new design (the input is not changed). */
export async function layoutDesign(design: Design): Promise<Design> {
  return withLayout(design, await autoLayout(design, { origin: { x: 0, y: 0 } }));
}
