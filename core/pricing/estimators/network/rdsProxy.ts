import { dec } from '../../money';
import type { Estimator } from '../../types';
import { transferLines } from '../serverless/support';
import { DB_INSTANCE_VCPUS } from './instanceVcpus';

/** "Minimum Charge: 2 vCPUs" for provisioned instances (pricing.md P95, the RDS Proxy pricing page). */
const MINIMUM_VCPUS = 2;

/** RDS Proxy on a provisioned instance: vCPU-hours of its target's instance class (P94: "$0.015 per
 *  hour per vCPU of the RDS PostgreSQL instances associated with an RDS Proxy"), at least 2 vCPUs
 *  (P95), for the 730-h month.
 *
 *  Multi-AZ: NOT doubled. A Multi-AZ DB instance deployment is one DB instance (one identifier, the
 *  one the proxy registers as its target); its standby takes no connections and is not a proxy
 *  target. AWS's text prices the vCPUs "of the instances associated with" the proxy, so the
 *  standby's vCPUs are not counted (the line says so). Aurora: the model has one instance per node,
 *  so a cluster's readers are not counted either.
 *
 *  Unpriced: no target, a target that is not a database node, an instance class whose vCPUs are not
 *  in DB_INSTANCE_VCPUS, or a region whose catalog lacks the price (ctx.line). Transfer entered at
 *  the proxy (cross-AZ, inter-Region) is priced in every case (support.ts transferLines). */
export const estimateRdsProxy: Estimator = (ctx, node) => {
  if (node.kind !== 'rdsProxy') return [];
  const component = 'Proxy vCPU-hours';
  const unpriced = (reason: string) => [{ node: node.id, nodeName: node.name, component, reason }, ...transferLines(ctx, node)];
  const target = node.props.target ? ctx.index.node(node.props.target) : undefined;
  if (target?.kind !== 'rds') return unpriced('RDS Proxy has no target database: it is priced per vCPU of the database instance behind it');
  const cls = target.props.instanceClass;
  const vcpus = DB_INSTANCE_VCPUS[cls];
  if (vcpus === undefined) return unpriced(`the vCPU count of instance class ${cls} (target "${target.name}") is not in the instance table, so the proxy's vCPU-hours are unknown`);
  const billed = Math.max(vcpus, MINIMUM_VCPUS);
  const minimum = billed > vcpus ? `, raised to the ${MINIMUM_VCPUS}-vCPU minimum charge` : '';
  const standby = target.props.multiAz ? '; the Multi-AZ standby is not a proxy target and is not counted' : '';
  return [ctx.line(node, component, 'rdsProxy.vcpuHours', dec(billed).times(ctx.hoursPerMonth),
    `configuration: target "${target.name}" ${cls} has ${vcpus} vCPUs${minimum} × ${ctx.hoursPerMonth} h a month${standby}`), ...transferLines(ctx, node)];
};
