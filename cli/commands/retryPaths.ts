import { formatNumber } from '../../core/format';
import { formatDuration, RETRY_PATHS_SHOWN, RETRY_TRACE_LIMIT, retryPathsForOutput, type RetryHop, type RetryPath, type RetryPathsOutput } from '../../core/semantics';
import type { Command } from '../command';
import { EXIT } from '../io';
import { noteSetAside, oneDesignWithFormat } from '../load';

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
  const end = p.loopsBackTo ? ` → (back to ${p.loopsBackTo.name})` : p.continuesTo ? ` → (on to ${p.continuesTo.name}: not traced further)` : '';
  const head = `Path ${i + 1}: ${names.join(' → ')}${end}${p.lost ? '  [events can be lost]' : ''}`;
  const summary = `  worst case ${p.worstCaseSeconds === null ? 'unbounded' : formatDuration(p.worstCaseSeconds)} to a sink; up to ${p.invocationsWorstCase ?? 'unbounded'} invocation${p.invocationsWorstCase === 1 ? '' : 's'} of the last function per event`;
  return [head, summary, ...p.hops.flatMap(hopText)].join('\n');
}

/** Paths printed as text at most (JSON lists up to RETRY_PATHS_SHOWN, 1,000): a design with
 *  1,000 parallel edges printed 411 M characters (issue 13). */
export const TEXT_PATHS_SHOWN = 200;

/** "… and 9,800 more paths not shown (use --format json for up to 1,000)" */
function moreText(out: RetryPathsOutput, json: boolean): string {
  const more = out.omittedPaths;
  if (more <= 0 && !out.truncated) return '';
  const count = `${out.truncated ? 'at least ' : ''}${formatNumber(more)} more path${more === 1 && !out.truncated ? '' : 's'}`;
  const why = [
    ...(out.omittedForSize > 0 ? [`${formatNumber(out.omittedForSize)} of them to keep the output in proportion to the design`] : []),
    ...(out.truncated ? [`tracing stops after ${formatNumber(RETRY_TRACE_LIMIT)} distinct paths`] : []),
  ];
  const hint = !json && out.omittedForSize === 0 && out.paths.length < RETRY_PATHS_SHOWN && more > 0 ? ` (--format json lists up to ${formatNumber(RETRY_PATHS_SHOWN)})` : '';
  return `… and ${count} not shown${why.length ? `; ${why.join('; ')}` : ''}${hint}.`;
}

export const retryPathsCommand: Command = {
  name: 'retry-paths',
  summary: 'trace where failed events go: attempts, sinks, worst-case time, duplicates, losses',
  help: `Usage: serverless-designer retry-paths FILE [--format text|json]

For every chain from an event source through functions (SQS → Lambda → SNS → Lambda …), says per
hop how AWS retries a failing event, where it ends up (DLQ, on-failure destination, redrive queue,
the caller), the worst-case time until then, the duplicate invocations, and whether it can be lost.

Parallel edges that behave alike count as one path. Text shows the first ${TEXT_PATHS_SHOWN} paths and
JSON the first ${RETRY_PATHS_SHOWN}, then how many more there are; the output stays in proportion to
the design (paths that would pass about ten characters per character of the design, plus 0.5 MB, are
counted, not printed); tracing stops after ${RETRY_TRACE_LIMIT} distinct paths, and a chain is
followed through at most 13 functions.

Options:
  --format text|json   text for people (default) or JSON {paths, omittedPaths, omittedForSize,
                       truncated}
  -h, --help           show this help

Exit codes: 0 traced; 2 the file cannot be read or parsed.`,
  async run(args, io) {
    const loaded = await oneDesignWithFormat('retry-paths', this.help, args, io);
    if (typeof loaded === 'number') return loaded;
    const { format, file, design } = loaded;
    noteSetAside(file, design, io);
    if (format === 'json') {
      const out = retryPathsForOutput(design, RETRY_PATHS_SHOWN);
      io.out(JSON.stringify({ file, ...out }, null, 2));
      return EXIT.ok;
    }
    const out = retryPathsForOutput(design, TEXT_PATHS_SHOWN, (p) => pathText(p, 0).length);
    const more = moreText(out, false);
    io.out(out.paths.length ? [...out.paths.map(pathText), ...(more ? [more] : [])].join('\n\n') : `${file}: no event source reaches a function`);
    return EXIT.ok;
  },
};
