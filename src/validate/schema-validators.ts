// The ajv validator of each kind, compiled from the JSON Schema when first needed. The compiled
// CLI (scripts/build-cli.mjs) replaces this module with the same validators generated as code
// at build time (ajv's standalone code), which saves compiling them at every start.
import { Ajv, type ValidateFunction } from 'ajv';
import { KINDS, type Kind } from '../spec/kinds.ts';
import { SCHEMA_FORMATS } from './schema-formats.ts';
import { strategySchema } from './schema.ts';

/** The schema's reference for a kind's definition. */
export function kindSchemaRef(kind: Kind): string {
  return `${strategySchema.$id}#/definitions/${kind}`;
}

/** An ajv set up for the strategy schema; `code` adds ajv's code options (for standalone code). */
export function strategyAjv(code: Record<string, unknown> = {}): Ajv {
  // Skipping ajv's code optimisation passes saves about a third of the compile time, for
  // validators that stay fast enough.
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true, code: { optimize: false, ...code } });
  ajv.addVocabulary(['enumDescriptions']);
  for (const [name, check] of Object.entries(SCHEMA_FORMATS)) ajv.addFormat(name, check);
  ajv.addSchema(strategySchema);
  return ajv;
}

let validators: Map<Kind, ValidateFunction> | undefined;

export function schemaValidators(): Map<Kind, ValidateFunction> {
  if (!validators) {
    const ajv = strategyAjv();
    validators = new Map(KINDS.map((kind) => [kind, ajv.compile({ $ref: kindSchemaRef(kind) })]));
  }
  return validators;
}
