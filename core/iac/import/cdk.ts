import { isObject, type Raw } from './resolve';

/** CDK's synthesized templates: names from `aws:cdk:path` metadata, and CDK's own bookkeeping told apart. */

/** Construct paths of CDK's helpers (metadata, custom-resource providers, log retention, bucket
 *  notifications, auto-delete, bucket deployment): they are CDK's machinery, not the user's design. */
const INTERNAL_PATH = /(^|\/)(CDKMetadata|LogRetention[0-9a-f]{32}|BucketNotificationsHandler[0-9a-f]{32}|AWS679f53fac002430cb0da5b7982bd2287|Custom::[A-Za-z0-9]+CustomResourceProvider|CustomResourceProvider|CDKBucketDeployment[0-9a-f]{32}|Provider|framework-on[A-Za-z]+)(\/|$)/;

export const cdkPathOf = (resource: Raw): string | undefined => {
  const md = isObject(resource.Metadata) ? resource.Metadata : undefined;
  return md && typeof md['aws:cdk:path'] === 'string' ? md['aws:cdk:path'] : undefined;
};

/** CDK output: path metadata (`cdk synth` adds it), CDK's metadata resource, or the bootstrap-version
 *  parameter every synthesized stack carries. */
export function isCdkTemplate(template: Raw): boolean {
  const resources = isObject(template.Resources) ? template.Resources : {};
  if (isObject(template.Parameters) && isObject(template.Parameters.BootstrapVersion)) return true;
  return Object.values(resources).some((r) => isObject(r) && (r.Type === 'AWS::CDK::Metadata' || cdkPathOf(r) !== undefined));
}

/** Why a resource is one of CDK's internals, or undefined when it belongs to the user's design. */
export function cdkInternalReason(resource: Raw, logicalId: string): string | undefined {
  if (resource.Type === 'AWS::CDK::Metadata') return 'CDK internals: the CDK version and construct analytics (AWS::CDK::Metadata)';
  // rds.DatabaseProxy opens the database's port to the proxy by itself (allowDefaultPortFrom), with this
  // description: the rule follows from the proxy → database target, which the design already says.
  const props = isObject(resource.Properties) ? resource.Properties : {};
  if (resource.Type === 'AWS::EC2::SecurityGroupIngress' && typeof props.Description === 'string' && /^Allow connections to the database (Instance|Cluster) from the Proxy$/.test(props.Description)) {
    return 'CDK internals: the ingress rule rds.DatabaseProxy adds for its target database (the proxy → database link is the proxy\'s target setting)';
  }
  // Without path metadata (an App synthesized without the CLI's context), the logical id says the same.
  const path = cdkPathOf(resource) ?? logicalId;
  const m = path.match(INTERNAL_PATH) ?? logicalId.match(INTERNAL_ID);
  if (!m) return undefined;
  const what = m[2].startsWith('LogRetention') ? 'the log-retention helper function'
    : m[2].startsWith('BucketNotificationsHandler') ? 'the bucket-notifications helper function'
      : m[2].startsWith('AWS679f') ? 'the AwsCustomResource helper function'
        : m[2].startsWith('CDKBucketDeployment') ? 'the bucket-deployment helper function'
          : 'a custom-resource provider';
  return `CDK internals: ${what} (${path})`;
}

const INTERNAL_ID = /^()(LogRetention[0-9a-f]{32}|BucketNotificationsHandler[0-9a-f]{32}|AWS679f53fac002430cb0da5b7982bd2287|CDKBucketDeployment[0-9a-f]{32}|Custom[A-Za-z0-9]+CustomResourceProvider)/;

/** Segments CDK adds under a construct that say nothing about it (`Orders/Resource`, `Vpc/PublicSubnet1/Subnet`). */
const GENERIC = new Set(['Resource', 'Default', 'Subnet', 'RouteTable', 'DefaultRoute', 'EIP', 'NATGateway', 'IGW', 'VPCGW', 'RouteTableAssociation', 'ServiceRole', 'DefaultPolicy', 'Policy', 'SecurityGroup', 'Role']);

/** A readable name from a construct path: `Stack/Orders/Resource` → `Orders`, `Stack/Vpc/PublicSubnet1/Subnet` → `PublicSubnet1`,
 *  and the segments dropped to get it (a tie-breaker: `PublicSubnet1/NATGateway`). */
export function nameFromCdkPath(path: string): { name: string; dropped: string[] } {
  const parts = path.split('/').slice(1);
  const dropped: string[] = [];
  while (parts.length > 1 && GENERIC.has(parts[parts.length - 1])) dropped.unshift(parts.pop()!);
  return { name: parts[parts.length - 1] ?? path, dropped: dropped.filter((d) => d !== 'Resource' && d !== 'Default') };
}

/** Names for every resource; where two would share one, the first (template order) keeps it and the
 *  next say which part they are (`PublicSubnet1/NATGateway`, `Network/IGW`). */
export function cdkNames(resources: Raw): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  const candidates = Object.entries(resources).map(([id, r]) => {
    const path = isObject(r) ? cdkPathOf(r) : undefined;
    // No path metadata: the logical id less the 8-hex-digit hash CDK appends.
    return { id, ...(path ? nameFromCdkPath(path) : { name: id.replace(/[0-9A-F]{8}$/, '') || id, dropped: [] as string[] }) };
  });
  // A construct's own resource (`Orders/Resource`) before its parts (`Orders/ServiceRole`).
  const ordered = [...candidates.filter((c) => !c.dropped.length), ...candidates.filter((c) => c.dropped.length)];
  for (const { id, name, dropped } of ordered) {
    let chosen = taken.has(name) && dropped.length ? `${name}/${dropped.join('/')}` : name;
    if (taken.has(chosen)) chosen = id;
    taken.add(chosen);
    names.set(id, chosen);
  }
  return names;
}
