import fc from 'fast-check';
import type { z } from 'zod';
import { EDGE_KINDS, NODE_KINDS, designSchema, layoutSchema, usageSchema, type EdgeKind } from '../../core/model';
import { MAX_COORDINATE } from '../../core/model/layoutBounds';
import { CURRENT_SCHEMA_VERSION } from '../../core/model/migrations';

/* Arbitraries derived from the model's own zod schemas, so that a new prop is covered by the
 * property tests without writing a generator for it. Only the zod features the model uses are
 * handled; anything else throws so that a gap is noticed, not silently skipped. */

type AnySchema = z.ZodType & { _zod: { def: Record<string, unknown> & { type: string } } };
const SKIP = Symbol('skip');
type Gen = fc.Arbitrary<unknown>;

const jsonExtra = fc.dictionary(fc.stringMatching(/^x-[a-z]{1,6}$/), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 2 });

/** An arbitrary of values the schema accepts, or SKIP when the value should be left out. */
export function arbitraryFor(schema: AnySchema): Gen | typeof SKIP {
  const def = schema._zod.def;
  switch (def.type) {
    case 'default':
    case 'prefault':
    case 'optional': {
      const inner = arbitraryFor(def.innerType as AnySchema);
      return inner === SKIP ? fc.constant(undefined) : fc.option(inner, { nil: undefined, freq: 3 });
    }
    case 'nullable': {
      const inner = arbitraryFor(def.innerType as AnySchema);
      return inner === SKIP ? fc.constant(null) : fc.option(inner, { nil: null, freq: 3 });
    }
    case 'pipe':
      return arbitraryFor(def.out as AnySchema);
    case 'number': {
      const s = schema as unknown as { minValue: number | null; maxValue: number | null; format?: string | null };
      const min = s.minValue ?? -1e6;
      const max = s.maxValue ?? 1e6;
      return s.format === 'safeint' ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    }
    case 'boolean':
      return fc.boolean();
    case 'string': {
      // Pattern- or format-constrained strings (CIDRs, URLs, alias names) are left to their default or null.
      const checks = (def.checks as { _zod: { def: { check: string } } }[] | undefined) ?? [];
      const lengthOnly = checks.every((c) => c._zod.def.check === 'min_length' || c._zod.def.check === 'max_length');
      return !lengthOnly || (schema as unknown as { format?: string }).format ? SKIP : fc.string({ minLength: 1, maxLength: 8 });
    }
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, string>));
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'union': {
      const options = (def.options as AnySchema[]).map(arbitraryFor).filter((a): a is Gen => a !== SKIP);
      return options.length ? fc.oneof(...options) : SKIP;
    }
    case 'array': {
      const element = arbitraryFor(def.element as AnySchema);
      if (element === SKIP) return fc.constant([]);
      const s = schema as unknown as { _zod: { bag: { minimum?: number; maximum?: number } } };
      return fc.array(element, { minLength: s._zod.bag.minimum ?? 0, maxLength: Math.min(s._zod.bag.maximum ?? 3, 3) });
    }
    case 'record': {
      const value = arbitraryFor(def.valueType as AnySchema);
      return value === SKIP ? fc.constant({}) : fc.dictionary(fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,6}$/), value, { maxKeys: 3 });
    }
    case 'object': {
      const shape = def.shape as Record<string, AnySchema>;
      const fields: Record<string, Gen> = {};
      for (const [key, field] of Object.entries(shape)) {
        const arb = arbitraryFor(field);
        if (arb !== SKIP) fields[key] = arb;
      }
      const loose = (def.catchall as AnySchema | undefined)?._zod.def.type === 'unknown';
      const record = fc.record(fields).map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)));
      const withExtras = loose ? fc.tuple(record, jsonExtra).map(([r, extra]) => ({ ...extra, ...r })) : record;
      // Cross-field refinements (a rule names one peer; fromPort ≤ toPort …) decide what is valid.
      return withExtras.filter((v) => schema.safeParse(v).success);
    }
    default:
      throw new Error(`arbitraryFor: zod type "${def.type}" is not handled; extend test/support/arbitraries.ts`);
  }
}

