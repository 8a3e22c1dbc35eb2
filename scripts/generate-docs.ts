// Regenerates the files derived from code: docs/rules.md and public/schema/v1.json.
import { writeFileSync } from 'node:fs';
import { schemaJson } from '../src/cli/commands/schema.ts';
import { renderRulesDoc } from '../src/diagnostics/rules-doc.ts';

const root = new URL('..', import.meta.url);
writeFileSync(new URL('docs/rules.md', root), renderRulesDoc());
writeFileSync(new URL('public/schema/v1.json', root), schemaJson());
console.log('wrote docs/rules.md and public/schema/v1.json');
