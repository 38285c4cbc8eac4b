/** Names in generated code and templates, derived from node names people typed. Every function here
 *  returns something safe to print unquoted in its context, whatever the input (quotes, control
 *  characters, emoji, empty): generated code never concatenates a user's string raw. */

/** CloudFormation logical ids: alphanumerics only, at most 255 characters. */
const LOGICAL_ID_MAX = 255;

const words = (name: string): string[] =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);

const capitalise = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

function unique(base: string, taken: Set<string>, max: number): string {
  let candidate = base.slice(0, max);
  for (let n = 2; taken.has(candidate); n += 1) {
    const suffix = String(n);
    candidate = base.slice(0, max - suffix.length) + suffix;
  }
  taken.add(candidate);
  return candidate;
}

/** A CloudFormation logical id for `name` (PascalCase alphanumerics, starting with a letter), unique
 *  within `taken`, which it joins. */
export function logicalIdFor(name: string, taken: Set<string>, fallback = 'Resource'): string {
  let base = words(name).map(capitalise).join('');
  if (!base) base = fallback;
  if (!/^[A-Za-z]/.test(base)) base = fallback + base;
  return unique(base, taken, LOGICAL_ID_MAX);
}

/** Words TypeScript will not take as a variable name, and names a generated stack file uses itself. */
const RESERVED = new Set([
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum', 'export',
  'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null', 'return', 'super',
  'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'as', 'implements', 'interface',
  'let', 'package', 'private', 'protected', 'public', 'static', 'yield', 'any', 'boolean', 'constructor', 'declare',
  'get', 'module', 'require', 'number', 'set', 'string', 'symbol', 'type', 'from', 'of', 'await', 'async', 'undefined',
  'arguments', 'eval', 'props', 'scope', 'id', 'cdk', 'stack', 'app', 'object', 'window', 'globalThis',
]);

/** A camelCase TypeScript identifier for `name`, never a reserved word, unique within `taken`. */
export function identifierFor(name: string, taken: Set<string>, fallback = 'resource'): string {
  const parts = words(name);
  let base = parts.map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : capitalise(w))).join('');
  if (!base) base = fallback;
  if (!/^[A-Za-z]/.test(base)) base = fallback + capitalise(base);
  if (RESERVED.has(base)) base += 'Resource';
  return unique(base, taken, 80);
}

/** kebab-case for file and folder names (`Orders API` → `orders-api`); never empty. */
export function slugFor(name: string, fallback = 'design'): string {
  const slug = words(name).map((w) => w.toLowerCase()).join('-').slice(0, 60).replace(/-+$/, '');
  return slug || fallback;
}
