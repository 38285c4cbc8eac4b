import { importTemplate, TemplateSyntaxError, type ImportReport } from '../../core/iac/import';
import type { Design } from '../../core/model/design';

export type TemplateImport =
  | { ok: true; design: Design; report: ImportReport }
  | { ok: false; message: string; line?: number; column?: number };

/** Reads a template into a design (not yet laid out). Never throws: a syntax error comes back with
 *  its 1-based line and column in the message ("line 7, column 3: ..."). */
export function readTemplate(fileName: string, text: string): TemplateImport {
  try {
    const { design, report } = importTemplate(text, { fileName });
    return { ok: true, design, report };
  } catch (err) {
    if (err instanceof TemplateSyntaxError) return { ok: false, message: err.message, ...(err.line !== undefined ? { line: err.line, column: err.column ?? 1 } : {}) };
    return { ok: false, message: `the template could not be imported: ${err instanceof Error ? err.message : String(err)}` };
  }
}
