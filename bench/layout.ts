import { autoLayout, autoLayoutCommand } from '../core/layout/autoLayout';
import { parseDesign } from '../core/model';
import { generateDesign } from './generate';

// Issue 11: Auto-layout (core/layout, ELK in the layout worker) of a whole design and of a
// selection, at 100 and 1,000 nodes. Alone: `npx tsx bench/layout.ts`.

async function measureAsync(label: string, fn: () => Promise<unknown>, runs: number): Promise<void> {
  await fn(); // warm-up (ELK's first run also loads it)
  const times: number[] = [];
  let peak = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(48)} median ${times[Math.floor(times.length / 2)].toFixed(2).padStart(8)} ms   peak heap ${(peak / 2 ** 20).toFixed(1)} MB   (${runs} runs)`);
}

console.log('— auto-layout (core/layout)');
for (const size of [100, 1000]) {
  const parsed = parseDesign(JSON.stringify(generateDesign(size)));
  if (!parsed.ok) throw new Error(`generated design of ${size} nodes does not load`);
  const design = parsed.design;
  const runs = size <= 100 ? 15 : 5;
  await measureAsync(`autoLayout, whole design (${design.nodes.length} nodes)`, () => autoLayout(design), runs);
  const selection = design.nodes.filter((n) => !n.parent && n.kind !== 'vpc').slice(0, 20).map((n) => n.id);
  await measureAsync(`autoLayout, 20 selected (${design.nodes.length} nodes)`, () => autoLayout(design, { only: selection }), runs);
  const laid = await autoLayout(design);
  const start = performance.now();
  autoLayoutCommand(design, laid);
  console.log(`${`  autoLayoutCommand (${design.nodes.length} nodes, 1 run)`.padEnd(48)} total    ${(performance.now() - start).toFixed(1).padStart(5)} ms`);
}
