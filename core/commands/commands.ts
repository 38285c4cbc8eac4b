import { current, enablePatches, produceWithPatches, type Draft, type Patch } from 'immer';
import { canConnect } from '../model/connections';
import { createEdge, createNode, REGION_PATTERN, type Design, type DesignEdge, type DesignNode } from '../model/design';
import type { EdgeKind } from '../model/edges';
import { kindLabel, type NodeKind } from '../model/kinds';
import { fieldTitleOfPath } from '../model/fieldTitle';
import { CURRENT_SCHEMA_VERSION, DESIGN_FORMAT } from '../model/migrations';
import { restoreDesign } from '../model/parse';
import { jsonPath, type PathPart, type Problem } from '../model/problems';
import { NODE_REFS, PARENT_KINDS } from '../model/references';
import { nextId, nextName } from './ids';
import type { Point } from './layout';
import { applyUsageCommand, isUsageCommand, usageCommandLabel, type UsageCommand } from './usage';
import { alternativeCommandLabel, applyAlternativeCommand, isAlternativeCommand, type AlternativeCommand } from './alternatives';
import { applySuppressionCommand, isSuppressionCommand, suppressionCommandLabel, type SuppressionCommand } from './suppressions';
import { applyPlacementCommand, isPlacementCommand, placementCommandLabel, type PlacementCommand } from './placement';
import { applyClipboardCommand, clipboardCommandLabel, isClipboardCommand, type ClipboardCommand } from './clipboard';
import { applyNoteCommand, isNoteCommand, noteCommandLabel, type NoteCommand } from './notes';
import { rebasePositions, SUBNET_PLACED_KINDS } from '../model/placement';
import { newSubnetDefaults } from '../model/subnetDefaults';

enablePatches();

/** Every edit the user can make. Positions are relative to the node's parent (see layout.ts). */
export type Command =
  | { type: 'addNode'; kind: NodeKind; position: Point; name?: string; id?: string; parent?: string; props?: Record<string, unknown> }
  | { type: 'removeNodes'; ids: readonly string[] }
  | { type: 'connect'; from: string; to: string; kind: EdgeKind; props?: Record<string, unknown>; id?: string }
  | { type: 'removeEdges'; ids: readonly string[] }
  /** `path` is inside the node's props, e.g. ['asyncConfig', 'maximumRetryAttempts']. */
  | { type: 'setProp'; nodeId: string; path: readonly PathPart[]; value: unknown }
  | { type: 'setEdgeProp'; edgeId: string; path: readonly PathPart[]; value: unknown }
  | { type: 'rename'; nodeId: string; name: string }
  /** Layout only. `gesture` ties the moves of one drag together for the history's squash. */
  | { type: 'move'; positions: Readonly<Record<string, Point>>; gesture?: string }
  | { type: 'resize'; nodeId: string; width: number; height: number; gesture?: string }
  /** Places a node inside a container (or takes it out with null), keeping it where it is on the canvas. */
  | { type: 'setParent'; nodeId: string; parent: string | null }
  | { type: 'setViewport'; viewport: { x: number; y: number; zoom: number } }
  /** The design's own name and region. */
  | { type: 'setDesign'; name?: string; region?: string }
  /** Several commands as one step: all apply, or none does. */
  | { type: 'batch'; label: string; commands: readonly Command[] }
  /** Usage values and usage profiles (usage.ts). */
  | UsageCommand
  /** Variants of the design in the same file: duplicate, switch, rename, delete (alternatives.ts). */
  | AlternativeCommand
  /** Accept a finding with a reason, or take that back (suppressions.ts). */
  | SuppressionCommand
  /** A resource put in subnets or taken out of its VPC (placement.ts). */
  | PlacementCommand
  /** A copied fragment inserted with new ids and names (clipboard.ts). */
  | ClipboardCommand
  /** Sticky notes on the canvas, layout only (notes.ts). */
  | NoteCommand;

export interface PerformResult {
  design: Design;
  patches: Patch[];
  inversePatches: Patch[];
  /** Why nothing changed; the design is returned as it was. */
  refused?: string;
  /** Accepted but worth telling: values outside AWS's range, which the model stores as written. */
  warnings: Problem[];
  /** Ids of the nodes and edges the command created. */
  created: string[];
}

class Refusal extends Error {}
const refuse = (reason: string): never => {
  throw new Refusal(reason);
};

interface Context { warnings: Problem[]; created: string[] }