const must = (a: Gen | typeof SKIP): Gen => (a === SKIP ? fc.constant(undefined) : a);

export const nodeArbitrary = (id: string) =>
  fc.constantFrom(...NODE_KINDS).chain((spec) =>
    fc.record({
      id: fc.constant(id),
      kind: fc.constant(spec.kind),
      name: fc.string({ minLength: 1, maxLength: 12 }),
      props: must(arbitraryFor(spec.props as unknown as AnySchema)),
    }),
  );

export const edgeArbitrary = (ids: string[], edgeId: string) =>
  fc.constantFrom(...(Object.keys(EDGE_KINDS) as EdgeKind[])).chain((kind) =>
    fc.record({
      id: fc.constant(edgeId),
      kind: fc.constant(kind),
      from: fc.constantFrom(...ids),
      to: fc.constantFrom(...ids),
      props: must(arbitraryFor(EDGE_KINDS[kind].props as unknown as AnySchema)).map((p) => {
        // `via` must name an edge to be meaningful; an arbitrary string is a reference problem, not a schema one.
        if (p && typeof p === 'object') delete (p as Record<string, unknown>).via;
        return p;
      }),
    }),
  );

/** At most one small alternative (the design's own ids, a few nodes and edges, no usage or layout),
 *  so that the documents stay small and never nest. */
const alternativesArbitrary = (ids: string[]) => {
  const few = ids.slice(0, 3);
  const one = fc.record({
    name: fc.constant('B'),
    region: fc.constantFrom('us-east-1', 'eu-west-1'),
    nodes: few.length ? fc.tuple(...few.map(nodeArbitrary)) : fc.constant([]),
    edges: few.length ? fc.integer({ min: 0, max: 2 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => edgeArbitrary(few, `alt-edge-${i}`)))) : fc.constant([]),
  });
  return fc.oneof({ arbitrary: fc.constant([]), weight: 3 }, { arbitrary: one.map((a) => [a]), weight: 1 });
};

/** Raw JSON documents (as a file would hold them) that the design schema accepts. */
export const designDocument = fc
  .uniqueArray(fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/), { maxLength: 8 })
  .chain((ids) =>
    fc.record({
      format: fc.constant('serverless-design'),
      schemaVersion: fc.constant(CURRENT_SCHEMA_VERSION),
      name: fc.string({ minLength: 1, maxLength: 20 }),
      region: fc.constantFrom('us-east-1', 'eu-west-1', 'ap-northeast-1'),
      nodes: ids.length ? fc.tuple(...ids.map(nodeArbitrary)) : fc.constant([]),
      edges: ids.length ? fc.integer({ min: 0, max: 6 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => edgeArbitrary(ids, `edge-${i}`)))) : fc.constant([]),
      usage: must(arbitraryFor(usageSchema as unknown as AnySchema)),
      layout: must(arbitraryFor(layoutSchema as unknown as AnySchema)),
      alternatives: alternativesArbitrary(ids),
    }),
  )
  .map(({ alternatives, ...doc }) => (alternatives.length ? { ...doc, alternativeName: 'A', alternatives } : doc))
  .map((doc) => JSON.parse(JSON.stringify(doc)) as unknown)
  .map(onCanvas)
  .filter((doc) => designSchema.safeParse(doc).success);

/** Places and sizes within ±MAX_COORDINATE, which a file loads unchanged (beyond, loading clamps
 *  them with a range problem: test/core/shapes/geometry.test.ts). */
function onCanvas(doc: unknown): unknown {
  const positions = (doc as { layout?: { positions?: Record<string, Record<string, unknown>> } }).layout?.positions;
  for (const place of Object.values(positions ?? {})) {
    for (const key of ['x', 'y', 'width', 'height']) {
      const v = place[key];
      if (typeof v === 'number' && Math.abs(v) > MAX_COORDINATE) place[key] = Math.sign(v) * MAX_COORDINATE;
    }
  }
  return doc;
}
