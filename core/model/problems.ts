/** Something wrong with a design file or document, located so a person can find it. */
export interface Problem {
  /** JSON path into the file, e.g. `$.nodes[3].props.memoryMb`. */
  path: string;
  message: string;
  /** The node or edge the problem is about, when there is one. */
  target?: { id: string; name: string; type: 'node' | 'edge' };
  /** What loading did about it, when it changed the document (e.g. removed a dangling edge). */
  repair?: string;
  /** `range`: a value outside AWS's range (loaded as written); `reference`: a broken link between
   *  parts of the design; `connection`: an edge AWS does not allow; `structure`: unreadable. */
  code: 'syntax' | 'format' | 'version' | 'structure' | 'range' | 'reference' | 'connection';
}

export type PathPart = string | number;

export function jsonPath(parts: readonly PathPart[]): string {
  return parts.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : /^[A-Za-z_$][\w$]*$/.test(p) ? `${acc}.${p}` : `${acc}[${JSON.stringify(p)}]`), '$');
}

/** One line for people: `$.nodes[3].props.memoryMb (lambda "resize"): …`. */
export function formatProblem(p: Problem): string {
  const where = p.target ? ` (${p.target.type} "${p.target.name}")` : '';
  return `${p.path}${where}: ${p.message}${p.repair ? ` — ${p.repair}` : ''}`;
}
