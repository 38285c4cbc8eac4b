import { describe, expect, it } from 'vitest';
import { parseTemplateText, TemplateSyntaxError } from '../../core/iac/cfn/yaml';
import { importTemplate } from '../../core/iac/import';

/** Hostile template text: each gives a TemplateSyntaxError in the author's terms, with a line and
 *  column wherever there is one, and never hangs. The 5 s guard only proves it does not hang (the
 *  real timings are in `npx tsx bench/iac.ts`; each is well under a second). */

const GUARD_MS = 5000;

function refusal(text: string): TemplateSyntaxError {
  const start = performance.now();
  let caught: unknown;
  try {
    parseTemplateText(text);
  } catch (err) {
    caught = err;
  }
  expect(performance.now() - start).toBeLessThan(GUARD_MS);
  expect(caught).toBeInstanceOf(TemplateSyntaxError);
  return caught as TemplateSyntaxError;
}

/** A "billion laughs": ten anchors, each a list of ten aliases of the one before (10^10 values). */
function aliasBomb(): string {
  const lines = ['Resources:', '  L0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let i = 1; i < 10; i++) lines.push(`  L${i}: &l${i} [${Array(10).fill(`*l${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

describe('hostile template text (parseTemplateText)', () => {
  it('a YAML alias bomb is refused as expanding too far, at the alias that crosses the limit', () => {
    const err = refusal(aliasBomb());
    expect(err.message).toMatch(/^line \d+, column \d+: the template expands to too many values \(YAML aliases repeated over and over\?\)$/);
    expect(err.line).toBeGreaterThan(1);
  });

  it('a self-referencing alias is refused, not followed forever', () => {
    expect(refusal('Resources: &r\n  Loop: *r\n').message).toBe('line 2, column 3: values are nested more than 100 levels deep');
  });

  it('a 10 MB string is refused by CloudFormation\'s 1 MB template limit before it is parsed', () => {
    const err = refusal(`Description: "${'x'.repeat(10 * 1024 * 1024)}"\n`);
    expect(err.message).toMatch(/larger than 1 MB .*CloudFormation accepts templates of at most 1 MB/);
  });

  it('the limit counts UTF-8 bytes: 600,000 two-byte characters are over it', () => {
    expect(refusal(`Description: "${'é'.repeat(600_000)}"\n`).message).toMatch(/larger than 1 MB/);
    expect(parseTemplateText(`Description: "${'é'.repeat(400_000)}"\n`).template.Description).toHaveLength(400_000);
  });

  it.each([
    ['YAML flow style', `Resources: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`, 1],
    ['JSON', `{"Resources":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_001)}`, 1],
    ['YAML compact block sequences (- - - …)', `Resources:\n  A:\n    ${'- '.repeat(10_000)}x\n`, 3],
  ])('10,000-deep nesting in %s is refused with its line and column', (_what, text, line) => {
    const err = refusal(text);
    expect(err.message).toMatch(/^line \d+, column \d+: values are nested more than 100 levels deep$/);
    expect(err.line).toBe(line);
    expect(err.column).toBeGreaterThan(100);
  });

  it('10,000-deep block nesting by indentation is over 1 MB and refused as such; 1,000 deep (500 KB) as too deep', () => {
    const indented = (depth: number) => Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}k:`).join('\n');
    expect(refusal(indented(10_000)).message).toMatch(/larger than 1 MB/);
    const err = refusal(indented(1_000));
    expect(err.message).toMatch(/^line \d+, column \d+: values are nested more than 100 levels deep$/);
    expect(err.line).toBeGreaterThan(100);
  });

  it('101 levels is refused and 100 is read: the limit is where it says', () => {
    const nested = (depth: number) => `{"Resources":${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}}`;
    expect(() => parseTemplateText(nested(100))).not.toThrow();
    expect(refusal(nested(102)).message).toMatch(/nested more than 100 levels/);
  });

  it('a NUL byte is refused at its line and column', () => {
    const err = refusal('Resources:\n  Q:\n    Type: "AWS::SQS::Queue\u0000"\n');
    expect(err.message).toBe('line 3, column 27: the template contains a NUL character; is it a binary file?');
  });

  it('a key given twice is read as the later one with a warning naming its line', () => {
    const parsed = parseTemplateText('Resources:\n  Q:\n    Type: AWS::SQS::Queue\n  Q:\n    Type: AWS::SNS::Topic\n');
    expect(parsed.template.Resources).toEqual({ Q: { Type: 'AWS::SNS::Topic' } });
    expect(parsed.warnings).toEqual(['line 4: "Q" is given twice in the same mapping; the later one is used']);
  });

  it.each([
    ['a tab-indented file', 'Resources:\n\tQueue:\n\t\tType: AWS::SQS::Queue\n', 'line 2, column 1: Tabs are not allowed as indentation'],
    ['an empty file', '', 'the template is empty'],
    ['a file of blank lines', '\n\n   \n', 'the template is empty'],
    ['a JSON array at the top', '[{"Resources": {}}]', 'line 1, column 1: a template is a mapping (Resources, Parameters, …), not a list'],
    ['a bare string', 'hello', 'line 1, column 1: a template is a mapping (Resources, Parameters, …), not a string'],
    ['an alias with no anchor', 'Resources:\n  Q: *missing\n', 'line 2, column 6: alias *missing has no anchor'],
    ['two YAML documents', 'Resources: {}\n---\nResources: {}\n', 'line 2, column 1: a template is one YAML document; a second one starts here (after `---`)'],
    ['an unclosed JSON object', '{\n  "Resources": {\n    "Q": {"Type": "AWS::SQS::Queue"}\n', 'line 4, column 1:'],
  ])('%s: a clear message', (_what, text, message) => {
    expect(refusal(text).message.startsWith(message)).toBe(true);
  });

  it('keys such as __proto__ and constructor are plain keys, not prototype writes', () => {
    const parsed = parseTemplateText('Resources:\n  __proto__:\n    polluted: 1\n  constructor: 2\n');
    const resources = parsed.template.Resources as Record<string, unknown>;
    expect(Object.keys(resources)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('hostile templates through the importer', () => {
  it('unreadable text reaches the caller as TemplateSyntaxError (the CLI prints it with the file name)', () => {
    expect(() => importTemplate(aliasBomb())).toThrow(TemplateSyntaxError);
    expect(() => importTemplate('[1]')).toThrow(/not a list/);
  });

  it('a readable template of nonsense imports to an empty design with every resource explained', () => {
    const text = 'Resources:\n  A: 7\n  B:\n    Type: [1, 2]\n  C:\n    Type: AWS::SQS::Queue\n    Properties: "no"\n  __proto__:\n    Type: AWS::SNS::Topic\n';
    const { design, report } = importTemplate(text);
    expect(report.resources.map((r) => r.logicalId).sort()).toEqual(['A', 'B', 'C', '__proto__']);
    for (const r of report.resources.filter((x) => x.status === 'skipped')) expect(r.reasons.length).toBeGreaterThan(0);
    expect(design.nodes.length).toBeLessThanOrEqual(2);
  });
});