/** Applies one command. Never throws for a refused edit: `refused` says why and the design is unchanged. */
export function perform(design: Design, command: Command): PerformResult {
  const ctx: Context = { warnings: [], created: [] };
  try {
    const [next, patches, inversePatches] = produceWithPatches(design, (draft) => {
      applyCommand(draft, command, ctx);
      // A node now drawn in another container (its subnets or parent changed) keeps its place on the
      // canvas: positions are relative to the draw parent (core/model/placement.ts).
      if (mayChangePlacement(command, design)) rebasePositions(design, { nodes: current(draft).nodes, layout: { positions: draft.layout.positions } });
    });
    return { design: next, patches, inversePatches, warnings: ctx.warnings, created: ctx.created };
  } catch (err) {
    if (err instanceof Refusal) return { design, patches: [], inversePatches: [], refused: err.message, warnings: [], created: [] };
    throw err;
  }
}

/** Commands that can change where an existing node is drawn (what subnet or container it is in);
 *  every other command skips the rebase (it costs a copy of the draft and two placements: ~60 ms
 *  of a 1,000-node edit in the app). A new node is never rebased: it is placed where the command
 *  says. A setting changes placement only where it is, or holds, the node's subnet list
 *  (SUBNET_PLACED_KINDS): a function's memory never moves it. */
const MAY_CHANGE_PLACEMENT = new Set(['removeNodes', 'setParent', 'attachToSubnets', 'detachFromNetwork']);
function mayChangePlacement(command: Command, design: Design): boolean {
  if (command.type === 'batch') return command.commands.some((c) => mayChangePlacement(c, design));
  if (command.type === 'setProp') {
    const kind = design.nodes.find((n) => n.id === command.nodeId)?.kind;
    const subnets = kind === undefined ? undefined : SUBNET_PLACED_KINDS[kind]?.subnets;
    if (!subnets) return false;
    const shared = Math.min(subnets.length, command.path.length);
    return command.path.slice(0, shared).every((key, i) => key === subnets[i]);
  }
  return MAY_CHANGE_PLACEMENT.has(command.type);
}

/** Short text for menus and tooltips: "Undo Move", "Redo Connect". */
export function commandLabel(command: Command): string {
  if (isUsageCommand(command)) return usageCommandLabel(command);
  if (isAlternativeCommand(command)) return alternativeCommandLabel(command);
  if (isSuppressionCommand(command)) return suppressionCommandLabel(command);
  if (isPlacementCommand(command)) return placementCommandLabel(command);
  if (isClipboardCommand(command)) return clipboardCommandLabel(command);
  if (isNoteCommand(command)) return noteCommandLabel(command);
  switch (command.type) {
    case 'addNode': return `Add ${kindLabel(command.kind)}`;
    case 'removeNodes': return 'Delete';
    case 'connect': return `Connect (${command.kind})`;
    case 'removeEdges': return 'Delete connection';
    case 'setProp': case 'setEdgeProp': return `Change ${fieldTitleOfPath(command.path) ?? 'setting'}`;
    case 'rename': return 'Rename';
    case 'move': return 'Move';
    case 'resize': return 'Resize';
    case 'setParent': return 'Change container';
    case 'setViewport': return 'Pan / zoom';
    case 'setDesign': return 'Change design';
    case 'batch': return command.label;
  }
}

type D = Draft<Design>;

function findNode(draft: D, id: string): Draft<DesignNode> {
  return draft.nodes.find((n) => n.id === id) ?? refuse(`There is no node "${id}" in this design.`);
}

/** Moves and resizes take a node or a sticky note (its place is in the layout too). */
function findNodeOrNote(draft: D, id: string): void {
  if (!draft.layout.notes?.some((n) => n.id === id)) findNode(draft, id);
}

