import { isObject, type Raw } from './resolve';

/** CDK's synthesized templates: names from `aws:cdk:path` metadata, and CDK's own bookkeeping told apart. */

/** Construct paths of CDK's helpers (metadata, custom-resource providers, log retention, bucket
 *  notifications, auto-delete, bucket deployment): they are CDK's machinery, not the user's design. */
const INTERNAL_PATH = /(^|\/)(CDKMetadata|LogRetention[0-9a-f]{32}|BucketNotificationsHandler[0-9a-f]{32}|AWS679f53fac002430cb0da5b7982bd2287|Custom::[A-Za-z0-9]+CustomResourceProvider|CustomResourceProvider|CDKBucketDeployment[0-9a-f]{32}|Provider|framework-on[A-Za-z]+)(\/|$)/;

export const cdkPathOf = (resource: Raw): string | undefined => {
  const md = isObject(resource.Metadata) ? resource.Metadata : undefined;
  return md && typeof md['aws:cdk:path'] === 'string' ? md['aws:cdk:path'] : undefined;
};

export function isCdkTemplate(template: Raw): boolean {
  const resources = isObject(template.Resources) ? template.Resources : {};
  return Object.values(resources).some((r) => isObject(r) && (r.Type === 'AWS::CDK::Metadata' || cdkPathOf(r) !== undefined));
}

/** Why a resource is one of CDK's internals, or undefined when it belongs to the user's design. */
export function cdkInternalReason(resource: Raw): string | undefined {
  if (resource.Type === 'AWS::CDK::Metadata') return 'CDK internals: the CDK version and construct analytics (AWS::CDK::Metadata)';
  const path = cdkPathOf(resource);
  if (!path) return undefined;
  const m = path.match(INTERNAL_PATH);
  if (!m) return undefined;
  const what = m[2].startsWith('LogRetention') ? 'the log-retention helper function'
    : m[2].startsWith('BucketNotificationsHandler') ? 'the bucket-notifications helper function'
      : m[2].startsWith('AWS679f') ? 'the AwsCustomResource helper function'
        : m[2].startsWith('CDKBucketDeployment') ? 'the bucket-deployment helper function'
          : 'a custom-resource provider';
  return `CDK internals: ${what} (${path})`;
}

/** Segments CDK adds under a construct that say nothing about it (`Orders/Resource`, `Vpc/PublicSubnet1/Subnet`). */
const GENERIC = new Set(['Resource', 'Default', 'Subnet', 'RouteTable', 'DefaultRoute', 'EIP', 'NATGateway', 'IGW', 'VPCGW', 'RouteTableAssociation', 'ServiceRole', 'DefaultPolicy', 'Policy', 'SecurityGroup', 'Role']);

/** A readable name from a construct path: `Stack/Orders/Resource` → `Orders`, `Stack/Vpc/PublicSubnet1/Subnet` → `PublicSubnet1`. */
export function nameFromCdkPath(path: string): string {
  const parts = path.split('/').slice(1);
  while (parts.length > 1 && GENERIC.has(parts[parts.length - 1])) parts.pop();
  return parts[parts.length - 1] ?? path;
}

/** Names for every resource with a path; when two share a name, the longer path tells them apart. */
export function cdkNames(resources: Raw): Map<string, string> {
  const names = new Map<string, string>();
  const counts = new Map<string, number>();
  const paths = new Map<string, string>();
  for (const [id, r] of Object.entries(resources)) {
    const path = isObject(r) ? cdkPathOf(r) : undefined;
    if (!path) continue;
    const name = nameFromCdkPath(path);
    paths.set(id, path);
    names.set(id, name);
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  for (const [id, name] of names) {
    if ((counts.get(name) ?? 0) <= 1) continue;
    const parts = paths.get(id)!.split('/').slice(1);
    while (parts.length > 1 && (parts[parts.length - 1] === 'Resource' || parts[parts.length - 1] === 'Default')) parts.pop();
    names.set(id, parts.join('/'));
  }
  return names;
}
