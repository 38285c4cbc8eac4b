import type { Point, Rect } from '../geometry/route';
import { roundedPath as roundedRoute } from '../geometry/path';
import type { Design, DesignNode } from '../model/design';
import { kindLabel } from '../model/kinds';
import { securityGroupsOf } from '../model/placement';
import { kindBadge, kindColor } from './kindStyle';
import { nodeDetail } from './nodeDetail';
import { buildScene, fitWidth, LABEL_FONT, type SceneEdge, type SceneNode } from './scene';
import { el, num, printSvg, type SvgElement, type SvgNode } from './svg';
import { edgeStyle, PALETTES, type DiagramPalette } from './theme';

/** The design drawn from the model as one self-contained SVG: the canvas's cards, containers, edge
 *  styles, labels, security-group chips, attachment lines and sticky notes, laid out from the saved
 *  layout (or automatically when there is none) — not a screenshot. No external reference, no
 *  foreignObject, fonts by family list only; the same design gives byte-identical output. */

export interface DiagramOptions { only?: readonly string[]; theme?: 'light' | 'dark'; background?: 'transparent' | 'white' | 'theme'; title?: string }
export interface Diagram { svg: string; width: number; height: number }

export { buildScene, type Scene } from './scene';

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
/** Room around the drawing. */
const PAD = 24;

export async function renderDiagram(design: Design, options: DiagramOptions = {}): Promise<Diagram> {
  const theme = options.theme ?? 'light';
  const palette = PALETTES[theme];
  const scene = await buildScene(design, options.only);
  const width = Math.ceil(scene.bounds.width + 2 * PAD);
  const height = Math.ceil(scene.bounds.height + 2 * PAD);
  const dx = PAD - scene.bounds.x;
  const dy = PAD - scene.bounds.y;
  const title = options.title ?? design.name;
  const names = new Map(design.nodes.map((n) => [n.id, n]));
  const background = options.background ?? 'theme';
  const fill = background === 'white' ? '#ffffff' : background === 'theme' ? palette.canvas : undefined;

  const root = el('svg', {
    xmlns: 'http://www.w3.org/2000/svg', width, height, viewBox: `0 0 ${width} ${height}`,
    role: 'img', 'aria-label': title, 'font-family': FONT,
  },
  el('title', {}, title),
  markers(theme, palette),
  fill && el('rect', { width, height, fill }),
  el('g', { transform: `translate(${num(dx)} ${num(dy)})` },
    ...scene.nodes.filter((s) => s.container).map((s) => containerOf(s, design.region, palette)),
    el('g', { 'aria-hidden': 'true' }, ...scene.attachments.map((a) => el('path', { d: roundedPath(a.route.points), fill: 'none', stroke: palette.muted, 'stroke-width': 1.2, 'stroke-dasharray': '5 4' }))),
    ...scene.edges.map((e) => edgeOf(e, theme, palette, names)),
    ...scene.nodes.filter((s) => !s.container).map((s) => cardOf(s, palette, names)),
    ...scene.edges.flatMap((e) => (e.place ? [labelOf(e, palette)] : [])),
    ...scene.notes.map((n) => noteOf(n.note.text, n.box, palette)),
  ));
  return { svg: printSvg(root), width, height };
}

const MARKED_KINDS = ['trigger', 'invoke', 'access', 'destination', 'deadLetter'] as const;
const markerId = (theme: string, kind: string) => `sd-arrow-${theme}-${kind}`;

/** One arrowhead per edge style (ids carry the theme: two diagrams in one page never disagree). */
function markers(theme: string, p: DiagramPalette): SvgElement {
  return el('defs', {}, ...MARKED_KINDS.map((kind) => el('marker', {
    id: markerId(theme, kind), viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: 'userSpaceOnUse', orient: 'auto-start-reverse',
  }, el('path', { d: 'M 0 1 L 10 5 L 0 9 z', fill: edgeStyle(kind, p).stroke }))));
}

/** A route drawn as the canvas draws it, with coordinates rounded for stable output. */
export const roundedPath = (points: readonly Point[], radius = 8): string => roundedRoute(points, radius, num);

