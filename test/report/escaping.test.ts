import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Design } from '../../core/model';
import { buildReport, renderHtml, renderMarkdown, visibleText } from '../../core/report';
import { loadDesign, markdownShape, mdUnescape, parseHtml, tableCells } from './support';

/** Pieces that break naive writers: quotes, markup, CDATA ends, entities, Markdown syntax, table
 *  pipes, line breaks, bidi overrides and isolates, control characters (ESC, NUL, BEL, DEL, C1). */
const PIECES = [
  '"', "'", '<script>alert(1)</script>', '<b>', '</td></tr>', ']]>', '<![CDATA[', '&', '&amp;', '&#x3c;', '|', '||', '`', '```', '*', '_', '**x**',
  '[x](https://evil.example)', '![i](http://evil.example/i.png)', '<https://evil.example>', '# ', '- ', '1. ', '> ', '---', '===', '$x$', '~~s~~', '\\',
  '\n', '\r\n', '\t', '\u202e', '\u2066', '\u200f', '\u0000', '\u0007', '\u001b[31m', '\u007f', '\u0085', '\u2028', 'é', '日本', 'שלום', ' ', 'x',
];
const hostile = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 6 }).map((parts) => parts.join('')).filter((s) => s.trim().length > 0);

const base = loadDesign('templates/sns-fan-out.design.json');

/** The template with its name, node names and descriptions replaced; `benign` the same with plain words. */
function rename(names: string[], descriptions: string[]): Design {
  return {
    ...base,
    name: names[0],
    nodes: base.nodes.map((n, i) => ({ ...n, name: names[(i + 1) % names.length], props: { ...n.props, description: descriptions[i % descriptions.length] } }) as Design['nodes'][number]),
  };
}

const INJECTABLE = 'script, iframe, object, embed, img, link, foreignObject, base, form, input, meta[http-equiv]';

describe('design text comes out escaped (fast-check)', () => {
  it('HTML: parses to the same elements as a plain design, nothing injected, every text round-trips visibly', async () => {
    await fc.assert(fc.asyncProperty(fc.array(hostile, { minLength: 3, maxLength: 5 }), fc.array(hostile, { minLength: 1, maxLength: 3 }), async (names, descriptions) => {
      const design = rename(names, descriptions);
      const plain = rename(names.map((_, i) => `name ${i}`), descriptions.map((_, i) => `description ${i}`));
      const [doc, plainDoc] = [parseHtml(renderHtml(await buildReport({ design }))), parseHtml(renderHtml(await buildReport({ design: plain })))];
      expect(doc.querySelectorAll(INJECTABLE).length).toBe(0);
      expect([...doc.querySelectorAll('style')].filter((s) => !s.closest('figure.diagram')).map((s) => s.parentElement?.tagName)).toEqual(['HEAD']);
      for (const el of doc.querySelectorAll('*')) for (const a of el.getAttributeNames()) expect(a).not.toMatch(/^on/i);
      // Outside the diagram (its own tests cover its SVG), the element structure does not depend on the text.
      const shape = (d: Document) => { d.querySelectorAll('figure.diagram').forEach((f) => f.remove()); return [...d.querySelectorAll('*')].map((e) => e.tagName).join(' '); };
      expect(shape(doc)).toBe(shape(plainDoc));
      expect(doc.querySelector('h1 bdi')?.textContent).toBe(visibleText(design.name));
      expect(doc.querySelector('title')?.textContent).toBe(`Design review: ${visibleText(design.name)}`);
      const rows = [...doc.querySelectorAll('[data-testid="report-resources"] tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
      expect(rows).toEqual(design.nodes.map((n) => [visibleText(n.name), expect.any(String), visibleText(String(n.props.description))]));
      // eslint-disable-next-line no-control-regex -- no hidden character may reach the reader
      expect(doc.body.textContent).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    }), { numRuns: 40 });
  }, 60_000);

  it('Markdown: the same blocks and table cells as a plain design, no raw HTML or link, every text round-trips visibly', async () => {
    await fc.assert(fc.asyncProperty(fc.array(hostile, { minLength: 3, maxLength: 5 }), fc.array(hostile, { minLength: 1, maxLength: 3 }), async (names, descriptions) => {
      const design = rename(names, descriptions);
      const plain = rename(names.map((_, i) => `name ${i}`), descriptions.map((_, i) => `description ${i}`));
      const md = renderMarkdown(await buildReport({ design }), { diagramFile: 'd.svg' });
      expect(markdownShape(md)).toEqual(markdownShape(renderMarkdown(await buildReport({ design: plain }), { diagramFile: 'd.svg' })));
      // Outside the AWS docs autolinks and our image link, no `<`, `[` or `]` is left unescaped.
      const rest = md.replace(/<https:\/\/docs\.aws\.amazon\.com\/[^\s<>]*>/g, '').replace(/^!\[Diagram of .*\]\(d\.svg\)$/m, '');
      expect(rest).not.toMatch(/(^|[^\\])(\\\\)*[<[\]]/);
      // eslint-disable-next-line no-control-regex -- no hidden character may reach the reader
      expect(md).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/);
      const oneLine = (s: string) => visibleText(s).replace(/[\t\r\n]+/g, ' ').trim();
      expect(mdUnescape(md.split('\n')[0])).toBe(`# Design review: ${oneLine(design.name)}`);
      const table = md.slice(md.indexOf('### Resources')).split('\n').slice(4, 4 + design.nodes.length);
      expect(table.map((line) => mdUnescape(tableCells(line)[0]))).toEqual(design.nodes.map((n) => oneLine(n.name)));
    }), { numRuns: 40 });
  }, 60_000);
});
