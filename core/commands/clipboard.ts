import { current, type Draft } from 'immer';
import { z } from 'zod';
import { cidrContains, cidrsOverlap, nextFreeSubnet, parseCidr } from '../model/cidr';
import { edgeSchema, nodeSchema, type Design, type DesignEdge, type DesignNode } from '../model/design';
import { absolutePositions, placementOf } from '../model/placement';
import { checkReferences, NODE_REFS } from '../model/references';
import { own as ownValue } from '../model/own';
import type { PathPart } from '../model/problems';
import type { Point } from './layout';

/** Copy, cut, paste and duplicate. What is copied is a `Fragment`: plain JSON, so it travels on the
 *  system clipboard between designs and windows, and is validated again when pasted (the clipboard
 *  can hold anything). */
export const FRAGMENT_FORMAT = 'serverless-design-fragment';

/** Where a node of the fragment was on the canvas (absolute), and a container's size. */
const fragmentPosition = z.object({ x: z.number(), y: z.number(), width: z.number().positive().optional(), height: z.number().positive().optional() });

export const fragmentSchema = z.object({
  format: z.literal(FRAGMENT_FORMAT),
  version: z.literal(1),
  nodes: z.array(nodeSchema),
  edges: z.array(edgeSchema).default([]),
  /** Absolute canvas positions by node id (a pasted node can land in another container). */
  positions: z.record(z.string(), fragmentPosition).default({}),
  /** Sticky notes (layout.notes), their places in `positions` too. */
  notes: z.array(z.object({ id: z.string().min(1), text: z.string() })).default([]),
});

export type Fragment = z.output<typeof fragmentSchema>;

export type ClipboardCommand =
  /** Inserts a copy of the fragment with new ids and names. `offset` moves every node by that much
   *  from where it was copied; `at` puts the fragment's top-left corner there. */
  | { type: 'paste'; fragment: Fragment; offset?: Point; at?: Point; label?: string };

export const isClipboardCommand = (command: { type: string }): command is ClipboardCommand => command.type === 'paste';

export function clipboardCommandLabel(command: ClipboardCommand): string {
  return command.label ?? 'Paste';
}

/** Where the node is drawn, and every container above it (draw parents, then model parents). */
function ancestorsOf(design: Design, id: string, placement: ReturnType<typeof placementOf>): string[] {
  const out: string[] = [];
  const byId = new Map(design.nodes.map((n) => [n.id, n]));
  let at: string | undefined = id;
  const seen = new Set<string>([id]);
  while (at) {
    const node = byId.get(at);
    const ups: string[] = [placement.get(at)?.drawParent, node?.parent].filter((p): p is string => !!p && !seen.has(p));
    for (const p of ups) seen.add(p);
    out.push(...ups);
    at = ups[0];
  }
  return out;
}

/** The selected nodes and what they contain (drawn inside, or model children such as a bus's rules),
 *  the edges between them, and their absolute positions. Ids not in the design are ignored. */
export function copyFragment(design: Design, selection: { nodes: readonly string[] }): Fragment {
  const placement = placementOf(design);
  const selected = new Set(selection.nodes.filter((id) => design.nodes.some((n) => n.id === id)));
  const taken = new Set<string>();
  for (const n of design.nodes) {
    if (selected.has(n.id) || ancestorsOf(design, n.id, placement).some((a) => selected.has(a))) taken.add(n.id);
  }
  const abs = absolutePositions(design, placement);
  const positions: Fragment['positions'] = {};
  for (const id of taken) {
    const p = abs.get(id);
    const stored = ownValue(design.layout.positions, id);
    if (p) positions[id] = { x: p.x, y: p.y, ...(stored?.width ? { width: stored.width } : {}), ...(stored?.height ? { height: stored.height } : {}) };
  }
  const chosen = new Set(selection.nodes);
  const notes = (design.layout.notes ?? []).filter((n) => chosen.has(n.id));
  for (const n of notes) {
    const p = ownValue(design.layout.positions, n.id);
    if (p) positions[n.id] = { ...p };
  }
  const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
  return {
    format: FRAGMENT_FORMAT,
    version: 1,
    nodes: design.nodes.filter((n) => taken.has(n.id)).map(clone),
    edges: design.edges.filter((e) => taken.has(e.from) && taken.has(e.to)).map(clone),
    positions,
    notes: notes.map((n) => ({ id: n.id, text: n.text })),
  };
}

export const serializeFragment = (fragment: Fragment): string => JSON.stringify(fragment);

/** Reads clipboard text. Anything that is not a fragment (text from elsewhere, a damaged or foreign
 *  fragment) gives a message saying what is wrong, naming the place. */
