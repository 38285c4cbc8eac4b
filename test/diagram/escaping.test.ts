import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderDiagram } from '../../core/diagram';
import { escapeAttr, escapeText, printSvg, el } from '../../core/diagram/svg';
import { designSchema, type Design } from '../../core/model/design';
import { designDocument } from '../support/arbitraries';
import { assertWellFormed, loadTemplate, parseSvg, titles } from './support';

/** Strings built from what breaks markup: quotes, tags, CDATA ends, references, bidi overrides and
 *  control characters (C0, DEL, C1, lone surrogates, U+FFFE), mixed with ordinary text. */
const HOSTILE = ['"', "'", '<', '>', '&', '&amp;', '&#0;', '<script>alert(1)</script>', ']]>', '<![CDATA[', '<!--', '-->', '\u202e', '\u2066', '\u200f',
  '\u0000', '\u0001', '\u0008', '\u000b', '\u001f', '\u007f', '\u0085', '\u009f', '\ud800', '\udfff', '\ufffe', '\t', '\n', '\r', '\r\n', 'λ', '😀', ' ', 'name', '/>', '="x"'];
const hostile = fc.array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 4 })), { minLength: 1, maxLength: 8 }).map((parts) => parts.join(''));

/** What the text must read as after a round trip: characters XML cannot hold become U+FFFD, and
 *  the rest stays as it was (a carriage return too). Written apart from core's own regex. */
function expected(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const high = c >= 0xd800 && c <= 0xdbff;
    const low = c >= 0xdc00 && c <= 0xdfff;
    if (high && i + 1 < text.length && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff) {
      out += text.slice(i, i + 2);
      i++;
    } else if (high || low || (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0x7f && c <= 0x9f) || c === 0xfffe || c === 0xffff) out += '\ufffd';
    else out += text[i];
  }
  return out;
}

const ALLOWED_ELEMENTS = new Set(['svg', 'title', 'defs', 'marker', 'path', 'rect', 'g', 'text', 'tspan']);

describe('hostile names come out escaped', () => {
  it('design name, node names, descriptions and notes: the SVG parses, nothing is injected, the text round-trips', async () => {
    const base = loadTemplate('rest-api.design.json');
    await fc.assert(fc.asyncProperty(hostile, fc.array(hostile, { minLength: base.nodes.length, maxLength: base.nodes.length }), hostile, hostile, async (designName, names, description, note) => {
      const design: Design = {
        ...base,
        name: designName,
        nodes: base.nodes.map((n, k) => ({ ...n, name: names[k], ...(k === 0 ? { description } : {}) })) as Design['nodes'],
        layout: { ...base.layout, notes: [{ id: 'note-1', text: note }], positions: { ...base.layout.positions, 'note-1': { x: 0, y: -150 } } },
      };
      const { svg } = await renderDiagram(design);
      assertWellFormed(svg);
      const doc = parseSvg(svg);
      for (const e of doc.getElementsByTagName('*')) expect(ALLOWED_ELEMENTS.has(e.tagName.toLowerCase()), e.tagName).toBe(true);
      expect(doc.documentElement.getAttribute('aria-label')).toBe(expected(designName));
      const all = titles(doc);
      expect(all[0]).toBe(expected(designName));
      for (const [k, n] of design.nodes.entries()) {
        const title = doc.querySelector(`[data-node="${n.id}"] > title`)?.textContent ?? '';
        expect(title).toContain(expected(n.name));
        const isolated = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(description) ? `\u2068${expected(description)}\u2069` : expected(description);
        if (k === 0 && description.trim()) expect(title.endsWith(` — ${isolated}`)).toBe(true);
      }
      expect(all).toContain(`Note: ${expected(note)}`);
    }), { numRuns: 60 });
  });

  it('any design (schema-valid, arbitrary kinds, props and layout) with hostile names and descriptions draws, well-formed, naming every node', async () => {
    await fc.assert(fc.asyncProperty(designDocument, fc.infiniteStream(hostile), async (doc, names) => {
      const parsed = designSchema.parse(doc);
      const design: Design = { ...parsed, name: names.next().value, nodes: parsed.nodes.map((n) => ({ ...n, name: names.next().value, description: names.next().value })) as Design['nodes'] };
      const { svg } = await renderDiagram(design);
      assertWellFormed(svg);
      const doc2 = parseSvg(svg);
      for (const e of doc2.getElementsByTagName('*')) expect(ALLOWED_ELEMENTS.has(e.tagName.toLowerCase()), e.tagName).toBe(true);
      const seen = new Set<string>();
      for (const n of design.nodes) {
        if (seen.has(n.id)) continue; // a repeated id is drawn once
        seen.add(n.id);
        expect(doc2.querySelector(`[data-node="${n.id}"] > title`)?.textContent ?? '').toContain(expected(n.name));
      }
    }), { numRuns: 40 });
  });

  it('a bidi override in a name cannot reorder the rest of its title: the name is isolated', async () => {
    const base = loadTemplate('rest-api.design.json');
    const evil = 'Items \u202eexe.fdp';
    const design: Design = { ...base, nodes: base.nodes.map((n) => (n.id === 'fn-items' ? { ...n, name: evil } : n)) as Design['nodes'] };
    const doc = parseSvg((await renderDiagram(design)).svg);
    const title = doc.querySelector('[data-node="fn-items"] > title')?.textContent ?? '';
    expect(title.startsWith(`Lambda function \u2068${evil}\u2069 (`)).toBe(true);
    expect(doc.querySelector('[data-edge="e-api-items"] > title')?.textContent).toContain(`\u2068${evil}\u2069`);
    // A name without bidi controls is left as it is.
    expect(doc.querySelector('[data-node="tbl-items"] > title')?.textContent).not.toMatch(/[\u2068\u2069]/);
  });

  it('the printer escapes every attribute and text, and refuses names that are not XML names', () => {
    expect(escapeText('a<b>&"c\'')).toBe('a&lt;b&gt;&amp;&quot;c&#39;');
    expect(escapeAttr('x\ny"\u0001')).toBe('x&#10;y&quot;\ufffd');
    expect(printSvg(el('text', { 'data-x': '"/><script>' }, '</text><script>'))).toBe('<text data-x="&quot;/&gt;&lt;script&gt;">&lt;/text&gt;&lt;script&gt;</text>');
    expect(() => printSvg(el('a onload=x', {}))).toThrow('not an element name');
    expect(() => printSvg(el('g', { 'x="1" onload': 'y' }))).toThrow('not an attribute name');
  });
});
