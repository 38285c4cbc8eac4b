import {
  type Alias, Document, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, Scalar, YAMLMap, YAMLSeq,
  type Node as YamlNode, type ParsedNode, type Tags,
} from 'yaml';

/** CloudFormation templates as text: parse (YAML or JSON, short or long intrinsic forms) into plain
 *  values with long-form intrinsics, and print a tree back as YAML with short-form tags. */

/** CloudFormation's largest template body (1 MB, passed through S3):
 *  https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html */
export const MAX_TEMPLATE_BYTES = 1024 * 1024;
/** Far deeper than any real template; guards the parser and every walker after it. */
export const MAX_NESTING = 100;
/** Values that aliases may expand to in all (a "billion laughs" file is a few lines of aliases). */
const MAX_ALIAS_EXPANSION = 50_000;

export class TemplateSyntaxError extends Error {
  constructor(message: string, readonly line?: number, readonly column?: number) {
    super(line === undefined ? message : `line ${line}, column ${column ?? 1}: ${message}`);
    this.name = 'TemplateSyntaxError';
  }
}

export interface ParsedTemplate {
  template: Record<string, unknown>;
  format: 'json' | 'yaml';
  /** What was read but is doubtful (a key given twice: the later one is used, as PyYAML-based
   *  tools such as the SAM CLI do). Each names its line. */
  warnings: string[];
  /** The 1-based line where the value at `path` starts (e.g. ['Resources', 'Queue']). */
  lineOf(path: readonly (string | number)[]): number | undefined;
}

/** Short-form tag → long-form key. */
const INTRINSICS: Record<string, string> = {
  '!Ref': 'Ref', '!Condition': 'Condition',
  ...Object.fromEntries(['Base64', 'Cidr', 'FindInMap', 'GetAtt', 'GetAZs', 'ImportValue', 'Join', 'Select', 'Split', 'Sub',
    'Transform', 'And', 'Equals', 'If', 'Not', 'Or', 'ToJsonString', 'Length'].map((f) => [`!${f}`, `Fn::${f}`])),
};
const LONG_TO_SHORT = new Map(Object.entries(INTRINSICS).map(([short, long]) => [long, short]));

/** Parse-time tags: keep the node as it is (its `tag` survives); `toValue` gives it meaning. */
const KEEP_TAGS: Tags = Object.keys(INTRINSICS).flatMap((tag) => [
  { tag, resolve: (s: string) => s },
  { tag, collection: 'seq' as const, resolve: (seq: YAMLSeq) => seq },
  { tag, collection: 'map' as const, resolve: (map: YAMLMap) => map },
]) as Tags;

/** Reads a template. Throws TemplateSyntaxError, with a line and column wherever there is one. */
export function parseTemplateText(text: string): ParsedTemplate {
  const bytes = utf8Length(text, MAX_TEMPLATE_BYTES);
  if (bytes > MAX_TEMPLATE_BYTES) {
    throw new TemplateSyntaxError(`the template is larger than 1 MB (${text.length.toLocaleString('en-US')} characters); CloudFormation accepts templates of at most 1 MB`);
  }
  if (text.trim() === '') throw new TemplateSyntaxError('the template is empty');
  const nul = text.indexOf('\u0000');
  if (nul >= 0) throw new TemplateSyntaxError('the template contains a NUL character; is it a binary file?', ...position(text, nul));
  checkFlowNesting(text);

  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    customTags: KEEP_TAGS, schema: 'core', lineCounter, uniqueKeys: false, prettyErrors: false, strict: true, merge: false,
  });
  const error = doc.errors[0];
  if (error) {
    const pos = lineCounter.linePos(error.pos[0]);
    throw new TemplateSyntaxError(yamlErrorMessage(error.code, error.message), pos.line, pos.col);
  }
  const budget = { nodes: 0, warnings: [] as string[] };
  let value: unknown;
  try {
    value = toValue(doc.contents as YamlNode | null, doc, 0, budget, lineCounter);
  } catch (err) {
    // Bounded by MAX_NESTING; a stack overflow here would still be a clear message, never a crash.
    if (err instanceof RangeError) throw new TemplateSyntaxError(NESTED_TOO_DEEP);
    throw err;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new TemplateSyntaxError(`a template is a mapping (Resources, Parameters, …), not ${describe(value)}`, 1, 1);
  }
  const format = /^\s*\{/.test(text) ? 'json' : 'yaml';
  return {
    template: value as Record<string, unknown>,
    format,
    warnings: budget.warnings,
    lineOf(path) {
      const node = doc.getIn(path, true) as ParsedNode | undefined;
      const key = path.length ? findKeyNode(doc, path) : undefined;
      const offset = key?.range?.[0] ?? node?.range?.[0];
      return offset === undefined ? undefined : lineCounter.linePos(offset).line;
    },
  };
}

