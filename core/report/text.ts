/** Text from the design (names, descriptions, reasons) as every output of the report shows it.
 *  Control characters and bidirectional formatting characters cannot be seen and can disguise or
 *  reorder what a reviewer reads (a U+202E in a name reverses the text after it), so they are
 *  written out as `\u202e`, the form the CLI uses on a terminal. Tabs and line breaks stay; each
 *  format decides what a line break means. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const HIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function visibleText(s: string): string {
  return s.replace(HIDDEN, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Every ASCII character Markdown (CommonMark + GFM) gives a meaning to inline: emphasis, code,
 *  links and images, raw HTML and entities, table cells, strikethrough, math. A backslash before
 *  any ASCII punctuation is a literal in CommonMark, so escaping these is always safe. */
const MD_SPECIAL = /[\\`*_{}[\]<>#!|~&$]/g;

/** Design text inline in Markdown (a table cell, after other text): hidden characters made
 *  visible, line breaks as spaces (a break would end a table row), markup characters escaped.
 *  Parentheses need no escape: a link needs a `]` before them, and every `]` is escaped. */
export function mdInline(s: string): string {
  return visibleText(s).replace(/[\t\r\n]+/g, ' ').trim().replace(MD_SPECIAL, '\\$&');
}

/** Design text that may start a line (a paragraph, a list item's text): also escapes a start that
 *  would open a block (list item, ordered list, setext underline). */
export function mdText(s: string): string {
  return mdInline(s).replace(/^[-+=]/, '\\$&').replace(/^(\d+)([.)])/, '$1\\$2');
}

/** "1 error", "2 warnings". */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
