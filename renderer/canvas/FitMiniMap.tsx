import { MiniMap, useStore, type MiniMapProps, type Node } from '@xyflow/react';

/** Is every node wholly inside the visible canvas? */
export function useDesignInView(): boolean {
  return useStore((s) => {
    const [tx, ty, z] = s.transform;
    for (const n of s.nodeLookup.values()) {
      if (n.hidden) continue;
      const { x, y } = n.internals.positionAbsolute;
      const w = n.measured.width ?? n.initialWidth ?? 0;
      const h = n.measured.height ?? n.initialHeight ?? 0;
      if (x * z + tx < -1 || y * z + ty < -1 || (x + w) * z + tx > s.width + 1 || (y + h) * z + ty > s.height + 1) return false;
    }
    return true;
  });
}

/** The overview map, shown only while part of the design is out of view: when the whole design
 *  is on screen (after fit-to-view) it has nothing to add and would cover the design's corner. */
export function FitMiniMap<N extends Node>(props: MiniMapProps<N>) {
  const inView = useDesignInView();
  return inView ? null : <MiniMap<N> {...props} />;
}
