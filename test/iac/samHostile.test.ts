import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTemplateText } from '../../core/iac/cfn/yaml';
import { exportSam } from '../../core/iac/sam';
import { createDesign, createEdge, createNode, type Design } from '../../core/model';
import { validateSamTemplate } from '../support/samSchema';

/* Names people type end up in YAML keys' values, comments, descriptions and file paths. Whatever they
 * hold (quotes, newlines, control characters, YAML syntax, `${`, emoji), the template must stay valid,
 * safe YAML that reads back to exactly the same strings, and files must stay inside the export. */

const HOSTILE = [
  'Orders "API"', "it's: a - test # not a comment", '--- \n...\n%YAML 1.2', '!Ref Evil', '*alias &anchor', '${AWS::AccountId} ${Evil}',
  'line1\nline2\r\nline3', 'tab\there', 'nul\u0000bel\u0007esc\u001b', 'del\u007f c1\u0085 ls\u2028ps\u2029', '🚀 Rocket ünïcödé', '@{}[],|>',
  'yes', 'null', '0755', '1e3', ' leading and trailing ', '../../etc/passwd', 'C:\\windows\\system32', '<script>alert(1)</script>',
];

function hostileDesign(names: string[], designName: string): Design {
  const d = createDesign(designName);
  const nodes = [
    createNode('lambda', 'f', names[0], { description: names[1], environment: { GREETING: names[2], [`K${'_'}1`]: names[3] } }),
    createNode('sqsQueue', 'q', names[4], { description: names[5] }),
    createNode('snsTopic', 't', names[6]),
    createNode('apiGateway', 'api', names[7], { description: names[8], stage: 'prod' }),
    createNode('eventRule', 'r', names[9], { ruleType: 'schedule', description: names[10] }),
    createNode('vpc', 'v', names[11], { description: names[12] }),
    createNode('securityGroup', 'sg', names[13], { description: names[14], ingress: [{ protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '10.0.0.0/8', description: names[15] }] }, 'v'),
    createNode('externalEndpoint', 'x', names[16]),
  ];
  const edges = [
    createEdge('trigger', 'e1', 'q', 'f', { filters: [`{"body":{"name":[${JSON.stringify(names[17])}]}}`] }),
    createEdge('trigger', 'e2', 'api', 'f', { method: 'POST', path: '/orders' }),
    createEdge('trigger', 'e3', 'r', 'f'),
    createEdge('access', 'e4', 'f', 't', { mode: 'publish' }),
    createEdge('access', 'e5', 'f', 'x', { mode: 'invoke' }),
  ];
  return { ...d, nodes, edges };
}

function check(design: Design): void {
  const out = exportSam(design);
  const text = out.files[0].content;
  // The header comment is comment lines only; nothing from a name escapes into the document.
  const header = text.slice(0, text.indexOf('AWSTemplateFormatVersion'));
  for (const line of header.split('\n').filter(Boolean)) expect(line.startsWith('#')).toBe(true);
  expect(text).not.toMatch(/^(---|\.\.\.)/m);
  const tree = parseTemplateText(text).template as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  expect(validateSamTemplate(tree)).toEqual([]);
  expect(tree.Metadata.ServerlessDesigner.design).toBe(design.name);
  // Every node name reads back exactly: from its resource's metadata (or the logical id it equals), or the template's node list.
  const names = new Set<string>();
  for (const [id, r] of Object.entries<any>(tree.Resources)) { // eslint-disable-line @typescript-eslint/no-explicit-any
    const meta = r.Metadata?.ServerlessDesigner;
    // No name in the metadata (or no metadata at all): the name is the logical id it equals.
    names.add(meta?.name ?? id);
    for (const ev of Object.values<any>(meta?.events ?? {})) if (ev.source) names.add(ev.source.name); // eslint-disable-line @typescript-eslint/no-explicit-any
  }
  for (const node of tree.Metadata.ServerlessDesigner.nodes ?? []) names.add(node.name);
  for (const node of design.nodes) expect(names.has(node.name), `name ${JSON.stringify(node.name)} did not come back`).toBe(true);
  const fn = Object.values<any>(tree.Resources).find((r) => r.Type === 'AWS::Serverless::Function'); // eslint-disable-line @typescript-eslint/no-explicit-any
  const lambda = design.nodes.find((n) => n.kind === 'lambda')!;
  if (lambda.kind === 'lambda') expect(fn.Properties.Environment?.Variables ?? {}).toEqual(lambda.props.environment);
  for (const f of out.files) expect(f.path).toMatch(/^(template\.yaml|src\/[a-z0-9-]+\/[A-Za-z0-9_./-]+)$/);
  expect(exportSam(design).files).toEqual(out.files);
}

describe('SAM export of hostile names', () => {
  it('a list of known-nasty names gives valid, safe YAML that reads back exactly', () => {
    check(hostileDesign(HOSTILE, 'Design "with" # hostile\nname ${x}'));
  });

  it('names that spell intrinsic functions (a lone "Ref" key is one to CloudFormation) get other logical ids and event keys', () => {
    const d = createDesign('Ref');
    const design: Design = { ...d, nodes: [createNode('lambda', 'f', 'Ref'), createNode('sqsQueue', 'q', 'ref'), createNode('snsTopic', 't', 'Condition')],
      edges: [createEdge('trigger', 'e1', 'q', 'f'), createEdge('trigger', 'e2', 't', 'f')] };
    check(design);
    const tree = parseTemplateText(exportSam(design).files[0].content).template as { Resources: Record<string, { Properties: { Events?: object } }> };
    expect(Object.keys(tree.Resources)).not.toContain('Ref');
    expect(Object.keys(tree.Resources)).not.toContain('Condition');
  });

  it('any names at all (property test)', () => {
    const name = fc.string({ minLength: 1, maxLength: 30, unit: 'binary' }).filter((s) => s.trim().length > 0);
    fc.assert(fc.property(fc.array(name, { minLength: 18, maxLength: 18 }), name, (names, designName) => {
      check(hostileDesign(names, designName));
    }), { numRuns: 60 });
  });
});

describe('SAM export of hostile names: a name that is its own logical id', () => {
  it('an API named "A" among names of NUL characters reads back (fast-check counterexample, seed 440080251)', () => {
    const names = Array.from({ length: 18 }, (_, i) => (i === 7 ? 'A' : '\u0000'));
    check(hostileDesign(names, '\u0000'));
  });
});
