import type { z } from 'zod';
import { canConnect } from '../../model/connections';
import { edgeSchema, nodeSchema, type DesignEdge, type DesignNode } from '../../model/design';
import type { EdgeKind } from '../../model/edges';
import { kindLabel, type NodeKind } from '../../model/kinds';
import type { ResourceReport } from './report';
import { isObject, nameFromArn, type Raw, type Resolver, singleReference } from './resolve';

/** One resource of the template, Properties resolved as far as the template allows. */
export interface TemplateResource {
  logicalId: string;
  type: string;
  /** Resolved Properties ({} when absent); reading a property through it marks it read. */
  props: Raw;
  /** The same, unwatched: for scanning every property (who refers to whom). */
  allProps: Raw;
  /** Top-level properties the importer read. */
  read: Set<string>;
  /** The resource as written. */
  raw: Raw;
  metadata: Raw;
}

interface NodeDraft {
  id: string;
  kind: NodeKind;
  name: string;
  props: Raw;
  parent?: string;
  /** The resource that made it (its report entry takes problems with the node). */
  owner: string;
  /** A parent named by reference (VpcId, SubnetId), resolved once every node exists. */
  parentRef?: { value: unknown; kinds: readonly NodeKind[]; property: string; missing: string };
}

interface EdgeDraft {
  kind: EdgeKind;
  from: string;
  to: string;
  props: Raw;
  owner: string;
  /** Set once the edge is in the design. */
  id?: string;
  /** Said by the exporter's Metadata.ServerlessDesigner (kept even where IAM alone would not make it). */
  fromMetadata?: boolean;
  /** Dropped before validation, with this note on its owner. */
  dropped?: string;
  /** The trigger a DLQ belongs to, kept when `via` is left out (one target): its fate decides the DLQ's. */
  viaDraft?: EdgeDraft;
}

const MAX_REASONS = 20;

/** Shared state of one import: resources, the nodes and edges being drafted, the report entries. */
export class ImportContext {
  readonly resources = new Map<string, TemplateResource>();
  readonly drafts = new Map<string, NodeDraft>();
  readonly edges: EdgeDraft[] = [];
  readonly entries = new Map<string, ResourceReport>();
  /** Resources that stand for a node made by another (a route table for its subnets, a target group for its function). */
  readonly aliases = new Map<string, string[]>();
  readonly notes: string[] = [];
  /** Names from CDK paths or Metadata.ServerlessDesigner.name, by logical id. */
  readonly names = new Map<string, string>();
  /** Nodes kept whole in the template's Metadata.ServerlessDesigner.nodes, by name. */
  readonly metaNodes = new Map<string, string>();

  constructor(readonly rawResources: Raw, readonly resolver: Resolver, readonly region: string) {}

  entry(logicalId: string): ResourceReport {
    let e = this.entries.get(logicalId);
    if (!e) {
      e = { logicalId, type: 'AWS::Serverless::Implicit', status: 'imported', nodes: [], edges: [], reasons: [], notes: [] };
      this.entries.set(logicalId, e);
    }
    return e;
  }

  partial(logicalId: string, reason: string): void {
    const e = this.entry(logicalId);
    this.addReason(e, reason);
    if (e.status === 'imported') e.status = 'partial';
  }

  skip(logicalId: string, reason: string): void {
    const e = this.entry(logicalId);
    e.status = 'skipped';
    this.addReason(e, reason);
  }

  private readonly leftOut = new Map<ResourceReport, number>();

  /** At most MAX_REASONS reasons per resource (a 10,000-rule security group says so in one line). */
  private addReason(e: ResourceReport, reason: string): void {
    if (e.reasons.includes(reason)) return;
    if (e.reasons.length < MAX_REASONS) { e.reasons.push(reason); return; }
    const n = (this.leftOut.get(e) ?? 0) + 1;
    this.leftOut.set(e, n);
    const line = `… and ${n} more problem${n === 1 ? '' : 's'} like these`;
    if (e.reasons.length === MAX_REASONS) e.reasons.push(line);
    else e.reasons[MAX_REASONS] = line;
  }

  note(logicalId: string, note: string): void {
    const e = this.entry(logicalId);
    if (!e.notes.includes(note)) e.notes.push(note);
  }

  /** A node for a resource; its id is the logical id. */
  addNode(owner: string, kind: NodeKind, props: Raw, options: { id?: string; name?: string; parent?: string; parentRef?: NodeDraft['parentRef'] } = {}): string {
    const id = options.id ?? owner;
    const existing = this.drafts.get(id);
    if (existing) return existing.id;
    const name = options.name ?? this.names.get(id) ?? id;
    this.drafts.set(id, { id, kind, name, props, parent: options.parent, owner, parentRef: options.parentRef });
    return id;
  }

