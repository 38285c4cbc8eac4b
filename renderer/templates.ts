import { kindLabel, parseDesign, type Design, type Problem } from '../core/model';

export interface Template {
  /** File name, e.g. rest-api.design.json. */
  file: string;
  name: string;
  description: string;
  nodeCount: number;
  kinds: string[];
  design?: Design;
  /** Why the template cannot be used (a broken file in templates/). */
  problems: Problem[];
}

// Bundled at build time from the repository's templates/ folder.
const files = import.meta.glob('../templates/*.design.json', { eager: true, query: '?raw', import: 'default' }) as Record<string, string>;

/** A first sentence that tells what the pattern is for, from the template's own text. */
function describe(design: Design): string {
  const own = (design as Record<string, unknown>).description;
  if (typeof own === 'string' && own.trim()) return own.trim();
  const labels = [...new Set(design.nodes.map((n) => kindLabel(n.kind)))];
  return `${design.nodes.length} resources, ${design.edges.length} connections: ${labels.slice(0, 4).join(', ')}${labels.length > 4 ? ', …' : ''}`;
}

export function loadTemplates(sources: Record<string, string> = files): Template[] {
  return Object.entries(sources)
    .map(([path, text]): Template => {
      const file = path.split('/').pop() ?? path;
      const parsed = parseDesign(text);
      if (!parsed.ok) return { file, name: file, description: 'This template cannot be read.', nodeCount: 0, kinds: [], problems: parsed.problems };
      return {
        file,
        name: parsed.design.name,
        description: describe(parsed.design),
        nodeCount: parsed.design.nodes.length,
        kinds: [...new Set(parsed.design.nodes.map((n) => n.kind))],
        design: parsed.design,
        problems: [],
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
