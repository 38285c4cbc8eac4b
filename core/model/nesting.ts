import { jsonPath, type PathPart, type Problem } from './problems';

/** How deep a design's values may nest. The schema needs about ten levels and props or another
 *  tool's "x-…" data a few more; far deeper data (found by the fuzz suite, issue 13: a value nested
 *  10,000 levels) parses but overflows the stack wherever it is copied or written — JSON.stringify
 *  in Save and autosave, structured clone over IPC, the JSON round trip of lenient loading — and
 *  those fail from about 2,000 levels on a 1 MB stack. */
export const MAX_NESTING = 100;

/** Where a value nests deeper than MAX_NESTING, as one problem naming the place it starts (the
 *  first levels of its path); undefined when nothing does. Walked without recursion. */
export function nestingProblem(doc: unknown): Problem | undefined {
  interface Frame { value: unknown; depth: number; key?: PathPart; parent?: Frame }
  if (typeof doc !== 'object' || doc === null) return undefined;
  const stack: Frame[] = [{ value: doc, depth: 0 }];
  while (stack.length) {
    const frame = stack.pop()!;
    const { value, depth } = frame;
    if (depth > MAX_NESTING) {
      const path: PathPart[] = [];
      for (let f: Frame | undefined = frame; f?.parent; f = f.parent) path.unshift(f.key!);
      return {
        code: 'structure',
        path: jsonPath(path.slice(0, 6)),
        message: `a value here nests more than ${MAX_NESTING} levels deep; a design's values nest at most ${MAX_NESTING} levels `
          + '(deeper ones cannot be saved or copied). Remove or flatten it',
      };
    }
    const push = (v: unknown, key: PathPart) => { if (typeof v === 'object' && v !== null) stack.push({ value: v, depth: depth + 1, key, parent: frame }); };
    if (Array.isArray(value)) value.forEach((v, i) => push(v, i));
    else for (const key of Object.keys(value as object)) push((value as Record<string, unknown>)[key], key);
  }
  return undefined;
}
