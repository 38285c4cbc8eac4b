import {
  Background, BackgroundVariant, Controls, getViewportForBounds, ReactFlow, SelectionMode, useReactFlow, useUpdateNodeInternals,
  type Connection, type EdgeChange, type NodeChange, type OnConnectEnd, type Viewport,
} from '@xyflow/react';
import { forwardRef, useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import type { Command, HistoryPolicy, PerformResult } from '../../core/commands';
import type { Design, DesignNode } from '../../core/model/design';
import { own } from '../../core/model/own';
import { isNodeKind } from '../../core/model/kinds';
import { containerSizes, placementOf } from '../../core/model/placement';
import { isContainerKind, kindColor } from '../kindStyle';
import type { IssueMark, PathsOverlay } from '../useAnalysis';
import { FitMiniMap } from './FitMiniMap';
import { FarLook, ReadableText } from './ReadableText';
import { EdgeRoutesProvider, RoutedAttachEdge, RoutedEdge } from './RoutedEdge';
import { CanvasActionsContext, type CanvasActions } from './canvasActions';
import { dropTargetFinder, keyboardPlacement, paletteDropQuestion, planDrop, planPaletteDrop, resizeKeepsContents, settleInside, type PalettePlacement, type PaletteQuestion, type Size } from './dropPlan';
import { estimatedHandles } from './cardHandles';
import { nodeTypes } from './nodeTypes';
import { PlacementMenu, type PlacementAnswer, type PlacementQuestion } from './PlacementMenu';
import { flowBounds, isAttachEdgeId, RESOURCE_SIZE, toFlow, type CostBadge, type DesignFlowEdge, type ResourceFlowNode } from './toFlow';


/** Above this many cards, the canvas renders only those in view (React Flow's onlyRenderVisibleElements). */
const CULL_ABOVE_NODES = 300;
export const PALETTE_MIME = 'application/x-serverless-designer-kind';

export interface Selection { nodes: string[]; edges: string[] }

export interface CanvasHandle {
  /** Pans to a node, or to the middle of an edge, and keeps the zoom. */
  focus(target: { type: 'node' | 'edge'; id: string }): void;
  viewport(): Viewport | undefined;
  /** The flow position at the middle of the visible canvas (click-to-add from the palette). */
  visibleCenter(): { x: number; y: number };
  /** Where a new node of `kind` dropped at this flow point goes: its container or subnets, and its
   *  position relative to where it is drawn (dropPlan.ts). */
  placementAt(kind: string, point: { x: number; y: number }): PalettePlacement & { ask?: PaletteQuestion };
  /** After a palette drop that asks (`placementAt`'s `ask`; the node is added unplaced with
   *  `{ join }`): the subnet question at the drop point. Attach places it, joined to the add's undo
   *  step under `label`; Cancel/Escape calls `cancel` (which takes the new node away again, leaving
   *  no undo step: History.discard). */
  askNewPlacement(node: { id: string; name: string }, ask: PaletteQuestion, join: string, label: string, cancel: () => void): void;
  /** Closes an open placement question as Cancel does. 'reverted': it belonged to a drag or drop
   *  that Cancel has now undone (so an undo key press is used up); 'closed': nothing was pending;
   *  false: no question was open. */
  cancelQuestion(): 'reverted' | 'closed' | false;
  /** Fits the whole design into view (after Auto-layout). */
  fitView(): void;
  /** The keyboard's "place in subnets" ("N"): opens the subnet question at the node; returns why it
   *  cannot when it cannot. */
  askPlacement(nodeId: string): string | undefined;
  /** Fits these nodes into view (zoom to selection). */
  fitNodes(ids: readonly string[]): void;
  /** Sizes as drawn (align and distribute use them). */
  drawnSizes(): Map<string, { width: number; height: number }>;
}

interface CanvasProps {
  design: Design;
  selection: Selection;
  marks: ReadonlyMap<string, IssueMark>;
  /** Set when the "Paths" overlay is on. */
  paths?: PathsOverlay;
  /** Monthly cost badges per node ("$" in the toolbar); undefined when they are off. */
  costs?: ReadonlyMap<string, CostBadge>;
  /** Nodes and edges related to the finding picked in the Findings panel, highlighted. */
  related?: ReadonlySet<string>;
  onSelectionChange(selection: Selection): void;
  dispatch(command: Command, policy?: HistoryPolicy): PerformResult;
  /** A word to the user (a card snapped back into its container). */
  onNotice?(text: string): void;
  onConnectRequest(from: string, to: string, at: { x: number; y: number }): void;
  onAddNode(kind: DesignNode['kind'], point: { x: number; y: number }): void;
  /** A file dropped from the desktop (a template to import). */
  onDropFile?(file: File): void;
  /** Positions drawn instead of the design's while Auto-layout glides the nodes to their new places
   *  (transient: the design changes once, by one command, at the end). */
  layoutOverride?: Design['layout']['positions'];
  /** Snap dragged nodes to the 20 px grid (toolbar Snap, Shift+G). */
  snapToGrid?: boolean;
  /** An arrow key on the canvas: move the selection one grid step (`far`: ten). */
  onNudge?(dx: number, dy: number, far: boolean): void;
  /** Alt+arrow on the canvas: resize the selected VPC/subnet one grid step (`far`: five). */
  onResizeKey?(dx: number, dy: number, far: boolean): void;
}

let gestureCounter = 0;

/** Declared once at module scope, like nodeTypes. */
const edgeTypes = { attach: RoutedAttachEdge, routed: RoutedEdge };

interface DragStart {
  gesture: string;
  /** Where the dragged nodes were (relative, as stored): a cancelled drop puts them back. */
  positions: Record<string, { x: number; y: number }>;
  /** Container sizes as drawn when the drag began, kept during the drag. */
  sizes: ReadonlyMap<string, Size>;
}

export const Canvas = forwardRef<CanvasHandle, CanvasProps>(function Canvas(props, ref) {
  const { design: modelDesign, selection, marks, paths, costs, related, onSelectionChange, dispatch, onConnectRequest, onAddNode, onDropFile, layoutOverride, onNotice, snapToGrid, onNudge, onResizeKey } = props;
  // The newest design: a drop is handled before the drag's last move has been rendered.
  const latestDesign = useRef(modelDesign);
  latestDesign.current = modelDesign;
  const design = useMemo(() => (layoutOverride ? { ...modelDesign, layout: { ...modelDesign.layout, positions: layoutOverride } } : modelDesign), [modelDesign, layoutOverride]);
  const flow = useReactFlow<ResourceFlowNode>();
  const wrapper = useRef<HTMLDivElement>(null);
  // Sizes React Flow measured, kept in a ref updated as each report arrives (several reports before
  // one re-render must not overwrite each other), plus a version to re-render on. A node handed back
  // to React Flow without `measured` loses its handle positions (xyflow's parseHandles) and, as its
  // size does not change again, is never re-measured: its edges would stay undrawn.
  const sizes = useRef(new Map<string, { width: number; height: number }>());
  const [sizesVersion, setSizesVersion] = useState(0);
  const gesture = useRef<string | undefined>(undefined);
  const pendingConnect = useRef<{ from: string; to: string } | undefined>(undefined);
  // React Flow reports one click as node changes and then edge changes in the same tick (select the
  // node, deselect the edge): each handler starts from what the previous one decided, not from the
  // selection of the last render, or the second would undo the first.
  const latestSelection = useRef(selection);
  latestSelection.current = selection;
  const changeSelection = useCallback((next: Selection) => {
    latestSelection.current = next;
    onSelectionChange(next);
  }, [onSelectionChange]);
  // Fit an opened design into view once; a blank canvas keeps zoom 1, so the first node dropped stays where it was dropped.
  const [fitOnLoad] = useState(() => design.nodes.length > 0);

  const dragStart = useRef<DragStart | undefined>(undefined);
  const resizeGesture = useRef<string | undefined>(undefined);
  const [frozenSizes, setFrozenSizes] = useState<ReadonlyMap<string, Size> | undefined>(undefined);
  // The container a drop would go to, outlined while a card is dragged.
  const [dropTarget, setDropTarget] = useState<string | undefined>(undefined);
  const findDropTarget = useRef<((centre: { x: number; y: number }) => string | undefined) | undefined>(undefined);
  // `pending`: the question belongs to a drag or palette drop whose undo step Cancel takes back.
  // `nodeId`: the node it asks about.
  const [question, setQuestion] = useState<{ at: { x: number; y: number }; question: PlacementQuestion; answer(a: PlacementAnswer): void; pending: boolean; nodeId: string } | undefined>(undefined);
  const openQuestion = useRef(question);
  openQuestion.current = question;
  // The node it asks about is gone (deleted while it was open): nothing left to answer for.
  useEffect(() => {
    if (question && !modelDesign.nodes.some((n) => n.id === question.nodeId)) {
      setQuestion(undefined);
      setFrozenSizes(undefined);
    }
  }, [modelDesign, question]);
  // Security groups among the selection, as a key: only they change the projection (outlines).
  const selectedGroupsKey = selection.nodes.filter((id) => design.nodes.some((n) => n.id === id && n.kind === 'securityGroup')).join('\u0000');
  const projected = useMemo(
    () => toFlow(design, { marks, paths, costs, frozenSizes, related, selectedNodes: selectedGroupsKey ? selectedGroupsKey.split('\u0000') : [] }),
    [design, marks, paths, costs, frozenSizes, related, selectedGroupsKey],
  );
  // What React Flow was last given per node: the same object again when nothing about the node
  // changed, so React Flow keeps its internal node and skips re-rendering it (toFlow keeps its
  // projections stable the same way).
  const given = useRef(new Map<string, { from: ResourceFlowNode; selected: boolean; width?: number; height?: number; drop: boolean; node: ResourceFlowNode }>());
  const nodes = useMemo(() => {
    const selected = new Set(selection.nodes);
    const next = new Map<string, { from: ResourceFlowNode; selected: boolean; width?: number; height?: number; drop: boolean; node: ResourceFlowNode }>();
    const out = projected.nodes.map((n) => {
      // Measured but not yet reported to us (the report is on its way): take React Flow's own size.
      const internal = sizes.current.has(n.id) ? undefined : flow.getInternalNode(n.id)?.measured;
      const m = sizes.current.get(n.id) ?? (internal?.width && internal.height ? { width: internal.width, height: internal.height } : undefined);
      const isSelected = selected.has(n.id);
      const drop = n.id === dropTarget;
      const before = given.current.get(n.id);
      // A card not measured yet: its size and handle positions as estimated (cardHandles.ts), so React
      // Flow draws it only once it is in view.
      const unmeasured = !m && n.type === 'resource' ? UNMEASURED_CARD : undefined;
      const node = before && before.from === n && before.selected === isSelected && before.width === m?.width && before.height === m?.height && before.drop === drop
        ? before.node
        : { ...n, selected: isSelected, ...(m ? { measured: m } : unmeasured), ...(drop ? { className: `${n.className ?? ''} is-drop-target` } : {}) };
      next.set(n.id, { from: n, selected: isSelected, width: m?.width, height: m?.height, drop, node });
      return node;
    });
    given.current = next;
    return out;
    // sizesVersion: re-project when a size report arrives (the sizes live in a ref).
  }, [projected, selection.nodes, sizesVersion, flow, dropTarget]);
  // A node React Flow adopted from a render computed before its size report arrived loses its handle
  // positions, and as its size never changes again it is never re-measured: its edges stay undrawn
  // (seen about once in ten connections made right after a drop). After every render (React Flow's
  // store takes the nodes in an effect of its own, which runs before this one), re-measure any node
  // whose size has been reported (so it is mounted and its resize observer has fired) but that has no
  // handle positions. A node not yet reported is left to its observer, which measures it anyway:
  // measuring every card of a design just opened here as well cost ~150 ms at 1,000 nodes (a DOM
  // query and a forced layout per card).
  const updateNodeInternals = useUpdateNodeInternals();
  useEffect(() => {
    const unmeasured = nodes.filter((n) => {
      if (!sizes.current.has(n.id)) return false;
      const internal = flow.getInternalNode(n.id);
      return internal && !internal.hidden && !internal.internals.handleBounds;
    }).map((n) => n.id);
    if (unmeasured.length) updateNodeInternals(unmeasured);
  });
  // An opened design is fitted into view before any card is drawn: React Flow draws every card it has
  // not measured yet, wherever it is, so they are drawn once at the zoom they are seen at (the far
  // look for a large design), not at zoom 1 and then again after fitting (issue 15: ~40 % of opening
  // 1,000 nodes). Estimated here from the stored places and sizes; React Flow's own fit (fitView
  // below) corrects it once the cards are measured.
  const [placed, setPlaced] = useState(!fitOnLoad);
  useLayoutEffect(() => {
    if (placed) return;
    const rect = wrapper.current?.getBoundingClientRect();
    const bounds = flowBounds(nodes);
    if (rect && rect.width > 0 && rect.height > 0 && bounds) void flow.setViewport(getViewportForBounds(bounds, rect.width, rect.height, MIN_ZOOM, FIT_VIEW.maxZoom, FIT_VIEW.padding));
    setPlaced(true);
    // Once, when the canvas first has its size.
  }, []);
  const givenEdges = useRef(new Map<string, { from: DesignFlowEdge; selected: boolean; edge: DesignFlowEdge }>());
  const edges = useMemo(() => {
    const selected = new Set(selection.edges);
    const next = new Map<string, { from: DesignFlowEdge; selected: boolean; edge: DesignFlowEdge }>();
    const out = projected.edges.map((e) => {
      const isSelected = selected.has(e.id);
      const before = givenEdges.current.get(e.id);
      const edge = before && before.from === e && before.selected === isSelected ? before.edge : { ...e, selected: isSelected };
      next.set(e.id, { from: e, selected: isSelected, edge });
      return edge;
    });
    givenEdges.current = next;
    return out;
  }, [projected, selection.edges]);

  useImperativeHandle(ref, () => ({
    focus(target) {
      const edge = target.type === 'edge' ? design.edges.find((e) => e.id === target.id) : undefined;
      const centres = (edge ? [edge.from, edge.to] : [target.id]).flatMap((id) => {
        const internal = flow.getInternalNode(id);
        if (!internal) return [];
        const { x, y } = internal.internals.positionAbsolute;
        return [{ x: x + (internal.measured.width ?? RESOURCE_SIZE.width) / 2, y: y + (internal.measured.height ?? RESOURCE_SIZE.height) / 2 }];
      });
      if (!centres.length) return;
      const x = centres.reduce((a, c) => a + c.x, 0) / centres.length;
      const y = centres.reduce((a, c) => a + c.y, 0) / centres.length;
      void flow.setCenter(x, y, { zoom: flow.getZoom(), duration: 250 });
    },
    viewport: () => flow.getViewport(),
    fitView() {
      const still = typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      void flow.fitView({ ...FIT_VIEW, duration: still ? 0 : 250 });
    },
    visibleCenter() {
      const rect = wrapper.current?.getBoundingClientRect();
      if (!rect) return { x: 0, y: 0 };
      return flow.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
    },
    placementAt(kind, point) {
      const ask = paletteDropQuestion(latestDesign.current, kind, point);
      return { ...planPaletteDrop(latestDesign.current, kind, point), ...(ask ? { ask } : {}) };
    },
    askNewPlacement({ id: nodeId, name }, ask, join, label, cancel) {
      const now = latestDesign.current;
      const at = flow.flowToScreenPosition(ask.point);
      // Each part joins the add's step under the add's label ("Add Lambda function").
      const joined = (command: Command) => dispatch({ type: 'batch', label, commands: [command] }, { join });
      setQuestion({
        at,
        pending: true,
        nodeId,
        question: {
          type: 'vpc', nodeName: name, vpcName: now.nodes.find((n) => n.id === ask.vpc)?.name ?? ask.vpc,
          choices: ask.choices, preselected: ask.preselected,
        },
        answer: (a) => {
          setQuestion(undefined);
          if (!a || a.mode === 'detach') {
            // Back to the palette, as a cancelled drag goes back to where it started.
            cancel();
            return;
          }
          const result = joined({ type: 'attachToSubnets', nodeId, subnets: a.subnets, mode: a.mode });
          if (result.refused) return;
          const position = settleInside(result.design, nodeId, ask.position, RESOURCE_SIZE);
          if (position) joined({ type: 'move', positions: { [nodeId]: position } });
        },
      });
    },
    cancelQuestion() {
      const open = openQuestion.current;
      if (!open) return false;
      openQuestion.current = undefined;
      open.answer(null);
      return open.pending ? 'reverted' : 'closed';
    },
    askPlacement(nodeId) {
      const now = latestDesign.current;
      const plan = keyboardPlacement(now, nodeId);
      if ('reason' in plan) return plan.reason;
      const el = wrapper.current?.querySelector(`[data-testid="node-${CSS.escape(nodeId)}"]`)?.getBoundingClientRect();
      const rect = wrapper.current?.getBoundingClientRect();
      const at = el ? { x: el.left, y: el.bottom + 6 } : { x: (rect?.left ?? 0) + 40, y: (rect?.top ?? 0) + 40 };
      setQuestion({
        at,
        pending: false,
        nodeId,
        question: {
          type: 'vpc', nodeName: now.nodes.find((n) => n.id === nodeId)?.name ?? nodeId, vpcName: now.nodes.find((n) => n.id === plan.vpc)?.name ?? plan.vpc,
          choices: plan.choices, preselected: plan.preselected, canDetach: plan.attached,
        },
        answer: (a) => {
          setQuestion(undefined);
          if (!a) return;
          if (a.mode === 'detach') dispatch({ type: 'detachFromNetwork', nodeId });
          else dispatch({ type: 'attachToSubnets', nodeId, subnets: a.subnets, mode: a.mode });
        },
      });
      return undefined;
    },
    fitNodes(ids) {
      if (!ids.length) return;
      const still = typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      void flow.fitView({ ...FIT_VIEW, nodes: ids.map((id) => ({ id })), duration: still ? 0 : 250 });
    },
    drawnSizes() {
      const out = new Map<string, { width: number; height: number }>();
      for (const n of flow.getNodes()) {
        const m = flow.getInternalNode(n.id)?.measured;
        if (m?.width && m.height) out.set(n.id, { width: m.width, height: m.height });
      }
      return out;
    },
  }), [flow, design.edges, dispatch]);

  // Arrow keys on a focused card or the selection box: React Flow would move the nodes itself, one
  // undo step per press; the editor's nudge (grid steps, one undo step per burst) takes them instead.
  const nudgeRef = useRef(onNudge);
  nudgeRef.current = onNudge;
  const resizeKeyRef = useRef(onResizeKey);
  resizeKeyRef.current = onResizeKey;
  useEffect(() => {
    const el = wrapper.current;
    if (!el) return;
    const onKey = (e: KeyboardEvent) => {
      const d = ARROWS[e.key];
      const handler = e.altKey ? resizeKeyRef.current : nudgeRef.current;
      if (!d || e.ctrlKey || e.metaKey || !handler) return;
      const t = e.target as HTMLElement | null;
      if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable)) return;
      e.preventDefault();
      e.stopPropagation();
      // Alt+arrow resizes the selected container (React Flow would move the focused card instead).
      handler(d.x, d.y, e.shiftKey);
    };
    el.addEventListener('keydown', onKey, true);
    return () => el.removeEventListener('keydown', onKey, true);
  }, []);

  const onNodesChange = useCallback((changes: NodeChange<ResourceFlowNode>[]) => {
    const positions: Record<string, { x: number; y: number }> = {};
    let selectionChanged = false;
    const selectedNodes = new Set(latestSelection.current.nodes);
    let sizesChanged = false;
    const resized: Command[] = [];
    let resizeEnded = false;
    for (const c of changes) {
      if (c.type === 'dimensions' && c.dimensions && c.resizing !== undefined && isContainerKind(latestDesign.current.nodes.find((n) => n.id === c.id)?.kind ?? '')) {
        // A container's resize handle (NodeResizer): resizing true while dragged, false at the end.
        if (c.resizing) resized.push({ type: 'resize', nodeId: c.id, width: Math.round(c.dimensions.width), height: Math.round(c.dimensions.height) });
        else resizeEnded = true;
      }
      if (c.type === 'position' && c.position) positions[c.id] = { x: Math.round(c.position.x), y: Math.round(c.position.y) };
      else if (c.type === 'select') {
        selectionChanged = true;
        if (c.selected) selectedNodes.add(c.id);
        else selectedNodes.delete(c.id);
      } else if (c.type === 'dimensions' && c.dimensions) {
        const old = sizes.current.get(c.id);
        if (!old || old.width !== c.dimensions.width || old.height !== c.dimensions.height) {
          sizes.current.set(c.id, c.dimensions);
          sizesChanged = true;
        }
      }
    }
    if (resized.length) {
      // One undo step per resize gesture: the container's move (resized from its left or top edge),
      // its contents kept in place, and its new size.
      resizeGesture.current ??= `resize-${++gestureCounter}`;
      const commands: Command[] = Object.keys(positions).length ? [{ type: 'move', positions }, ...resized] : resized;
      dispatch(commands.length === 1 ? commands[0] : { type: 'batch', label: 'Resize', commands }, { join: resizeGesture.current });
    } else if (Object.keys(positions).length) dispatch({ type: 'move', positions, gesture: gesture.current });
    if (resizeEnded) resizeGesture.current = undefined;
    if (selectionChanged) changeSelection({ nodes: [...selectedNodes], edges: latestSelection.current.edges });
    if (sizesChanged) setSizesVersion((v) => v + 1);
  }, [changeSelection, dispatch]);

  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    const selectedEdges = new Set(latestSelection.current.edges);
    let changed = false;
    for (const c of changes) {
      if (c.type !== 'select' || isAttachEdgeId(c.id)) continue;
      changed = true;
      if (c.selected) selectedEdges.add(c.id);
      else selectedEdges.delete(c.id);
    }
    if (changed) changeSelection({ nodes: latestSelection.current.nodes, edges: [...selectedEdges] });
  }, [changeSelection]);

  const onNodeDragStart = useCallback((_: unknown, _node: ResourceFlowNode, dragged: ResourceFlowNode[]) => {
    const id = `drag-${++gestureCounter}`;
    gesture.current = id;
    const now = latestDesign.current;
    const positions: Record<string, { x: number; y: number }> = {};
    for (const n of dragged) {
      const p = own(now.layout.positions, n.id);
      if (p) positions[n.id] = { x: p.x, y: p.y };
    }
    // Containers keep the size the user sees while a card is dragged (else one grows under the card
    // leaving it, and nothing could ever be dragged out).
    const frozen = containerSizes(now, placementOf(now));
    dragStart.current = { gesture: id, positions, sizes: frozen };
    setFrozenSizes(frozen);
    findDropTarget.current = dragged.length === 1 ? dropTargetFinder(now, dragged[0].id, frozen) : undefined;
  }, []);

  const onNodeDrag = useCallback((_: unknown, node: ResourceFlowNode) => {
    const internal = findDropTarget.current && flow.getInternalNode(node.id);
    if (!internal) return;
    const { x, y } = internal.internals.positionAbsolute;
    const target = findDropTarget.current?.({ x: x + (internal.measured.width ?? RESOURCE_SIZE.width) / 2, y: y + (internal.measured.height ?? RESOURCE_SIZE.height) / 2 });
    setDropTarget((old) => (old === target ? old : target));
  }, [flow]);

  /** The drop after a drag: where the card is now (dropPlan.ts). Everything it does joins the drag's
   *  undo step; a cancelled question puts the card back, leaving no step. */
  const onNodeDragStop = useCallback((event: MouseEvent | TouchEvent, node: ResourceFlowNode, dragged: ResourceFlowNode[]) => {
    gesture.current = undefined;
    const start = dragStart.current;
    dragStart.current = undefined;
    findDropTarget.current = undefined;
    setDropTarget(undefined);
    const internal = flow.getInternalNode(node.id);
    // Containers keep their drag-time sizes while a question is open (the old one must not grow to
    // the card waiting over another VPC), and fit their contents again once it is answered.
    if (!start || !internal || dragged.length !== 1) {
      setFrozenSizes(undefined);
      return;
    }
    const join = { join: start.gesture };
    const abs = { x: Math.round(internal.internals.positionAbsolute.x), y: Math.round(internal.internals.positionAbsolute.y) };
    const size = { width: internal.measured.width ?? RESOURCE_SIZE.width, height: internal.measured.height ?? RESOURCE_SIZE.height };
    const design = latestDesign.current;
    const name = design.nodes.find((n) => n.id === node.id)?.name ?? node.id;
    const plan = planDrop(design, node.id, { ...abs, ...size }, start.sizes);
    /** After the node changed container: fully inside the new one. */
    const place = (command: Command) => {
      const result = dispatch(command, join);
      if (result.refused) return;
      const position = settleInside(result.design, node.id, abs, size, start.sizes);
      if (position) dispatch({ type: 'move', positions: { [node.id]: position } }, join);
    };
    const putBack = () => {
      if (Object.keys(start.positions).length) dispatch({ type: 'move', positions: start.positions }, join);
    };
    if (plan.type !== 'askSubnet' && plan.type !== 'askVpc') setFrozenSizes(undefined);
    switch (plan.type) {
      case 'none': return;
      case 'settle':
        dispatch({ type: 'move', positions: { [node.id]: plan.position } }, join);
        if (plan.notice) onNotice?.(plan.notice);
        return;
      case 'attach': return place({ type: 'attachToSubnets', nodeId: node.id, subnets: plan.subnets });
      case 'detach': return place({ type: 'detachFromNetwork', nodeId: node.id });
      case 'setParent': return place({ type: 'setParent', nodeId: node.id, parent: plan.parent });
      case 'askSubnet':
      case 'askVpc': {
        const pointer = 'changedTouches' in event ? event.changedTouches[0] : event;
        const at = { x: pointer?.clientX ?? 200, y: pointer?.clientY ?? 200 };
        const subnet = plan.type === 'askSubnet' ? design.nodes.find((n) => n.id === plan.subnet) : undefined;
        const q: PlacementQuestion = plan.type === 'askSubnet'
          ? { type: 'subnet', nodeName: name, subnet: { id: plan.subnet, name: subnet?.name ?? plan.subnet }, current: plan.current.length, alreadyIn: plan.current.includes(plan.subnet) }
          : { type: 'vpc', nodeName: name, vpcName: design.nodes.find((n) => n.id === plan.vpc)?.name ?? plan.vpc, choices: plan.choices, preselected: plan.preselected };
        setQuestion({
          at,
          pending: true,
          nodeId: node.id,
          question: q,
          answer: (a) => {
            setQuestion(undefined);
            setFrozenSizes(undefined);
            if (!a) putBack();
            else if (a.mode === 'detach') place({ type: 'detachFromNetwork', nodeId: node.id });
            else place({ type: 'attachToSubnets', nodeId: node.id, subnets: a.subnets, mode: a.mode });
          },
        });
      }
    }
  }, [dispatch, flow, onNotice]);

  const actions: CanvasActions = useMemo(() => ({
    selectNode: (id) => changeSelection({ nodes: [id], edges: [] }),
    canResize: (id, box) => resizeKeepsContents(latestDesign.current, id, box),
  }), [changeSelection]);

  // Edge routing waits while a card is dragged or a container resized (the moved ends draw a simple path).
  const gestureUnderWay = useCallback(() => gesture.current !== undefined || dragStart.current !== undefined || resizeGesture.current !== undefined, []);

  const onConnect = useCallback((c: Connection) => {
    if (c.source && c.target) pendingConnect.current = { from: c.source, to: c.target };
  }, []);

  const onConnectEnd: OnConnectEnd = useCallback((event) => {
    const pending = pendingConnect.current;
    pendingConnect.current = undefined;
    if (!pending) return;
    const point = 'changedTouches' in event ? event.changedTouches[0] : event;
    onConnectRequest(pending.from, pending.to, { x: point.clientX, y: point.clientY });
  }, [onConnectRequest]);

  const onDragOver = useCallback((event: DragEvent) => {
    const types = event.dataTransfer.types;
    if (!types.includes(PALETTE_MIME) && !(onDropFile && types.includes('Files'))) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, [onDropFile]);

  const onDrop = useCallback((event: DragEvent) => {
    const dropped = event.dataTransfer.files?.[0];
    if (dropped && onDropFile && !event.dataTransfer.types.includes(PALETTE_MIME)) {
      event.preventDefault();
      onDropFile(dropped);
      return;
    }
    const kind = event.dataTransfer.getData(PALETTE_MIME);
    if (!kind || !isNodeKind(kind)) return;
    event.preventDefault();
    onAddNode(kind, flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }));
  }, [flow, onAddNode, onDropFile]);

  const onPaneClick = useCallback(() => {
    if (selection.nodes.length || selection.edges.length) onSelectionChange({ nodes: [], edges: [] });
  }, [onSelectionChange, selection]);

  return (
    <div className={`sd-canvas${paths ? ' has-legend' : ''}`} ref={wrapper} data-testid="canvas" onDragOver={onDragOver} onDrop={onDrop}>
      {paths && <PathsLegend />}
      <CanvasActionsContext.Provider value={actions}>
      <EdgeRoutesProvider nodes={nodes} edges={edges} busy={gestureUnderWay}>
      <FarLook>
      <ReactFlow<ResourceFlowNode>
        nodes={placed ? nodes : NO_NODES}
        edges={placed ? edges : NO_EDGES}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        // On a large design only the cards and connections in view are rendered (issue 15: a
        // 5,000-node design opened in 12 s, now 3 s); a small one keeps every card in the page.
        onlyRenderVisibleElements={nodes.length > CULL_ABOVE_NODES}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStart={onNodeDragStart}
        onNodeDrag={onNodeDrag}
        onNodeDragStop={onNodeDragStop}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        onPaneClick={onPaneClick}
        selectionOnDrag
        panOnDrag={PAN_BUTTONS}
        panOnScroll
        selectionMode={SelectionMode.Partial}
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        snapToGrid={!!snapToGrid}
        snapGrid={SNAP_GRID}
        deleteKeyCode={null}
        fitView={fitOnLoad}
        fitViewOptions={FIT_VIEW}
        minZoom={MIN_ZOOM}
        maxZoom={2}
        zIndexMode="manual"
        proOptions={PRO_OPTIONS}
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1} color="var(--sd-canvas-dots)" />
        <Controls showInteractive={false} fitViewOptions={FIT_VIEW} />
        <FitMiniMap pannable zoomable nodeColor={miniMapColor} nodeStrokeWidth={2} ariaLabel="Overview of the design" />
        <ReadableText />
      </ReactFlow>
      </FarLook>
      </EdgeRoutesProvider>
      </CanvasActionsContext.Provider>
      {question && <PlacementMenu at={question.at} question={question.question} onAnswer={question.answer} />}
    </div>
  );
});

