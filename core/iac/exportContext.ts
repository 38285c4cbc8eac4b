import { indexDesign, type DesignIndex } from '../graph';
import type { Design, DesignEdge, DesignNode, EdgeOfKind, NodeOfKind } from '../model/design';
import { kindLabel } from '../model/kinds';

/** What the SAM and CDK exports share: the design's nodes and edges by id, neighbour look-ups
 *  (core/graph, built once) and the warnings of the export. */
export abstract class DesignExportContext {
  readonly warnings: string[] = [];
  readonly nodes = new Map<string, DesignNode>();
  readonly edgesById = new Map<string, DesignEdge>();
  /** The edges the export works from (with `dropDangling`, only those whose two ends are nodes). */
  readonly edges: DesignEdge[] = [];
  private readonly index: DesignIndex;

  /** `dropDangling`: leave out, with a warning, edges whose ends are not both nodes of the design. */
  protected constructor(readonly design: Design, dropDangling: boolean) {
    for (const n of design.nodes) this.nodes.set(n.id, n);
    for (const e of design.edges) {
      if (dropDangling && (!this.nodes.has(e.from) || !this.nodes.has(e.to))) {
        this.warn(null, `${e.kind} edge "${e.id}" joins "${e.from}" and "${e.to}", which are not both nodes of this design; left out`);
        continue;
      }
      this.edges.push(e);
      this.edgesById.set(e.id, e);
    }
    this.index = indexDesign(dropDangling ? { ...design, edges: this.edges } : design);
  }

  warn(node: DesignNode | null, message: string): void {
    this.warnings.push(node ? `${kindLabel(node.kind)} "${node.name}": ${message}` : message);
  }

  from<K extends DesignEdge['kind']>(nodeId: string, kind: K): readonly EdgeOfKind<K>[] {
    return this.index.outgoing(nodeId, kind) as readonly EdgeOfKind<K>[];
  }

  to<K extends DesignEdge['kind']>(nodeId: string, kind: K): readonly EdgeOfKind<K>[] {
    return this.index.incoming(nodeId, kind) as readonly EdgeOfKind<K>[];
  }

  ofKind<K extends DesignNode['kind']>(kind: K): readonly NodeOfKind<K>[] {
    return this.index.ofKind(kind);
  }
}
