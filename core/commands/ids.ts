import type { Design } from '../model/design';

/** The first free `<prefix>-<n>` among the design's node and edge ids. Deterministic, so a
 *  command sequence replayed on the same design yields the same ids (tests, undo/redo). */
export function nextId(design: Design, prefix: string): string {
  const taken = new Set<string>([...design.nodes.map((n) => n.id), ...design.edges.map((e) => e.id)]);
  for (let n = 1; ; n++) {
    const candidate = `${prefix}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** The first free `<base> <n>` among the design's node names ("SQS queue 2"). */
export function nextName(design: Design, base: string): string {
  const taken = new Set(design.nodes.map((n) => n.name));
  for (let n = 1; ; n++) {
    const candidate = `${base} ${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
