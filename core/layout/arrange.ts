import type { ELK as ElkEngine, ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';

/** How the members of one container (or of the canvas) are arranged, given each member's size:
 *  a layered flow (ELK, left to right) for resources, and for a VPC the subnets in a grid of
 *  Availability-Zone columns (public above private) with the small VPC members (security groups,
 *  internet gateway, gateway endpoints) in a compact row above it. Positions are relative to the
 *  top-left of the arranged block; the caller adds the container's padding. */

export interface Size { width: number; height: number }
export interface Point { x: number; y: number }
export interface Block { positions: Map<string, Point>; width: number; height: number }

/** An edge between two members of the block (already mapped to members), with its label's text. */
export interface FlowEdge { from: string; to: string; trigger: boolean; label?: string }

/** A subnet's place in the grid: its AZ letter (column) and tier (row: 0 public, 1 routed through a
 *  NAT gateway, 2 no route out). */
export interface SubnetCell { az: string; tier: number; sortKey: string }

/** Spacing, in canvas pixels (the canvas draws a resource card 180×54). */
export const SPACING = {
  /** Between cards of one layer, and between layers when an edge has no label. */
  node: 28,
  layer: 30,
  /** Between subnets (AZ columns, tiers) and between the sections of a VPC. */
  subnet: 28,
  section: 32,
  /** The compact row of security groups and gateways. */
  row: 16,
  /** Between the rows of a flow too wide for the canvas, cut and stacked. */
  wrap: 48,
  /** Connected components side by side. */
  component: 48,
} as const;

/** An edge label's box as the canvas draws it: ~12 px text, wrapped to two lines past ~24 characters,
 *  so ELK keeps room for it between the layers it joins. */
const LABEL_CHAR = 6.8;
const LABEL_LINE = 18;
const LABEL_WRAP = 16;
function labelBox(text: string): Size {
  const lines = text.length > LABEL_WRAP ? 2 : 1;
  const chars = Math.ceil(text.length / lines);
  return { width: Math.round(chars * LABEL_CHAR + 12), height: lines * LABEL_LINE };
}

/** The canvas's shape (an 880×560 canvas beside the dock): blocks are packed towards it. */
export const TARGET_ASPECT = 1.6;

export const FLOW_OPTIONS: Readonly<Record<string, string>> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.padding': '[top=0,left=0,bottom=0,right=0]',
  'elk.spacing.nodeNode': String(SPACING.node),
  'elk.layered.spacing.nodeNodeBetweenLayers': String(SPACING.layer),
  'elk.spacing.edgeLabel': '4',
  'elk.layered.spacing.edgeNodeBetweenLayers': '8',
  'elk.spacing.componentComponent': String(SPACING.component),
  'elk.edgeLabels.placement': 'CENTER',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  // Components packed towards the canvas's shape (wider than tall).
  'elk.aspectRatio': String(TARGET_ASPECT),
};

/** ELK (1.6 MB) is loaded on the first layout, not with the module: the CLI's lint and cost never
 *  lay anything out and start without it (issue 15). */
let engine: Promise<ElkEngine> | undefined;
const elk = (): Promise<ElkEngine> => (engine ??= import('elkjs/lib/elk.bundled.js').then((m) => new m.default()));

/** A layered flow of `members` (design order), sources left and sinks right; `wrap`: cut into
 *  rows when much wider than the canvas (the canvas level only). Triggers keep their
 *  direction: where edges form a cycle, ELK reverses a lower-priority edge, never a trigger. */
