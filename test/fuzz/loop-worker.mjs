// A stand-in for test/fuzz/worker.mjs whose "analysis" never returns on the input {"text":"loop"}
// (harness.test.ts: the watchdog must notice a synchronous hang and the next case must still run).
import { parentPort } from 'node:worker_threads';

parentPort.on('message', ({ id, input }) => {
  if (input.text === 'loop') for (;;) { /* a synchronous hang */ }
  parentPort.postMessage({ id, outcome: { ms: 0, outputChars: input.text.length, parsed: false } });
});
parentPort.postMessage({ ready: true });
