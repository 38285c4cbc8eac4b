import type { DesignIndex } from '../graph';
import type { Design, DesignEdge, DesignNode, EdgeOfKind, NodeOfKind } from '../model/design';
import type { EffectiveTrigger, InvocationModel, Reachability, RetryPath, RetryTrace } from '../semantics';

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export type RuleCategory = 'invocation' | 'retry' | 'network' | 'config' | 'concurrency' | 'cost';

/** What a finding is about: a node, an edge, or the design as a whole (id "*"). */
export interface FindingTarget {
  id: string;
  name: string;
  type: 'node' | 'edge' | 'design';
}

/** One thing the analysis tells the engineer. `fix` says what to change, in the design's terms. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  /** The primary target: the thing to change or look at first (issue 14: a broken network path is
   *  on the function → resource edge, a function in a public subnet on the function). */
  target: FindingTarget;
  /** Other nodes or edges the finding is about (the blocking security group, route table or endpoint;
   *  the function behind a subscription): listed by lint ("also: …", SARIF relatedLocations) and
   *  highlighted with the primary on the canvas. Never the primary itself, no duplicates. */
  related?: FindingTarget[];
  message: string;
  why: string;
  fix: string;
  docsUrl: string;
}

export interface SuppressedFinding extends Finding {
  reason: string;
}

/** What a rule's check returns; the engine fills in rule id, docs URL and the target's name. */
export interface RuleFinding {
  target: DesignNode | DesignEdge | 'design';
  /** Other nodes or edges the finding is about (see Finding.related); the engine drops the primary and duplicates. */
  related?: readonly (DesignNode | DesignEdge)[];
  message: string;
  fix: string;
  /** Defaults to the rule's `why`. */
  why?: string;
  /** Defaults to the rule's severity (e.g. RETRY-12 is an error or a warning depending on the case). */
  severity?: Severity;
}

/** Everything a rule may read. Derived values are computed once per analysis and shared. */
export interface RuleContext {
  design: Design;
  index: DesignIndex;
  /** sync / async / poll for trigger and invoke edges into functions (INV-01). */
  invocation(edge: DesignEdge): InvocationModel | undefined;
  /** All the ways a function is invoked. */
  invocationModelsOf(functionId: string): Set<InvocationModel>;
  /** A trigger edge's settings with AWS's defaults for its source. */
  trigger(edge: EdgeOfKind<'trigger'>): EffectiveTrigger;
  /** Network path of every access/invoke edge from a function (computed once, on first use). */
  reachability(): readonly Reachability[];
  /** Retry paths of the design: the first RETRY_PATHS_SHOWN (computed once, on first use). */
  retryPaths(): readonly RetryPath[];
  /** The same trace with how many paths were left out. */
  retryTrace(): RetryTrace;
  /** The reachability results of one function's edges, in design order (grouped once). */
  reachabilityFrom(functionId: string): readonly Reachability[];
  /** Functions whose VPC configuration lists a security group, in design order (grouped once). */
  functionsUsingGroup(securityGroupId: string): readonly NodeOfKind<'lambda'>[];
  /** Functions attached to subnets of a VPC, in design order (grouped once). */
  functionsInVpc(vpcId: string): readonly NodeOfKind<'lambda'>[];
  /** A readable name for a node or edge ("jobs → worker"). */
  nameOf(target: DesignNode | DesignEdge): string;
}

export interface Rule {
  /** Exactly the id in rules-catalog.md, e.g. "RETRY-12". */
  id: string;
  title: string;
  severity: Severity;
  category: RuleCategory;
  /** The catalog's AWS source for this check. */
  docsUrl: string;
  /** Node or edge kinds the rule reads (docs, the inspector): the engine runs it only on a design
   *  holding at least one of them, so a rule that reads another kind must list it. */
  appliesTo: readonly string[];
  /** Why this matters, shown with every finding unless the finding says more. */
  why: string;
  /** The rule reports values outside AWS's range (its finding IS the out-of-range value), so it reads
   *  the design as written; every other rule sees out-of-range values clamped (model/bounded.ts). */
  readsValuesAsWritten?: boolean;
  /** The rule weighs every node of its `appliesTo` kinds together (an account-wide sum), not each
   *  part of the design on its own: the incremental session (core/incremental) runs it on all those
   *  nodes at once instead of part by part. Such a rule reads only nodes of its `appliesTo` kinds
   *  and the design's own fields, never edges. */
  readsWholeDesign?: boolean;
  /** Node kinds the rule reads EVERY node of, linked to what it reports on or not (NET-09: any
   *  public NAT gateway of the design). The incremental session gives every part's analysis all
   *  nodes of these kinds, and analyses everything again when one of them changes. */
  readsEveryNodeOf?: readonly string[];
  check(ctx: RuleContext): RuleFinding[];
}

/** Identity, for type inference in rule files. */
export const defineRule = (rule: Rule): Rule => rule;
