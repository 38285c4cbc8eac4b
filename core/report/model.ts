import { boundedForAnalysis } from '../model/bounded';
import { own } from '../model/own';
import { analyze, type SetAside } from '../analyze';
import { formatNumber } from '../format';
import { REGION_PATTERN, type Design } from '../model/design';
import { kindLabel } from '../model/kinds';
import { USAGE_FIELDS } from '../model/usageFields';
import { compare, estimateCost, sum, sweepRequests, type CostComparison, type CostComponent, type CostReport, type Dec, type RequestSweep } from '../pricing';
import type { Finding, SuppressedFinding } from '../rules/types';
import { pathsWithinBudget, retryOutputBudget, type Reachability, type RetryPath } from '../semantics';
import { renderDiagram, type Diagram } from '../diagram';

export type ReportTheme = 'light' | 'dark' | 'auto';

/** What the design is compared with: another design (an alternative, another file), or the same
 *  design under two usage profiles or in two Regions. */
export type ReportCompare =
  | { kind: 'design'; other: Design }
  | { kind: 'profiles'; a: string; b: string }
  | { kind: 'regions'; a: string; b: string };

export interface ReportInput {
  design: Design;
  compare?: ReportCompare;
  /** Usage profile (default: the design's active one); with compare profiles, the profiles given there. */
  profile?: string;
  /** Region to price in (default: the design's); with compare regions, the Regions given there. */
  region?: string;
  /** light, dark, or auto (follows the reader's prefers-color-scheme). Print is always light. */
  theme?: ReportTheme;
}

/** One resource's share of the month: its components and their sum. */
export interface NodeCost { node: string; nodeName: string; kind: string; monthly: Dec; components: CostComponent[] }

/** A usage value entered in the profile the report prices. */
export interface UsageAssumption { node: string; nodeName: string; field: string; label: string; value: string }

export interface ReportSummary {
  monthlyTotal: Dec;
  unpriced: number;
  needsInput: number;
  errors: number;
  warnings: number;
  infos: number;
  suppressed: number;
  retryPaths: number;
  lostPaths: number;
  accessEdges: number;
  /** Access edges not reachable from every subnet (no, or only partly). */
  unreachable: number;
}

/** One design priced in one Region under one profile, with its analysis. */
export interface ReportSide {
  /** "A", "B", the profile or the Region: how the comparison names this side. */
  label: string;
  design: Design;
  region: string;
  profile: string | null;
  profileDescription: string;
  findings: Finding[];
  suppressed: SuppressedFinding[];
  /** The retry paths the report lists: the first REPORT_RETRY_PATHS, fewer when their table would
   *  pass the output budget (semantics/retryOutput.ts); `retryPathsNotShown` counts the rest. */
  retryPaths: readonly RetryPath[];
  retryPathsNotShown: number;
  /** Edges AWS refuses, left out of the analysis, each with why and the rule that reports it. */
  setAside: readonly SetAside[];
  reachability: readonly Reachability[];
  cost: CostReport;
  /** Resources with priced lines, the most expensive first. */
  costByNode: NodeCost[];
  usage: UsageAssumption[];
  summary: ReportSummary;
  /** The model-drawn diagram, light on white (the one printed, and the Markdown's SVG);
   *  `darkDiagram` the same in the dark palette for a dark screen (themes dark and auto). */
  diagram: Diagram;
  darkDiagram?: Diagram;
}

export interface ReportComparison {
  kind: ReportCompare['kind'];
  /** "Design A and design B", "usage profiles low and peak", "us-east-1 and eu-west-1". */
  title: string;
  b: ReportSide;
  cost: CostComparison;
  /** Cost against requests a month for both sides, or why it cannot be drawn. */
  sweep: { ok: true; value: RequestSweep } | { ok: false; message: string };
}

export interface Report {
  title: string;
  /** What the design is, in the designer's words (a description in the file) or counted. */
  description: string;
  theme: ReportTheme;
  resources: { id: string; name: string; kind: string; description: string }[];
  edgeCount: number;
  main: ReportSide;
  comparison?: ReportComparison;
}

const quoted = (xs: readonly string[]) => xs.map((x) => `"${x}"`).join(', ');

