import { describe, expect, it } from 'vitest';
import { canConnect, checkReferences, createDesign, createNode, logGroupProps, nodeSchema } from '../../core/model';
import { nodeDetail } from '../../renderer/canvas/toFlow';
import { fieldsOf, refChoices } from '../../renderer/schemaFields';

describe('log group kind', () => {
  it('has AWS\'s defaults: never expires, Standard class; retention only in the values CloudWatch Logs accepts', () => {
    expect(createNode('logGroup', 'g', 'g').props).toEqual({ description: '', retentionInDays: null, logGroupClass: 'STANDARD' });
    expect(nodeSchema.safeParse({ id: 'g', kind: 'logGroup', name: 'g', props: { retentionInDays: 731 } }).success).toBe(true);
    expect(nodeSchema.safeParse({ id: 'g', kind: 'logGroup', name: 'g', props: { retentionInDays: 2 } }).success).toBe(false);
    expect(nodeSchema.safeParse({ id: 'g', kind: 'logGroup', name: 'g', props: { logGroupClass: 'DELIVERY' } }).success).toBe(false);
  });

  it('a function names its log group by reference: checked like any reference, offered in the inspector', () => {
    const d = createDesign('logs');
    d.nodes.push(createNode('logGroup', 'g', 'Audit'), createNode('sqsQueue', 'q', 'Jobs'), createNode('lambda', 'ok', 'Writer', { logGroup: 'g' }), createNode('lambda', 'bad', 'Reader', { logGroup: 'q' }));
    const problems = checkReferences(d).problems.map((p) => `${p.path}: ${p.message}`);
    expect(problems).toEqual(['$.nodes[3].props.logGroup: refers to SQS queue "Jobs"; expected CloudWatch log group']);
    expect(refChoices(d.nodes, d.nodes[2]).get('logGroup')).toMatchObject({ many: false, options: [{ id: 'g', label: 'Audit' }] });
    const fields = new Map(fieldsOf(logGroupProps).map((f) => [f.key, f]));
    expect(fields.get('retentionInDays')).toMatchObject({ type: 'enum', nullable: true, options: expect.arrayContaining([1, 400, 3653]) });
    expect(fields.get('logGroupClass')).toMatchObject({ type: 'enum', options: ['STANDARD', 'INFREQUENT_ACCESS'] });
    // The canvas line under the name.
    expect(nodeDetail(createNode('logGroup', 'g', 'g', { retentionInDays: 30, logGroupClass: 'INFREQUENT_ACCESS' }))).toBe('30 days · Infrequent Access');
    expect(nodeDetail(d.nodes[0])).toBe('never expires · Standard');
  });

  it('no edge reaches a log group, and the refusal says where the setting is', () => {
    for (const edge of ['access', 'trigger', 'invoke', 'destination'] as const) {
      const verdict = canConnect('lambda', 'logGroup', edge);
      expect(verdict.ok).toBe(false);
      expect(!verdict.ok && verdict.reason).toMatch(/"Log group" setting \(LoggingConfig\), not an edge/);
    }
  });
});
