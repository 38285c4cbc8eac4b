/** A fast CloudFormation YAML writer for exported templates: the same tree, conventions and tags as
 *  `stringifyTemplate` (../cfn/yaml.ts) — block style, short-form intrinsics where YAML allows, the
 *  long form outside a nested one, no anchors — written directly instead of through the `yaml`
 *  library's document model, which costs ~80 ms on a 1,000-node design (the export budget is 50 ms).
 *  Every string goes through `scalar`, the one escaping function: plain only when no YAML 1.1 or 1.2
 *  reader could take it for anything else, double-quoted JSON (with YAML's non-printables escaped)
 *  otherwise. Tests check that `parseTemplateText` reads back exactly the tree written. */

const INTRINSIC_NAMES = ['Ref', 'Condition', ...['Base64', 'Cidr', 'FindInMap', 'GetAtt', 'GetAZs', 'ImportValue', 'Join', 'Select', 'Split', 'Sub',
  'Transform', 'And', 'Equals', 'If', 'Not', 'Or', 'ToJsonString', 'Length'].map((f) => `Fn::${f}`)];
const SHORT = new Map(INTRINSIC_NAMES.map((long) => [long, `!${long.replace(/^Fn::/, '')}`]));

/** YAML 1.1 booleans and nulls (and 1.2's), which a plain scalar must never spell. */
const RESERVED = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~|=|<<)$/;
/** What some YAML version reads as a number, a sexagesimal, a special float or a timestamp
 *  (YAML 1.1's float pattern even takes `1.2.3`): https://yaml.org/type/float.html, /int.html, /timestamp.html */
const NUMBERISH = [
  /^[-+]?[0-9][0-9_]*$/, /^[-+]?0[xX][0-9a-fA-F_]+$/, /^[-+]?0[oO][0-7_]+$/, /^[-+]?0b[01_]+$/,
  /^[-+]?([0-9][0-9_]*)?\.[0-9._]*([eE][-+]?[0-9]+)?$/, /^[-+]?[0-9][0-9_]*(\.[0-9_]*)?[eE][-+]?[0-9]+$/,
  /^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$/, /^[-+]?\.(inf|Inf|INF)$/, /^\.(nan|NaN|NAN)$/, /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}/,
];
/** A plain scalar starts with no indicator (a `-` followed by a non-space is fine) and holds only printable characters. */
const PLAIN_START = /^(?:[^\s\-?:,[\]{}#&*!|>'"%@`]|-[^\s])/;
/** What a quoted scalar may hold without escapes: printable characters on one line. */
// eslint-disable-next-line no-control-regex -- the point is to find control characters
const PRINTABLE = /^[^\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]*$/;

/** Escapes for what JSON leaves raw but YAML counts as non-printable or a line break. */
const toYamlEscape = (text: string) =>
  text.replace(/[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** A scalar as YAML text: plain when unambiguous, otherwise quoted. */
export function scalar(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : (Number.isNaN(value) ? '.nan' : value > 0 ? '.inf' : '-.inf');
  const text = String(value);
  const plain = PLAIN_START.test(text) && PRINTABLE.test(text) && !RESERVED.test(text) && !NUMBERISH.some((re) => re.test(text))
    && !text.includes(': ') && !text.includes(' #') && !text.endsWith(':') && !text.endsWith(' ');
  if (plain) return text;
  // Double quotes as JSON writes them; single quotes where that reads better ("{"a":1}" → '{"a":1}').
  if (PRINTABLE.test(text) && /["\\]/.test(text)) return `'${text.replace(/'/g, "''")}'`;
  return toYamlEscape(JSON.stringify(text));
}

type Raw = Record<string, unknown>;
const isMap = (v: unknown): v is Raw => v !== null && typeof v === 'object' && !Array.isArray(v);

function intrinsicOf(value: unknown): [string, unknown] | null {
  if (!isMap(value)) return null;
  const keys = Object.keys(value);
  return keys.length === 1 && SHORT.has(keys[0]) ? [keys[0], value[keys[0]]] : null;
}

/** What a value prints as: an optional short-form tag and the value under it. */
function resolve(value: unknown): { tag?: string; value: unknown } {
  const intrinsic = intrinsicOf(value);
  if (!intrinsic) return { value };
  const [long, inner] = intrinsic;
  // `!GetAtt A.B` reads back split at the first dot: a resource name with a dot keeps the list form.
  if (long === 'Fn::GetAtt' && Array.isArray(inner) && inner.length === 2 && inner.every((p) => typeof p === 'string') && !inner[0].includes('.')) {
    return { tag: '!GetAtt', value: `${inner[0]}.${inner[1]}` };
  }
  // `!Base64 !Sub …` is not YAML: the outer keeps its long form.
  if (intrinsicOf(inner) !== null) return { value };
  return { tag: SHORT.get(long), value: inner };
}

const isCollection = (v: unknown) => v !== null && typeof v === 'object' && (Array.isArray(v) ? v.length > 0 : Object.keys(v).some((k) => (v as Raw)[k] !== undefined));
const inline = (v: unknown) => (Array.isArray(v) ? '[]' : isMap(v) ? '{}' : scalar(v));

function writeMap(lines: string[], map: Raw, indent: number): void {
  const pad = ' '.repeat(indent);
  for (const key of Object.keys(map)) {
    const v = map[key];
    if (v === undefined) continue;
    const { tag, value } = resolve(v);
    const head = `${pad}${scalar(key)}:${tag ? ` ${tag}` : ''}`;
    if (isCollection(value)) { lines.push(head); writeBlock(lines, value, indent + 2); } else lines.push(`${head} ${inline(value)}`);
  }
}

function writeBlock(lines: string[], value: unknown, indent: number): void {
  if (Array.isArray(value)) {
    for (const item of value) {
      const { tag, value: v } = resolve(item);
      const dash = `${' '.repeat(indent)}-`;
      if (!isCollection(v)) { lines.push(`${dash}${tag ? ` ${tag}` : ''} ${inline(v)}`); continue; }
      if (tag) { lines.push(`${dash} ${tag}`); writeBlock(lines, v, indent + 2); continue; }
      // The first line of a nested block shares the dash's line.
      const start = lines.length;
      writeBlock(lines, v, indent + 2);
      lines[start] = `${dash} ${lines[start].slice(indent + 2)}`;
    }
    return;
  }
  writeMap(lines, value as Raw, indent);
}

/** Control characters (C0, DEL, C1) and line separators would end or garble a comment line. */
const safeComment = (line: string) =>
  Array.from(line, (ch) => { const c = ch.codePointAt(0)!; return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029 ? '\ufffd' : ch; }).join('');

/** The template tree (long-form intrinsics) as CloudFormation YAML, with `# ` header comment lines. */
export function writeTemplate(tree: Raw, headerComment?: string): string {
  const lines: string[] = [];
  if (headerComment !== undefined) for (const l of headerComment.split(/\r\n|\r|\n/)) lines.push(`# ${safeComment(l)}`.trimEnd());
  if (isCollection(tree)) writeMap(lines, tree, 0);
  else lines.push('{}');
  return `${lines.join('\n')}\n`;
}
