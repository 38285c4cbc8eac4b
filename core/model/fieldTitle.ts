/** The title a prop key goes by wherever a person reads it: the inspector's field labels
 *  (renderer/schemaFields.ts) and the undo/redo labels (core/commands commandLabel). One function,
 *  so "Undo Change Maximum retry attempts" names the field exactly as the form does. */

const UNITS: Record<string, string> = { Mb: 'MB', Gb: 'GB', Kb: 'KB', Ms: 'ms', Seconds: 'seconds', Hours: 'hours', Days: 'days', Bytes: 'bytes' };
/** Keys whose title is not their words: a security group's rule lists, as the inspector's tables name them. */
const TITLES: Record<string, string> = { ingress: 'Inbound rules', egress: 'Outbound rules' };
const WORDS: Record<string, string> = { az: 'AZ', cidr: 'CIDR', url: 'URL', dns: 'DNS', ip: 'IP', tls: 'TLS', api: 'API', mfa: 'MFA', kms: 'KMS', id: 'ID', fifo: 'FIFO', vpc: 'VPC' };

/** `timeoutSeconds` → "Timeout (seconds)", `memoryMb` → "Memory (MB)", `enableDnsSupport` → "Enable DNS support". */
export function fieldTitle(key: string): string {
  if (key in TITLES) return TITLES[key];
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(' ');
  const last = words[words.length - 1];
  const unit = words.length > 1 ? UNITS[last] : undefined;
  const text = (unit ? words.slice(0, -1) : words).map((w, i) => WORDS[w.toLowerCase()] ?? (i === 0 ? w[0].toUpperCase() + w.slice(1) : w.toLowerCase())).join(' ');
  return unit ? `${text} (${unit})` : text;
}

/** The title of the field a prop path ends in: the last key, skipping list indexes
 *  (`['rules', 2, 'port']` → "Port", `['subnets', 0]` → "Subnets"). */
export function fieldTitleOfPath(path: readonly (string | number)[]): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) {
    const part = path[i];
    if (typeof part === 'string' && part) return fieldTitle(part);
  }
  return undefined;
}
