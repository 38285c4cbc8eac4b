import { readdirSync, readFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { Window } from 'happy-dom';
import type { Design } from '../../core/model/design';
import { parseDesign } from '../../core/model/parse';

export const TEMPLATES = readdirSync('templates').filter((f) => f.endsWith('.design.json')).sort();

export function loadTemplate(file: string): Design {
  const parsed = parseDesign(readFileSync(`templates/${file}`, 'utf8'));
  if (!parsed.ok) throw new Error(`${file}: ${parsed.problems.map((p) => p.message).join('; ')}`);
  return parsed.design;
}

/** Throws unless the SVG is well-formed XML: resvg parses with roxmltree, a strict XML parser
 *  (a raw "&", a control character, an unclosed or repeated attribute are all errors). */
export function assertWellFormed(svg: string): void {
  new Resvg(svg);
}

const window = new Window();
/** The SVG as a DOM (happy-dom), to read its structure and text; fails on a parser error. */
export function parseSvg(svg: string): Document {
  const doc = new window.DOMParser().parseFromString(svg, 'image/svg+xml') as unknown as Document;
  if (doc.querySelector('parsererror')) throw new Error(`not XML: ${doc.querySelector('parsererror')?.textContent}`);
  return doc;
}

/** The text of every <title> in the document. */
export const titles = (doc: Document): string[] => [...doc.getElementsByTagName('title')].map((t) => t.textContent ?? '');