function applyCommand(draft: D, command: Command, ctx: Context): void {
  if (isUsageCommand(command)) {
    const refused = applyUsageCommand(draft, command);
    if (refused) refuse(refused);
    return;
  }
  if (isAlternativeCommand(command)) {
    const refused = applyAlternativeCommand(draft, command);
    if (refused) refuse(refused);
    return;
  }
  if (isSuppressionCommand(command)) {
    const refused = applySuppressionCommand(draft, command);
    if (refused) refuse(refused);
    return;
  }
  if (isPlacementCommand(command)) {
    const refused = applyPlacementCommand(draft, command, ctx.created);
    if (refused) refuse(refused);
    return;
  }
  if (isClipboardCommand(command)) {
    const refused = applyClipboardCommand(draft, command, ctx.created);
    if (refused) refuse(refused);
    return;
  }
  if (isNoteCommand(command)) {
    const refused = applyNoteCommand(draft, command, ctx.created);
    if (refused) refuse(refused);
    return;
  }
  switch (command.type) {
    case 'addNode': return addNode(draft, command, ctx);
    case 'removeNodes': return removeNodes(draft, command.ids, ctx);
    case 'connect': return connect(draft, command, ctx);
    case 'removeEdges': return removeEdges(draft, new Set(command.ids));
    case 'setProp': return setNodeProp(draft, command, ctx);
    case 'setEdgeProp': return setEdgeProp(draft, command);
    case 'rename': {
      const name = command.name.trim();
      if (!name) refuse('A node needs a name.');
      findNode(draft, command.nodeId).name = name;
      return;
    }
    case 'move':
      for (const [id, p] of Object.entries(command.positions)) {
        findNodeOrNote(draft, id);
        if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) refuse('A position must be a finite number.');
        const old = draft.layout.positions[id];
        draft.layout.positions[id] = old ? Object.assign(old, { x: p.x, y: p.y }) : { x: p.x, y: p.y };
      }
      return;
    case 'resize': {
      findNodeOrNote(draft, command.nodeId);
      if (!(command.width > 0 && command.height > 0)) refuse('A size must be positive.');
      const old = draft.layout.positions[command.nodeId];
      draft.layout.positions[command.nodeId] = { ...(old ?? { x: 0, y: 0 }), width: command.width, height: command.height };
      return;
    }
    case 'setParent': return setParent(draft, command.nodeId, command.parent);
    case 'setViewport':
      draft.layout.viewport = { ...command.viewport };
      return;
    case 'setDesign':
      if (command.name !== undefined) {
        if (!command.name.trim()) refuse('A design needs a name.');
        draft.name = command.name.trim();
      }
      if (command.region !== undefined) {
        if (!REGION_PATTERN.test(command.region)) refuse(`"${command.region}" is not an AWS region such as us-east-1.`);
        draft.region = command.region;
      }
      return;
    case 'batch':
      for (const c of command.commands) applyCommand(draft, c, ctx);
      return;
  }
}

function checkParent(draft: D, node: { id: string; kind: string }, parentId: string): void {
  const parent = draft.nodes.find((n) => n.id === parentId) ?? refuse(`There is no container "${parentId}" in this design.`);
  const allowed = PARENT_KINDS[node.kind] ?? [];
  if (!allowed.includes(parent.kind)) {
    refuse(allowed.length
      ? `A ${kindLabel(node.kind)} belongs inside a ${allowed.map(kindLabel).join(' or ')}, not inside a ${kindLabel(parent.kind)}.`
      : `A ${kindLabel(node.kind)} is not placed inside other resources.`);
  }
  for (let p: Draft<DesignNode> | undefined = parent; p; p = p.parent ? draft.nodes.find((n) => n.id === p?.parent) : undefined) {
    if (p.id === node.id) refuse('A container cannot be placed inside itself.');
  }
}

function addNode(draft: D, command: Extract<Command, { type: 'addNode' }>, ctx: Context): void {
  const snapshot = current(draft);
  const id = command.id ?? nextId(snapshot, command.kind);
  if (snapshot.nodes.some((n) => n.id === id) || snapshot.edges.some((e) => e.id === id)) refuse(`The id "${id}" is already taken.`);
  if (command.parent !== undefined) checkParent(draft, { id, kind: command.kind }, command.parent);
  // A subnet added into a VPC gets the next free block of the VPC's range and the next AZ; props given win.
  const subnet = command.kind === 'subnet' && command.parent !== undefined ? newSubnetDefaults(snapshot, command.parent) : undefined;
  let node: DesignNode;
  try {
    node = createNode(command.kind, id, command.name?.trim() || nextName(snapshot, kindLabel(command.kind)), { ...subnet?.props, ...command.props }, command.parent);
  } catch (err) {
    return refuse(`Cannot add a ${kindLabel(command.kind)}: ${err instanceof Error ? err.message : String(err)}`);
  }
  draft.nodes.push(node as Draft<DesignNode>);
  draft.layout.positions[id] = { x: command.position.x, y: command.position.y };
  ctx.created.push(id);
  if (subnet?.warning && command.props?.cidr === undefined) {
    ctx.warnings.push({ path: jsonPath(['nodes', snapshot.nodes.length, 'props', 'cidr']), message: subnet.warning, target: { id, name: node.name, type: 'node' }, code: 'range' });
  }
}

