// Writes the committed corpus fixtures: `npx tsx test/fuzz/make-corpus.ts` (needs ../shared).
// Each pattern's imported design goes to test/fixtures/fuzz/corpus/<pattern>.design.json, and the
// README there lists the template each came from.
import { writeFileSync } from 'node:fs';
import { sharedFile } from '../support/shared';
import { COMMITTED_PATTERNS, importedDesignText } from './corpus';

const root = sharedFile('corpus/serverless-patterns');
if (!root) process.exit(1);
const out = new URL('../fixtures/fuzz/corpus/', import.meta.url);
const rows: string[] = [];
for (const pattern of COMMITTED_PATTERNS) {
  const imported = importedDesignText(root, pattern);
  if (!imported) throw new Error(`${pattern}: no readable template`);
  writeFileSync(new URL(`${pattern}.design.json`, out), imported.text);
  const d = JSON.parse(imported.text) as { nodes: unknown[]; edges: unknown[] };
  rows.push(`| \`${pattern}.design.json\` | \`../shared/corpus/serverless-patterns/${imported.template}\` | ${d.nodes.length} | ${d.edges.length} | ${imported.text.length} |`);
}
writeFileSync(new URL('README.md', out), `# Corpus designs for the fuzz suite

Real SAM templates from aws-samples/serverless-patterns (MIT-0; \`../shared/corpus/README.md\`) imported with
\`core/iac/import\` and saved as the app saves a design. Written by \`npx tsx test/fuzz/make-corpus.ts\`
(the list is \`COMMITTED_PATTERNS\` in \`test/fuzz/corpus.ts\`); \`test/fuzz/fuzz.test.ts\` mutates them beside
the templates, so the suite has real-world designs where \`../shared\` is absent.

| fixture | imported from | nodes | edges | chars |
|---|---|---|---|---|
${rows.join('\n')}
`);
console.log(`${rows.length} corpus designs written`);