  /** Parents named by reference, now that every node exists (template order does not matter). */
  resolveParents(): void {
    for (const d of this.drafts.values()) {
      if (!d.parentRef || d.parent) continue;
      const parent = this.nodeOf(d.parentRef.value, d.parentRef.kinds);
      if (parent) d.parent = parent;
      else if (d.parentRef.value !== undefined) this.partial(d.owner, `${d.parentRef.property} names no ${d.parentRef.kinds.map(kindLabel).join(' or ')} of this template (${JSON.stringify(d.parentRef.value)?.slice(0, 80)}); ${d.parentRef.missing}`);
    }
  }

  draft(id: string | undefined): NodeDraft | undefined {
    return id === undefined ? undefined : this.drafts.get(id);
  }

  /** The node ids a (resolved) value refers to: a resource with a node, or one aliased to nodes. */
  nodesOf(value: unknown): string[] {
    const ref = singleReference(value, this.rawResources);
    if (ref === undefined) return [];
    if (this.drafts.has(ref)) return [ref];
    return this.aliases.get(ref) ?? [];
  }

  nodeOf(value: unknown, kinds?: readonly NodeKind[]): string | undefined {
    const id = this.nodesOf(value)[0];
    if (id === undefined) return undefined;
    return !kinds || kinds.includes(this.drafts.get(id)!.kind) ? id : undefined;
  }

  /** A node for something outside the template, named by an ARN or name string (an existing queue, a cluster). */
  externalNode(owner: string, kind: NodeKind, arnOrName: string, props: Raw = {}): string {
    const base = nameFromArn(arnOrName).replace(/[^A-Za-z0-9-_.]/g, '') || kind;
    const id = `external-${kind}-${base}`;
    if (!this.drafts.has(id)) {
      this.drafts.set(id, { id, kind, name: base, props, owner });
      this.note(owner, `${kindLabel(kind)} "${base}" is not in this template (${arnOrName}); it was added as a node of its own`);
    }
    return id;
  }

  addEdge(owner: string, kind: EdgeKind, from: string, to: string, props: Raw = {}): EdgeDraft {
    const draft: EdgeDraft = { kind, from, to, props, owner };
    this.edges.push(draft);
    return draft;
  }

  /** Validates every draft against the model: values out of AWS's range are dropped (the default
   *  applies) and reported; edges AWS does not allow are refused and reported. */
  finish(): { nodes: DesignNode[]; edges: DesignEdge[] } {
    const nodes: DesignNode[] = [];
    for (const draft of this.drafts.values()) {
      const node = this.validNode(draft);
      if (!node) continue;
      nodes.push(node);
      this.entry(draft.owner).nodes.push(node.id);
    }
    const byId = new Map(nodes.map((n) => [n.id, n]));
    // A DLQ's `via` (the subscription or rule target it belongs to) is said only when the source has several.
    for (const e of this.edges) {
      if (e.kind !== 'deadLetter' || e.props.via === undefined) continue;
      const triggers = this.edges.filter((t) => t.kind === 'trigger' && t.from === e.from);
      if (triggers.length <= 1) { e.viaDraft = e.props.via as EdgeDraft; delete e.props.via; }
    }
    // Containment only where the model allows it; references only to nodes that exist.
    const edges: DesignEdge[] = [];
    const taken = new Set<string>(byId.keys());
    const seen = new Map<string, EdgeDraft>();
    // Reading a stream, queue or table a function is triggered by is the mapping's own permission, not
    // access; consuming a queue (receive, delete, change visibility) reads as readWrite.
    for (const e of this.edges) {
      if (e.kind !== 'access' || e.fromMetadata) continue;
      if (e.props.mode !== 'read' && !(e.props.mode === 'readWrite' && this.drafts.get(e.to)?.kind === 'sqsQueue')) continue;
      if (this.edges.some((t) => t.kind === 'trigger' && t.from === e.to && t.to === e.from)) e.dropped = `read permission on ${e.to} is the trigger's own (Lambda polls it), not an access edge`;
    }
    // Sending to its own DLQ or destination is that edge's permission (SAM and the CDK grant it), not access.
    for (const e of this.edges) {
      if ((e.kind !== 'access' && e.kind !== 'invoke') || e.fromMetadata || e.dropped) continue;
      const failure = this.edges.find((t) => (t.kind === 'deadLetter' || t.kind === 'destination') && t.from === e.from && t.to === e.to);
      if (failure) e.dropped = `the permission to send to ${e.to} serves the ${failure.kind === 'deadLetter' ? 'dead-letter queue' : 'destination'} edge, not an ${e.kind} edge`;
    }
    for (const e of this.edges) {
      if (e.dropped) { this.note(e.owner, e.dropped); continue; }
      const from = byId.get(e.from);
      const to = byId.get(e.to);
      if (!from || !to) continue;
      const viaDraft = typeof e.props.via === 'object' && e.props.via !== null ? e.props.via as EdgeDraft : e.viaDraft;
      if (viaDraft && !viaDraft.id) {
        this.partial(e.owner, `${e.kind} edge ${from.name} → ${to.name} was left out: it belongs to the ${viaDraft.kind} ${viaDraft.from} → ${viaDraft.to}, which is not in the design`);
        continue;
      }
      const via = viaDraft && typeof e.props.via === 'object' ? viaDraft.id : e.props.via;
      const props = { ...e.props, via };
      if (props.via === undefined) delete props.via;
      const key = `${e.kind}|${e.from}|${e.to}|${JSON.stringify(props)}`;
      const twin = seen.get(key);
      if (twin) { e.id = twin.id; if (twin.owner !== e.owner && twin.id) this.entry(e.owner).notes.push(`the same ${e.kind} edge ${from.name} → ${to.name} as ${twin.owner}`); continue; }
      const verdict = canConnect(from, to, e.kind, props);
      if (!verdict.ok) { this.partial(e.owner, `${e.kind} edge ${from.name} → ${to.name} was left out: ${verdict.reason}`); continue; }
      let id = `${e.kind}-${e.from}-${e.to}`;
      for (let n = 2; taken.has(id); n += 1) id = `${e.kind}-${e.from}-${e.to}-${n}`;
      const parsed = this.validEdge(e, id, props);
      if (!parsed) continue;
      taken.add(id);
      e.id = id;
      seen.set(key, e);
      edges.push(parsed);
      this.entry(e.owner).edges.push(id);
    }
    return { nodes, edges };
  }

