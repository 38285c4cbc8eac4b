import { jsonPath, type PathPart, type Problem } from './problems';

/** How deep a design's values may nest. The schema needs about ten levels and props or another
 *  tool's "x-…" data a few more; far deeper data (found by the fuzz suite, issue 13: a value nested
 *  10,000 levels) parses but overflows the stack wherever it is copied or written — JSON.stringify
 *  in Save and autosave, structured clone over IPC, the JSON round trip of lenient loading — and
 *  those fail from about 2,000 levels on a 1 MB stack. */
export const MAX_NESTING = 100;

/** What a value is when JSON cannot hold it: a design handed over as an object (IPC, in-process
 *  callers) may carry a BigInt (JSON.stringify throws on it: Save failed, found by the fuzz suite),
 *  a Map, a Date … (saved as {} or a string: data silently changed). Undefined for JSON data. */
function notJson(v: unknown): string | undefined {
  if (typeof v === 'bigint' || typeof v === 'symbol' || typeof v === 'function') return `a ${typeof v}`;
  if (typeof v !== 'object' || v === null) return undefined;
  const tag = Object.prototype.toString.call(v).slice(8, -1); // realm-independent: "Object", "Array", "Map" …
  return tag === 'Object' || tag === 'Array' ? undefined : `a ${tag}`;
}

/** The first place where a design is not JSON data a file can hold: a value nested deeper than
 *  MAX_NESTING (named by the first levels of its path), or a value JSON cannot hold. Undefined
 *  when there is none. Walked without recursion; a cycle is reported as too deep. */
export function jsonShapeProblem(doc: unknown): Problem | undefined {
  if (typeof doc !== 'object' || doc === null) return undefined;
  interface Frame { value: object; depth: number; key?: PathPart; parent?: Frame }
  const pathOf = (frame: Frame | undefined, last?: PathPart): PathPart[] => {
    const path: PathPart[] = last === undefined ? [] : [last];
    for (let f = frame; f?.parent; f = f.parent) path.unshift(f.key!);
    return path;
  };
  const stack: Frame[] = [{ value: doc, depth: 0 }];
  while (stack.length) {
    const frame = stack.pop()!;
    const { value, depth } = frame;
    if (depth > MAX_NESTING) {
      return {
        code: 'structure',
        path: jsonPath(pathOf(frame).slice(0, 6)),
        message: `a value here nests more than ${MAX_NESTING} levels deep; a design's values nest at most ${MAX_NESTING} levels `
          + '(deeper ones cannot be saved or copied). Remove or flatten it',
      };
    }
    // Indexes, not map(): a sparse list's holes (an object handed over in-process) are visited as undefined.
    const children: [PathPart, unknown][] = Array.isArray(value)
      ? Array.from({ length: value.length }, (_, i): [PathPart, unknown] => [i, value[i]])
      : Object.keys(value).map((k) => [k, (value as Record<string, unknown>)[k]]);
    for (const [key, v] of children) {
      const what = notJson(v);
      if (what) return { code: 'structure', path: jsonPath(pathOf(frame, key)), message: `${what} is not JSON data a design file can hold; use text, a number, true/false, null, a list or an object` };
      if (typeof v === 'object' && v !== null) stack.push({ value: v, depth: depth + 1, key, parent: frame });
    }
  }
  return undefined;
}