export async function arrangeFlow(members: readonly string[], sizeOf: (id: string) => Size, edges: readonly FlowEdge[], wrap = false): Promise<Block> {
  if (!members.length) return { positions: new Map(), width: 0, height: 0 };
  if (members.length === 1) {
    const size = sizeOf(members[0]);
    return { positions: new Map([[members[0], { x: 0, y: 0 }]]), ...size };
  }
  const seen = new Map<string, FlowEdge>();
  for (const e of edges) {
    if (e.from === e.to) continue;
    const key = `${e.from}\u0000${e.to}`;
    const had = seen.get(key);
    // One ELK edge per pair of members: a trigger wins, and the longest label keeps its room.
    if (!had) seen.set(key, e);
    else seen.set(key, { ...had, trigger: had.trigger || e.trigger, label: (e.label?.length ?? 0) > (had.label?.length ?? 0) ? e.label : had.label });
  }
  const elkEdges: ElkExtendedEdge[] = [...seen.values()].map((e, i) => ({
    id: `e${i}`,
    sources: [e.from],
    targets: [e.to],
    ...(e.label ? { labels: [{ id: `l${i}`, text: e.label, ...labelBox(e.label) }] } : {}),
    ...(e.trigger ? { layoutOptions: { 'elk.layered.priority.direction': '10' } } : {}),
  }));
  // A fresh graph per run: ELK writes its results into the objects it is given.
  const run = async (options: Record<string, string>): Promise<ElkNode> => {
    const layout = await elk();
    const graph: ElkNode = {
      id: '__block__',
      layoutOptions: options,
      children: members.map((id) => ({ id, ...sizeOf(id) })),
      edges: elkEdges.map((e) => ({ ...e, ...(e.labels ? { labels: e.labels.map((l) => ({ ...l })) } : {}) })),
    };
    return layout.layout(graph);
  };
  const laid = await run(FLOW_OPTIONS);
  const positions = new Map<string, Point>();
  let minX = Infinity;
  let minY = Infinity;
  for (const c of laid.children ?? []) {
    minX = Math.min(minX, c.x ?? 0);
    minY = Math.min(minY, c.y ?? 0);
  }
  let width = 0;
  let height = 0;
  for (const c of laid.children ?? []) {
    const p = { x: Math.round((c.x ?? 0) - minX), y: Math.round((c.y ?? 0) - minY) };
    positions.set(c.id, p);
    const size = sizeOf(c.id);
    width = Math.max(width, p.x + size.width);
    height = Math.max(height, p.y + size.height);
  }
  return wrap ? wrapRows({ positions, width, height }, sizeOf, [...seen.values()]) : { positions, width, height };
}

/** Rows are cut only for a clear gain (15 % more zoom): a flow left to right reads better. */
const WRAP_GAIN = 1.15;

/** How well a block of this size fits the canvas: the zoom at which it would fill it. */
const fitScore = (width: number, height: number) => Math.min(TARGET_ASPECT / Math.max(width, 1), 1 / Math.max(height, 1));

/** A flow much wider than the canvas is cut between layers into rows stacked top to bottom, when
 *  that lets it fit at a higher zoom. A cut never falls on a trigger (sources stay left of the
 *  functions they trigger); the edges it cuts run from the end of one row to the start of the next. */
function wrapRows(block: Block, sizeOf: (id: string) => Size, edges: readonly FlowEdge[]): Block {
  if (block.width <= TARGET_ASPECT * block.height) return block;
  // Candidate cuts: vertical lines that cross no card.
  const spans = [...block.positions].map(([id, p]) => ({ id, x0: p.x, x1: p.x + sizeOf(id).width })).sort((a, b) => a.x0 - b.x0);
  const cuts: number[] = [];
  let reach = -Infinity;
  for (const s of spans) {
    if (reach > -Infinity && s.x0 > reach) cuts.push((reach + s.x0) / 2);
    reach = Math.max(reach, s.x1);
  }
  const x = new Map(spans.map((s) => [s.id, s.x0]));
  const allowed = cuts.filter((c) => !edges.some((e) => e.trigger && (x.get(e.from) ?? 0) < c && (x.get(e.to) ?? 0) > c));
  if (!allowed.length) return block;
  const rowsFor = (chosen: readonly number[]) => {
    const bounds = [-Infinity, ...chosen, Infinity];
    const rows: Block[] = [];
    for (let i = 0; i + 1 < bounds.length; i++) {
      const ids = spans.filter((s) => s.x0 > bounds[i] && s.x0 < bounds[i + 1]);
      if (!ids.length) continue;
      const left = Math.min(...ids.map((s) => s.x0));
      const top = Math.min(...ids.map((s) => block.positions.get(s.id)!.y));
      const positions = new Map(ids.map((s) => [s.id, { x: s.x0 - left, y: block.positions.get(s.id)!.y - top }]));
      const width = Math.max(...ids.map((s) => s.x1 - left));
      const height = Math.max(...ids.map((s) => block.positions.get(s.id)!.y - top + sizeOf(s.id).height));
      rows.push({ positions, width, height });
    }
    return stack(rows, SPACING.wrap);
  };
  let best = block;
  let bestScore = fitScore(block.width, block.height);
  const consider = (chosen: number[]) => {
    const candidate = rowsFor(chosen);
    const score = fitScore(candidate.width, candidate.height);
    if (score > bestScore * WRAP_GAIN) {
      best = candidate;
      bestScore = score;
    }
  };
  // Up to three cuts (four rows); few layers, so trying every choice is cheap.
  const n = Math.min(allowed.length, 24);
  for (let i = 0; i < n; i++) {
    consider([allowed[i]]);
    for (let j = i + 1; j < n; j++) {
      consider([allowed[i], allowed[j]]);
      for (let k = j + 1; k < n && n <= 16; k++) consider([allowed[i], allowed[j], allowed[k]]);
    }
  }
  return best;
}