export function parseFragment(text: string): { ok: true; fragment: Fragment } | { ok: false; message: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, message: 'The clipboard does not hold Serverless Designer resources (it holds other text).' };
  }
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== FRAGMENT_FORMAT) {
    return { ok: false, message: 'The clipboard does not hold Serverless Designer resources.' };
  }
  const parsed = fragmentSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = '$' + (issue?.path ?? []).map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
    return { ok: false, message: `The copied resources cannot be pasted: ${where}: ${issue?.message ?? 'not valid'}.` };
  }
  const ids = new Set(parsed.data.nodes.map((n) => n.id));
  if (ids.size !== parsed.data.nodes.length) return { ok: false, message: 'The copied resources cannot be pasted: a node id is used twice.' };
  const bad = parsed.data.edges.findIndex((e) => !ids.has(e.from) || !ids.has(e.to));
  if (bad >= 0) return { ok: false, message: `The copied resources cannot be pasted: $.edges[${bad}] joins a node that is not in the copy.` };
  return { ok: true, fragment: parsed.data };
}

/** "Orders fn" → "Orders fn 2" (then 3 …); "Orders fn 2" → "Orders fn 3". */
export function uniqueCopyName(taken: ReadonlySet<string>, name: string): string {
  if (!taken.has(name)) return name;
  const m = /^(.*\S)\s+(\d+)$/.exec(name);
  const base = m ? m[1] : name;
  for (let i = m ? Number(m[2]) + 1 : 2; ; i++) if (!taken.has(`${base} ${i}`)) return `${base} ${i}`;
}

const isRecord = (v: unknown): v is Record<PathPart, unknown> => typeof v === 'object' && v !== null;

/** Pasted subnets that land in a VPC of this design (not one pasted with them) get a block of their own:
 *  the copied block when it lies in the VPC and overlaps none of its subnets (a paste from another
 *  design), else the lowest free block of the same prefix length (a duplicate would otherwise overlap
 *  its original at once: NET-18). With no such block left the copied one stays and NET-18 says so.
 *  A pasted VPC keeps its subnets' blocks: a new VPC overlaps nothing that matters. */
function freeBlocksForPastedSubnets(before: Design, pasted: readonly DesignNode[]): void {
  const assigned = new Map<string, string[]>();
  for (const n of pasted) {
    if (n.kind !== 'subnet' || !n.parent) continue;
    const vpc = before.nodes.find((v) => v.id === n.parent);
    if (vpc?.kind !== 'vpc') continue;
    const taken = [...before.nodes.flatMap((s) => (s.kind === 'subnet' && s.parent === vpc.id ? [s.props.cidr] : [])), ...(assigned.get(vpc.id) ?? [])];
    const own = parseCidr(n.props.cidr);
    const fits = own && cidrContains(vpc.props.cidr, own) && !taken.some((t) => cidrsOverlap(t, own));
    const cidr = fits || !own ? n.props.cidr : nextFreeSubnet(vpc.props.cidr, taken, own.bits) ?? n.props.cidr;
    n.props.cidr = cidr;
    assigned.set(vpc.id, [...(assigned.get(vpc.id) ?? []), cidr]);
  }
}

type D = Draft<Design>;

