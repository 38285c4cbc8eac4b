/** Evaluates what a template's intrinsics can tell without deploying it: parameters with defaults,
 *  pseudo parameters, Fn::Sub / Join / Select / FindInMap / If over known values. References to
 *  resources stay as `{Ref}` / `{Fn::GetAtt}` so the importer can turn them into edges. */

export type Raw = Record<string, unknown>;
export const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Placeholder values for pseudo parameters (an import never knows the account). */
const PSEUDO: Record<string, string> = {
  'AWS::AccountId': '123456789012', 'AWS::Partition': 'aws', 'AWS::URLSuffix': 'amazonaws.com', 'AWS::StackName': 'stack',
  'AWS::StackId': 'arn:aws:cloudformation:us-east-1:123456789012:stack/stack/00000000-0000-0000-0000-000000000000',
  'AWS::NoValue': '', 'AWS::NotificationARNs': '',
};

export interface ResolveHost {
  region: string;
  parameters: Raw;
  resources: Raw;
  mappings: Raw;
  conditions: Raw;
  /** Told once per use of something that could not be evaluated (a parameter without a default, …). */
  unresolved(what: string): void;
  /** Told which branch of an Fn::If was taken and why. */
  choseBranch(condition: string, branch: boolean, why: string): void;
}

/** Marks a parameter without a default, left as {Ref} in the resolved value. */
const unresolvedParam = (name: string) => ({ Ref: name, unresolvedParameter: true });

export const isUnresolvedParameter = (v: unknown) => isObject(v) && v.unresolvedParameter === true;

const MAX_DEPTH = 120;

export class Resolver {
  private conditionCache = new Map<string, boolean | undefined>();

  constructor(private host: ResolveHost) {}

  resolve(value: unknown, depth = 0): unknown {
    if (depth > MAX_DEPTH) return undefined;
    if (Array.isArray(value)) return value.map((v) => this.resolve(v, depth + 1)).filter((v) => v !== NO_VALUE);
    if (!isObject(value)) return value;
    const keys = Object.keys(value);
    if (keys.length === 1) {
      const [key] = keys;
      const arg = value[key];
      switch (key) {
        case 'Ref': return this.ref(arg);
        case 'Fn::GetAtt': return Array.isArray(arg) ? { 'Fn::GetAtt': arg.map((a) => this.resolve(a, depth + 1)) } : value;
        case 'Fn::Sub': return this.sub(arg, depth);
        case 'Fn::Join': return this.join(arg, depth);
        case 'Fn::Select': return this.select(arg, depth);
        case 'Fn::FindInMap': return this.findInMap(arg, depth);
        case 'Fn::If': return this.ifBranch(arg, depth);
        case 'Fn::GetAZs': return ['a', 'b', 'c'].map((l) => `${this.host.region}${l}`);
        case 'Fn::Split': {
          const parts = Array.isArray(arg) ? arg.map((a) => this.resolve(a, depth + 1)) : [];
          return typeof parts[0] === 'string' && typeof parts[1] === 'string' ? parts[1].split(parts[0]) : value;
        }
        default: break;
      }
    }
    const out: Raw = {};
    for (const k of keys) {
      const v = this.resolve(value[k], depth + 1);
      if (v !== NO_VALUE) out[k] = v;
    }
    return out;
  }

  private ref(name: unknown): unknown {
    if (typeof name !== 'string') return undefined;
    if (name === 'AWS::Region') return this.host.region;
    if (name === 'AWS::NoValue') return NO_VALUE;
    if (name in PSEUDO) return PSEUDO[name];
    const param = this.host.parameters[name];
    if (isObject(param)) {
      if ('Default' in param) {
        const d = param.Default;
        const type = typeof param.Type === 'string' ? param.Type : 'String';
        if (typeof d === 'string' && (type === 'Number')) { const n = Number(d); return Number.isFinite(n) ? n : d; }
        if (typeof d === 'string' && (type.startsWith('List<') || type === 'CommaDelimitedList')) return d.split(',').map((s) => s.trim());
        return d;
      }
      this.host.unresolved(`parameter ${name} has no Default`);
      return unresolvedParam(name);
    }
    return { Ref: name };
  }

