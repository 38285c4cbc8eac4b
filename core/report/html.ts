import { visibleText } from './text';

/** A small HTML tree, printed once with every text and attribute escaped (STYLE.md 13): the report
 *  never concatenates design text into markup. `trustedMarkup` is for markup made by our own
 *  builders (the diagram SVG of core/diagram, the fixed style sheet). */
export type Child = HtmlNode | Trusted | string | number | null | undefined | false | readonly Child[];
export interface HtmlNode { tag: string; attrs: Attrs; children: Child[] }
export interface Trusted { trusted: string }
export type Attrs = Record<string, string | number | boolean | null | undefined>;

const NAME = /^[a-zA-Z][a-zA-Z0-9:-]*$/;
const VOID = new Set(['meta', 'br', 'hr', 'col', 'img', 'link', 'input', 'wbr']);

export function h(tag: string, attrs: Attrs | null = null, ...children: Child[]): HtmlNode {
  if (!NAME.test(tag)) throw new Error(`not an element name: ${tag}`);
  return { tag, attrs: attrs ?? {}, children };
}

export const trustedMarkup = (markup: string): Trusted => ({ trusted: markup });

/** Text content: `&`, `<`, `>` escaped; hidden characters made visible (text.ts). */
export function escapeText(s: string): string {
  return visibleText(s).replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

export function escapeAttr(s: string): string {
  return visibleText(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A link target only when it is an https URL (the AWS docs); anything else is not a link. */
export const safeHref = (url: string): string | undefined => (/^https:\/\/[^\s"'<>]+$/.test(url) ? url : undefined);

function printChild(c: Child, out: string[]): void {
  if (c === null || c === undefined || c === false) return;
  if (typeof c === 'string') out.push(escapeText(c));
  else if (typeof c === 'number') out.push(escapeText(String(c)));
  else if (Array.isArray(c)) for (const x of c as readonly Child[]) printChild(x, out);
  else if ('trusted' in c) out.push(c.trusted);
  else printNode(c as HtmlNode, out);
}

function printNode(n: HtmlNode, out: string[]): void {
  out.push('<', n.tag);
  for (const [k, v] of Object.entries(n.attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (!NAME.test(k) || /^on/i.test(k)) throw new Error(`not an attribute the report writes: ${k}`);
    out.push(' ', k);
    if (v !== true) out.push('="', escapeAttr(String(v)), '"');
  }
  out.push('>');
  if (VOID.has(n.tag)) return;
  for (const c of n.children) printChild(c, out);
  out.push('</', n.tag, '>');
}

export function printHtml(root: Child): string {
  const out: string[] = [];
  printChild(root, out);
  return out.join('');
}