function checkProfile(design: Design, profile: string | undefined): void {
  if (profile === undefined || own(design.usage.profiles, profile)) return;
  const names = Object.keys(design.usage.profiles);
  throw new Error(`"${design.name}" has no usage profile "${profile}" (${names.length ? `it has ${quoted(names)}` : 'it has none'})`);
}

function checkRegion(region: string | undefined): void {
  if (region !== undefined && !REGION_PATTERN.test(region)) throw new Error(`"${region}" is not an AWS Region code (like us-east-1)`);
}

function costByNode(design: Design, cost: CostReport): NodeCost[] {
  const kinds = new Map(design.nodes.map((n) => [n.id, n.kind]));
  const groups = new Map<string, CostComponent[]>();
  for (const c of cost.components) (groups.get(c.node) ?? groups.set(c.node, []).get(c.node)!).push(c);
  return [...groups].map(([node, components]) => ({ node, nodeName: components[0].nodeName, kind: kinds.get(node) ?? '', monthly: sum(components.map((c) => c.monthly)), components }))
    .sort((a, b) => b.monthly.comparedTo(a.monthly) || (a.nodeName < b.nodeName ? -1 : a.nodeName > b.nodeName ? 1 : 0));
}

function usageAssumptions(design: Design, profile: string | null): UsageAssumption[] {
  const nodes = own(design.usage.profiles, profile)?.nodes ?? {};
  const fieldOf = new Map(USAGE_FIELDS.map((f) => [f.key as string, f]));
  return design.nodes.flatMap((n) => Object.entries(nodes[n.id] ?? {}).flatMap(([key, value]) => {
    if (value === undefined) return [];
    const f = fieldOf.get(key);
    const unit = f?.input.type === 'number' ? ` ${f.input.unit}` : '';
    const shown = typeof value === 'number' ? `${formatNumber(value, 6)}${unit}` : typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);
    return [{ node: n.id, nodeName: n.name, field: key, label: f?.label ?? key, value: shown }];
  }));
}

type Drawn = Pick<ReportSide, 'diagram' | 'darkDiagram'>;

/** The light diagram on white (print, Markdown's SVG, the light screen), and a dark one on the
 *  canvas colour for a dark screen when the report can be dark. */
async function draw(design: Design, theme: ReportTheme): Promise<Drawn> {
  const diagram = await renderDiagram(design, { theme: 'light', background: 'white', title: design.name });
  return theme === 'light' ? { diagram } : { diagram, darkDiagram: await renderDiagram(design, { theme: 'dark', background: 'theme', title: design.name }) };
}

const drawnOf = (s: ReportSide): Drawn => (s.darkDiagram ? { diagram: s.diagram, darkDiagram: s.darkDiagram } : { diagram: s.diagram });

/** Retry paths a report lists at most: a table of 200 paths is already more than a review reads
 *  (the CLI's text shows as many; `retry-paths --format json` lists 1,000). */
export const REPORT_RETRY_PATHS = 200;

function listedRetryPaths(design: Design, paths: readonly RetryPath[], omitted: number): { retryPaths: RetryPath[]; retryPathsNotShown: number } {
  // A table row per hop: its names and reason, plus the fixed columns.
  const rowSize = (p: RetryPath) => p.hops.reduce((n, h) => n + 120 + h.source.name.length + h.function.name.length + h.sinks.reduce((m, s) => m + s.node.name.length + 40, 0) + (h.lostReason?.length ?? 0), 0);
  const listed = pathsWithinBudget(paths, REPORT_RETRY_PATHS, retryOutputBudget(design), rowSize);
  return { retryPaths: listed, retryPathsNotShown: paths.length - listed.length + omitted };
}

