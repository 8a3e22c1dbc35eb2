// `goalpost status`: where every goal stands at the as-of date, as a table or JSON.
import { countBySeverity } from '../../diagnostics/diagnostic.ts';
import { formatStatusJson } from '../../render/status-json.ts';
import { formatStatusTable } from '../../render/status-table.ts';
import { AS_OF_OPTION, ROOT_OPTION, type Command } from '../command.ts';
import { runWorkspace } from '../workspace-input.ts';

export const statusCommand: Command = {
  name: 'status',
  summary: 'Show where every goal stands at a date, as a table or JSON.',
  usage: 'goalpost status [--root DIR] [--as-of YYYY-MM-DD] [--json]',
  examples: ['goalpost status', 'goalpost status --as-of 2026-06-30 --json'],
  maxPositionals: 0,
  options: [ROOT_OPTION, AS_OF_OPTION, { name: 'json', type: 'boolean', description: 'print JSON (see "Machine-readable outputs" in docs/format.md) instead of the table' }],
  async run(input) {
    const { effects } = input;
    const result = await runWorkspace(input);
    const { errors } = countBySeverity(result.diagnostics);
    if (errors > 0) {
      effects.stderr(`goalpost: the workspace has ${errors} error${errors === 1 ? '' : 's'}; goals with errors are left out. Run \`goalpost check\` for details.\n`);
    }
    if (!result.model || !result.progress) {
      effects.stderr('goalpost: there is no usable Workspace document, so no progress can be computed.\n');
      return 1;
    }
    effects.stdout(input.values.json ? formatStatusJson(result.progress) : formatStatusTable(result.model, result.progress, { color: effects.color }));
    return errors > 0 ? 1 : 0;
  },
};