  private sub(arg: unknown, depth: number): unknown {
    let text: unknown = arg;
    let vars: Raw = {};
    if (Array.isArray(arg)) { text = arg[0]; vars = isObject(arg[1]) ? arg[1] : {}; }
    if (typeof text !== 'string') return { 'Fn::Sub': arg };
    let complete = true;
    const out = text.replace(/\$\{([^}!][^}]*)\}/g, (whole, name: string) => {
      const v = name in vars ? this.resolve(vars[name], depth + 1) : name.includes('.') ? { 'Fn::GetAtt': name.split(/\.(.*)/s, 2) } : this.ref(name);
      if (typeof v === 'string' || typeof v === 'number') return String(v);
      complete = false;
      return whole;
    });
    return complete ? out.replace(/\$\{!/g, '${') : { 'Fn::Sub': Array.isArray(arg) ? [text, vars] : text };
  }

  private join(arg: unknown, depth: number): unknown {
    if (!Array.isArray(arg) || typeof arg[0] !== 'string') return { 'Fn::Join': arg };
    const list = this.resolve(arg[1], depth + 1);
    if (Array.isArray(list) && list.every((p) => typeof p === 'string' || typeof p === 'number')) return list.join(arg[0]);
    return { 'Fn::Join': [arg[0], list] };
  }

  private select(arg: unknown, depth: number): unknown {
    if (!Array.isArray(arg)) return { 'Fn::Select': arg };
    const index = Number(this.resolve(arg[0], depth + 1));
    const list = this.resolve(arg[1], depth + 1);
    if (Array.isArray(list) && Number.isInteger(index) && index >= 0 && index < list.length) return list[index];
    return { 'Fn::Select': [index, list] };
  }

  private findInMap(arg: unknown, depth: number): unknown {
    if (!Array.isArray(arg)) return { 'Fn::FindInMap': arg };
    const [m, a, b] = arg.map((x) => this.resolve(x, depth + 1));
    const map = typeof m === 'string' ? this.host.mappings[m] : undefined;
    const top = isObject(map) && typeof a === 'string' ? map[a] : undefined;
    const v = isObject(top) && typeof b === 'string' ? top[b] : undefined;
    if (v !== undefined) return this.resolve(v, depth + 1);
    if (isObject(map) && typeof a === 'string' && !isObject(top)) {
      // A key such as the region that the import does not know: take the first entry, say so.
      const first = Object.values(map)[0];
      const guess = isObject(first) && typeof b === 'string' ? first[b] : undefined;
      if (guess !== undefined) { this.host.unresolved(`Fn::FindInMap ${m}.${a}: no entry "${a}"; the first entry was used`); return this.resolve(guess, depth + 1); }
    }
    return { 'Fn::FindInMap': arg };
  }

  /** Fn::If: the branch the condition takes with parameter defaults when that can be decided;
   *  otherwise the true branch. Either way the choice is reported. */
  private ifBranch(arg: unknown, depth: number): unknown {
    if (!Array.isArray(arg) || typeof arg[0] !== 'string') return undefined;
    const decided = this.condition(arg[0]);
    const branch = decided ?? true;
    this.host.choseBranch(arg[0], branch, decided === undefined ? 'the condition cannot be decided from parameter defaults; the first (true) branch was taken' : 'decided from parameter defaults');
    return this.resolve(branch ? arg[1] : arg[2], depth + 1);
  }

  /** Evaluates a named condition from parameter defaults; undefined when it depends on something unknown. */
  condition(name: string, seen = new Set<string>()): boolean | undefined {
    if (this.conditionCache.has(name)) return this.conditionCache.get(name);
    if (seen.has(name)) return undefined;
    seen.add(name);
    const result = this.evalCondition(this.host.conditions[name], seen, 0);
    this.conditionCache.set(name, result);
    return result;
  }

  private evalCondition(c: unknown, seen: Set<string>, depth: number): boolean | undefined {
    if (!isObject(c) || depth > 20) return undefined;
    const [key] = Object.keys(c);
    const arg = c[key];
    const list = Array.isArray(arg) ? arg : [];
    switch (key) {
      case 'Condition': return typeof arg === 'string' ? this.condition(arg, seen) : undefined;
      case 'Fn::Equals': {
        const [a, b] = list.map((x) => this.resolve(x));
        const plain = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
        return plain(a) && plain(b) ? String(a) === String(b) : undefined;
      }
      case 'Fn::Not': { const v = this.evalCondition(list[0], seen, depth + 1); return v === undefined ? undefined : !v; }
      case 'Fn::And': { const vs = list.map((x) => this.evalCondition(x, seen, depth + 1)); return vs.includes(false) ? false : vs.includes(undefined) ? undefined : true; }
      case 'Fn::Or': { const vs = list.map((x) => this.evalCondition(x, seen, depth + 1)); return vs.includes(true) ? true : vs.includes(undefined) ? undefined : false; }
      default: return undefined;
    }
  }
}

