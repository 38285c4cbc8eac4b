import { current, type Draft } from 'immer';
import { createNode, type Design, type DesignNode } from '../model/design';
import { kindLabel } from '../model/kinds';
import { containerSizes, CONTAINER_PADDING, isSubnetPlaced, placementOf, securityGroupsOf, SUBNET_PLACED_KINDS, subnetsOf } from '../model/placement';
import { PARENT_KINDS } from '../model/references';
import { nextId } from './ids';

/** Putting a resource in subnets, or taking it out of its network: what dragging a card into a
 *  subnet, onto a VPC or out of every VPC does (and the inspector's subnet fields, by hand). */
export type PlacementCommand =
  /** `replace` (default): the node is in exactly these subnets; `add`: these as well as its own. */
  | { type: 'attachToSubnets'; nodeId: string; subnets: readonly string[]; mode?: 'replace' | 'add' }
  | { type: 'detachFromNetwork'; nodeId: string };

const TYPES = new Set(['attachToSubnets', 'detachFromNetwork']);
export const isPlacementCommand = (command: { type: string }): command is PlacementCommand => TYPES.has(command.type);

export function placementCommandLabel(command: PlacementCommand): string {
  return command.type === 'attachToSubnets' ? (command.subnets.length === 1 ? 'Place in subnet' : 'Place in subnets') : 'Take out of VPC';
}

type D = Draft<Design>;

const setAt = (props: Record<string, unknown>, path: readonly string[], value: unknown) => {
  let holder = props;
  for (const key of path.slice(0, -1)) {
    if (typeof holder[key] !== 'object' || holder[key] === null) holder[key] = {};
    holder = holder[key] as Record<string, unknown>;
  }
  holder[path[path.length - 1]] = value;
};

/** The first name free among the design's node names: "Quote service SG", then "… SG 2". */
function uniqueName(design: Design, base: string): string {
  const taken = new Set(design.nodes.map((n) => n.name));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base} ${i}`)) return `${base} ${i}`;
}

/** Applies a placement command to the draft; returns why it was refused, if it was. */
export function applyPlacementCommand(draft: D, command: PlacementCommand, created: string[]): string | undefined {
  const node = draft.nodes.find((n) => n.id === command.nodeId);
  if (!node) return `There is no node "${command.nodeId}" in this design.`;
  if (!isSubnetPlaced(node.kind)) return `A ${kindLabel(node.kind)} is not placed in subnets.`;
  const where = SUBNET_PLACED_KINDS[node.kind];
  const props = node.props as Record<string, unknown>;

  if (command.type === 'detachFromNetwork') {
    if (node.kind === 'lambda') props.vpc = null;
    else {
      setAt(props, where.subnets, []);
      setAt(props, where.securityGroups, []);
    }
    const parent = node.parent ? draft.nodes.find((n) => n.id === node.parent) : undefined;
    if (parent?.kind === 'vpc') delete node.parent;
    return undefined;
  }

  const snapshot = current(draft) as Design;
  const wanted = [...new Set(command.mode === 'add' ? [...subnetsOf(node), ...command.subnets] : command.subnets)];
  if (!wanted.length) return 'Pick at least one subnet (or take the resource out of its VPC).';
  const subnets = wanted.map((id) => snapshot.nodes.find((n) => n.id === id));
  const missing = wanted.find((id, i) => subnets[i]?.kind !== 'subnet');
  if (missing !== undefined) return `"${missing}" is not a subnet of this design.`;
  const vpcIds = new Set(subnets.map((s) => s?.parent));
  const [vpcId] = [...vpcIds];
  const vpc = vpcId ? snapshot.nodes.find((n) => n.id === vpcId && n.kind === 'vpc') : undefined;
  // https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html: the subnets and security groups
  // of a VPC configuration all belong to one VPC.
  if (vpcIds.size !== 1 || !vpc) return `${node.name} can only be placed in subnets of one VPC.`;

  setAt(props, where.subnets, wanted);
  if ((PARENT_KINDS[node.kind] ?? []).includes('vpc')) node.parent = vpc.id;
  // Security groups of another VPC cannot stay (AWS refuses the pair).
  const sgOfVpc = (id: string) => snapshot.nodes.some((n) => n.id === id && n.kind === 'securityGroup' && n.parent === vpc.id);
  const keptGroups = securityGroupsOf(node).filter(sgOfVpc);
  if (node.kind !== 'lambda') {
    setAt(props, where.securityGroups, keptGroups);
    return undefined;
  }
  // A function in a VPC needs at least one security group (the VpcConfig requires SecurityGroupIds):
  // its own group in that VPC when one is named for it, else a new one created for it.
  let groups = keptGroups;
  if (!groups.length) {
    const named = snapshot.nodes.find((n) => n.kind === 'securityGroup' && n.parent === vpc.id && (n.name === `${node.name} SG` || n.name === node.name));
    if (named) groups = [named.id];
    else {
      const id = nextId(snapshot, 'securityGroup');
      const sg = createNode('securityGroup', id, uniqueName(snapshot, `${node.name} SG`), { description: `Security group of ${node.name}`.slice(0, 255) }, vpc.id);
      draft.nodes.push(sg as Draft<DesignNode>);
      // Below what the VPC holds, so it overlaps nothing.
      const placement = placementOf(snapshot);
      const bottom = snapshot.nodes.filter((n) => placement.get(n.id)?.drawParent === vpc.id).reduce((y, n) => {
        const p = snapshot.layout.positions[n.id];
        if (!p) return y;
        const height = n.kind === 'subnet' ? containerSizes(snapshot, placement).get(n.id)?.height ?? 0 : 54;
        return Math.max(y, p.y + height);
      }, CONTAINER_PADDING.top - 20);
      draft.layout.positions[id] = { x: CONTAINER_PADDING.left, y: bottom + 20 };
      created.push(id);
      groups = [id];
    }
  }
  props.vpc = { subnets: wanted, securityGroups: groups };
  return undefined;
}
