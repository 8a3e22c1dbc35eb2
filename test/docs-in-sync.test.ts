// Files generated from code must match it: the rules page and the editor schema.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schemaJson } from '../src/cli/commands/schema.ts';
import { RULE_CODES } from '../src/diagnostics/rules.ts';
import { renderRulesDoc } from '../src/diagnostics/rules-doc.ts';

const read = (file: string) => readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');

describe('generated files are current (run `npm run docs` when this fails)', () => {
  it('docs/rules.md documents every rule code', () => {
    expect(read('docs/rules.md')).toBe(renderRulesDoc());
    for (const code of RULE_CODES) expect(read('docs/rules.md')).toContain(`## ${code}`);
  });

  it('public/schema/v1.json is the schema the checker uses', () => {
    expect(read('public/schema/v1.json')).toBe(schemaJson());
  });

  it('every field in the schema has a description for editor hover', () => {
    const missing: string[] = [];
    const visit = (node: unknown, path: string) => {
      if (!node || typeof node !== 'object') return;
      const schema = node as Record<string, unknown>;
      if (schema.properties) {
        for (const [key, child] of Object.entries(schema.properties as Record<string, Record<string, unknown>>)) {
          if (typeof child.description !== 'string') missing.push(`${path}.${key}`);
          visit(child, `${path}.${key}`);
        }
      }
      if (schema.items) visit(schema.items, `${path}[]`);
      if (Array.isArray(schema.enum) && !Array.isArray(schema.enumDescriptions) && path.split('.').length > 2) missing.push(`${path} (enumDescriptions)`);
    };
    const definitions = JSON.parse(schemaJson()).definitions as Record<string, unknown>;
    for (const [kind, definition] of Object.entries(definitions)) visit(definition, kind);
    expect(missing).toEqual([]);
  });
});
