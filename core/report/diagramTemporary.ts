// TEMPORARY — stands in for core/diagram (helper "diagram", same contract) until it is committed;
// the report then imports `renderDiagram` from '../diagram' and this file is deleted.
import type { Design } from '../model/design';

export interface DiagramOptions { only?: readonly string[]; theme?: 'light' | 'dark'; background?: 'transparent' | 'white' | 'theme'; title?: string }
export interface Diagram { svg: string; width: number; height: number }

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function renderDiagram(design: Design, options: DiagramOptions = {}): Promise<Diagram> {
  const cols = 4;
  const width = cols * 180 + 20;
  const height = Math.ceil(design.nodes.length / cols) * 60 + 20;
  const boxes = design.nodes.map((n, i) => {
    const x = 10 + (i % cols) * 180;
    const y = 10 + Math.floor(i / cols) * 60;
    return `<g><rect x="${x}" y="${y}" width="170" height="50" rx="6" fill="none" stroke="#888"/><text x="${x + 85}" y="${y + 30}" text-anchor="middle" font-family="sans-serif" font-size="12">${esc(n.name)}</text></g>`;
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><title>${esc(options.title ?? design.name)}</title>${boxes.join('')}</svg>`;
  return { svg, width, height };
}
