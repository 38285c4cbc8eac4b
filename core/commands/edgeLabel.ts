import type { DesignIndex } from '../graph';
import type { DesignEdge } from '../model/design';
import { invocationModel } from '../semantics/invocation';

const EDGE_KIND_WORDS: Record<DesignEdge['kind'], string> = {
  trigger: 'trigger', invoke: 'invoke', destination: 'destination', deadLetter: 'dead-letter', access: 'access',
};

/** The short text drawn on an edge: its kind, plus what matters most about it at a glance — for
 *  triggers and invokes of a function, the invocation model (sync / async / poll, from core/semantics). */
export function describeEdge(index: DesignIndex, edge: DesignEdge): string {
  const word = EDGE_KIND_WORDS[edge.kind];
  switch (edge.kind) {
    case 'trigger':
    case 'invoke': {
      const model = invocationModel(index, edge);
      return model ? `${word} · ${model}` : word;
    }
    case 'destination':
      return `${word} · on ${edge.props.on}`;
    case 'deadLetter':
      return edge.props.maxReceiveCount !== undefined ? `${word} · after ${edge.props.maxReceiveCount}` : word;
    case 'access':
      // readWrite is the default and the common case; name the mode only when it says more.
      return edge.props.mode === 'readWrite' ? word : `${word} · ${edge.props.mode}`;
  }
}
