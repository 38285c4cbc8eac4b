import type { LayoutPositions } from '../../core/layout/positions';
import type { Design } from '../../core/model/design';

/** The layout worker's protocol, answered with the same id. `import` (the default): lay out every node
 *  of an imported design and send the design back; `autoLayout`: lay out the design, or only the
 *  nodes in `only`, and send back the positions (the editor applies them as one command). */
export type LayoutRequest =
  | { id: number; task?: 'import'; design: Design }
  | { id: number; task: 'autoLayout'; design: Design; only?: readonly string[] };
export type LayoutResponse =
  | { id: number; ok: true; design: Design }
  | { id: number; ok: true; positions: LayoutPositions }
  | { id: number; ok: false; message: string };
