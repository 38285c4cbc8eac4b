import { analyze, type Analysis } from '../../core/analyze';
import type { Design } from '../../core/model/design';
import { RULE_ERROR_ID } from '../../core/rules/engine';

// Shared by the UI thread (where there is no worker) and the analysis worker.

export const EMPTY_ANALYSIS: Omit<Analysis, 'findings'> = { suppressed: [], invocation: {}, retryPaths: [], retryPathsOmitted: 0, retryPathsTruncated: false, retryHops: [], reachability: [], setAside: [] };

/** `analyze`, except that a crash in the analysis itself becomes one finding instead of a blank app. */
export function analyzeSafely(design: Design, run: (design: Design) => Analysis = analyze): Analysis {
  try {
    return run(design);
  } catch (err) {
    return {
      ...EMPTY_ANALYSIS,
      findings: [{
        ruleId: RULE_ERROR_ID, severity: 'error', target: { id: '*', name: design.name, type: 'design' },
        message: `the analysis failed: ${err instanceof Error ? err.message : String(err)}`,
        why: 'Nothing below is checked until the analysis runs again; the design itself is unaffected.',
        fix: 'Undo the last edit, or report the design that causes this.',
        docsUrl: 'https://docs.aws.amazon.com/lambda/latest/dg/welcome.html',
      }],
    };
  }
}