function edgeOf(e: SceneEdge, theme: string, p: DiagramPalette, names: ReadonlyMap<string, DesignNode>): SvgElement {
  const style = edgeStyle(e.edge.kind, p);
  const from = names.get(e.edge.from);
  const to = names.get(e.edge.to);
  return el('g', { 'data-edge': e.edge.id },
    el('title', {}, `${isolate(from?.name ?? e.edge.from)} → ${isolate(to?.name ?? e.edge.to)}: ${e.label}`),
    el('path', {
      d: roundedPath(e.route.points), fill: 'none', stroke: style.stroke, 'stroke-width': style.width,
      'stroke-dasharray': style.dash, 'stroke-linecap': style.cap, 'marker-end': `url(#${markerId(theme, e.edge.kind)})`,
    }));
}

function labelOf(e: SceneEdge, p: DiagramPalette): SvgElement {
  const place = e.place as NonNullable<SceneEdge['place']>;
  // Placement reserved a generous box (an estimate must never be narrower than the text); the box
  // drawn hugs the text as the canvas's measured label does, centred on the same point.
  const room = e.labelBox as Rect;
  const dlqRoom = e.edge.kind === 'deadLetter' ? fitWidth('DLQ', LABEL_FONT * 0.8) + LABEL_FONT * 0.9 : 0;
  const hug = Math.max(...place.lines.map((l) => fitWidth(l, LABEL_FONT) * 1.06)) + dlqRoom + LABEL_FONT * 0.8 + 4;
  const width = Math.min(room.width, hug);
  const box = { ...room, x: place.x - width / 2, width };
  const leader = Math.abs(place.anchor.x - place.x) > 1 || Math.abs(place.anchor.y - place.y) > 1;
  const lineHeight = LABEL_FONT * 1.25;
  const top = place.y - ((place.lines.length - 1) * lineHeight) / 2;
  const dlq = e.edge.kind === 'deadLetter';
  const chipWidth = dlq ? fitWidth('DLQ', LABEL_FONT * 0.8) + LABEL_FONT * 0.5 : 0;
  const textX = place.x + (dlq ? (chipWidth + 4) / 2 : 0);
  return el('g', { 'aria-hidden': 'true' },
    leader && el('path', { d: `M ${num(place.anchor.x)} ${num(place.anchor.y)} L ${num(place.x)} ${num(place.y)}`, stroke: p.muted, 'stroke-width': 1, 'stroke-dasharray': '2 2' }),
    el('rect', { x: box.x, y: box.y, width: box.width, height: box.height, rx: 4, fill: p.node, stroke: p.border }),
    dlq && el('rect', { x: box.x + 5, y: place.y - LABEL_FONT * 0.6, width: chipWidth, height: LABEL_FONT * 1.2, rx: 3, fill: 'none', stroke: p.edgeDlq, 'stroke-width': 1.2, 'stroke-dasharray': '1.5 1.5' }),
    dlq && el('text', { x: box.x + 5 + chipWidth / 2, y: place.y, 'font-size': LABEL_FONT * 0.8, 'font-weight': 700, fill: p.edgeDlq, 'text-anchor': 'middle', 'dominant-baseline': 'central' }, 'DLQ'),
    el('text', { x: textX, 'font-size': LABEL_FONT, 'font-weight': 500, fill: p.text, 'text-anchor': 'middle' },
      ...place.lines.map((line, k) => el('tspan', { x: textX, y: top + k * lineHeight, 'dominant-baseline': 'central' }, line))),
  );
}

/** Splits text into at most `max` (≥ 1) lines of at most `width` px (words kept whole where they fit; the
 *  last line ends in "…" when text is left over — the <title> keeps the whole name). */
