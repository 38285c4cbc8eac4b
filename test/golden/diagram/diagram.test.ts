import { describe, it } from 'vitest';
import { renderDiagram } from '../../../core/diagram';
import { loadTemplate } from '../../diagram/support';
import { expectGolden } from '../../support/golden';

// The model-drawn SVG of two templates (a VPC design with attachments and chips, and one with every
// edge style), light and dark; `UPDATE_GOLDEN=1` rewrites them — open the .svg to review a change.
const CASES = [
  ['vpc-rds-external-api', 'light'],
  ['eventbridge-microservices', 'light'],
  ['vpc-rds-external-api', 'dark'],
] as const;

describe('golden: the diagram SVG', () => {
  it.each(CASES)('%s (%s)', async (name, theme) => {
    const { svg } = await renderDiagram(loadTemplate(`${name}.design.json`), { theme });
    expectGolden(`test/golden/diagram/${name}${theme === 'dark' ? '.dark' : ''}.svg`, `${svg}\n`);
  });
});
