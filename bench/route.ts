import { placeLabels } from '../core/geometry/labels';
import { routeEdges, type Box, type Rect } from '../core/geometry/route';
import { autoLayout, withLayout } from '../core/layout/autoLayout';
import { parseDesign, type Design } from '../core/model';
import { absolutePositions, CONTAINER_KINDS, containerSizes, placementOf, RESOURCE_SIZE } from '../core/model/placement';
import { generateDesign } from './generate';
import { measure } from './measure';

// Issue 11: edge routing around node boxes (core/geometry/route.ts, run in the route worker), on
// the generated designs laid out by Auto-layout as the canvas would draw them. Alone:
// `npx tsx bench/route.ts`.

/** The absolute boxes the canvas would measure: cards at RESOURCE_SIZE, containers at their drawn size. */
function drawing(design: Design): { boxes: Box[]; targets: Box[]; soft: Rect[] } {
  const placement = placementOf(design);
  const abs = absolutePositions(design, placement);
  const sizes = containerSizes(design, placement);
  const boxes: Box[] = []; const targets: Box[] = []; const soft: Rect[] = [];
  for (const n of design.nodes) {
    const p = abs.get(n.id);
    if (!p) continue;
    if (CONTAINER_KINDS.includes(n.kind)) {
      const s = sizes.get(n.id) ?? { width: 260, height: 160 };
      targets.push({ id: n.id, ...p, ...s });
      soft.push({ ...p, width: s.width, height: 40 });
    } else boxes.push({ id: n.id, ...p, ...RESOURCE_SIZE });
  }
  return { boxes, targets, soft };
}

console.log('— edge routing (core/geometry/route)');
for (const size of [100, 1000]) {
  const parsed = parseDesign(JSON.stringify(generateDesign(size)));
  if (!parsed.ok) throw new Error(`generated design of ${size} nodes does not load`);
  const design = withLayout(parsed.design, await autoLayout(parsed.design));
  const { boxes, targets, soft } = drawing(design);
  const edges = design.edges.map((e) => ({ id: e.id, source: e.from, target: e.to }));
  const attach = [...placementOf(design)].flatMap(([id, p]) => p.attachments.map((s) => ({ id: `attach:${id}:${s}`, source: id, target: s })));
  const input = { boxes, targets, soft, edges: [...edges, ...attach] };
  const routes = routeEdges(input);
  const crossing = routes.filter((r) => r.crossesBox).length;
  console.log(`  ${boxes.length} cards, ${targets.length} containers, ${edges.length} edges + ${attach.length} attachment lines: ${routes.length} routed, ${crossing} could not avoid a box`);
  measure(`routeEdges, ${input.edges.length} edges (${size} nodes)`, () => routeEdges(input), size <= 100 ? 15 : 3);
  // On the UI thread at each zoom step of the label size: two shapes per label, as the canvas asks.
  const labels = routes.map((r) => ({ id: r.id, points: r.points, sizes: [{ width: 120, height: 17 }, { width: 70, height: 32 }] }));
  const placed = placeLabels(labels, boxes, 4);
  console.log(`  labels: ${placed.filter((p) => p.free).length} of ${placed.length} on free ground`);
  measure(`placeLabels, ${labels.length} labels (${size} nodes)`, () => placeLabels(labels, boxes, 4));
}
