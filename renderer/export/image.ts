import { slugFor } from '../../core/iac/names';
import type { Design } from '../../core/model/design';
import type { Diagram, DiagramOptions } from './exportModules';
import { loadExports } from './load';

export type ImageFormat = 'svg' | 'png';
export type ImageBackground = NonNullable<DiagramOptions['background']>;
/** PNG pixels per CSS px of the SVG. */
export const PNG_SCALE = 2;

export interface ImageChoice {
  format: ImageFormat;
  /** The whole design, or only the selected resources (and the containers they are drawn in). */
  scope: 'design' | 'selection';
  background: ImageBackground;
  theme: 'light' | 'dark';
}

/** The nodes an image of the selection shows: the selected resources and both ends of each
 *  selected connection (a connection alone has nothing to draw without its ends). */
export function selectionNodes(design: Pick<Design, 'nodes' | 'edges'>, selection: { nodes: readonly string[]; edges: readonly string[] }): string[] {
  const ids = new Set(design.nodes.map((n) => n.id));
  const picked = new Set(selection.nodes.filter((id) => ids.has(id)));
  for (const e of design.edges) {
    if (!selection.edges.includes(e.id)) continue;
    if (ids.has(e.from)) picked.add(e.from);
    if (ids.has(e.to)) picked.add(e.to);
  }
  return [...picked];
}

/** `orders-api.svg`, `orders-api-selection.png`. */
export function imageFileName(designName: string, format: ImageFormat | 'html' | 'md', suffix?: string): string {
  return `${slugFor(designName) || 'design'}${suffix ? `-${suffix}` : ''}.${format}`;
}

/** The diagram for a choice, drawn by core/diagram from the model. */
export async function drawDiagram(design: Design, choice: Omit<ImageChoice, 'format'>, only?: readonly string[]): Promise<Diagram> {
  const { renderDiagram } = await loadExports();
  return renderDiagram(design, {
    theme: choice.theme,
    background: choice.background,
    title: design.name,
    ...(choice.scope === 'selection' && only ? { only } : {}),
  });
}

/** The PNG of an SVG at `scale` (2×): the SVG as an <img> from a blob URL (the CSP allows
 *  img-src blob:), drawn on a canvas, then canvas.toBlob. A transparent SVG stays transparent. */
export async function svgToPng(diagram: Diagram, scale = PNG_SCALE, doc: Document = document): Promise<Blob> {
  const width = Math.max(1, Math.ceil(diagram.width * scale));
  const height = Math.max(1, Math.ceil(diagram.height * scale));
  const url = URL.createObjectURL(new Blob([diagram.svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.decoding = 'async';
    const loaded = new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the SVG could not be drawn as an image'));
    });
    img.src = url;
    await loaded;
    const canvas = doc.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this browser cannot draw on a canvas');
    context.drawImage(img, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error(`the ${width} × ${height} px image is too large to encode as PNG`))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Width and height from a PNG's IHDR chunk (bytes 16–23), or null when the bytes are no PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Human size: "1,240 × 860 px". */
export const pixelSize = (w: number, h: number) => `${Math.ceil(w).toLocaleString('en-US')} × ${Math.ceil(h).toLocaleString('en-US')} px`;
