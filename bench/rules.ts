// Per-rule timing on a generated 1,000-node design: finds the rule that breaks the frame budget.
import { parseDesign } from '../core/model';
import { RULES } from '../core/rules';
import { createRuleContext } from '../core/rules/context';
import { generateDesign } from './generate';

const size = Number(process.argv[2] ?? 1000);
const parsed = parseDesign(JSON.stringify(generateDesign(size)));
if (!parsed.ok) throw new Error('generated design does not load');
const rows = RULES.map((rule) => {
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const ctx = createRuleContext({ ...parsed.design });
    // Shared results are computed once per analysis: warm them so each rule is timed on its own.
    ctx.reachability();
    ctx.retryPaths();
    const start = performance.now();
    rule.check(ctx);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { id: rule.id, ms: times[3] };
}).sort((a, b) => b.ms - a.ms);
console.log(`per-rule median over 7 runs, ${size} nodes (fresh context each run, shared reachability and retry paths warmed)`);
for (const r of rows.slice(0, Number(process.argv[3] ?? 15))) console.log(`${r.id.padEnd(10)} ${r.ms.toFixed(2).padStart(8)} ms`);
console.log(`total ${rows.reduce((a, r) => a + r.ms, 0).toFixed(1)} ms`);
