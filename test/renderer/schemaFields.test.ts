import { describe, expect, it } from 'vitest';
import { lambdaProps, sqsQueueProps, triggerProps } from '../../core/model';
import { fieldLabel, fieldsOf, isOutOfRange, rangeText, type Field } from '../../renderer/schemaFields';

const byKey = (fields: Field[]) => new Map(fields.map((f) => [f.key, f]));

describe('fieldsOf', () => {
  it('derives inputs from a kind schema: ranges, enums, booleans, nested objects', () => {
    const f = byKey(fieldsOf(lambdaProps));
    expect(f.get('memoryMb')).toMatchObject({ type: 'number', min: 128, max: 10240, integer: true, nullable: false, defaultValue: 128, label: 'Memory (MB)' });
    expect(f.get('timeoutSeconds')).toMatchObject({ type: 'number', min: 1, max: 900, label: 'Timeout (seconds)' });
    expect(f.get('reservedConcurrency')).toMatchObject({ type: 'number', nullable: true });
    expect(f.get('runtime')).toMatchObject({ type: 'enum', options: expect.arrayContaining(['nodejs22.x', 'python3.13']) });
    expect(f.get('logRetentionDays')).toMatchObject({ type: 'enum', nullable: true, options: expect.arrayContaining([1, 30, 3653]) });
    expect(f.get('killSwitch')).toMatchObject({ type: 'boolean' });
    expect(f.get('description')).toMatchObject({ type: 'string', multiline: true });
    const asyncConfig = f.get('asyncConfig');
    expect(asyncConfig?.type).toBe('object');
    expect(asyncConfig?.type === 'object' && byKey(asyncConfig.fields).get('maximumRetryAttempts')).toMatchObject({ type: 'number', min: 0, max: 2 });
    expect(f.get('vpc')).toMatchObject({ type: 'json', nullable: true });
    expect(f.get('environment')).toMatchObject({ type: 'json' });
  });

  it('covers every prop of a kind, and optional edge settings', () => {
    expect(fieldsOf(sqsQueueProps).map((f) => f.key)).toEqual(Object.keys(sqsQueueProps.shape));
    expect(byKey(fieldsOf(triggerProps)).get('batchSize')).toMatchObject({ type: 'number', min: 1, max: 10000, nullable: true });
  });
});

describe('labels and ranges', () => {
  it('reads like a form', () => {
    expect(fieldLabel('enableDnsHostnames')).toBe('Enable DNS hostnames');
    expect(fieldLabel('az')).toBe('AZ');
    expect(fieldLabel('maximumMessageSizeBytes')).toBe('Maximum message size (bytes)');
    expect(rangeText({ min: 128, max: 10240 })).toBe('128–10,240');
    expect(rangeText({ min: 0 })).toBe('≥ 0');
    expect(rangeText({})).toBeUndefined();
    expect(isOutOfRange({ min: 128, max: 10240 }, 99999)).toBe(true);
    expect(isOutOfRange({ min: 128, max: 10240 }, 1024)).toBe(false);
    expect(isOutOfRange({ min: 128, max: 10240 }, null)).toBe(false);
  });
});
