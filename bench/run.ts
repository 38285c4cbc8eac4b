import { parseDesign, serializeDesign } from '../core/model';
import { generateDesign } from './generate';
import { measure } from './measure';

console.log(`node ${process.version} — medians of 15 runs after 3 warm-ups\n`);
for (const size of [100, 1000, 5000]) {
  const text = JSON.stringify(generateDesign(size));
  const parsed = parseDesign(text);
  if (!parsed.ok || parsed.problems.length) throw new Error(`generated design of ${size} nodes does not load cleanly: ${JSON.stringify(parsed.problems.slice(0, 3))}`);
  const design = parsed.design;
  console.log(`— ${design.nodes.length} nodes, ${design.edges.length} edges, ${(text.length / 1024).toFixed(0)} KB`);
  measure(`parseDesign (${size} nodes)`, () => parseDesign(text));
  measure(`serializeDesign (${size} nodes)`, () => serializeDesign(design));
}
