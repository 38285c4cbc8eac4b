import { readFileSync } from 'node:fs';
import { sharedFile } from '../support/shared';

type CatalogRows = Map<string, { urls: string[]; severity: string }>;

/** The rows of a catalog table in markdown: every rule id with the URLs of its AWS source column. */
function readRows(text: string): CatalogRows {
  const rows: CatalogRows = new Map();
  for (const line of text.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (!/^[A-Z]+-\d{2}$/.test(cells[1] ?? '')) continue;
    const urls = (cells[5] ?? '').match(/https?:\/\/[^\s;,)]+/g) ?? [];
    rows.set(cells[1], { urls, severity: cells[4] ?? '' });
  }
  return rows;
}

const REPLACEMENTS_HEADING = '## Docs URL replacements';

function additionsText(): { rules: string; replacements: string } {
  const text = readFileSync(new URL('../../core/rules/CATALOG-ADDITIONS.md', import.meta.url), 'utf8');
  const at = text.indexOf(REPLACEMENTS_HEADING);
  return at < 0 ? { rules: text, replacements: '' } : { rules: text.slice(0, at), replacements: text.slice(at) };
}

/** The rows this project adds beyond the shared catalog (core/rules/CATALOG-ADDITIONS.md, same columns). */
export function readCatalogAdditions(): CatalogRows {
  return readRows(additionsText().rules);
}

/** The documented docs-URL replacements (CATALOG-ADDITIONS.md, "Docs URL replacements"): per rule id, the
 *  catalog URL it replaces, the AWS page it cites instead, and why. */
export function readDocsReplacements(): Map<string, { replaces: string; url: string; why: string }> {
  const out = new Map<string, { replaces: string; url: string; why: string }>();
  for (const line of additionsText().replacements.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (!/^[A-Z]+-\d{2}$/.test(cells[1] ?? '')) continue;
    out.set(cells[1], { replaces: cells[2] ?? '', url: cells[3] ?? '', why: cells[4] ?? '' });
  }
  return out;
}

/** The rules catalog (../shared/reference/rules-catalog.md, beside the project's root) with this project's
 *  additions. Null where ../shared is absent (a user's clone). */
export function readCatalog(): CatalogRows | null {
  const path = sharedFile('reference/rules-catalog.md');
  if (!path) return null;
  const shared = readRows(readFileSync(path, 'utf8'));
  const additions = readCatalogAdditions();
  for (const id of additions.keys()) if (shared.has(id)) throw new Error(`core/rules/CATALOG-ADDITIONS.md: ${id} is already in the shared catalog; drop the row`);
  return new Map([...shared, ...additions]);
}
