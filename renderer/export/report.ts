import { designOfAlternative } from '../../core/commands/alternatives';
import type { Design } from '../../core/model/design';
import { loadExports } from './load';

/** What a report compares the design with: the CLI's --compare OTHER, --profiles A,B and
 *  --regions A,B; in the app, OTHER is another alternative kept in the file. */
export type CompareChoice =
  | { kind: 'none' }
  | { kind: 'alternative'; name: string }
  | { kind: 'profiles'; a: string; b: string }
  | { kind: 'regions'; a: string; b: string };

export type ReportFormat = 'html' | 'md';

/** The review report as text (core/report): HTML (self-contained, prints cleanly) or Markdown. */
export async function reportText(design: Design, format: ReportFormat, compare: CompareChoice, theme: 'light' | 'dark' | 'auto'): Promise<string> {
  const { buildReport, renderHtml, renderMarkdown } = await loadExports();
  let against: Parameters<typeof buildReport>[0]['compare'];
  if (compare.kind === 'alternative') {
    const other = designOfAlternative(design, compare.name);
    if (!other) throw new Error(`the design has no alternative named “${compare.name}”`);
    against = { kind: 'design', other };
  } else if (compare.kind !== 'none') against = compare;
  const report = await buildReport({ design, theme, ...(against ? { compare: against } : {}) });
  return format === 'html' ? renderHtml(report) : renderMarkdown(report);
}
