import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { copyFragment, perform } from '../../../core/commands';
import { parseDesign, type Design } from '../../../core/model';
import { toFlow } from '../../../renderer/canvas/toFlow';

// Issue 13: ids people choose (`constructor`, `toString`, `valueOf`) looked up in plain records
// (`layout.positions[id]`) returned Object.prototype's members: a card without a saved place was
// drawn at NaN, and a copied one pasted at NaN.

const HOSTILE = ['constructor', 'toString', 'valueOf', 'hasOwnProperty'];

/** templates/rest-api with its function's id replaced by `id` everywhere, and no saved places. */
function design(id: string): Design {
  const text = readFileSync('templates/rest-api.design.json', 'utf8');
  const doc = JSON.parse(text);
  const fn = doc.nodes.find((n: { kind: string }) => n.kind === 'lambda').id as string;
  const renamed = JSON.parse(text.split(JSON.stringify(fn)).join(JSON.stringify(id)));
  renamed.layout = { positions: {} };
  const r = parseDesign(JSON.stringify(renamed));
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
  return r.design;
}

describe('canvas and clipboard lookups by a user-chosen id', () => {
  for (const id of HOSTILE) {
    it(`a card with id "${id}" and no saved place is drawn where an ordinary id is, and copies and pastes to a finite place`, () => {
      const plain = toFlow(design('fn-plain')).nodes.find((n) => n.id === 'fn-plain')!;
      const card = toFlow(design(id)).nodes.find((n) => n.id === id)!;
      expect(card.position).toEqual(plain.position);
      expect(Number.isFinite(card.position.x) && Number.isFinite(card.position.y)).toBe(true);

      const d = design(id);
      const fragment = copyFragment(d, { nodes: [id] });
      expect(Object.hasOwn(fragment.positions, id)).toBe(true);
      const pasted = perform(d, { type: 'paste', fragment, offset: { x: 24, y: 24 } });
      expect(pasted.refused).toBeUndefined();
      const added = pasted.design.nodes.filter((n) => !d.nodes.some((m) => m.id === n.id));
      expect(added.length).toBe(1);
      const place = pasted.design.layout.positions[added[0].id];
      expect(Number.isFinite(place.x) && Number.isFinite(place.y), JSON.stringify(place)).toBe(true);
    });
  }
});
