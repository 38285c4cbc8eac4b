import { readFileSync } from 'node:fs';
import { sharedFile } from '../support/shared';

/** The rules catalog (../shared/reference/rules-catalog.md, beside the project's root): every
 *  rule id with the URLs of its AWS source column. Null where ../shared is absent (a user's clone). */
export function readCatalog(): Map<string, { urls: string[]; severity: string }> | null {
  const path = sharedFile('reference/rules-catalog.md');
  if (!path) return null;
  const text = readFileSync(path, 'utf8');
  const rows = new Map<string, { urls: string[]; severity: string }>();
  for (const line of text.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (!/^[A-Z]+-\d{2}$/.test(cells[1] ?? '')) continue;
    const urls = (cells[5] ?? '').match(/https?:\/\/[^\s;,)]+/g) ?? [];
    rows.set(cells[1], { urls, severity: cells[4] ?? '' });
  }
  return rows;
}
