import { createContext, useContext } from 'react';

/** What node components ask the canvas to do (a chip selecting its security group, a container's
 *  resize handles checking the size keeps its contents inside). Provided by Canvas.tsx. */
export interface CanvasActions {
  /** Selects this node alone. */
  selectNode(id: string): void;
  /** Whether a container resized to this box (position relative to its own parent, as React Flow
   *  reports it) still holds everything drawn in it with room around. */
  canResize(id: string, box: { x: number; y: number; width: number; height: number }): boolean;
}

const noop: CanvasActions = { selectNode: () => undefined, canResize: () => true };

export const CanvasActionsContext = createContext<CanvasActions>(noop);
export const useCanvasActions = (): CanvasActions => useContext(CanvasActionsContext);
