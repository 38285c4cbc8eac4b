import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTemplateText, stringifyTemplate } from '../../core/iac/cfn/yaml';
import { scalar, writeTemplate } from '../../core/iac/sam/yamlWriter';

/* The SAM exporter prints with its own fast writer: whatever the tree (intrinsics nested in every way,
 * keys and strings a YAML 1.1 or 1.2 reader could misread, control characters), `parseTemplateText`
 * reads back exactly the tree written. (`!GetAtt A.B` reads back as the list [A, B], as CloudFormation
 * reads it.) */

const tricky = fc.constantFrom('yes', 'No', 'off', 'Y', '~', '=', '<<', '0755', '1:20', '2010-09-09', '1.2.3', '10.0.0.0', '10.0.0.0/16', '0x1F', '0o17', '1_000',
  '1e3', '.5', '+1', '-1', '.inf', '-.inf', '.NaN', '- a', '-a', '--x', '? x', ':x', 'a: b', 'a:b', 'a #b', 'a#b', 'x:', 'x ', ' x', '', ' ', '@x', '`x', '%x', '!x',
  '&x', '*x', '|', '>', "'", '"', "it's", '{"a":1}', '[1]', 'a\nb', 'tab\tx', '\u0000', '\u007f', '\u0085', '\u2028', '\ufeff', 'é', '🚀', '\ud800', '${AWS::Region}', 'Fn::Sub');
const leaf = fc.oneof(fc.string({ unit: 'binary', maxLength: 10 }), tricky, fc.integer(), fc.boolean(), fc.constant(null), fc.double({ noNaN: true, noDefaultInfinity: true }));
const key = fc.oneof(fc.string({ unit: 'binary', maxLength: 8 }), tricky);
const tree = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, leaf, tie('list'), tie('map'), tie('intrinsic')),
  list: fc.array(tie('node'), { maxLength: 3 }),
  map: fc.dictionary(key, tie('node'), { maxKeys: 3 }),
  intrinsic: fc.tuple(fc.constantFrom('Ref', 'Condition', 'Fn::Sub', 'Fn::GetAtt', 'Fn::Join', 'Fn::If', 'Fn::Base64', 'Fn::Select'), tie('node')).map(([k, v]) => ({ [k]: v })),
}));
const readBack = (text: string) => JSON.parse(JSON.stringify(parseTemplateText(text).template)) as unknown;

/** The tree as the parser gives it back: JSON values, a GetAtt string split at its first dot. */
function expected(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(expected);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  const intrinsic = entries.length === 1 && /^(Ref|Condition|Fn::\w+)$/.test(entries[0][0]);
  const inner = intrinsic ? entries[0][1] : undefined;
  if (intrinsic && (inner === null || typeof inner !== 'object')) {
    // A tag on a scalar reads back as text (`!Ref 0` is the string "0"); `!GetAtt A.B` as the list [A, B].
    const text = inner === null ? 'null' : String(inner);
    if (entries[0][0] !== 'Fn::GetAtt') return { [entries[0][0]]: text };
    const dot = text.indexOf('.');
    return { 'Fn::GetAtt': dot < 0 ? [text] : [text.slice(0, dot), text.slice(dot + 1)] };
  }
  return Object.fromEntries(entries.map(([k, v]) => [k, expected(v)]));
}

describe('the SAM exporter\'s YAML writer', () => {
  it('reads back exactly the tree it wrote', () => {
    fc.assert(fc.property(fc.dictionary(key, tree.node, { minKeys: 1, maxKeys: 4 }), fc.string({ unit: 'binary', maxLength: 20 }), (t, header) => {
      // The template itself is a mapping, never an intrinsic: only its values are.
      const top = Object.fromEntries(Object.entries(t).filter(([, v]) => v !== undefined).map(([k, v]) => [k, expected(v)]));
      expect(readBack(writeTemplate(t, header))).toEqual(JSON.parse(JSON.stringify(top)));
    }), { numRuns: 2000 });
  });

  it('reads back as the reference printer (stringifyTemplate) does on exported templates', () => {
    const t = { Resources: { Fn: { Type: 'AWS::Serverless::Function', Properties: { Environment: { Variables: { A: 'yes', B: '0755', C: 'x: y' } }, Role: { 'Fn::GetAtt': ['R', 'Arn'] } } } } };
    expect(readBack(writeTemplate(t))).toEqual(readBack(stringifyTemplate(t)));
  });

  it('writes short-form tags, and the long form outside a nested one', () => {
    const text = writeTemplate({ A: { Ref: 'X' }, B: { 'Fn::GetAtt': ['Q', 'Arn'] }, C: { 'Fn::Base64': { 'Fn::Sub': 'x-${Y}' } }, D: [{ 'Fn::Join': ['-', [{ Ref: 'S' }, 'a']] }] });
    expect(text).toBe('A: !Ref X\nB: !GetAtt Q.Arn\nC:\n  Fn::Base64: !Sub x-${Y}\nD:\n  - !Join\n    - "-"\n    - - !Ref S\n      - a\n');
  });

  it('quotes what a YAML reader would take for something else, and only that', () => {
    expect(['yes', 'off', '0755', '1.2.3', '2010-09-09', '- a', 'a: b', '', 'x:'].map(scalar)).toEqual(['"yes"', '"off"', '"0755"', '"1.2.3"', '"2010-09-09"', '"- a"', '"a: b"', '""', '"x:"']);
    expect(scalar('{"a":"b"}')).toBe(`'{"a":"b"}'`);
    expect(['10.0.0.0/16', '--enable-source-maps', 'arn:aws:s3:::b', 'Orders API'].map(scalar)).toEqual(['10.0.0.0/16', '--enable-source-maps', 'arn:aws:s3:::b', 'Orders API']);
    expect(scalar('a\nb\u2028')).toBe('"a\\nb\\u2028"');
  });
});