function descendantsOf(design: Design, ids: ReadonlySet<string>): Set<string> {
  const all = new Set(ids);
  let grew = true;
  while (grew) {
    grew = false;
    for (const n of design.nodes) {
      if (n.parent && all.has(n.parent) && !all.has(n.id)) {
        all.add(n.id);
        grew = true;
      }
    }
  }
  return all;
}

/** Removes the nodes, what they contain, their edges, the usage, suppressions and layout entries
 *  that name any of them, and the references to them in other nodes' props (see dropReferences). */
function removeNodes(draft: D, ids: readonly string[], ctx: Context): void {
  const snapshot = current(draft);
  for (const id of ids) if (!snapshot.nodes.some((n) => n.id === id)) refuse(`There is no node "${id}" in this design.`);
  const removed = descendantsOf(snapshot, new Set(ids));
  const edgeIds = new Set(snapshot.edges.filter((e) => removed.has(e.from) || removed.has(e.to)).map((e) => e.id));
  removeEdges(draft, edgeIds);
  draft.nodes = draft.nodes.filter((n) => !removed.has(n.id));
  for (const profile of Object.values(draft.usage.profiles)) {
    for (const id of removed) delete profile.nodes[id];
  }
  draft.suppressions = draft.suppressions.filter((s) => !removed.has(s.target));
  for (const id of removed) delete draft.layout.positions[id];
  dropReferences(draft, removed, ctx);
}

/** Clears what the nodes that stay say about removed ones (NODE_REFS): a list loses the id, a
 *  single reference becomes null (a subnet with no default route), a security-group rule whose
 *  peer was removed goes. A function left without any subnet or security group cannot stay
 *  attached to its VPC, so it is detached — told as a warning, since its network changes. */
function dropReferences(draft: D, removed: ReadonlySet<string>, ctx: Context): void {
  draft.nodes.forEach((node, index) => {
    for (const ref of NODE_REFS[node.kind] ?? []) {
      const holder = ref.path.slice(0, -1).reduce<unknown>((o, k) => (isRecord(o) ? o[k] : undefined), node.props);
      const key = ref.path[ref.path.length - 1];
      if (!isRecord(holder)) continue;
      const value = holder[key];
      if (ref.many && Array.isArray(value) && value.some((id) => removed.has(id))) holder[key] = value.filter((id) => !removed.has(id));
      else if (!ref.many && typeof value === 'string' && removed.has(value)) holder[key] = null;
    }
    if (node.kind === 'securityGroup') {
      const gone = (rule: { securityGroup: string | null }) => rule.securityGroup !== null && removed.has(rule.securityGroup);
      if (node.props.ingress.some(gone)) node.props.ingress = node.props.ingress.filter((r) => !gone(r));
      if (node.props.egress?.some(gone)) node.props.egress = node.props.egress.filter((r) => !gone(r));
    }
    if (node.kind === 'lambda' && node.props.vpc && (!node.props.vpc.subnets.length || !node.props.vpc.securityGroups.length)) {
      node.props.vpc = null;
      ctx.warnings.push({
        code: 'reference', path: jsonPath(['nodes', index, 'props', 'vpc']), target: { id: node.id, name: node.name, type: 'node' },
        message: 'detached from its VPC: none of its subnets or none of its security groups is left',
      });
    }
  });
}

function removeEdges(draft: D, ids: ReadonlySet<string>): void {
  if (ids.size === 0) return;
  for (const id of ids) if (!draft.edges.some((e) => e.id === id)) refuse(`There is no connection "${id}" in this design.`);
  draft.edges = draft.edges.filter((e) => !ids.has(e.id));
  for (const profile of Object.values(draft.usage.profiles)) {
    for (const id of ids) delete profile.edges[id];
  }
  draft.suppressions = draft.suppressions.filter((s) => !ids.has(s.target));
}

function connect(draft: D, command: Extract<Command, { type: 'connect' }>, ctx: Context): void {
  const snapshot = current(draft);
  const from = snapshot.nodes.find((n) => n.id === command.from) ?? refuse(`There is no node "${command.from}" in this design.`);
  const to = snapshot.nodes.find((n) => n.id === command.to) ?? refuse(`There is no node "${command.to}" in this design.`);
  const verdict = canConnect(from, to, command.kind, command.props ?? {});
  if (!verdict.ok) refuse(verdict.reason);
  if (snapshot.edges.some((e) => e.from === from.id && e.to === to.id && e.kind === command.kind)) {
    refuse(`${from.name} already has a ${command.kind} connection to ${to.name}.`);
  }
  const id = command.id ?? nextId(snapshot, command.kind);
  if (snapshot.nodes.some((n) => n.id === id) || snapshot.edges.some((e) => e.id === id)) refuse(`The id "${id}" is already taken.`);
  let edge: DesignEdge;
  try {
    edge = createEdge(command.kind, id, from.id, to.id, command.props ?? {});
  } catch (err) {
    return refuse(`Cannot connect: ${err instanceof Error ? err.message : String(err)}`);
  }
  draft.edges.push(edge as Draft<DesignEdge>);
  ctx.created.push(id);
}

