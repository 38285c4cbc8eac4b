import fc from 'fast-check';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { arr, call, constStmt, id, json, member, obj, path, printStatements, str, stringLiteral } from '../../core/iac/cdk/writer';

/** Evaluates one TypeScript expression the writer printed (transpiled first, as the app would be). */
const evaluate = (code: string): unknown => {
  const js = ts.transpileModule(`module.exports = ${code};`, { compilerOptions: { module: ts.ModuleKind.CommonJS } }).outputText;
  const module = { exports: undefined as unknown };
  new Function('module', js)(module);
  return module.exports;
};

describe('the CDK code writer', () => {
  it('prints any text as a string literal that evaluates back to the same text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => {
      expect(evaluate(stringLiteral(text))).toBe(text);
    }), { numRuns: 300 });
  });

  it('keeps hostile text inside its literal: quotes, backslashes, line breaks, ${, backticks, comment ends', () => {
    const hostile = `a'b"c\\d\ne\r\u2028f\u2029\${x}\`y\` */ // </script>`;
    const printed = printStatements([constStmt('value', obj({ [hostile]: str(hostile), list: arr([str(hostile)]) }))], '');
    const source = ts.createSourceFile('x.ts', printed, ts.ScriptTarget.ES2022);
    const statements = source.statements;
    expect(statements).toHaveLength(1);
    expect(evaluate(printed.replace(/^const value = /, '').replace(/;$/, ''))).toEqual({ [hostile]: hostile, list: [hostile] });
  });

  it('prints JSON values (metadata, event patterns) so they evaluate back unchanged', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      const normal = JSON.parse(JSON.stringify(value)) as unknown;
      expect(evaluate(printStatements([{ t: 'expr', value: json(normal) }], '').replace(/;$/, ''))).toEqual(normal);
    }), { numRuns: 200 });
  });

  it('a "__proto__" key stays an own property, not the prototype (fast-check counterexample, seed -1071514217)', () => {
    const value = JSON.parse('{"__proto__": false, "env": {"__proto__": {"a": 1}}}') as unknown;
    expect(evaluate(printStatements([{ t: 'expr', value: json(value) }], '').replace(/;$/, ''))).toEqual(value);
  });

  it('refuses anything but an identifier where code expects a name', () => {
    for (const bad of ['a b', 'x;y', '1abc', "x'", 'a.b', '', 'x\n']) {
      expect(() => id(bad)).toThrow(/not a TypeScript identifier/);
      expect(() => member(id('x'), bad)).toThrow(/not a TypeScript identifier/);
      expect(() => constStmt(bad, str('v'))).toThrow(/not a TypeScript identifier/);
    }
    expect(printStatements([{ t: 'expr', value: call(path('cdk', 'Duration', 'seconds'), { t: 'atom', code: '5' }) }], '')).toBe('cdk.Duration.seconds(5);');
  });
});
