/** Kind colours and badges live in core (core/diagram/kindStyle.ts) so the exported diagram draws the
 *  same icons as the canvas. */
export { CATEGORIES, kindBadge, kindCategory, kindColor, type KindCategory } from '../core/diagram/kindStyle';

/** Kinds drawn as containers (sub-flows) that hold other nodes. */
export const CONTAINER_KINDS: readonly string[] = ['vpc', 'subnet'];
export const isContainerKind = (kind: string): boolean => CONTAINER_KINDS.includes(kind);
