// `goalpost metrics`: every series the workspace has, read from metric CSVs or computed from
// ticket exports, as long CSV or JSON (TICKETS.md 7.5). Exit codes as `check`.
import { countBySeverity } from '../../diagnostics/diagnostic.ts';
import { formatMetricsCsv, formatMetricsJson, selectSeries } from '../../render/metrics-output.ts';
import { scopeNames } from '../../model/scope-names.ts';
import { closestMatch } from '../../util/closest-match.ts';
import { CliError } from '../cli-error.ts';
import { ROOT_OPTION, chosenFormat, STRICT_OPTION, type Command } from '../command.ts';
import { runWorkspace } from '../workspace-input.ts';

const FORMATS = ['csv', 'json'] as const;

export const metricsCommand: Command = {
  name: 'metrics',
  summary: 'Print every metric series, read or computed from tickets, as CSV or JSON.',
  usage: 'goalpost metrics [--root DIR] [--format csv|json] [--kpi ID] [--scope SCOPE] [--strict]',
  examples: ['goalpost metrics --kpi frt > frt.csv', 'goalpost metrics --kpi sla_adherence --scope sla:p1-outage --format json'],
  maxPositionals: 0,
  options: [
    ROOT_OPTION,
    { name: 'format', type: 'string', value: 'FORMAT', description: 'csv (default: period,kpi,scope,value) or json (with the ticket count of each computed point)' },
    { name: 'kpi', type: 'string', value: 'ID', description: 'only the series of this KPI' },
    { name: 'scope', type: 'string', value: 'SCOPE', description: 'only the series of this scope (org, team:<id>, person:<id>, channel:<id>, segment:<id>, sla:<id>)' },
    STRICT_OPTION,
  ],
  async run(input) {
    const format = chosenFormat(input.values.format, FORMATS);
    const kpi = input.values.kpi as string | undefined;
    const scope = input.values.scope as string | undefined;
    const { effects } = input;
    const result = await runWorkspace(input);
    if (kpi !== undefined && !result.model?.kpis.some((k) => k.id === kpi)) {
      const known = result.model?.kpis.map((k) => k.id) ?? [];
      const suggestion = closestMatch(kpi, known);
      throw new CliError(`the workspace has no KPI \`${kpi}\``, 2, suggestion ? `Did you mean --kpi ${suggestion}?` : `KPIs: ${known.join(', ') || 'none'}.`);
    }
    if (scope !== undefined) checkScope(scope, result);
    const series = selectSeries(result.series, { ...(kpi !== undefined ? { kpi } : {}), ...(scope !== undefined ? { scope } : {}) });
    effects.stdout(format === 'json' ? formatMetricsJson(series) : formatMetricsCsv(series));
    const { errors, warnings } = countBySeverity(result.diagnostics);
    if (errors > 0 || (input.values.strict && warnings > 0)) {
      effects.stderr(`goalpost: the workspace has ${errors} error${errors === 1 ? '' : 's'} and ${warnings} warning${warnings === 1 ? '' : 's'}; rows with errors are left out. Run \`goalpost check\` for details.\n`);
      return 1;
    }
    return 0;
  },
};

/**
 * A --scope that names nothing in the workspace and no series is a typo, not a scope without
 * data: it stops the command with the closest scope, as --kpi does, instead of printing an
 * empty table that reads as "no data".
 */
function checkScope(scope: string, result: Awaited<ReturnType<typeof runWorkspace>>): void {
  const known = new Set<string>(['org', ...[...result.series.values()].map((s) => s.scope), ...(result.model ? scopeNames(result.model).keys() : [])]);
  if (known.has(scope)) return;
  const suggestion = closestMatch(scope, [...known].sort());
  const prefixed = !scope.includes(':') ? [...known].find((k) => k.endsWith(`:${scope}`)) : undefined;
  const hint = prefixed ? `Did you mean --scope ${prefixed}? A scope is written kind:id.` : suggestion ? `Did you mean --scope ${suggestion}?` : 'Scopes are org, team:<id>, person:<id>, channel:<id>, segment:<id> and sla:<id>.';
  throw new CliError(`the workspace has no scope \`${scope}\``, 2, hint);
}