export function fitLines(text: string, width: number, fontSize: number, max: number, bold = false): string[] {
  const per = fitWidth('x', fontSize, bold);
  const perLine = Math.max(1, Math.floor(width / per));
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  const lines: string[] = [];
  let at = 0;
  while (at < chars.length && lines.length < max) {
    let end = Math.min(chars.length, at + perLine);
    if (end < chars.length) {
      const space = chars.slice(at, end + 1).lastIndexOf(' ');
      if (space > 0) end = at + space;
    }
    lines.push(chars.slice(at, end).join('').trim());
    at = end;
    while (chars[at] === ' ') at++;
  }
  if (at < chars.length && lines.length) {
    const last = [...lines[lines.length - 1]];
    lines[lines.length - 1] = `${last.slice(0, Math.max(0, Math.min(last.length, perLine - 1))).join('').trimEnd()}…`;
  }
  // Never no line: an empty or blank name is one empty line.
  return lines.length ? lines : [''];
}

function badge(kind: string, x: number, y: number, size: number): SvgElement {
  const text = kindBadge(kind);
  return el('g', { 'aria-hidden': 'true' },
    el('rect', { x, y, width: size, height: size, rx: size * 0.2, fill: kindColor(kind) }),
    el('text', { x: x + size / 2, y: y + size * 0.52, 'font-size': text.length > 2 ? size * 0.31 : size * 0.46, 'font-weight': 700, fill: '#ffffff', 'text-anchor': 'middle', 'dominant-baseline': 'central' }, text));
}

const BIDI_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
/** A user string put inside a longer text, wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE
 *  when it holds bidi controls, so an override in a name cannot reorder the words around it (the
 *  characters themselves are kept: they are part of the name). */
export const isolate = (text: string): string => (BIDI_CONTROL.test(text) ? `\u2068${text}\u2069` : text);

/** The designer's description of a node (a free-text field files may carry), for its <title>. */
function described(node: DesignNode): string {
  const text = (node as { description?: unknown }).description;
  return typeof text === 'string' && text.trim() ? ` — ${isolate(text)}` : '';
}

const NAME_FONT = 12.5;
const DETAIL_FONT = 11;

function cardOf(s: SceneNode, p: DiagramPalette, names: ReadonlyMap<string, DesignNode>): SvgElement {
  const { node, box } = s;
  const { x, y, width, height } = box;
  const color = kindColor(node.kind);
  const detail = nodeDetail(node) || kindLabel(node.kind);
  const textX = x + 4 + 9 + 28 + 8;
  const textWidthAvail = x + width - 10 - textX;
  const nameLines = fitLines(node.name, textWidthAvail, NAME_FONT, 2, true);
  const detailLine = fitLines(detail, textWidthAvail, DETAIL_FONT, 1)[0] ?? '';
  const nameLh = NAME_FONT * 1.25;
  const block = nameLines.length * nameLh + 2 + DETAIL_FONT * 1.25;
  const top = y + (height - block) / 2;
  const groups = securityGroupsOf(node).flatMap((id) => {
    const g = names.get(id);
    return g?.kind === 'securityGroup' ? [g] : [];
  });
  return el('g', { 'data-node': node.id },
    el('title', {}, `${kindLabel(node.kind)} ${isolate(node.name)}${detail && detail !== kindLabel(node.kind) ? ` (${isolate(detail)})` : ''}${described(node)}`),
    el('rect', { x: x + 0.5, y: y + 0.5, width: width - 1, height: height - 1, rx: 8, fill: p.node, stroke: p.nodeBorder }),
    // The 4 px left border in the kind colour, following the card's rounded corners.
    el('path', { d: `M ${num(x + 8)} ${num(y)} L ${num(x + 4)} ${num(y)} L ${num(x + 4)} ${num(y + height)} L ${num(x + 8)} ${num(y + height)} A 8 8 0 0 1 ${num(x)} ${num(y + height - 8)} L ${num(x)} ${num(y + 8)} A 8 8 0 0 1 ${num(x + 8)} ${num(y)} z`, fill: color }),
    badge(node.kind, x + 13, y + (height - 28) / 2, 28),
    el('text', { 'font-size': NAME_FONT, 'font-weight': 600, fill: p.text },
      ...nameLines.map((line, k) => el('tspan', { x: textX, y: top + k * nameLh + nameLh / 2, 'dominant-baseline': 'central' }, line))),
    el('text', { x: textX, y: top + nameLines.length * nameLh + 2 + (DETAIL_FONT * 1.25) / 2, 'font-size': DETAIL_FONT, fill: p.muted, 'dominant-baseline': 'central' }, detailLine),
    groups.length > 0 && chips(groups, x + 8, y + height - 8, p),
  );
}