/** What the "Paths" colours mean; the edge labels say it in words too. */
function PathsLegend() {
  return (
    // A strip above the canvas, not a panel over it: it never covers the design.
    <div className="sd-legend sd-legend-strip" role="note" aria-label="Paths legend" data-testid="paths-legend">
      <span className="sd-legend-item"><i className="sd-swatch sd-reach-yes" />reachable</span>
      <span className="sd-legend-item"><i className="sd-swatch sd-reach-partial" />partly (some subnets)</span>
      <span className="sd-legend-item"><i className="sd-swatch sd-reach-no" />unreachable</span>
      <span className="sd-legend-item"><i className="sd-swatch sd-retry-lost" />failed events lost</span>
      <span className="sd-legend-item"><i className="sd-swatch sd-edge-dlq" />dead-letter queue (DLQ)</span>
    </div>
  );
}

// includeHiddenNodes: React Flow fits only the cards it has measured unless told to count the others
// at their declared sizes; a large design draws (and measures) only the cards in view, and the
// canvas hides no node, so this counts every card, at its estimated size until it is drawn.
const FIT_VIEW = { padding: 0.06, maxZoom: 1.1, includeHiddenNodes: true } as const;
/** Left-drag on empty canvas draws a selection box; the middle and right buttons (or Space + drag,
 *  React Flow's pan key) pan, as does scrolling. Shift / Ctrl / Cmd-click add to the selection. */
