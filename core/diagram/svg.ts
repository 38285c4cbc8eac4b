/** A tiny SVG element tree and its printer: every attribute value and text goes through one escaping
 *  function, so a name such as `<script>` or `"]]>` is text, never markup (STYLE.md 13).
 *
 *  Escaping decisions:
 *  - `&`, `<`, `>`, `"` and `'` become character references everywhere (text and attributes).
 *  - Characters XML 1.0 cannot hold at all (C0 controls other than tab/newline/return, U+FFFE,
 *    U+FFFF, lone surrogates) become U+FFFD "�": a parser would reject the whole file otherwise.
 *    C1 controls (U+0080–U+009F) and DEL are legal XML but invisible: also U+FFFD.
 *  - Tab, newline and return in attributes become references (`&#10;`) so attribute-value
 *    normalisation keeps them; in text a return does too (parsers turn a raw one into a newline).
 *  - Bidi controls (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F) are kept — they are part of the name
 *    — but each user string is its own <text>/<tspan>, which ends their reach (an unclosed override
 *    cannot reorder anything outside that element), and one composed into a longer <title> is
 *    wrapped in U+2068 … U+2069 (an isolate: `isolate` in index.ts). */

export interface SvgElement {
  name: string;
  attrs: Readonly<Record<string, string | number | undefined>>;
  children: readonly SvgNode[];
}
export type SvgNode = SvgElement | string;

/** An element; attributes whose value is undefined are left out. */
export const el = (name: string, attrs: Record<string, string | number | undefined> = {}, ...children: (SvgNode | false | undefined | null)[]): SvgElement => ({
  name,
  attrs,
  children: children.filter((c): c is SvgNode => c !== false && c !== undefined && c !== null && c !== ''),
});

// eslint-disable-next-line no-control-regex
const INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The text with characters XML cannot hold replaced by U+FFFD. */
export const xmlSafe = (text: string): string => text.replace(INVALID, '\ufffd');

const TEXT_REFS: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '\r': '&#13;' };
const ATTR_REFS: Record<string, string> = { ...TEXT_REFS, '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

export const escapeText = (text: string): string => xmlSafe(text).replace(/[&<>"'\r]/g, (c) => TEXT_REFS[c]);
export const escapeAttr = (text: string): string => xmlSafe(text).replace(/[&<>"'\t\n\r]/g, (c) => ATTR_REFS[c]);

/** Numbers printed the same way every time: at most two decimals, no "-0", no exponent. */
export function num(n: number): string {
  if (!Number.isFinite(n)) return '0';
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) || r === 0 ? '0' : String(r);
}

const NAME = /^[A-Za-z_][\w.:-]*$/;

/** Elements whose content is text: nothing is added between their children. */
const INLINE = new Set(['text', 'tspan', 'title']);

/** Prints the tree as XML, one element per line (diffs of golden files stay readable) except inside
 *  text, where added whitespace would show. */
export function printSvg(node: SvgNode): string {
  const out: string[] = [];
  const visit = (n: SvgNode) => {
    if (typeof n === 'string') {
      out.push(escapeText(n));
      return;
    }
    if (!NAME.test(n.name)) throw new Error(`not an element name: ${JSON.stringify(n.name)}`);
    out.push('<', n.name);
    for (const [key, value] of Object.entries(n.attrs)) {
      if (value === undefined) continue;
      if (!NAME.test(key)) throw new Error(`not an attribute name: ${JSON.stringify(key)}`);
      out.push(' ', key, '="', typeof value === 'number' ? num(value) : escapeAttr(value), '"');
    }
    if (!n.children.length) {
      out.push('/>');
      return;
    }
    out.push('>');
    const lines = !INLINE.has(n.name);
    for (const c of n.children) {
      if (lines) out.push('\n');
      visit(c);
    }
    if (lines) out.push('\n');
    out.push('</', n.name, '>');
  };
  visit(node);
  return out.join('');
}
