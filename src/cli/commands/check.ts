// `goalpost check`: validate the workspace and report diagnostics in one of four formats.
import path from 'node:path';
import { countBySeverity } from '../../diagnostics/diagnostic.ts';
import { formatGithub } from '../../render/diagnostics/format-github.ts';
import { formatJson } from '../../render/diagnostics/format-json.ts';
import { formatPretty } from '../../render/diagnostics/format-pretty.ts';
import { formatSarif } from '../../render/diagnostics/format-sarif.ts';
import { pathsFromFolder } from '../../render/diagnostics/paths-from-folder.ts';
import { AS_OF_OPTION, ROOT_OPTION, chosenFormat, STRICT_OPTION, type Command } from '../command.ts';
import { repositoryTop } from '../repository-top.ts';
import { toolVersion } from '../version.ts';
import { readSourceLines, runWorkspace } from '../workspace-input.ts';

const FORMATS = ['pretty', 'json', 'github', 'sarif'] as const;

export const checkCommand: Command = {
  name: 'check',
  summary: 'Validate the strategy and the metric files; exit 1 on errors.',
  usage: 'goalpost check [--root DIR] [--format pretty|json|github|sarif] [--strict] [--as-of YYYY-MM-DD]',
  examples: ['goalpost check', 'goalpost check --root ../our-strategy --format github', 'goalpost check --format sarif > goalpost.sarif'],
  maxPositionals: 0,
  options: [
    ROOT_OPTION,
    { name: 'format', type: 'string', value: 'FORMAT', description: 'pretty (default), json, github (Actions annotations) or sarif (code scanning)' },
    STRICT_OPTION,
    AS_OF_OPTION,
  ],
  async run(input) {
    const format = chosenFormat(input.values.format, FORMATS);
    const { effects } = input;
    // Only the diagnostics are shown: where each goal stands is not worked out (a thousand goals took 12-25 ms).
    const result = await runWorkspace(input, { progress: false });
    const { diagnostics } = result;
    // The formats read by GitHub name files from the repository's top (where CI runs the command);
    // outside a repository, from the folder the command runs in.
    const fromHere = async () => pathsFromFolder(diagnostics, result.root, (await repositoryTop(effects, result.root)) ?? effects.cwd);
    if (format === 'json') effects.stdout(formatJson(diagnostics));
    else if (format === 'sarif') effects.stdout(formatSarif(await fromHere(), toolVersion()));
    else if (format === 'github') {
      const output = formatGithub(await fromHere());
      effects.stdout(output.commands);
      const summaryFile = effects.env.GITHUB_STEP_SUMMARY;
      if (summaryFile) {
        // The annotations are out and the exit code is the workspace's: a summary that cannot be
        // written is said, not a failed run.
        const summaryPath = path.resolve(effects.cwd, summaryFile);
        await effects.fs.appendFile(summaryPath, output.summary).catch((error: NodeJS.ErrnoException) => {
          effects.stderr(`goalpost: the job summary was not written: GITHUB_STEP_SUMMARY names ${summaryPath}, which cannot be written (${error.code ?? error.message})\n`);
        });
      }
    } else {
      const lines = await readSourceLines(effects, result.root, diagnostics.map((d) => d.file));
      effects.stdout(formatPretty(diagnostics, { sourceLines: (file) => lines.get(file), color: effects.color }));
    }
    const { errors, warnings } = countBySeverity(diagnostics);
    return errors > 0 || (input.values.strict === true && warnings > 0) ? 1 : 0;
  },
};
