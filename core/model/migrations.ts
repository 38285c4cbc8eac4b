/** Numbered, pure migrations of the saved document, oldest first (excalidraw's contract): each
 *  takes the raw JSON of version `version - 1` and returns version `version`. They read only
 *  persisted fields and never throw on unexpected shapes: validation comes after. */

export const DESIGN_FORMAT = 'serverless-design';

type Json = Record<string, unknown>;

export interface Migration {
  version: number;
  title: string;
  description: string;
  apply(doc: Json): Json;
}

import { absolutePositions, CONTAINER_KINDS, containerSizes, clampInside, fitsInside, isSubnetPlaced, placementOf, RESOURCE_SIZE, type PlacedNode } from './placement';

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const V0_KIND_NAMES: Record<string, string> = {
  function: 'lambda', queue: 'sqsQueue', topic: 'snsTopic', bucket: 's3Bucket', table: 'dynamoTable',
  api: 'apiGateway', stream: 'kinesisStream', bus: 'eventBus', rule: 'eventRule', database: 'rds',
};

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    title: 'Layout apart from the model',
    description:
      'Version 0 files kept each node\'s canvas position on the node (`position`), named edge ends `source`/`target` ' +
      'and used short kind names (function, queue, topic …). Version 1 moves positions to `layout.positions`, ' +
      'renames edge ends to `from`/`to` and uses the kind ids of core/model/kinds.',
    apply(doc) {
      const positions: Json = {};
      const nodes = Array.isArray(doc.nodes) ? doc.nodes.map((n) => {
        if (!isObject(n)) return n;
        const { position, ...rest } = n;
        if (isObject(position) && typeof rest.id === 'string') positions[rest.id] = position;
        const kind = typeof rest.kind === 'string' ? V0_KIND_NAMES[rest.kind] ?? rest.kind : rest.kind;
        return { ...rest, kind };
      }) : doc.nodes;
      const edges = Array.isArray(doc.edges) ? doc.edges.map((e) => {
        if (!isObject(e)) return e;
        const { source, target, ...rest } = e;
        return { ...rest, from: rest.from ?? source, to: rest.to ?? target };
      }) : doc.edges;
      const layout = isObject(doc.layout) ? doc.layout : {};
      const oldPositions = isObject(layout.positions) ? layout.positions : {};
      return { ...doc, schemaVersion: 1, nodes, edges, layout: { ...layout, positions: { ...positions, ...oldPositions } } };
    },
  },
  {
    version: 2,
    title: 'Positions relative to the container a resource is drawn in',
    description:
      'Version 1 drew a resource inside its `parent` only, so a function in a VPC\'s subnets (and a database in ' +
      'two subnets) was drawn outside them. Version 2 draws a resource in the subnet it is in, or in its VPC with a ' +
      'line to each subnet when it is in several (core/model/placement.ts), and stores its position relative to ' +
      'that container. The migration keeps each such resource where it was on the canvas and moves it inside its ' +
      'container when it was outside.',
    apply(doc) {
      const variant = (v: Json): Json => {
        const nodes = Array.isArray(v.nodes) ? v.nodes.filter(isObject) : [];
        const layout = isObject(v.layout) ? v.layout : undefined;
        const positions = layout && isObject(layout.positions) ? layout.positions : undefined;
        if (!positions || !nodes.length) return v;
        const placed: PlacedNode[] = nodes.filter((n) => typeof n.id === 'string' && typeof n.kind === 'string')
          .map((n) => ({ id: n.id as string, kind: n.kind as string, ...(typeof n.parent === 'string' ? { parent: n.parent } : {}), props: n.props }));
        const pos: Record<string, { x: number; y: number; width?: number; height?: number }> = {};
        for (const [id, p] of Object.entries(positions)) {
          if (isObject(p) && typeof p.x === 'number' && typeof p.y === 'number') pos[id] = p as { x: number; y: number };
        }
        // Version 1: drawn inside `parent` when it is a VPC or subnet, else on the canvas.
        const kindOf = new Map(placed.map((n) => [n.id, n.kind]));
        const v1 = new Map(placed.map((n) => [n.id, { attachments: [], ...(n.parent && CONTAINER_KINDS.includes(kindOf.get(n.parent) ?? '') && n.parent !== n.id ? { drawParent: n.parent } : {}) }]));
        const v2 = placementOf({ nodes: placed });
        const absolute = absolutePositions({ nodes: placed, layout: { positions: pos } }, v1);
        const moved = placed.filter((n) => isSubnetPlaced(n.kind) && pos[n.id] && v1.get(n.id)?.drawParent !== v2.get(n.id)?.drawParent);
        if (!moved.length) return v;
        const next = { ...positions };
        const after = { nodes: placed, layout: { positions: pos } };
        const sizes = containerSizes(after, v2, new Set(moved.map((n) => n.id)));
        const absAfter = absolutePositions(after, v2);
        for (const n of moved) {
          const parent = v2.get(n.id)?.drawParent;
          const abs = absolute.get(n.id) ?? { x: 0, y: 0 };
          const origin = parent ? absAfter.get(parent) ?? { x: 0, y: 0 } : { x: 0, y: 0 };
          const rel = { x: abs.x - origin.x, y: abs.y - origin.y };
          const box = parent ? sizes.get(parent) : undefined;
          next[n.id] = { ...(positions[n.id] as Json), ...(!box || fitsInside(rel, RESOURCE_SIZE, box) ? rel : clampInside(rel, box)) };
        }
        return { ...v, layout: { ...layout, positions: next } };
      };
      const alternatives = Array.isArray(doc.alternatives) ? doc.alternatives.map((a) => (isObject(a) ? variant(a) : a)) : doc.alternatives;
      return { ...variant(doc), schemaVersion: 2, ...(alternatives === undefined ? {} : { alternatives }) };
    },
  },
];

function assertWellFormed(migrations: readonly Migration[]): number {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${i} has version ${m.version}; expected ${i + 1}`);
    if (!m.title.trim() || !m.description.trim()) throw new Error(`migration ${m.version} needs a title and a description`);
  });
  return migrations.length;
}

/** The schema version this build writes; checked against the list at load time. */
export const CURRENT_SCHEMA_VERSION = assertWellFormed(MIGRATIONS) as 2;

/** Runs every migration after `from`. */
export function migrate(doc: Json, from: number): Json {
  return MIGRATIONS.filter((m) => m.version > from).reduce((d, m) => m.apply(d), doc);
}
