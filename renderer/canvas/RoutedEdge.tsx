import { BaseEdge, getSmoothStepPath, useInternalNode, useReactFlow, useStore, useStoreApi, type EdgeProps, type InternalNode, type Node, type ReactFlowState } from '@xyflow/react';
import { roundedPath } from '../../core/geometry/path';
import { createContext, memo, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { placeLabels, wrapLabel, type LabelPlace } from '../../core/geometry/labels';
import type { Box, Rect, Route } from '../../core/geometry/route';
import { AttachEdge } from './AttachEdge';
import { RouteClient } from './routeClient';
import type { DesignFlowEdge } from './toFlow';
import '../styles/edges.css';

/** Edge labels: 12 px on the flow at zoom 1; when the view is zoomed out they grow on the flow (up to
 *  LABEL_MAX) so that they stay READABLE px on screen; below UNREADABLE px on screen they are hidden,
 *  and shown again on hover or selection. */
export const LABEL_BASE = 12;
export const LABEL_READABLE = 11;
export const LABEL_MAX = 26;
export const LABEL_UNREADABLE = 9;
/** Height of a container's title bar (routes keep off it when they can). */
const TITLE_BAR = 40;
/** A label longer than this many ems wraps into two lines. */
const WRAP_EMS = 15;

/** The label's font size on the flow at this zoom. */
export function labelFontSize(zoom: number): number {
  const wanted = Math.max(LABEL_BASE, LABEL_READABLE / Math.max(zoom, 0.01));
  return Math.min(LABEL_MAX, Math.ceil(wanted * 2) / 2);
}

interface Routed {
  routes: ReadonlyMap<string, Route>;
  /** The boxes the routes were made for, by node id: cards, and containers. */
  boxes: ReadonlyMap<string, Rect>;
  cards: readonly Rect[];
}
interface EdgeRoutes extends Routed {
  labels: ReadonlyMap<string, LabelPlace & { lines: string[] }>;
  fontSize: number;
  /** Labels at `fontSize` are at least LABEL_UNREADABLE px on screen. */
  readable: boolean;
  /** React Flow's HTML layer for edge labels, found once here. xyflow's EdgeLabelRenderer looks it
   *  up with querySelector in a store selector of every label: ~1,000 lookups on each change of the
   *  store, 90 ms of a 1,000-node edit in the app's profile (issue 15). */
  labelLayer: Element | null;
}

const EMPTY: EdgeRoutes = { routes: new Map(), boxes: new Map(), cards: [], labels: new Map(), fontSize: LABEL_BASE, readable: true, labelLayer: null };
const EdgeRoutesContext = createContext<EdgeRoutes>(EMPTY);

const rectOf = (n: InternalNode): Rect => ({
  x: n.internals.positionAbsolute.x,
  y: n.internals.positionAbsolute.y,
  // A card out of view is not drawn, so not measured: its estimated size (Canvas.tsx).
  width: n.measured.width ?? n.width ?? n.initialWidth ?? 0,
  height: n.measured.height ?? n.height ?? n.initialHeight ?? 0,
});
const sameRect = (a: Rect | undefined, b: Rect | undefined) => !!a && !!b
  && Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5 && Math.abs(a.width - b.width) < 0.5 && Math.abs(a.height - b.height) < 0.5;

let measureContext: CanvasRenderingContext2D | null | undefined;
/** Width of `text` at `fontSize` in the label font (an estimate where there is no canvas). */
function textWidth(text: string, fontSize: number): number {
  if (measureContext === undefined) {
    try {
      measureContext = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
    } catch {
      measureContext = null;
    }
  }
  if (!measureContext) return text.length * fontSize * 0.58;
  measureContext.font = `500 100px system-ui, -apple-system, 'Segoe UI', sans-serif`;
  return (measureContext.measureText(text).width / 100) * fontSize;
}

/** What a label shows: its text in one or two lines (never cut short). */
function labelLines(text: string): string[] {
  const perChar = textWidth(text, LABEL_BASE) / Math.max(text.length, 1);
  return wrapLabel(text, WRAP_EMS * LABEL_BASE, perChar);
}

/** The label in two lines at its middle space (one line when it has none). */
const splitInTwo = (text: string): string[] => wrapLabel(text, 0, 1);

interface ProviderProps {
  nodes: readonly Node[];
  edges: readonly DesignFlowEdge[];
  /** True while a node is dragged or resized: routing waits for the gesture to end. */
  busy(): boolean;
  children: ReactNode;
}

const selectLabelLayer = (s: ReactFlowState) => s.domNode?.querySelector('.react-flow__edgelabel-renderer') ?? null;

/** Routes the canvas's edges around node boxes in a worker (core/geometry/route.ts), from the boxes
 *  React Flow measured, whenever they change and no gesture is under way; places the labels for the
 *  current zoom. Edges read it through the context. */
export function EdgeRoutesProvider({ nodes, edges, busy, children }: ProviderProps) {
  const flow = useReactFlow();
  const [client] = useState(() => new RouteClient());
  useEffect(() => () => client.dispose(), [client]);
  const [routed, setRouted] = useState<Routed>(EMPTY);
  const lastKey = useRef('');
  const busyRef = useRef(busy);
  busyRef.current = busy;

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const run = () => {
      if (busyRef.current()) {
        timer = setTimeout(run, 120);
        return;
      }
      const boxes: Box[] = [];
      const containers: Box[] = [];
      const soft: Rect[] = [];
      for (const n of nodes) {
        const internal = flow.getInternalNode(n.id);
        if (!internal || internal.hidden) continue;
        const r = rectOf(internal);
        if (!r.width || !r.height) continue;
        if (n.type === 'container') {
          soft.push({ ...r, height: Math.min(TITLE_BAR, r.height) });
          containers.push({ id: n.id, ...r });
        }
        else boxes.push({ id: n.id, ...r });
      }
      // Design connections, and the attachment lines from a card to its subnets' boxes.
      const routedEdges = edges.filter((e) => e.type === 'routed' || e.type === 'attach').map((e) => ({ id: e.id, source: e.source, target: e.target }));
      const key = JSON.stringify([boxes, containers, soft, routedEdges]);
      if (key === lastKey.current) return;
      lastKey.current = key;
      client.route({ boxes, targets: containers, soft, edges: routedEdges }).then((routes) => {
        if (routes) setRouted({ routes: new Map(routes.map((r) => [r.id, r])), boxes: new Map([...containers, ...boxes].map((b) => [b.id, b])), cards: boxes });
      }, (err: unknown) => {
        // The simple paths stay; the next change tries again.
        lastKey.current = '';
        console.warn(err instanceof Error ? err.message : String(err));
      });
    };
    // A short pause: a burst of changes (measurements arriving, a drop and its attach) routes once.
    timer = setTimeout(run, 40);
    return () => clearTimeout(timer);
  }, [nodes, edges, flow, client]);

  // Only the label size (in half-pixel steps) and readability, not the zoom itself: edges re-render
  // when these change, not on every frame of a zoom.
  const fontSize = useStore((s) => labelFontSize(s.transform[2]));
  const readable = useStore((s) => labelFontSize(s.transform[2]) * s.transform[2] >= LABEL_UNREADABLE);
  // What label placement reads of the edges: their ids, label texts and DLQ chips. An edit makes a
  // new edges array (the analysis marks, the selection …) but rarely changes these: the same array
  // is kept then, so ~1,000 labels are not placed again on every edit (issue 15).
  const lastLabelInputs = useRef<{ key: string; inputs: { id: string; text: string; dlq: boolean }[] } | null>(null);
  const labelInputs = useMemo(() => {
    const inputs = edges.map((e) => ({ id: e.id, text: typeof e.label === 'string' ? e.label : '', dlq: e.data?.edge.kind === 'deadLetter' }));
    const key = JSON.stringify(inputs);
    if (lastLabelInputs.current?.key === key) return lastLabelInputs.current.inputs;
    lastLabelInputs.current = { key, inputs };
    return inputs;
  }, [edges]);
  const labels = useMemo(() => {
    const requests = labelInputs.flatMap((e) => {
      const route = routed.routes.get(e.id);
      const text = e.text;
      if (!route || !text) return [];
      // One line unless long; two lines also tried where one does not fit between close cards.
      const preferred = labelLines(text);
      const shapes = [preferred, ...(preferred.length === 1 ? [splitInTwo(text)] : [])].filter((l, k, all) => k === 0 || l.length !== all[0].length);
      const chip = e.dlq ? textWidth('DLQ', fontSize * 0.8) + fontSize * 0.9 : 0;
      const sizes = shapes.map((lines) => ({
        // A little over the measured text: the estimate must never be narrower than the label drawn.
        width: (Math.max(...lines.map((l) => textWidth(l, fontSize))) + chip) * 1.08 + fontSize * 0.8 + 4,
        height: lines.length * fontSize * 1.25 + fontSize * 0.2 + 2,
      }));
      return [{ id: e.id, points: route.points, sizes, shapes }];
    });
    const shapesOf = new Map(requests.map((r) => [r.id, r.shapes]));
    const placed = placeLabels(requests, routed.cards, 4);
    return new Map(placed.map((p) => [p.id, { ...p, lines: shapesOf.get(p.id)?.[p.size] ?? [] }]));
  }, [labelInputs, routed, fontSize]);

  const labelLayer = useStore(selectLabelLayer);
  const value = useMemo(() => ({ ...routed, labels, fontSize, readable, labelLayer }), [routed, labels, fontSize, readable, labelLayer]);
  return <EdgeRoutesContext.Provider value={value}>{children}</EdgeRoutesContext.Provider>;
}

