/** A small TypeScript writer for the generated CDK app. Code is built as a tree of expressions and
 *  statements, then printed. Text a user typed reaches the code only through `str` (one escaping
 *  function, JSON.stringify-based) or as an identifier from names.ts; `path` and `id` accept only
 *  identifier characters and throw otherwise. Nothing here concatenates user text into code. */

export type Expr =
  | { readonly t: 'atom'; readonly code: string }
  | { readonly t: 'obj'; readonly entries: readonly (readonly [string, Expr])[] }
  | { readonly t: 'arr'; readonly items: readonly Expr[] }
  | { readonly t: 'call'; readonly callee: Expr; readonly args: readonly Expr[]; readonly isNew: boolean }
  | { readonly t: 'member'; readonly object: Expr; readonly name: string; readonly optional: boolean }
  | { readonly t: 'as'; readonly expr: Expr; readonly type: Expr }
  | { readonly t: 'nonNull'; readonly expr: Expr };

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function checkIdentifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`not a TypeScript identifier: ${JSON.stringify(name)}`);
  return name;
}

/** The one escaping function: any text as a single-quoted TypeScript string literal. JSON.stringify
 *  escapes backslashes, control characters, lone surrogates and double quotes; the double quotes are
 *  then unescaped and single quotes escaped instead (every `"` in JSON's output is preceded by its
 *  own escaping backslash, so the swap cannot pair the wrong characters). */
export function stringLiteral(text: string): string {
  const json = JSON.stringify(text);
  const inner = json.slice(1, -1).replace(/\\"|'|\u2028|\u2029/g, (m) => (m === '\\"' ? '"' : m === "'" ? "\\'" : m === '\u2028' ? '\\u2028' : '\\u2029'));
  return `'${inner}'`;
}

export const str = (text: string): Expr => ({ t: 'atom', code: stringLiteral(text) });

export function num(value: number): Expr {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  return { t: 'atom', code: String(value) };
}

export const bool = (value: boolean): Expr => ({ t: 'atom', code: value ? 'true' : 'false' });

/** An identifier (a variable from names.ts `identifierFor`, `this`, a namespace). */
export const id = (name: string): Expr => ({ t: 'atom', code: checkIdentifier(name) });

/** A dotted path of identifiers: `path('lambda', 'Runtime', 'NODEJS_22_X')`. */
export function path(...names: string[]): Expr {
  let expr: Expr = id(names[0]);
  for (const name of names.slice(1)) expr = member(expr, name);
  return expr;
}

export const member = (object: Expr, name: string, optional = false): Expr => ({ t: 'member', object, name: checkIdentifier(name), optional });
export const call = (callee: Expr, ...args: Expr[]): Expr => ({ t: 'call', callee, args, isNew: false });
export const construct = (callee: Expr, ...args: Expr[]): Expr => ({ t: 'call', callee, args, isNew: true });
export const as = (expr: Expr, type: Expr): Expr => ({ t: 'as', expr, type });
/** `expr!`: a value the CDK types as optional that the generated code knows is set. */
export const nonNull = (expr: Expr): Expr => ({ t: 'nonNull', expr });
export const arr = (items: readonly Expr[]): Expr => ({ t: 'arr', items });

/** An object literal; entries whose value is undefined are left out (optional settings at default). */
export function obj(entries: Record<string, Expr | undefined> | readonly (readonly [string, Expr | undefined])[]): Expr {
  const list = Array.isArray(entries) ? entries : Object.entries(entries);
  return { t: 'obj', entries: list.filter((e): e is [string, Expr] => e[1] !== undefined) };
}

/** A JSON value as a literal (event patterns, metadata). */
export function json(value: unknown): Expr {
  if (value === null) return { t: 'atom', code: 'null' };
  if (typeof value === 'string') return str(value);
  if (typeof value === 'number') return num(value);
  if (typeof value === 'boolean') return bool(value);
  if (Array.isArray(value)) return arr(value.map(json));
  if (typeof value === 'object') return obj(Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).map(([k, v]) => [k, json(v)] as const));
  throw new Error(`cannot write ${typeof value} as a literal`);
}

export type Stmt =
  | { readonly t: 'const'; readonly name: string; readonly value: Expr; readonly comment?: string }
  | { readonly t: 'expr'; readonly value: Expr; readonly comment?: string }
  | { readonly t: 'blank' }
  | { readonly t: 'comment'; readonly text: string };

export const constStmt = (name: string, value: Expr, comment?: string): Stmt => ({ t: 'const', name: checkIdentifier(name), value, comment });
export const exprStmt = (value: Expr, comment?: string): Stmt => ({ t: 'expr', value, comment });
export const blank: Stmt = { t: 'blank' };
export const comment = (text: string): Stmt => ({ t: 'comment', text });

/** A `//` comment line: line breaks (which would end the comment) become spaces. */
export const commentText = (text: string): string => text.replace(/[\r\n\u2028\u2029]+/g, ' ');

