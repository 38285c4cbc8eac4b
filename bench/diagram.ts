import { Resvg } from '@resvg/resvg-js';
import { renderDiagram } from '../core/diagram';
import { autoLayout, withLayout } from '../core/layout/autoLayout';
import { parseDesign } from '../core/model';
import { generateDesign } from './generate';

// Issue 12: the model-drawn diagram (core/diagram) of the generated 200-node design — what the
// report, Export image and `serverless-designer diagram` run. Alone: `npx tsx bench/diagram.ts`.

/** Median wall time of an async step (after one warm-up). */
async function measureAsync(label: string, fn: () => Promise<unknown> | unknown, runs = 7): Promise<void> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(48)} median ${times[Math.floor(times.length / 2)].toFixed(2).padStart(8)} ms   peak heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(1)} MB`);
}

console.log('— diagram (core/diagram)');
const parsed = parseDesign(JSON.stringify(generateDesign(200)));
if (!parsed.ok) throw new Error('generated 200-node design does not load');
const bare = parsed.design;
const laidOut = withLayout(bare, await autoLayout(bare));
const { svg, width, height } = await renderDiagram(laidOut);
console.log(`  ${laidOut.nodes.length} nodes, ${laidOut.edges.length} edges: ${width} × ${height} px, SVG ${(svg.length / 1024).toFixed(0)} KB`);
await measureAsync('renderDiagram, saved layout (200 nodes)', () => renderDiagram(laidOut));
await measureAsync('renderDiagram, auto-layout first (200 nodes)', () => renderDiagram(bare), 3);
await measureAsync('renderDiagram, only 10 functions (200 nodes)', () => renderDiagram(laidOut, { only: laidOut.nodes.filter((n) => n.kind === 'lambda').slice(0, 10).map((n) => n.id) }));
await measureAsync('PNG at 2× via resvg (200 nodes)', () => new Resvg(svg, { fitTo: { mode: 'zoom', value: 2 } }).render().asPng(), 3);
