import type { Point } from './route';

/** An SVG path through an orthogonal route's points with rounded corners (radius at most half of
 *  either leg). The canvas (renderer/canvas/RoutedEdge.tsx) and the model-drawn diagram
 *  (core/diagram) draw routes with it; `fmt` formats each coordinate (the diagram rounds them so its
 *  output is stable). */
export function roundedPath(points: readonly Point[], radius = 8, fmt: (n: number) => string = String): string {
  if (!points.length) return '';
  const parts = [`M ${fmt(points[0].x)} ${fmt(points[0].y)}`];
  for (let k = 1; k < points.length - 1; k++) {
    const [a, b, c] = [points[k - 1], points[k], points[k + 1]];
    const r = Math.min(radius, Math.hypot(b.x - a.x, b.y - a.y) / 2, Math.hypot(c.x - b.x, c.y - b.y) / 2);
    const into = { x: b.x - Math.sign(b.x - a.x) * r, y: b.y - Math.sign(b.y - a.y) * r };
    const out = { x: b.x + Math.sign(c.x - b.x) * r, y: b.y + Math.sign(c.y - b.y) * r };
    parts.push(`L ${fmt(into.x)} ${fmt(into.y)} Q ${fmt(b.x)} ${fmt(b.y)} ${fmt(out.x)} ${fmt(out.y)}`);
  }
  const last = points[points.length - 1];
  parts.push(`L ${fmt(last.x)} ${fmt(last.y)}`);
  return parts.join(' ');
}
