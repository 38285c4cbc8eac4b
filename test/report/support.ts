import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { parseDesign, type Design } from '../../core/model';

export function loadDesign(path: string): Design {
  const r = parseDesign(readFileSync(path, 'utf8'));
  if (!r.ok) throw new Error(`${path}: ${JSON.stringify(r.problems)}`);
  return r.design;
}

export const VPC = 'templates/vpc-rds-external-api.design.json';

/** The report's HTML parsed as a browser would (happy-dom). */
export function parseHtml(html: string): Document {
  const window = new Window();
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

/** Markdown line kinds, to compare the block structure of two reports: what a renderer would make
 *  of each line (heading of a level, list item, ordered item, table row with N cells, image,
 *  blank, paragraph). Cells are counted on `|` not escaped by an odd run of backslashes. */
export function markdownShape(md: string): string[] {
  return md.split('\n').map((line) => {
    if (!line.trim()) return 'blank';
    const heading = /^(#{1,6}) /.exec(line);
    if (heading) return `h${heading[1].length}`;
    if (line.startsWith('|')) return `row${unescapedPipes(line)}`;
    if (/^\s*- /.test(line)) return `li${line.indexOf('-')}`;
    if (/^\d+\. /.test(line)) return 'ol';
    if (line.startsWith('![')) return 'img';
    return 'p';
  });
}

export function unescapedPipes(line: string): number {
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] !== '|') continue;
    let slashes = 0;
    for (let j = i - 1; j >= 0 && line[j] === '\\'; j--) slashes++;
    if (slashes % 2 === 0) n++;
  }
  return n;
}

/** What a CommonMark reader shows for escaped text: a backslash before ASCII punctuation is dropped. */
export const mdUnescape = (s: string) => s.replace(/\\([!-/:-@[-`{-~])/g, '$1');

/** The cells of a Markdown table row, split on `|` not escaped by an odd run of backslashes. */
export function tableCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let slashes = 0;
  for (const c of line) {
    if (c === '|' && slashes % 2 === 0) { cells.push(cell); cell = ''; } else cell += c;
    slashes = c === '\\' ? slashes + 1 : 0;
  }
  cells.push(cell);
  return cells.slice(1, -1).map((x) => x.trim());
}