/** AWS::NoValue: the property is left out. */
export const NO_VALUE = Symbol('AWS::NoValue');

/** Logical ids of resources a (resolved) value refers to: Ref, GetAtt, and ${X} / ${X.Attr} in Sub. */
export function referencedResources(value: unknown, resources: Raw, out = new Set<string>(), depth = 0): Set<string> {
  if (depth > MAX_DEPTH) return out;
  if (Array.isArray(value)) { for (const v of value) referencedResources(v, resources, out, depth + 1); return out; }
  if (!isObject(value)) return out;
  if ('Ref' in value && typeof value.Ref === 'string') {
    // SAM's `!Ref Fn.Alias` / `!Ref Fn.Version` name the function's generated alias or version.
    const name = value.Ref in resources ? value.Ref : value.Ref.split('.')[0];
    if (name in resources) out.add(name);
  }
  const getAtt = value['Fn::GetAtt'];
  if (Array.isArray(getAtt) && typeof getAtt[0] === 'string' && getAtt[0] in resources) out.add(getAtt[0]);
  const sub = value['Fn::Sub'];
  const text = typeof sub === 'string' ? sub : Array.isArray(sub) && typeof sub[0] === 'string' ? sub[0] : undefined;
  if (text) {
    for (const m of text.matchAll(/\$\{([^}!][^}.]*)(\.[^}]*)?\}/g)) if (m[1] in resources) out.add(m[1]);
    if (Array.isArray(sub)) referencedResources(sub[1], resources, out, depth + 1);
  }
  for (const [k, v] of Object.entries(value)) if (k !== 'Ref' && k !== 'Fn::GetAtt' && k !== 'Fn::Sub') referencedResources(v, resources, out, depth + 1);
  return out;
}

/** The one resource a value points at (`!Ref X`, `!GetAtt X.Arn`, `!Sub ${X.Arn}`), if exactly one. */
export function singleReference(value: unknown, resources: Raw): string | undefined {
  const refs = referencedResources(value, resources);
  return refs.size === 1 ? [...refs][0] : undefined;
}

export const asString = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

export function asNumber(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim())) return Number(v);
  return undefined;
}

export function asBoolean(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'True') return true;
  if (v === 'false' || v === 'False') return false;
  return undefined;
}

/** The resource name in an ARN or URL string (arn:aws:sqs:region:acct:orders → orders). */
export function nameFromArn(arn: string): string {
  const parts = arn.split(/[:/]/).filter(Boolean);
  return parts[parts.length - 1] ?? arn;
}

/** A value as plain JSON text (an event pattern, a filter policy): intrinsics that still name a
 *  resource become the text `${LogicalId}`, so the pattern stays valid JSON. `named` collects them. */
export function plainJsonText(value: unknown, resources: Raw, named: Set<string> = new Set()): string {
  const strip = (v: unknown, depth: number): unknown => {
    if (depth > MAX_DEPTH) return null;
    if (Array.isArray(v)) return v.map((x) => strip(x, depth + 1));
    if (!isObject(v)) return v;
    const keys = Object.keys(v);
    if (keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'))) {
      const refs = [...referencedResources(v, resources)];
      refs.forEach((r) => named.add(r));
      return refs.length ? `\${${refs.join(',')}}` : isUnresolvedParameter(v) ? `\${${String(v.Ref)}}` : JSON.stringify(v);
    }
    return Object.fromEntries(keys.map((k) => [k, strip(v[k], depth + 1)]));
  };
  if (typeof value === 'string') {
    // JSON written as a string is printed the one way the model keeps it (compact), so a round trip compares equal.
    try { return JSON.stringify(JSON.parse(value)); } catch { return value; }
  }
  return JSON.stringify(strip(value, 0)) ?? '{}';
}