/** An SVG path through the route's points with rounded corners (core/geometry/path.ts). */
export { roundedPath };

/** A design connection drawn along its route around the boxes it does not join; while the route
 *  is pending (an end just moved, or is being dragged) a simple smooth-step path instead. The label
 *  sits on the route's longest free stretch, with a background, wrapped rather than cut short, and
 *  hidden when too small to read (shown again on hover or selection). */
export const RoutedEdge = memo(function RoutedEdge(props: EdgeProps<DesignFlowEdge>) {
  const { id, source, target, label, selected, markerEnd, data, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition } = props;
  const { routes, boxes, labels, fontSize, readable, labelLayer } = useContext(EdgeRoutesContext);
  const from = useInternalNode(source);
  const to = useInternalNode(target);
  const [hover, setHover] = useState(false);
  const store = useStoreApi();
  const route = routes.get(id);
  const current = !!route && !!from && !!to && sameRect(rectOf(from), boxes.get(source)) && sameRect(rectOf(to), boxes.get(target));
  const [fallbackPath, fallbackX, fallbackY] = getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, borderRadius: 8 });
  const path = current && route ? roundedPath(route.points) : fallbackPath;
  const text = typeof label === 'string' ? label : '';
  const place = current ? labels.get(id) : undefined;
  const lines = place?.lines ?? (text ? labelLines(text) : []);
  const shown = readable || hover || !!selected;
  // Shown on hover or selection while zoomed out: at a readable size on screen (only such an edge
  // follows the zoom).
  const zoom = useStore((s) => (readable || !shown ? 1 : s.transform[2]));
  // Rounded up to hundredths so that size × zoom is never a rounding error under LABEL_READABLE.
  const size = readable ? fontSize : Math.ceil((100 * LABEL_READABLE) / Math.max(zoom, 0.01)) / 100;
  const kind = data?.edge.kind;
  return (
    <g
      className={`sd-routed${current ? ' is-routed' : ' is-pending'}`}
      data-routed={current ? 'true' : 'false'}
      onMouseEnter={() => setHover(true)}
      onMouseLeave={() => setHover(false)}
    >
      <BaseEdge id={id} path={path} markerEnd={markerEnd} interactionWidth={16} />
      {shown && place && (Math.abs(place.anchor.x - place.x) > 1 || Math.abs(place.anchor.y - place.y) > 1) && (
        // The label stands off its line (no room on it): a thin leader ties the two.
        <path className="sd-edge-leader" d={`M ${place.anchor.x},${place.anchor.y} L ${place.x},${place.y}`} />
      )}
      {/* A label too small to read is not drawn at all (shown again on hover or selection): a
          zoomed-out design of 1,000 connections mounts none of them (issue 15). */}
      {text && labelLayer && shown && createPortal(
          <div
            className={['sd-edge-label', 'react-flow__edge-text', kind && `sd-edge-label-${kind}`, data?.labelClass, hover || selected ? 'is-raised' : ''].filter(Boolean).join(' ')}
            style={{ transform: `translate(-50%, -50%) translate(${place?.x ?? fallbackX}px, ${place?.y ?? fallbackY}px)`, fontSize: `${size}px` }}
            data-testid={`edge-label-${id}`}
            data-edge-id={id}
            onMouseEnter={() => setHover(true)}
            onMouseLeave={() => setHover(false)}
            // The label is HTML outside the edge's SVG group: a click on it selects the edge, as a
            // click on the line does.
            onClick={(event) => {
              event.stopPropagation();
              store.getState().addSelectedEdges([id]);
            }}
          >
            {kind === 'deadLetter' && <span className="sd-dlq-chip" aria-label="dead-letter queue">DLQ</span>}
            <span className="sd-edge-label-text">
              {lines.map((line, k) => <span key={k} className="sd-edge-label-line">{line}{k < lines.length - 1 ? ' ' : ''}</span>)}
            </span>
          </div>,
          labelLayer,
      )}
    </g>
  );
});

/** A card's attachment line to one of its subnets, along its route around the other cards to the
 *  nearest border of the subnet box; until the route arrives, the straight line of AttachEdge. */
export const RoutedAttachEdge = memo(function RoutedAttachEdge(props: EdgeProps) {
  const { id, source, target } = props;
  const { routes, boxes } = useContext(EdgeRoutesContext);
  const from = useInternalNode(source);
  const to = useInternalNode(target);
  const route = routes.get(id);
  const current = !!route && !!from && !!to && sameRect(rectOf(from), boxes.get(source)) && sameRect(rectOf(to), boxes.get(target));
  if (!current || !route) return <AttachEdge {...props} />;
  return <BaseEdge id={id} path={roundedPath(route.points)} className="sd-attach-line" />;
});
