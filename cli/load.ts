import { alternativeNames, designOfAlternative } from '../core/commands/alternatives';
import { formatProblem, parseDesign, type Design, type Problem } from '../core/model';
import { refusedEdges } from '../core/model/setAside';
import { parseArgs } from 'node:util';
import { describeReadError, EXIT, type CliIo } from './io';

/** Reads and parses a design file for a command. Undefined (after printing why) when it cannot be
 *  read or is not a loadable design: the command then exits 2. */
export async function loadDesignFile(file: string, io: CliIo): Promise<{ design: Design; problems: Problem[]; text: string } | undefined> {
  let text: string;
  try {
    text = await io.readText(file);
  } catch (err) {
    io.err(describeReadError(file, err));
    return undefined;
  }
  const result = parseDesign(text);
  if (!result.ok) {
    io.err(`${file}: not a loadable design:`);
    result.problems.forEach((p) => io.err(`  ${file}:${formatProblem(p)}`));
    return undefined;
  }
  return { design: result.design, problems: result.problems, text };
}

/** The 1-based line where a node or edge with this id is declared, for SARIF and editors. */
export function lineOfId(text: string, id: string): number {
  const at = text.indexOf(`"id": ${JSON.stringify(id)}`);
  const loose = at >= 0 ? at : text.search(new RegExp(`"id"\\s*:\\s*${JSON.stringify(id).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  return loose < 0 ? 1 : text.slice(0, loose).split('\n').length;
}

export function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], io: CliIo): T | undefined {
  if (value !== undefined && (allowed as readonly string[]).includes(value)) return value as T;
  io.err(`--${name} must be one of ${allowed.join(', ')}${value === undefined ? '' : `, not "${value}"`}`);
  return undefined;
}

/** The common front of a command over one design file with `--format text|json` and `--help`:
 *  the parsed format, file and design, or the exit code to return (help shown, bad options,
 *  unreadable file — each already explained on the output). */
export async function oneDesignWithFormat(name: string, help: string, args: string[], io: CliIo): Promise<{ format: 'text' | 'json'; file: string; design: Design } | number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string', default: 'text' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) { io.out(help); return EXIT.ok; }
  const format = oneOf('format', values.format, ['text', 'json'] as const, io);
  if (!format) return EXIT.unreadable;
  if (positionals.length !== 1) { io.err(`${name}: give exactly one design file (see --help)`); return EXIT.unreadable; }
  const loaded = await loadDesignFile(positionals[0], io);
  return loaded ? { format, file: positionals[0], design: loaded.design } : EXIT.unreadable;
}

/** `orders.design.json#B`: the alternative named B in that file (the text after the last "#"). */
export function splitAlternative(arg: string): { file: string; alternative?: string } {
  const at = arg.lastIndexOf('#');
  return at > 0 ? { file: arg.slice(0, at), alternative: arg.slice(at + 1) } : { file: arg };
}

/** A design file, or one of its alternatives named after "#"; an unknown name is said with the names
 *  the file has. */
export async function loadDesignOrAlternative(arg: string, io: CliIo): Promise<{ file: string; design: Design; problems: Problem[] } | undefined> {
  const { file, alternative } = splitAlternative(arg);
  const loaded = await loadDesignFile(file, io);
  if (!loaded) return undefined;
  if (alternative === undefined) return { file, design: loaded.design, problems: loaded.problems };
  const design = designOfAlternative(loaded.design, alternative);
  if (!design) {
    io.err(`${file}: no alternative "${alternative}"; the file has: ${alternativeNames(loaded.design).join(', ')}`);
    return undefined;
  }
  return { file, design, problems: loaded.problems };
}

/** `retry-paths` and `reach` leave out the connections AWS refuses, as the analysis does
 *  (core/model/setAside.ts): said on stderr, so the JSON on stdout stays as it is. */
export function noteSetAside(file: string, design: Design, io: CliIo): void {
  const aside = refusedEdges(design);
  if (!aside.length) return;
  io.err(`${file}: ${aside.length} connection${aside.length === 1 ? '' : 's'} AWS refuses ${aside.length === 1 ? 'was' : 'were'} set aside, not traced (lint reports ${aside.length === 1 ? 'it' : 'them'}):`);
  for (const s of aside.slice(0, 10)) io.err(`  ${s.name} (${s.kind} edge "${s.edge}"): ${s.reason}`);
  if (aside.length > 10) io.err(`  … and ${aside.length - 10} more`);
}