  private validNode(draft: NodeDraft): DesignNode | undefined {
    const props = cloneJson(draft.props);
    for (let attempt = 0; attempt < 8; attempt += 1) {
      const result = nodeSchema.safeParse({ id: draft.id, kind: draft.kind, name: draft.name, props, ...(draft.parent ? { parent: draft.parent } : {}) });
      if (result.success) return result.data;
      if (!this.dropInvalid(result.error.issues, props, draft.owner, `${kindLabel(draft.kind)} "${draft.name}"`)) break;
    }
    this.skip(draft.owner, `its ${kindLabel(draft.kind)} settings do not fit the model`);
    return undefined;
  }

  private validEdge(e: EdgeDraft, id: string, props: Raw): DesignEdge | undefined {
    const copy = cloneJson(props);
    for (let attempt = 0; attempt < 8; attempt += 1) {
      const result = edgeSchema.safeParse({ id, kind: e.kind, from: e.from, to: e.to, props: copy });
      if (result.success) return result.data;
      if (!this.dropInvalid(result.error.issues, copy, e.owner, `${e.kind} edge ${e.from} → ${e.to}`)) break;
    }
    this.partial(e.owner, `${e.kind} edge ${e.from} → ${e.to} was left out: its settings do not fit the model`);
    return undefined;
  }

  /** Removes each prop an issue points at (AWS's default applies instead); false when none could be. */
  private dropInvalid(issues: readonly z.core.$ZodIssue[], props: Raw, owner: string, what: string): boolean {
    let dropped = false;
    for (const issue of issues) {
      const path = issue.path.slice(issue.path.indexOf('props') + 1).filter((p) => typeof p !== 'symbol') as (string | number)[];
      if (!path.length) continue;
      let parent: unknown = props;
      for (const k of path.slice(0, -1)) parent = isObject(parent) || Array.isArray(parent) ? (parent as Raw)[k as string] : undefined;
      const last = path[path.length - 1];
      if (isObject(parent) && last in parent) {
        const value = parent[last as string];
        delete parent[last as string];
        dropped = true;
        this.partial(owner, `${what}: ${path.join('.')} = ${JSON.stringify(value)} was not taken (${issue.message}); the model's default applies`);
      } else if (Array.isArray(parent) && typeof last === 'number') {
        const value = parent[last];
        parent.splice(last, 1);
        dropped = true;
        this.partial(owner, `${what}: ${path.join('.')} = ${JSON.stringify(value)} was not taken (${issue.message})`);
      } else if (path.length > 1) {
        // The issue is on an object as a whole (a refinement): drop the object.
        let grand: unknown = props;
        for (const k of path.slice(0, -2)) grand = isObject(grand) ? grand[k as string] : undefined;
        const key = path[path.length - 2];
        if (isObject(grand) && key in grand) { delete grand[key as string]; dropped = true; this.partial(owner, `${what}: ${path.slice(0, -1).join('.')} was not taken (${issue.message})`); }
        else if (Array.isArray(grand) && typeof key === 'number') { grand.splice(key, 1); dropped = true; this.partial(owner, `${what}: ${path.slice(0, -1).join('.')} was not taken (${issue.message})`); }
      }
    }
    return dropped;
  }
}

/** Props are plain JSON-like values (resolved from a parsed template). */
const cloneJson = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
