import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** `../shared` beside the repository root: the team's reference texts, schemas and corpus. It exists on
 *  the team's machines and in CI, not in a user's clone, so a test that reads it runs where it exists and
 *  otherwise says, in one line, that it was skipped and why. */
const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url));

const announced = new Set<string>();

/** The absolute path of `../shared/<relativePath>`, or null (after printing one line) when it is absent. */
export function sharedFile(relativePath: string): string | null {
  const path = SHARED + relativePath;
  if (existsSync(path)) return path;
  if (!announced.has(relativePath)) {
    announced.add(relativePath);
    console.log(`skipped: tests that read ../shared/${relativePath} (it is not beside this clone; it exists on the team's machines and in CI)`);
  }
  return null;
}
