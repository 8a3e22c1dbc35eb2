// `goalpost schema`: print the JSON Schema editors use for completion and hover.
import { strategySchema } from '../../validate/schema.ts';
import type { Command } from '../command.ts';

export function schemaJson(): string {
  return `${JSON.stringify(strategySchema, null, 2)}\n`;
}

export const schemaCommand: Command = {
  name: 'schema',
  summary: 'Print the JSON Schema of strategy files (for editor completion).',
  usage: 'goalpost schema',
  examples: ['goalpost schema > strategy.schema.json'],
  maxPositionals: 0,
  options: [],
  async run({ effects }) {
    effects.stdout(schemaJson());
    return 0;
  },
};
