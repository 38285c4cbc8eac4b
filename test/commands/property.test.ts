import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copyFragment, History, type Command } from '../../core/commands';
import { NODE_KIND_IDS, type Design } from '../../core/model';
import { sampleDesign } from './fixtures';

const ids = ['q', 'fn', 'vpc', 'sn', 'sqsQueue-1', 'lambda-1', 'natGateway-1', 'nope'];
const point = fc.record({ x: fc.integer({ min: -500, max: 500 }), y: fc.integer({ min: -500, max: 500 }) });
const anyId = fc.constantFrom(...ids);

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ type: fc.constant('addNode' as const), kind: fc.constantFrom(...NODE_KIND_IDS), position: point }),
  fc.record({ type: fc.constant('removeNodes' as const), ids: fc.array(anyId, { maxLength: 2 }) }),
  fc.record({ type: fc.constant('connect' as const), from: anyId, to: anyId, kind: fc.constantFrom('trigger', 'invoke', 'destination', 'deadLetter', 'access' as const) }),
  fc.record({ type: fc.constant('removeEdges' as const), ids: fc.array(fc.constantFrom('t1', 'trigger-1', 'access-1'), { maxLength: 1 }) }),
  fc.record({ type: fc.constant('setProp' as const), nodeId: anyId, path: fc.constant(['memoryMb']), value: fc.oneof(fc.integer({ min: 0, max: 20000 }), fc.constant('x')) }),
  fc.record({ type: fc.constant('rename' as const), nodeId: anyId, name: fc.string({ maxLength: 6 }) }),
  fc.record({ type: fc.constant('move' as const), positions: fc.dictionary(anyId, point, { maxKeys: 2 }), gesture: fc.constantFrom('a', 'b') }),
  fc.record({ type: fc.constant('setParent' as const), nodeId: anyId, parent: fc.constantFrom('vpc', 'sn', null) }),
  fc.record({ type: fc.constant('suppress' as const), ruleId: fc.constantFrom('RETRY-12', 'NET-01', 'bad'), target: fc.oneof(anyId, fc.constant('t1'), fc.constant('*')), reason: fc.constantFrom('accepted', ' ') }),
  fc.record({ type: fc.constant('unsuppress' as const), ruleId: fc.constantFrom('RETRY-12', 'NET-01'), target: fc.oneof(anyId, fc.constant('t1'), fc.constant('*')) }),
  // Copy / paste (clipboard.ts) and sticky notes (notes.ts).
  fc.record({ type: fc.constant('paste' as const), fragment: fc.subarray(['q', 'fn', 'vpc', 'sn']).map((nodes) => copyFragment(sampleDesign(), { nodes })), offset: point }),
  fc.record({ type: fc.constant('addNote' as const), position: point, text: fc.string({ maxLength: 8 }) }),
  fc.record({ type: fc.constant('editNote' as const), id: fc.constantFrom('note-1', 'note-2'), text: fc.string({ maxLength: 8 }) }),
  fc.record({ type: fc.constant('removeNotes' as const), ids: fc.array(fc.constantFrom('note-1', 'note-2'), { maxLength: 2 }) }),
);

describe('random command sequences', () => {
  it('undo all returns the original design; redo all returns the final one', () => {
    fc.assert(fc.property(fc.array(command, { maxLength: 25 }), (commands) => {
      const original: Design = sampleDesign();
      const h = new History(original);
      for (const c of commands) h.apply(c);
      const final = h.design;
      while (h.undo());
      expect(h.design).toEqual(original);
      while (h.redo());
      expect(h.design).toEqual(final);
    }), { numRuns: 150 });
  });

  it('moving never changes nodes or edges', () => {
    fc.assert(fc.property(fc.array(fc.record({ id: fc.constantFrom('q', 'fn', 'vpc', 'sn'), p: point }), { minLength: 1, maxLength: 20 }), (moves) => {
      const h = new History(sampleDesign());
      const { nodes, edges } = h.design;
      for (const m of moves) h.apply({ type: 'move', positions: { [m.id]: m.p } });
      expect(h.design.nodes).toBe(nodes);
      expect(h.design.edges).toBe(edges);
    }));
  });
});
