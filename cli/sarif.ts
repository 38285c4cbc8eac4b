import type { Finding, Rule, SuppressedFinding } from '../core/rules';
import { lineOfId } from './load';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/** SARIF 2.1.0 for code-scanning UIs: one run, the rules as the driver's rules, each finding a
 *  result located at the line declaring its node or edge; suppressed findings carry the reason.
 *  `notes`: edges the analysis set aside, one tool execution notification each (not results: no
 *  rule raised them), located at the edge's line. */
export function toSarif(file: string, text: string, rules: readonly Rule[], findings: Finding[], suppressed: SuppressedFinding[], version: string, notes: readonly { id: string; text: string }[] = []) {
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const result = (f: Finding, reason?: string) => ({
    ruleId: f.ruleId,
    ...(ruleIndex.has(f.ruleId) ? { ruleIndex: ruleIndex.get(f.ruleId) } : {}),
    level: LEVEL[f.severity],
    message: { text: `${f.message} Fix: ${f.fix}` },
    locations: [{
      physicalLocation: { artifactLocation: { uri: file }, region: { startLine: f.target.type === 'design' ? 1 : lineOfId(text, f.target.id) } },
      logicalLocations: [{ name: f.target.name, fullyQualifiedName: f.target.id, kind: f.target.type === 'design' ? 'module' : 'resource' }],
    }],
    // The other nodes or edges the finding is about (issue 14), each at the line declaring it.
    ...(f.related?.length ? {
      relatedLocations: f.related.map((r, i) => ({
        id: i + 1,
        physicalLocation: { artifactLocation: { uri: file }, region: { startLine: r.type === 'design' ? 1 : lineOfId(text, r.id) } },
        logicalLocations: [{ name: r.name, fullyQualifiedName: r.id, kind: r.type === 'design' ? 'module' : 'resource' }],
        message: { text: `also: ${r.name}` },
      })),
    } : {}),
    properties: { why: f.why, fix: f.fix, target: f.target, ...(f.related?.length ? { related: f.related } : {}) },
    ...(reason !== undefined ? { suppressions: [{ kind: 'inSource', justification: reason }] } : {}),
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'serverless-designer',
          version,
          informationUri: 'https://github.com/serverless-designer/serverless-designer',
          rules: rules.map((r) => ({
            id: r.id,
            name: r.title.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : '')),
            shortDescription: { text: r.title },
            fullDescription: { text: r.why },
            helpUri: r.docsUrl,
            defaultConfiguration: { level: LEVEL[r.severity] },
            properties: { category: r.category },
          })),
        },
      },
      artifacts: [{ location: { uri: file } }],
      invocations: [{
        executionSuccessful: true,
        toolExecutionNotifications: notes.map((n) => ({
          level: 'note',
          message: { text: `Set aside, not analysed: ${n.text}` },
          locations: [{ physicalLocation: { artifactLocation: { uri: file }, region: { startLine: lineOfId(text, n.id) } } }],
        })),
      }],
      results: [...findings.map((f) => result(f)), ...suppressed.map((f) => result(f, f.reason))],
    }],
  };
}