/** Bytes of `text` in UTF-8, counted up to `stopAfter` (core has no TextEncoder in its type library). */
export function utf8Length(text: string, stopAfter = Infinity): number {
  let n = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? 2 : 3; // a surrogate pair is 4 bytes in all
    if (n > stopAfter) return n;
  }
  return n;
}

function position(text: string, offset: number): [number, number] {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i += 1) if (text.charCodeAt(i) === 10) { line += 1; lineStart = i + 1; }
  return [line, offset - lineStart + 1];
}

const firstLine = (message: string) => message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');

const NESTED_TOO_DEEP = `values are nested more than ${MAX_NESTING} levels deep`;

/** The parser's message in the template author's terms: block nesting thousands deep overflows the
 *  parser's stack (it reports RESOURCE_EXHAUSTION), and a second document is not about its API. */
function yamlErrorMessage(code: string, message: string): string {
  if (code === 'RESOURCE_EXHAUSTION') return NESTED_TOO_DEEP;
  if (code === 'MULTIPLE_DOCS') return 'a template is one YAML document; a second one starts here (after `---`)';
  return firstLine(message);
}

/** Brackets nested past MAX_NESTING (`[[[[…` or JSON `{"a":{"a":…`) are refused before the parser
 *  sees them. Quoted strings are skipped; a bracket inside a block scalar may count, which errs
 *  only on the side of templates no one writes. */
function checkFlowNesting(text: string): void {
  let depth = 0;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote === '"') i += 1;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || (c === "'" && /[\s[{,:]/.test(text[i - 1] ?? ' '))) quote = c;
    else if (c === '#' && /\s/.test(text[i - 1] ?? '\n')) { const end = text.indexOf('\n', i); i = end < 0 ? text.length : end; }
    else if (c === '[' || c === '{') {
      depth += 1;
      if (depth > MAX_NESTING) throw new TemplateSyntaxError(NESTED_TOO_DEEP, ...position(text, i));
    } else if ((c === ']' || c === '}') && depth > 0) depth -= 1;
  }
}

function findKeyNode(doc: Document, path: readonly (string | number)[]): ParsedNode | undefined {
  const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
  const last = path[path.length - 1];
  if (isMap(parent)) {
    const pair = parent.items.find((p) => isPair(p) && (isScalar(p.key) ? p.key.value : p.key) === last);
    return (pair?.key ?? undefined) as ParsedNode | undefined;
  }
  return undefined;
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}

/** The plain value of a node, intrinsics in long form. Depth and alias expansion are bounded. */
function toValue(node: YamlNode | null | undefined, doc: Document, depth: number, budget: { nodes: number; warnings: string[] }, lines: LineCounter, viaAlias = false): unknown {
  if (node === null || node === undefined) return null;
  if (viaAlias) budget.nodes += 1;
  if (budget.nodes > MAX_ALIAS_EXPANSION) {
    const at = node.range ? lines.linePos(node.range[0]) : undefined;
    throw new TemplateSyntaxError('the template expands to too many values (YAML aliases repeated over and over?)', at?.line, at?.col);
  }
  if (depth > MAX_NESTING) {
    const at = node.range ? lines.linePos(node.range[0]) : undefined;
    throw new TemplateSyntaxError(NESTED_TOO_DEEP, at?.line, at?.col);
  }
  if (isAlias(node)) {
    const target = (node as Alias).resolve(doc);
    if (!target) {
      const at = node.range ? lines.linePos(node.range[0]) : undefined;
      throw new TemplateSyntaxError(`alias *${(node as Alias).source} has no anchor`, at?.line, at?.col);
    }
    return toValue(target, doc, depth + 1, budget, lines, true);
  }
  let value: unknown;
  if (isScalar(node)) value = node.value;
  else if (isSeq(node)) value = node.items.map((item) => toValue(item as YamlNode, doc, depth + 1, budget, lines, viaAlias));
  else if (isMap(node)) {
    const obj: Record<string, unknown> = {};
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? pair.key.value : pair.key;
      if (typeof key !== 'string' && typeof key !== 'number' && typeof key !== 'boolean') {
        const at = (pair.key as YamlNode | null)?.range ? lines.linePos((pair.key as YamlNode).range![0]) : undefined;
        throw new TemplateSyntaxError('a mapping key must be a plain string', at?.line, at?.col);
      }
      if (Object.prototype.hasOwnProperty.call(obj, String(key)) && !viaAlias) {
        const at = (pair.key as YamlNode).range ? lines.linePos((pair.key as YamlNode).range![0]) : undefined;
        budget.warnings.push(`line ${at?.line ?? '?'}: "${String(key)}" is given twice in the same mapping; the later one is used`);
      }
      Object.defineProperty(obj, String(key), { value: toValue(pair.value as YamlNode, doc, depth + 1, budget, lines, viaAlias), enumerable: true, writable: true, configurable: true });
    }
    value = obj;
  } else return null;
  const long = node.tag ? INTRINSICS[node.tag] : undefined;
  if (!long) return value;
  if (long === 'Fn::GetAtt' && typeof value === 'string') {
    const dot = value.indexOf('.');
    return { [long]: dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)] };
  }
  return { [long]: value };
}

