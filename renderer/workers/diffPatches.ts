import type { Patch } from 'immer';

// The edit from one design to the next as immer patches, found by identity: designs are immutable
// values (core/commands), so an unchanged node, edge or usage record is the same object in both and
// is never looked into. The analysis worker applies them to its own copy (immer applyPatches keeps
// the unchanged objects, which is how its incremental session sees what changed): an edit to one
// node sends that node, not the design.

const isPlain = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Patches that turn `before` into `after` (both JSON values). */
export function diffPatches(before: unknown, after: unknown): Patch[] {
  const out: Patch[] = [];
  diff(before, after, [], out);
  return out;
}

function diff(a: unknown, b: unknown, path: (string | number)[], out: Patch[]): void {
  if (a === b) return;
  if (Array.isArray(a) && Array.isArray(b)) {
    diffArray(a, b, path, out);
    return;
  }
  if (isPlain(a) && isPlain(b) && Object.getPrototypeOf(a) === Object.getPrototypeOf(b)) {
    for (const key of Object.keys(a)) if (!Object.hasOwn(b, key)) out.push({ op: 'remove', path: [...path, key] });
    for (const key of Object.keys(b)) {
      if (!Object.hasOwn(a, key)) out.push({ op: 'add', path: [...path, key], value: b[key] });
      else diff(a[key], b[key], [...path, key], out);
    }
    return;
  }
  out.push({ op: 'replace', path, value: b });
}

const idOf = (v: unknown): string | undefined => (isPlain(v) && typeof v.id === 'string' ? v.id : undefined);

/** Lists of nodes or edges (items with unique ids): walked side by side, an item gone is removed, a
 *  new one inserted, one changed looked into (a deleted node and its edges: removes only). Any other
 *  list, or one reordered: same length, changed items replaced; otherwise the common head and tail
 *  kept and the middle removed and inserted. */
function diffArray(a: readonly unknown[], b: readonly unknown[], path: (string | number)[], out: Patch[]): void {
  if (diffById(a, b, path, out)) return;
  if (a.length === b.length) {
    for (let i = 0; i < b.length; i++) if (a[i] !== b[i]) out.push({ op: 'replace', path: [...path, i], value: b[i] });
    return;
  }
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  for (let i = a.length - tail - 1; i >= head; i--) out.push({ op: 'remove', path: [...path, i] });
  for (let i = head; i < b.length - tail; i++) out.push({ op: 'add', path: [...path, i], value: b[i] });
}

function diffById(a: readonly unknown[], b: readonly unknown[], path: (string | number)[], out: Patch[]): boolean {
  const aIds = new Set<string>();
  const bIds = new Set<string>();
  for (const x of a) { const id = idOf(x); if (id === undefined || aIds.has(id)) return false; aIds.add(id); }
  for (const y of b) { const id = idOf(y); if (id === undefined || bIds.has(id)) return false; bIds.add(id); }
  const ops: Patch[] = [];
  let i = 0;
  let j = 0;
  let k = 0; // the index in the list as the patches so far leave it
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (i < a.length && j < b.length && x === y) { i++; j++; k++; continue; }
    if (i < a.length && !bIds.has(idOf(x)!)) { ops.push({ op: 'remove', path: [...path, k] }); i++; continue; }
    if (j < b.length && !aIds.has(idOf(y)!)) { ops.push({ op: 'add', path: [...path, k], value: y }); j++; k++; continue; }
    if (i < a.length && j < b.length && idOf(x) === idOf(y)) { diff(x, y, [...path, k], ops); i++; j++; k++; continue; }
    return false; // reordered
  }
  out.push(...ops);
  return true;
}
