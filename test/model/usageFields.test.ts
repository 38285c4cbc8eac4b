import { describe, expect, it } from 'vitest';
import { nodeUsageSchema } from '../../core/model/design';
import { NODE_KIND_IDS } from '../../core/model/kinds';
import { USAGE_FIELDS, usageFieldsFor } from '../../core/model/usageFields';

describe('usage fields: the editor offers every value a usage profile holds', () => {
  it('every key of the usage schema has exactly one editor entry, and every entry is a schema key', () => {
    const schemaKeys = Object.keys(nodeUsageSchema.shape).sort();
    expect(USAGE_FIELDS.map((f) => f.key).sort()).toEqual(schemaKeys);
  });

  it('every entry applies to kinds the designer knows', () => {
    for (const f of USAGE_FIELDS) for (const k of f.kinds) expect(NODE_KIND_IDS, `${f.key} lists "${k}"`).toContain(k);
  });

  it('a function takes durations and a provisioned-concurrency schedule; a log group takes ingestion and Insights', () => {
    expect(usageFieldsFor('lambda').map((f) => f.key)).toEqual(expect.arrayContaining(['avgDurationMs', 'provisionedHoursPerDay', 'provisionedDaysPerMonth']));
    expect(usageFieldsFor('logGroup').map((f) => f.key)).toEqual(expect.arrayContaining(['ingestedGbPerMonth', 'insightsGbScannedPerMonth', 'storageGb']));
  });

  it('choice inputs offer only values the schema accepts', () => {
    for (const f of USAGE_FIELDS) {
      if (f.input.type !== 'choice') continue;
      for (const o of f.input.options) expect(nodeUsageSchema.safeParse({ [f.key]: o.value }).success, `${f.key}=${o.value}`).toBe(true);
    }
  });
});
