import { formatDuration, traceRetryPaths, type RetryHop, type RetryPath } from '../../core/semantics';
import type { Command } from '../command';
import { EXIT } from '../io';
import { oneDesignWithFormat } from '../load';

const SINK_LABEL = { onFailureDestination: 'on-failure destination', deadLetterQueue: 'dead-letter queue', redriveQueue: 'redrive queue', streamOnFailure: 'mapping on-failure destination', caller: 'caller' } as const;

function hopText(h: RetryHop): string[] {
  const lines = [`  ${h.source.name} → ${h.function.name} (${h.model}): ${h.policy}`];
  const stats = [
    `attempts ${h.attempts ?? 'until expiry'}`,
    `worst case ${h.worstCaseSeconds === null ? 'unbounded' : formatDuration(h.worstCaseSeconds)}`,
    `duplicate invocations ${h.duplicateInvocations ?? 'unbounded'}`,
  ];
  lines.push(`    ${stats.join(', ')}`);
  for (const s of h.sinks) lines.push(`    → ${SINK_LABEL[s.kind]} "${s.node.name}": ${s.catches}`);
  if (h.delivery) lines.push(`    delivery: ${h.delivery.policy}${h.delivery.dlq ? `; DLQ "${h.delivery.dlq.name}"` : ''} (${h.delivery.catches})`);
  if (h.lost) lines.push(`    LOST: ${h.lostReason}`);
  h.notes.forEach((n) => lines.push(`    note: ${n}`));
  return lines;
}

function pathText(p: RetryPath, i: number): string {
  const names = [p.hops[0].source.name, ...p.hops.map((h) => h.function.name)];
  const head = `Path ${i + 1}: ${names.join(' → ')}${p.loopsBackTo ? ` → (back to ${p.loopsBackTo.name})` : ''}${p.lost ? '  [events can be lost]' : ''}`;
  const summary = `  worst case ${p.worstCaseSeconds === null ? 'unbounded' : formatDuration(p.worstCaseSeconds)} to a sink; up to ${p.invocationsWorstCase ?? 'unbounded'} invocation${p.invocationsWorstCase === 1 ? '' : 's'} of the last function per event`;
  return [head, summary, ...p.hops.flatMap(hopText)].join('\n');
}

export const retryPathsCommand: Command = {
  name: 'retry-paths',
  summary: 'trace where failed events go: attempts, sinks, worst-case time, duplicates, losses',
  help: `Usage: serverless-designer retry-paths FILE [--format text|json]

For every chain from an event source through functions (SQS → Lambda → SNS → Lambda …), says per
hop how AWS retries a failing event, where it ends up (DLQ, on-failure destination, redrive queue,
the caller), the worst-case time until then, the duplicate invocations, and whether it can be lost.

Options:
  --format text|json   text for people (default) or JSON {paths}
  -h, --help           show this help

Exit codes: 0 traced; 2 the file cannot be read or parsed.`,
  async run(args, io) {
    const loaded = await oneDesignWithFormat('retry-paths', this.help, args, io);
    if (typeof loaded === 'number') return loaded;
    const { format, file, design } = loaded;
    const paths = traceRetryPaths(design);
    if (format === 'json') io.out(JSON.stringify({ file, paths }, null, 2));
    else io.out(paths.length ? paths.map(pathText).join('\n\n') : `${file}: no event source reaches a function`);
    return EXIT.ok;
  },
};