/** Cards side by side, wrapping at `maxWidth` (at least one per row). */
export function arrangeRow(members: readonly string[], sizeOf: (id: string) => Size, maxWidth: number): Block {
  const positions = new Map<string, Point>();
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  let width = 0;
  for (const id of members) {
    const size = sizeOf(id);
    if (x > 0 && x + size.width > maxWidth) {
      x = 0;
      y += rowHeight + SPACING.row;
      rowHeight = 0;
    }
    positions.set(id, { x, y });
    width = Math.max(width, x + size.width);
    rowHeight = Math.max(rowHeight, size.height);
    x += size.width + SPACING.row;
  }
  return { positions, width, height: members.length ? y + rowHeight : 0 };
}

/** Subnets in a grid: one column per Availability Zone (a, b, c … left to right), tiers top to
 *  bottom (public above private), several subnets of one AZ and tier stacked in their cell. */
export function arrangeSubnetGrid(subnets: readonly string[], sizeOf: (id: string) => Size, cellOf: (id: string) => SubnetCell): Block {
  const cells = new Map<string, string[]>();
  const azs = new Set<string>();
  const tiers = new Set<number>();
  const sorted = [...subnets].sort((a, b) => {
    const ca = cellOf(a);
    const cb = cellOf(b);
    return ca.sortKey < cb.sortKey ? -1 : ca.sortKey > cb.sortKey ? 1 : a < b ? -1 : a > b ? 1 : 0;
  });
  for (const id of sorted) {
    const { az, tier } = cellOf(id);
    azs.add(az);
    tiers.add(tier);
    const key = `${az}\u0000${tier}`;
    const list = cells.get(key);
    if (list) list.push(id);
    else cells.set(key, [id]);
  }
  const columns = [...azs].sort();
  const rows = [...tiers].sort((a, b) => a - b);
  const cellHeight = (az: string, tier: number) => {
    const list = cells.get(`${az}\u0000${tier}`) ?? [];
    return list.reduce((h, id, i) => h + sizeOf(id).height + (i ? SPACING.subnet : 0), 0);
  };
  const columnWidth = columns.map((az) => Math.max(0, ...rows.flatMap((t) => (cells.get(`${az}\u0000${t}`) ?? []).map((id) => sizeOf(id).width))));
  const rowHeight = rows.map((t) => Math.max(0, ...columns.map((az) => cellHeight(az, t))));
  const positions = new Map<string, Point>();
  let x = 0;
  columns.forEach((az, c) => {
    let y = 0;
    rows.forEach((t, r) => {
      let yy = y;
      for (const id of cells.get(`${az}\u0000${t}`) ?? []) {
        positions.set(id, { x, y: yy });
        yy += sizeOf(id).height + SPACING.subnet;
      }
      y += rowHeight[r] + SPACING.subnet;
    });
    x += columnWidth[c] + SPACING.subnet;
  });
  const width = columns.length ? x - SPACING.subnet : 0;
  const height = rows.length ? rowHeight.reduce((a, b) => a + b, 0) + SPACING.subnet * (rows.length - 1) : 0;
  return { positions, width, height };
}

/** Blocks stacked top to bottom, each left-aligned, empty ones skipped. */
export function stack(blocks: readonly Block[], gap: number): Block {
  const positions = new Map<string, Point>();
  let y = 0;
  let width = 0;
  let any = false;
  for (const b of blocks) {
    if (!b.positions.size) continue;
    if (any) y += gap;
    for (const [id, p] of b.positions) positions.set(id, { x: p.x, y: p.y + y });
    y += b.height;
    width = Math.max(width, b.width);
    any = true;
  }
  return { positions, width, height: y };
}

/** Block `b` to the right of block `a`, tops aligned. */
export function beside(a: Block, b: Block, gap: number): Block {
  if (!a.positions.size) return b;
  if (!b.positions.size) return a;
  const positions = new Map(a.positions);
  for (const [id, p] of b.positions) positions.set(id, { x: p.x + a.width + gap, y: p.y });
  return { positions, width: a.width + gap + b.width, height: Math.max(a.height, b.height) };
}