const PAN_BUTTONS = [1, 2];
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
/** The snap grid: 20 px, the background's dot spacing. */
export const GRID = 20;
const SNAP_GRID: [number, number] = [GRID, GRID];
const ARROWS: Record<string, { x: number; y: number }> = { ArrowLeft: { x: -1, y: 0 }, ArrowRight: { x: 1, y: 0 }, ArrowUp: { x: 0, y: -1 }, ArrowDown: { x: 0, y: 1 } };
/** Low enough that fit-to-view shows a 200-node design whole in a 1440×900 window (canvas about
 *  908×547 with the dock open). Measured: core's ELK layout of bench/generate's 200 nodes spans
 *  4292×3026 (needs zoom 0.16), the fallback grid for nodes without positions 1180×5200 (0.094);
 *  0.05 leaves room for a smaller window. test/e2e/fit.spec.ts checks both. */
export const MIN_ZOOM = 0.05;
const NO_NODES: ResourceFlowNode[] = [];
const NO_EDGES: DesignFlowEdge[] = [];
/** What a card not measured yet is given: its size and handle positions as estimated. */
const UNMEASURED_CARD = { initialWidth: RESOURCE_SIZE.width, initialHeight: RESOURCE_SIZE.height, handles: estimatedHandles(RESOURCE_SIZE.width, RESOURCE_SIZE.height) };

// Attribution stays visible (the MIT licence does not require it; this keeps it honest).
const PRO_OPTIONS = { hideAttribution: false } as const;
const miniMapColor = (n: ResourceFlowNode) => (n.type === 'container' ? 'rgba(120,130,145,0.15)' : (n.type as string) === 'note' ? 'rgba(230,180,40,0.5)' : kindColor(n.data.node.kind));