/** Props are JSON values (they came from a file or a form), so a JSON round trip copies them exactly. */
const cloneJson = <T>(v: T): T => (v === undefined ? v : JSON.parse(JSON.stringify(v)));

const isRecord = (v: unknown): v is Record<PathPart, unknown> => typeof v === 'object' && v !== null;

/** A copy of `props` with `value` at `path` (undefined deletes the key, so the default applies). */
function withValueAt(props: unknown, path: readonly PathPart[], value: unknown): Record<string, unknown> {
  if (path.length === 0) refuse('A setting needs a path.');
  const root = cloneJson(props) as Record<string, unknown>;
  let container: Record<PathPart, unknown> = root;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i];
    if (!isRecord(container[key])) container[key] = typeof path[i + 1] === 'number' ? [] : {};
    container = container[key] as Record<PathPart, unknown>;
  }
  const last = path[path.length - 1];
  if (value === undefined) delete container[last];
  else container[last] = cloneJson(value);
  return root;
}

/** Validates one node or edge the way a file is validated, by the model's own loader: range
 *  problems come back as warnings with the value kept; anything else refuses the edit. */
function validateInIsolation(nodes: DesignNode[], edges: DesignEdge[]): { design: Design; problems: Problem[] } {
  // A fraction where AWS wants a whole number is refused here (the field goes back), while a file
  // with one loads it as a range problem.
  const result = restoreDesign({ format: DESIGN_FORMAT, schemaVersion: CURRENT_SCHEMA_VERSION, name: 'check', nodes, edges }, { fractions: 'refuse' });
  if (!result.ok) {
    const first = result.problems[0];
    return refuse(first ? `${first.path.replace(/^\$\.(nodes|edges)\[0\]\.?(props\.)?/, '') || 'value'}: ${first.message}` : 'The value is not valid.');
  }
  const blocking = result.problems.find((p) => p.code === 'connection');
  if (blocking) refuse(blocking.message);
  return { design: result.design, problems: result.problems.filter((p) => p.code === 'range') };
}

function setNodeProp(draft: D, command: Extract<Command, { type: 'setProp' }>, ctx: Context): void {
  const index = draft.nodes.findIndex((n) => n.id === command.nodeId);
  if (index < 0) refuse(`There is no node "${command.nodeId}" in this design.`);
  const node = current(draft.nodes[index]) as DesignNode;
  const candidate = { ...node, parent: undefined, props: withValueAt(node.props, command.path, command.value) } as DesignNode;
  const checked = validateInIsolation([candidate], []);
  draft.nodes[index].props = checked.design.nodes[0].props as Draft<DesignNode>['props'];
  for (const p of checked.problems) ctx.warnings.push({ ...p, path: p.path.replace('$.nodes[0]', jsonPath(['nodes', index])), target: { id: node.id, name: node.name, type: 'node' } });
}

function setEdgeProp(draft: D, command: Extract<Command, { type: 'setEdgeProp' }>): void {
  const index = draft.edges.findIndex((e) => e.id === command.edgeId);
  if (index < 0) refuse(`There is no connection "${command.edgeId}" in this design.`);
  const edge = current(draft.edges[index]) as DesignEdge;
  const ends = [edge.from, edge.to].map((id) => current(findNode(draft, id)) as DesignNode).map((n) => ({ ...n, parent: undefined }) as DesignNode);
  const candidate = { ...edge, props: withValueAt(edge.props, command.path, command.value) } as DesignEdge;
  const checked = validateInIsolation(ends[0].id === ends[1].id ? [ends[0]] : ends, [candidate]);
  draft.edges[index].props = checked.design.edges[0].props as Draft<DesignEdge>['props'];
}

function setParent(draft: D, nodeId: string, parentId: string | null): void {
  const node = findNode(draft, nodeId);
  if ((node.parent ?? null) === parentId) return;
  if (parentId === null) delete node.parent;
  else {
    checkParent(draft, node, parentId);
    node.parent = parentId;
  }
  // The position follows in perform (rebasePositions): the node stays where it is on the canvas.
}
