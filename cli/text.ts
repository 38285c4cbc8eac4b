/** What the CLI prints, made safe for where it lands: a terminal (escaped control and bidi
 *  characters) and a spreadsheet (CSV cells that cannot run as formulas). */

/** Characters a design, a template or a file name may carry that a terminal would act on or draw
 *  misleadingly: C0 controls but tab and newline (a CR only when it does not end a CRLF line), DEL,
 *  C1 controls (CSI, which starts ANSI sequences, among them), the bidi embeddings, overrides and
 *  isolates (U+202A–202E, U+2066–2069), the bidi marks (U+200E, U+200F, U+061C), the line and paragraph
 *  separators (U+2028, U+2029) and lone surrogate halves (which would print as U+FFFD). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\r(?!\n)|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text as printed: every unsafe character (see UNSAFE) written as a visible `\uXXXX` escape (ESC
 *  prints as `\u001b`, RIGHT-TO-LEFT OVERRIDE as `\u202e`), so a name cannot move the cursor,
 *  recolour or retitle the terminal, or reorder what is shown around it. Everything else is kept,
 *  emoji and other scripts included. The escape is JSON's own, so JSON output stays valid JSON that
 *  parses to the same strings. Applied once, to all output, in `cli/main.ts`. Idempotent. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A cell's first character that makes a spreadsheet read the cell as a formula (or, for tab and
 *  CR, that spreadsheets skip before looking for one). OWASP's CSV Injection page
 *  (https://owasp.org/www-community/attacks/CSV_Injection) lists these six — = + - @ tab (0x09) and
 *  carriage return (0x0D) — and its remedy: put a single quote in front of such a cell, wrap the
 *  cell in double quotes and double every double quote inside it. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A number the CLI formatted itself: kept as it is, so that -12.50 stays a number in a spreadsheet. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** One CSV cell (RFC 4180: quoted when it holds a comma, a double quote, CR or LF, with every double
 *  quote doubled). Text (names, ids, messages — anything from the design) that starts with
 *  = + - @ tab or CR is made inert the OWASP way: `'` in front, inside a quoted cell. A `number`
 *  cell that is a plain decimal (`-12.50`) is written as it is; anything else given as a number is
 *  treated as text. */
export function csvCell(value: string, kind: 'text' | 'number' = 'text'): string {
  if (kind === 'number' && PLAIN_NUMBER.test(value)) return value;
  if (FORMULA_START.test(value)) return `"'${value.replace(/"/g, '""')}"`;
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** CSV text: rows joined with CRLF (RFC 4180); `numbers` lists the columns that hold numbers the CLI
 *  formatted (every other cell is text). */
export function csvText(rows: readonly (readonly string[])[], numbers: readonly number[] = []): string {
  return rows.map((row) => row.map((cell, i) => csvCell(cell, numbers.includes(i) ? 'number' : 'text')).join(',')).join('\r\n');
}

/** The message of anything thrown, as one line for people: never "undefined", "null" or
 *  "[object Object]" (a thrown non-Error is described by its type), at most 500 characters. */
export function errorMessage(err: unknown): string {
  let text: string;
  if (err instanceof Error) text = err.message || err.name || 'an error with no message';
  else if (typeof err === 'string') text = err || 'an empty string was thrown';
  else if (err === null || err === undefined) text = 'a value that is not an error was thrown (no message)';
  else if (typeof err === 'object') {
    const message = (err as { message?: unknown }).message;
    if (typeof message === 'string' && message) text = message;
    else {
      let json: string | undefined;
      try { json = JSON.stringify(err); } catch { json = undefined; }
      text = json && json !== '{}' ? `an object that is not an error was thrown: ${json}` : 'an object that is not an error was thrown';
    }
  } else text = `a ${typeof err} was thrown: ${String(err)}`;
  const line = text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
  return line.length > 500 ? `${line.slice(0, 499)}…` : line;
}
