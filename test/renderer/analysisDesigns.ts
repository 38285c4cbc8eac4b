import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { History } from '../../core/commands';
import { parseDesign, type Design } from '../../core/model';

/** The VPC template as the gallery opens it: clean, every access edge reachable. */
export function vpcTemplate(): Design {
  const parsed = parseDesign(readFileSync(join(import.meta.dirname, '..', '..', 'templates', 'vpc-rds-external-api.design.json'), 'utf8'));
  if (!parsed.ok) throw new Error('the VPC template does not parse');
  return parsed.design;
}

/** The VPC template broken the way the journeys break it: memory out of range (CFG-01), private
 *  subnet A with no default route (NET-01/NET-03, partial reachability), and a queue feeding the
 *  function with no redrive policy (a lost retry path). */
export function brokenVpc(): Design {
  const h = new History(vpcTemplate());
  h.apply({ type: 'setProp', nodeId: 'fn-quotes', path: ['memoryMb'], value: 99999 });
  h.apply({ type: 'setProp', nodeId: 'sn-private-a', path: ['routeTable', 'defaultRoute'], value: null });
  h.apply({ type: 'addNode', kind: 'sqsQueue', id: 'q', name: 'Jobs', position: { x: 0, y: 600 } });
  h.apply({ type: 'connect', from: 'q', to: 'fn-quotes', kind: 'trigger', id: 'e-jobs' });
  return h.design;
}