/** Applies a paste to the draft; returns the reason when refused. `created` receives the new ids. */
export function applyClipboardCommand(draft: D, command: ClipboardCommand, created: string[]): string | undefined {
  const { fragment } = command;
  if (!fragment.nodes.length && !fragment.notes.length) return 'There is nothing to paste.';
  const before = current(draft) as Design;
  const existing = new Set(before.nodes.map((n) => n.id));
  const taken = new Set<string>([...existing, ...before.edges.map((e) => e.id), ...(before.layout.notes ?? []).map((n) => n.id)]);
  const fresh = (prefix: string) => {
    for (let i = 1; ; i++) {
      const id = `${prefix}-${i}`;
      if (!taken.has(id)) {
        taken.add(id);
        return id;
      }
    }
  };
  const nodeIds = new Map<string, string>();
  for (const n of fragment.nodes) nodeIds.set(n.id, fresh(n.kind));
  const edgeIds = new Map<string, string>();
  for (const e of fragment.edges) edgeIds.set(e.id, fresh(e.kind));
  /** A reference: to a copied node → its copy; to a node of this design → kept; else gone. */
  const mapRef = (id: unknown): string | undefined => (typeof id !== 'string' ? undefined : nodeIds.get(id) ?? (existing.has(id) ? id : undefined));
  const names = new Set(before.nodes.map((n) => n.name));

  const nodes: DesignNode[] = fragment.nodes.map((original) => {
    const n = JSON.parse(JSON.stringify(original)) as DesignNode & { parent?: string };
    n.id = nodeIds.get(original.id) as string;
    n.name = uniqueCopyName(names, original.name);
    names.add(n.name);
    if (n.parent !== undefined) {
      const parent = mapRef(n.parent);
      if (parent) n.parent = parent;
      else delete n.parent;
    }
    for (const ref of NODE_REFS[n.kind] ?? []) {
      const holder = ref.path.slice(0, -1).reduce<unknown>((o, k) => (isRecord(o) ? o[k] : undefined), n.props);
      if (!isRecord(holder)) continue;
      const key = ref.path[ref.path.length - 1];
      const value = holder[key];
      if (ref.many && Array.isArray(value)) holder[key] = value.map(mapRef).filter((x): x is string => !!x);
      else if (!ref.many && typeof value === 'string') holder[key] = mapRef(value) ?? null;
    }
    if (n.kind === 'securityGroup') {
      const remap = <R extends { securityGroup: string | null }>(rules: R[]): R[] => rules.flatMap((r) => {
        if (r.securityGroup === null) return [r];
        const peer = mapRef(r.securityGroup);
        return peer ? [{ ...r, securityGroup: peer }] : [];
      });
      n.props.ingress = remap(n.props.ingress);
      if (n.props.egress) n.props.egress = remap(n.props.egress);
    }
    // A function copied without any of its subnets or groups cannot stay in a VPC (as in removeNodes).
    if (n.kind === 'lambda' && n.props.vpc && (!n.props.vpc.subnets.length || !n.props.vpc.securityGroups.length)) n.props.vpc = null;
    return n;
  });
  freeBlocksForPastedSubnets(before, nodes);
  const edges: DesignEdge[] = fragment.edges.map((original) => {
    const e = JSON.parse(JSON.stringify(original)) as DesignEdge;
    e.id = edgeIds.get(original.id) as string;
    e.from = nodeIds.get(original.from) as string;
    e.to = nodeIds.get(original.to) as string;
    const props = e.props as Record<string, unknown>;
    if (typeof props.via === 'string') {
      const via = edgeIds.get(props.via) ?? (before.edges.some((x) => x.id === props.via) ? props.via : undefined);
      if (via) props.via = via;
      else delete props.via;
    }
    return e;
  });

  draft.nodes.push(...(nodes as Draft<DesignNode>[]));
  draft.edges.push(...(edges as Draft<DesignEdge>[]));

  // Positions: absolute in the fragment, moved by the offset (or to `at`), then made relative to
  // wherever each copy is drawn in this design.
  const known = [...fragment.nodes, ...fragment.notes].map((n) => ownValue(fragment.positions, n.id)).filter((p): p is NonNullable<typeof p> => !!p);
  const minX = known.length ? Math.min(...known.map((p) => p.x)) : 0;
  const minY = known.length ? Math.min(...known.map((p) => p.y)) : 0;
  const shift = command.at ? { x: command.at.x - minX, y: command.at.y - minY } : command.offset ?? { x: 0, y: 0 };
  const after = current(draft) as Design;
  const placement = placementOf(after);
  const absBefore = absolutePositions(before);
  const target = new Map<string, Point>();
  fragment.nodes.forEach((n, i) => {
    const p = ownValue(fragment.positions, n.id) ?? { x: minX + 24 * i, y: minY + 24 * i };
    target.set(nodeIds.get(n.id) as string, { x: Math.round(p.x + shift.x), y: Math.round(p.y + shift.y) });
  });
  const absOf = (id: string): Point => target.get(id) ?? absBefore.get(id) ?? { x: 0, y: 0 };
  for (const original of fragment.nodes) {
    const id = nodeIds.get(original.id) as string;
    const own = absOf(id);
    const parent = placement.get(id)?.drawParent;
    const base = parent ? absOf(parent) : { x: 0, y: 0 };
    const size = ownValue(fragment.positions, original.id);
    draft.layout.positions[id] = { x: own.x - base.x, y: own.y - base.y, ...(size?.width ? { width: size.width } : {}), ...(size?.height ? { height: size.height } : {}) };
  }

  const noteIds = fragment.notes.map((note) => {
    const id = fresh('note');
    const p = ownValue(fragment.positions, note.id) ?? { x: minX, y: minY };
    (draft.layout.notes ??= []).push({ id, text: note.text });
    draft.layout.positions[id] = { ...p, x: Math.round(p.x + shift.x), y: Math.round(p.y + shift.y) };
    return id;
  });

  // The copy must be as sound as a file that loads: never leave a dangling or wrong-kind reference.
  const pasted = new Set([...nodeIds.values(), ...edgeIds.values()]);
  const broken = checkReferences(current(draft) as Design).problems.find((p) => p.target && pasted.has(p.target.id));
  if (broken) return `Cannot paste: ${broken.target?.name ?? ''} ${broken.message}`.replace(/\s+/g, ' ');
  created.push(...nodeIds.values(), ...edgeIds.values(), ...noteIds);
  return undefined;
}