export interface StringifyOptions {
  /** Printed as `# ` lines above the template (newlines and control characters are made safe). */
  headerComment?: string;
}

/** Prints a template tree (long-form intrinsics) as CloudFormation YAML with short-form tags:
 *  deterministic, no anchors or aliases, no line folding. A short form directly inside another uses
 *  the long form for the inner one would be ambiguous, so the outer keeps its long form then. */
export function stringifyTemplate(tree: unknown, options: StringifyOptions = {}): string {
  // Written as YAML 1.1, the version CloudFormation reads: strings such as yes, off or 0755 come out quoted.
  const doc = new Document(null, { version: '1.1', aliasDuplicateObjects: false });
  doc.contents = toNode(doc, tree, false) as typeof doc.contents;
  let text = doc.toString({ lineWidth: 0, minContentWidth: 0, indentSeq: true, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN', doubleQuotedAsJSON: true });
  if (options.headerComment !== undefined) {
    const comment = options.headerComment.split(/\r\n|\r|\n/).map((l) => `# ${safeComment(l)}`.trimEnd()).join('\n');
    text = `${comment}\n${text}`;
  }
  return text;
}

/** Control characters (C0, DEL, C1) and line separators would end or garble a comment line. */
const safeComment = (line: string) =>
  Array.from(line, (ch) => { const c = ch.codePointAt(0)!; return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029 ? '\ufffd' : ch; }).join('');

function intrinsicOf(value: unknown): [string, unknown] | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const keys = Object.keys(value);
  if (keys.length !== 1 || !LONG_TO_SHORT.has(keys[0])) return null;
  return [keys[0], (value as Record<string, unknown>)[keys[0]]];
}

function toNode(doc: Document, value: unknown, parentIsTagged: boolean): YamlNode {
  const intrinsic = parentIsTagged ? null : intrinsicOf(value);
  if (intrinsic) {
    const [long, inner] = intrinsic;
    const short = LONG_TO_SHORT.get(long)!;
    // !GetAtt Resource.Attribute is the form people write; a computed attribute needs the list.
    if (long === 'Fn::GetAtt' && Array.isArray(inner) && inner.length === 2 && inner.every((p) => typeof p === 'string')) {
      const s = new Scalar(`${inner[0]}.${inner[1]}`);
      s.tag = short;
      return s;
    }
    if (intrinsicOf(inner) === null) {
      const node = toNode(doc, inner, true);
      node.tag = short;
      return node;
    }
    // `!Base64 !Sub …` is not YAML: keep the long form outside.
    const map = new YAMLMap();
    map.items.push(doc.createPair(long, toNode(doc, inner, false)));
    return map;
  }
  if (Array.isArray(value)) {
    const seq = new YAMLSeq();
    for (const item of value) seq.items.push(toNode(doc, item, false));
    return seq;
  }
  if (value !== null && typeof value === 'object') {
    const map = new YAMLMap();
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue;
      map.items.push(doc.createPair(k, toNode(doc, v, false)));
    }
    return map;
  }
  return doc.createNode(value ?? null) as YamlNode;
}
