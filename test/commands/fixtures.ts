import { createDesign, type Design } from '../../core/model';
import { History } from '../../core/commands';

/** A small design built with commands: queue → function, plus a VPC with a subnet. */
export function sampleDesign(): Design {
  const h = new History(createDesign('Sample'));
  h.apply({ type: 'addNode', kind: 'sqsQueue', id: 'q', name: 'Orders queue', position: { x: 0, y: 0 } });
  h.apply({ type: 'addNode', kind: 'lambda', id: 'fn', name: 'Orders handler', position: { x: 300, y: 0 } });
  h.apply({ type: 'addNode', kind: 'vpc', id: 'vpc', name: 'App VPC', position: { x: 0, y: 300 } });
  h.apply({ type: 'addNode', kind: 'subnet', id: 'sn', name: 'Private A', parent: 'vpc', position: { x: 20, y: 40 } });
  h.apply({ type: 'connect', from: 'q', to: 'fn', kind: 'trigger', id: 't1' });
  return h.design;
}
