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
];

function assertWellFormed(migrations: readonly Migration[]): number {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${i} has version ${m.version}; expected ${i + 1}`);
    if (!m.title.trim() || !m.description.trim()) throw new Error(`migration ${m.version} needs a title and a description`);
  });
  return migrations.length;
}

/** The schema version this build writes; checked against the list at load time. */
export const CURRENT_SCHEMA_VERSION = assertWellFormed(MIGRATIONS) as 1;

/** Runs every migration after `from`. */
export function migrate(doc: Json, from: number): Json {
  return MIGRATIONS.filter((m) => m.version > from).reduce((d, m) => m.apply(d), doc);
}
