import { describe, it } from 'vitest';
import { buildReport, renderMarkdown, type ReportCompare } from '../../../core/report';
import { loadDesign } from '../../report/support';
import { expectGolden } from '../../support/golden';

/** The Markdown report as a reviewer reads it (UPDATE_GOLDEN=1 to accept a change): the VPC
 *  template alone, and the SNS fan-out template under two usage profiles (the comparison mode). */
const CASES: { name: string; file: string; compare?: ReportCompare }[] = [
  { name: 'vpc-rds-external-api', file: 'templates/vpc-rds-external-api.design.json' },
  { name: 'sns-fan-out.profiles-low-peak', file: 'templates/sns-fan-out.design.json', compare: { kind: 'profiles', a: 'low', b: 'peak' } },
];

describe('golden: the Markdown design-review report', () => {
  it.each(CASES)('$name', async ({ name, file, compare }) => {
    const report = await buildReport({ design: loadDesign(file), ...(compare ? { compare } : {}) });
    expectGolden(`test/golden/report/${name}.md`, renderMarkdown(report, { diagramFile: `${name}.svg` }));
  });
});