/** Security groups as chips on the card's lower edge: two named, then "+N" (as on the canvas); one
 *  alone is shown whole when the card has room. */
function chips(groups: readonly DesignNode[], x: number, y: number, p: DiagramPalette): SvgElement {
  const out: SvgNode[] = [];
  let at = x;
  const chip = (text: string, maxWidth: number, muted: boolean) => {
    const [line] = fitLines(text, maxWidth - 12, 10.5, 1);
    const w = Math.min(maxWidth, fitWidth(line, 10.5) + 12);
    out.push(el('rect', { x: at, y, width: w, height: 18, rx: 9, fill: muted ? p.subtle : p.panel, stroke: p.border }));
    out.push(el('text', { x: at + w / 2, y: y + 9, 'font-size': 10.5, fill: muted ? p.muted : p.text, 'text-anchor': 'middle', 'dominant-baseline': 'central' }, line));
    at += w + 4;
  };
  // A lone chip may use the card's width (less its insets); two share it.
  for (const g of groups.slice(0, 2)) chip(g.name, groups.length === 1 ? 164 : 80, false);
  if (groups.length > 2) chip(`+${groups.length - 2}`, 40, true);
  return el('g', { 'aria-label': `security groups: ${groups.map((g) => g.name).join(', ')}` }, ...out);
}

function containerOf(s: SceneNode, region: string, p: DiagramPalette): SvgElement {
  const { node, box } = s;
  const vpc = node.kind === 'vpc';
  const detail = nodeDetail(node, region);
  const nameX = box.x + 10 + 22 + 8;
  const [name] = fitLines(node.name, Math.max(40, box.width - 60), 12, 1, true);
  const detailX = nameX + fitWidth(name, 12, true) + 8;
  const [detailLine] = fitLines(detail, Math.max(0, box.x + box.width - 10 - detailX), 11, 1);
  return el('g', { 'data-node': node.id },
    el('title', {}, `${kindLabel(node.kind)} ${isolate(node.name)}${detail ? ` (${isolate(detail)})` : ''}${described(node)}`),
    el('rect', {
      x: box.x, y: box.y, width: box.width, height: box.height, rx: 10,
      fill: vpc ? p.vpcBg : p.subnetBg, stroke: vpc ? p.vpcBorder : p.subnetBorder, 'stroke-width': 1.5, 'stroke-dasharray': vpc ? undefined : '6 4',
    }),
    badge(node.kind, box.x + 10, box.y + 8, 22),
    el('text', { x: nameX, y: box.y + 19, 'font-size': 12, 'font-weight': 700, fill: p.text, 'dominant-baseline': 'central' }, name),
    detailLine && el('text', { x: detailX, y: box.y + 19, 'font-size': 11, fill: p.muted, 'dominant-baseline': 'central' }, detailLine),
  );
}

function noteOf(text: string, box: Rect, p: DiagramPalette): SvgElement {
  const lh = 13 * 1.3;
  const max = Math.max(1, Math.floor((box.height - 16) / lh));
  const lines = text.split('\n').flatMap((l) => (l.trim() ? fitLines(l, box.width - 20, 13, max) : [''])).slice(0, max);
  return el('g', {},
    el('title', {}, `Note: ${text}`),
    el('rect', { x: box.x, y: box.y, width: box.width, height: box.height, rx: 4, fill: p.panel, stroke: p.warning }),
    el('text', { 'font-size': 13, fill: p.text }, ...lines.map((line, k) => el('tspan', { x: box.x + 10, y: box.y + 8 + k * lh + lh / 2, 'dominant-baseline': 'central' }, line || ' '))),
  );
}

