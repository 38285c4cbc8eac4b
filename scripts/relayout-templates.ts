/** Re-lays out every starter template with the app's auto-layout (core/layout) and writes only
 *  `layout.positions` back (the rest of each file is left as it is), then prints each template's
 *  fit-to-view zoom on an 880×560 canvas (React Flow's fitView with the canvas's 6 % padding).
 *
 *    npx tsx scripts/relayout-templates.ts            # rewrite templates/*.design.json
 *    npx tsx scripts/relayout-templates.ts --check    # only print the zoom before and after
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { autoLayout, withLayout } from '../core/layout/autoLayout';
import type { Design } from '../core/model/design';
import { parseDesign } from '../core/model/parse';
import { absolutePositions, containerSizes, placementOf, RESOURCE_SIZE } from '../core/model/placement';

const CANVAS = { width: 880, height: 560 };
const PADDING = 0.06;
const MAX_ZOOM = 1.1;

/** The zoom React Flow's fitView picks for the design's bounds (xyflow getViewportForBounds). */
export function fitZoom(design: Design): { zoom: number; width: number; height: number } {
  const placement = placementOf(design);
  const abs = absolutePositions(design, placement);
  const sizes = containerSizes(design, placement);
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const n of design.nodes) {
    const p = abs.get(n.id) ?? { x: 0, y: 0 };
    const s = sizes.get(n.id) ?? RESOURCE_SIZE;
    minX = Math.min(minX, p.x); minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x + s.width); maxY = Math.max(maxY, p.y + s.height);
  }
  const width = maxX - minX;
  const height = maxY - minY;
  const zoom = Math.min(MAX_ZOOM, (CANVAS.width * (1 - 2 * PADDING)) / width, (CANVAS.height * (1 - 2 * PADDING)) / height);
  return { zoom, width, height };
}

const dir = new URL('../templates/', import.meta.url).pathname;
const check = process.argv.includes('--check');
for (const file of readdirSync(dir).filter((f) => f.endsWith('.design.json')).sort()) {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  const parsed = parseDesign(text);
  if (!parsed.ok) throw new Error(`${file} does not load: ${parsed.problems.map((p) => p.message).join('; ')}`);
  const before = fitZoom(parsed.design);
  const laidOut = await autoLayout(parsed.design, { origin: { x: 0, y: 0 } });
  const after = fitZoom(withLayout(parsed.design, laidOut));
  const f = (z: { zoom: number; width: number; height: number }) => `${z.zoom.toFixed(2)} (${Math.round(z.width)}×${Math.round(z.height)})`;
  console.log(`${file.padEnd(44)} fit zoom ${f(before)} → ${f(after)}`);
  if (check) continue;
  const raw = JSON.parse(text) as { layout?: { positions?: Record<string, unknown> } };
  raw.layout = { ...raw.layout, positions: Object.fromEntries(Object.entries(laidOut).sort(([a], [b]) => parsed.design.nodes.findIndex((n) => n.id === a) - parsed.design.nodes.findIndex((n) => n.id === b))) };
  writeFileSync(path, `${JSON.stringify(raw, null, 2)}\n`);
}
