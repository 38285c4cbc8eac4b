import type { Estimator } from '../../types';
import { fmt, inflows, noTraffic, totalEvents } from './support';

/** Express billing (https://aws.amazon.com/step-functions/pricing/, pricing.md §13): duration
 *  "rounded up to the nearest 100ms", memory "billed in 64-MB chunks" (the page's estimate of memory
 *  used is "50 MB + state machine definition size + execution data size × Number of Parallel or Map
 *  Steps"; its example of 62.85 MB bills 64 MB). */
const DURATION_STEP_MS = 100;
const MEMORY_CHUNK_MB = 64;

/** Step Functions state machine; executions = what arrives at it (entered, API Gateway and
 *  EventBridge triggers, functions starting it).
 *  Standard: state transitions = executions × `transitionsPerExecution` (retries, which AWS also
 *  counts, are not added). Express: requests = executions; duration GB-s = executions × the state
 *  machine's `avgDurationMs` rounded up to 100 ms × billed memory: the `billedMemoryMb` entered
 *  (memory an execution uses, from the formula above or CloudWatch's ExpressExecutionMemory) rounded
 *  up to 64 MB chunks, else 64 MB, the smallest chunk (what any workflow under 64 MB bills). */
export const estimateStepFunction: Estimator = (ctx, node) => {
  if (node.kind !== 'stepFunction') return [];
  const flows = inflows(ctx, node);
  const executions = totalEvents(flows);
  const from = flows.map((f) => f.from).join(' + ') || noTraffic(node);
  if (node.props.workflowType === 'standard') {
    const per = node.props.transitionsPerExecution;
    return [ctx.line(node, 'State transitions', 'stepfunctions.standard.transitions', executions.times(per), `${from}; × ${per} transitions per execution`)];
  }
  const usage = ctx.usage(node.id);
  const billedMs = Math.ceil((usage.avgDurationMs ?? 0) / DURATION_STEP_MS) * DURATION_STEP_MS;
  const usedMb = usage.billedMemoryMb;
  // At least one chunk: an execution uses memory even when 0 is entered.
  const billedMb = Math.max(1, Math.ceil((usedMb ?? MEMORY_CHUNK_MB) / MEMORY_CHUNK_MB)) * MEMORY_CHUNK_MB;
  const memoryFrom = usedMb === undefined ? `${billedMb} MB (billedMemoryMb not entered: the smallest 64 MB chunk)` : `${billedMb} MB (${fmt(usedMb)} MB entered, in 64 MB chunks)`;
  const gbSeconds = executions.times(billedMs).div(1000).times(billedMb).div(1024);
  return [
    ctx.line(node, 'Requests (express)', 'stepfunctions.express.requests', executions, from),
    ctx.line(node, 'Duration (express)', 'stepfunctions.express.duration', gbSeconds,
      `${fmt(executions)} executions × ${billedMs} ms (avgDurationMs ${usage.avgDurationMs ?? 'not entered'}, rounded up to 100 ms) × ${memoryFrom}`),
  ];
};
