import { useStore, type ReactFlowState } from '@xyflow/react';
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import '../styles/legibility.css';

/** The smallest text a reader should be shown, in screen pixels (issue 11: every label at fit-to-view
 *  at least 11 px). */
export const READABLE_PX = 11;
/** Past this flow size the cards have no room for more; below the zoom it stands for, names shrink on
 *  screen again (a 200-node design at fit is an outline, not a document). */
const READABLE_FLOW_CAP = 26;

/** The flow size at which text reads as READABLE_PX on screen at `zoom`, rounded up to half pixels
 *  (so a zoom gesture restyles the canvas a few times, not on every frame). */
export function readableFlowPx(zoom: number): number {
  return Math.min(READABLE_FLOW_CAP, Math.ceil((2 * READABLE_PX) / Math.max(zoom, 0.01)) / 2);
}

/** The detail lines (kind, CIDR, AZ) are 12 px on the flow: once they would be under READABLE_PX on
 *  screen, the canvas switches to its overview look (renderer/styles/legibility.css): names only,
 *  grown to stay readable; the details stay in each card's tooltip and the inspector. */
export const OVERVIEW_BELOW_ZOOM = READABLE_PX / 12;

/** Below this zoom even the overview's names (at most 20 px on the flow) are under 6 px on screen, a
 *  smudge: cards are drawn as plain blocks in their kind's colour, ringed by their worst finding's
 *  (the far look). Names, details, chips and cost tags come back on zooming in; each block's tooltip
 *  names it. Far fewer elements per card: opening a 1,000-node design, fitted at zoom 0.05, mounts
 *  a fraction of the DOM it did (issue 15). */
export const FAR_BELOW_ZOOM = 0.3;
/** True while the canvas is in its far look (provided by FarLook, read by the card components). */
export const FarContext = createContext(false);
const selectFar = (s: ReactFlowState) => s.transform[2] < FAR_BELOW_ZOOM;

/** Provides FarContext from the zoom: one store subscription for every card, which re-render only
 *  when the look changes. Wraps <ReactFlow> (inside its provider). */
export function FarLook({ children }: { children: ReactNode }) {
  const far = useStore(selectFar);
  return <FarContext.Provider value={far}>{children}</FarContext.Provider>;
}

const selectReadable = (s: ReactFlowState) => readableFlowPx(s.transform[2]);
const selectOverview = (s: ReactFlowState) => s.transform[2] < OVERVIEW_BELOW_ZOOM;
const selectDom = (s: ReactFlowState) => s.domNode;

/** Keeps the canvas's text readable at any zoom: sets `--sd-readable` (a flow size that is READABLE_PX
 *  on screen) and `data-overview` on the React Flow element; legibility.css sizes card and container
 *  text from them, and `data-far` in the far look (from FarLook). Rendered inside <ReactFlow>; draws
 *  nothing. */
export function ReadableText() {
  const readable = useStore(selectReadable);
  const overview = useStore(selectOverview);
  const far = useContext(FarContext);
  const dom = useStore(selectDom);
  useEffect(() => {
    if (!dom) return;
    dom.style.setProperty('--sd-readable', `${readable}px`);
    if (overview) dom.dataset.overview = 'true';
    else delete dom.dataset.overview;
    if (far) dom.dataset.far = 'true';
    else delete dom.dataset.far;
  }, [dom, readable, overview, far]);
  return null;
}