/** `drawn`: the diagram already drawn for this design (the other side of a profile or Region comparison). */
async function buildSide(label: string, input: Design, profile: string | undefined, region: string | undefined, theme: ReportTheme, drawn?: Drawn): Promise<ReportSide> {
  // The report shows what the analysis used: out-of-range values clamped (model/bounded.ts).
  const design = boundedForAnalysis(input);
  checkProfile(design, profile);
  checkRegion(region);
  const analysis = analyze(design);
  const cost = estimateCost(design, { profile, region });
  const count = (s: Finding['severity']) => analysis.findings.filter((f) => f.severity === s).length;
  const profileName = cost.profile;
  return {
    label, design, region: cost.region, profile: profileName,
    profileDescription: own(design.usage.profiles, profileName)?.description ?? '',
    findings: analysis.findings, suppressed: analysis.suppressed, reachability: analysis.reachability, setAside: analysis.setAside,
    ...listedRetryPaths(design, analysis.retryPaths, analysis.retryPathsOmitted),
    cost, costByNode: costByNode(design, cost), usage: usageAssumptions(design, profileName),
    summary: {
      monthlyTotal: cost.monthlyTotal, unpriced: cost.unpriced.length, needsInput: cost.needsInput.length,
      errors: count('error'), warnings: count('warning'), infos: count('info'), suppressed: analysis.suppressed.length,
      retryPaths: analysis.retryPaths.length, lostPaths: analysis.retryPaths.filter((p) => p.lost).length,
      accessEdges: analysis.reachability.length, unreachable: analysis.reachability.filter((r) => r.reachable !== 'yes').length,
    },
    ...(drawn ?? (await draw(design, theme))),
  };
}

/** The design as the sweep sees it: its profile made the active one, priced in its Region. */
const asPriced = (side: ReportSide): Design => ({ ...side.design, region: side.region, usage: { ...side.design.usage, active: side.profile } });

function sweep(a: ReportSide, b: ReportSide): ReportComparison['sweep'] {
  try {
    return { ok: true, value: sweepRequests([asPriced(a), asPriced(b)]) };
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}

/** The design description: a `description` kept in the file (the schema has none yet, but a loose
 *  field survives loading), else what the design is made of, counted by kind. */
function describe(design: Design): string {
  const own = (design as { description?: unknown }).description;
  if (typeof own === 'string' && own.trim()) return own.trim();
  const counts = new Map<string, number>();
  for (const n of design.nodes) counts.set(n.kind, (counts.get(n.kind) ?? 0) + 1);
  const parts = [...counts].map(([kind, n]) => `${n} × ${kindLabel(kind)}`);
  const e = design.edges.length;
  return `${design.nodes.length} resource${design.nodes.length === 1 ? '' : 's'} and ${e} connection${e === 1 ? '' : 's'}${parts.length ? `: ${parts.join(', ')}` : ''}.`;
}

/** The design-review report: the analysis (findings, retry paths, reachability), the cost, the
 *  diagram, and, with `compare`, the second side with the per-component difference and the cost
 *  against request volume. Pure apart from the diagram's auto-layout (async). Throws a clear Error
 *  for a profile the design does not have or a Region that is not a Region code. */
export async function buildReport(input: ReportInput): Promise<Report> {
  const { design } = input;
  const theme = input.theme ?? 'auto';
  const c = input.compare;
  const base = {
    title: design.name, description: describe(design), theme, edgeCount: design.edges.length,
    resources: design.nodes.map((n) => ({ id: n.id, name: n.name, kind: n.kind, description: typeof n.props.description === 'string' ? n.props.description : '' })),
  };
  if (!c) return { ...base, main: await buildSide('A', design, input.profile, input.region, theme) };
  let a: ReportSide;
  let b: ReportSide;
  let title: string;
  if (c.kind === 'design') {
    a = await buildSide('A', design, input.profile, input.region, theme);
    b = await buildSide('B', c.other, input.profile !== undefined && own(c.other.usage.profiles, input.profile) ? input.profile : undefined, input.region, theme);
    title = `"${design.name}" (A) and "${c.other.name}" (B)`;
  } else if (c.kind === 'profiles') {
    a = await buildSide(c.a, design, c.a, input.region, theme);
    b = await buildSide(c.b, design, c.b, input.region, theme, drawnOf(a));
    title = `usage profiles "${c.a}" and "${c.b}"`;
  } else {
    a = await buildSide(c.a, design, input.profile, c.a, theme);
    b = await buildSide(c.b, design, input.profile, c.b, theme, drawnOf(a));
    title = `Regions ${c.a} and ${c.b}`;
  }
  return { ...base, main: a, comparison: { kind: c.kind, title, b, cost: compare(a.cost, b.cost), sweep: sweep(a, b) } };
}
