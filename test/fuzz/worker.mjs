// The fuzz cases' own thread (issue 13, bullet 4): a synchronous hang in the analysis cannot be
// interrupted in the thread that runs it, so the suite posts each case here and keeps a watchdog in
// its own thread (test/fuzz/harness.ts), which terminates this worker when a case does not answer.
// Plain JS so Node can start it; it loads the TypeScript pipeline through tsx's loader, as
// bin/serverless-designer.mjs loads the CLI.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { runPipeline, runPipelineWithDiagram } = await import('./pipeline.ts');

parentPort.on('message', async ({ id, input, diagram }) => {
  parentPort.postMessage({ id, outcome: diagram ? await runPipelineWithDiagram(input) : runPipeline(input) });
});
parentPort.postMessage({ ready: true });