// ---------- printing ----------

const WIDTH = 110;
const INDENT = '  ';

function key(name: string): string {
  // `__proto__: v` (quoted or not) in an object literal sets the prototype instead of a property:
  // only a computed key makes it an own property, as JSON has it.
  if (name === '__proto__') return `[${stringLiteral(name)}]`;
  return IDENTIFIER.test(name) ? name : stringLiteral(name);
}

/** Prints an expression at `indent`; short objects and calls stay on one line. `breakLast` forces the
 *  expression (or its last argument) across lines when its line would be too long. */
export function printExpr(e: Expr, indent = '', breakLast = false): string {
  switch (e.t) {
    case 'atom': return e.code;
    case 'member': return `${printExpr(e.object, indent)}${e.optional ? '?.' : '.'}${e.name}`;
    case 'nonNull': return `${printExpr(e.expr, indent)}!`;
    case 'as': return `(${printExpr(e.expr, indent)} as ${printExpr(e.type, indent)})`;
    case 'arr': {
      if (e.items.length === 0) return '[]';
      const parts = e.items.map((i) => printExpr(i, indent + INDENT));
      const inline = `[${parts.join(', ')}]`;
      if (!breakLast && !inline.includes('\n') && inline.length + indent.length <= WIDTH) return inline;
      if (parts.length === 1 && (e.items[0].t === 'obj' || e.items[0].t === 'call')) return `[${printExpr(e.items[0], indent, true)}]`;
      return `[\n${parts.map((p) => `${indent}${INDENT}${p},`).join('\n')}\n${indent}]`;
    }
    case 'obj': {
      if (e.entries.length === 0) return '{}';
      const parts = e.entries.map(([k, v]) => `${key(k)}: ${printExpr(v, indent + INDENT)}`);
      const inline = `{ ${parts.join(', ')} }`;
      if (!breakLast && !inline.includes('\n') && inline.length + indent.length <= 80 && e.entries.length <= 3) return inline;
      return `{\n${parts.map((p) => `${indent}${INDENT}${p},`).join('\n')}\n${indent}}`;
    }
    case 'call': {
      const callee = printExpr(e.callee, indent);
      const head = `${e.isNew ? 'new ' : ''}${callee}`;
      const args = e.args.map((a) => printExpr(a, indent));
      const inline = `${head}(${args.join(', ')})`;
      if (!breakLast && !inline.includes('\n') && inline.length + indent.length <= WIDTH) return inline;
      // A method chain (`a.next(b).next(c)`): one call per line.
      if (!breakLast && !e.isNew && e.callee.t === 'member' && e.callee.object.t === 'call' && !e.callee.object.isNew) {
        const links: string[] = [];
        let cur: Expr = e;
        while (cur.t === 'call' && !cur.isNew && cur.callee.t === 'member' && cur.callee.object.t === 'call') {
          links.unshift(`.${cur.callee.name}(${cur.args.map((a) => printExpr(a, indent + INDENT)).join(', ')})`);
          cur = cur.callee.object;
        }
        return `${printExpr(cur, indent)}\n${links.map((l) => `${indent}${INDENT}${l}`).join('\n')}`;
      }
      // The usual shape: `new X(this, 'Id', {` … `})`: only the last argument spans lines.
      const last = e.args[e.args.length - 1];
      if (last && args.slice(0, -1).every((a) => !a.includes('\n')) && breakable(last)) {
        const lastText = printExpr(last, indent, true);
        if (lastText.includes('\n')) return `${head}(${[...args.slice(0, -1), lastText].join(', ')})`;
      }
      if (e.args.length === 0) return inline;
      const each = e.args.map((a) => printExpr(a, indent + INDENT));
      return `${head}(\n${each.map((a) => `${indent}${INDENT}${a},`).join('\n')}\n${indent})`;
    }
  }
}

/** Can this expression span lines at its end (an object, array, or a call ending in one)? */
function breakable(e: Expr): boolean {
  if (e.t === 'obj' || e.t === 'arr') return true;
  return e.t === 'call' && e.args.length > 0 && breakable(e.args[e.args.length - 1]);
}

export function printStatements(stmts: readonly Stmt[], indent: string): string {
  const lines: string[] = [];
  for (const s of stmts) {
    if (s.t === 'blank') { if (lines.length && lines[lines.length - 1] !== '') lines.push(''); continue; }
    if (s.t === 'comment') { lines.push(`${indent}// ${commentText(s.text)}`); continue; }
    if (s.comment) lines.push(`${indent}// ${commentText(s.comment)}`);
    const lead = s.t === 'const' ? `const ${s.name} = ` : '';
    let value = printExpr(s.value, indent);
    if (!value.includes('\n') && indent.length + lead.length + value.length + 1 > WIDTH) value = printExpr(s.value, indent, true);
    lines.push(`${indent}${lead}${value};`);
  }
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n');
}
