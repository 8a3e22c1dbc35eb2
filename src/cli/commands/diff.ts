// `goalpost diff [BASE] [HEAD]`: what a strategy change does to the goals, read straight from
// git (no checkout). BASE defaults to the merge base with the default branch, HEAD to the
// working tree. --fail-on lets CI demand an approval label for, say, less ambitious targets.
import { closestMatch } from '../../util/closest-match.ts';
import { CHANGE_CODES, type ChangeCode } from '../../diff/types.ts';
import { CliError } from '../cli-error.ts';
import { AS_OF_OPTION, ROOT_OPTION, chosenFormat, type Command } from '../command.ts';
import { parseAsOf, rootOrHere } from '../workspace-input.ts';

const FORMATS = ['markdown', 'json'] as const;

export function parseFailOn(value: unknown): ChangeCode[] {
  if (value === undefined) return [];
  const codes = String(value).split(',').map((code) => code.trim()).filter(Boolean);
  for (const code of codes) {
    if (!(CHANGE_CODES as readonly string[]).includes(code)) {
      const guess = closestMatch(code, CHANGE_CODES);
      throw new CliError(`--fail-on: unknown change "${code}"${guess ? `; did you mean "${guess}"?` : ''}`, 2, `Known changes: ${CHANGE_CODES.join(', ')}.`);
    }
  }
  return codes as ChangeCode[];
}

export const diffCommand: Command = {
  name: 'diff',
  summary: 'Show what a strategy change does to the goals, between two git revisions.',
  usage: 'goalpost diff [BASE] [HEAD] [--root DIR] [--format markdown|json] [--fail-on CODES] [--as-of YYYY-MM-DD]',
  examples: ['goalpost diff', 'goalpost diff origin/main', 'goalpost diff v1.2 HEAD --format json', 'goalpost diff "$BASE_SHA" --fail-on less-ambitious,slipped'],
  maxPositionals: 2,
  options: [
    ROOT_OPTION,
    { name: 'format', type: 'string', value: 'FORMAT', description: 'markdown (default; for a pull-request comment) or json' },
    { name: 'fail-on', type: 'string', value: 'CODES', description: 'exit 1 when one of these changes occurs, e.g. less-ambitious,slipped' },
    AS_OF_OPTION,
  ],
  async run(input) {
    const { effects } = input;
    const format = chosenFormat(input.values.format, FORMATS);
    const failOn = parseFailOn(input.values['fail-on']);
    const asOf = parseAsOf(input.values['as-of']);
    const root = await rootOrHere(effects, input.values.root);
    if (!(await effects.fs.exists(root))) throw new CliError(`the workspace folder ${root} does not exist`, 2, 'Pass --root DIR with the folder that holds strategy/ and data/.');
    const [base, head] = input.positionals;
    // Loaded when a diff runs: reading git (node:child_process) is no part of any other command.
    const [{ compareModels }, { formatDiffJson }, { formatDiffMarkdown }, { GitError }, { RevisionError }, { loadDiffSides }, { codesIn }] = await Promise.all([
      import('../../diff/compare-models.ts'),
      import('../../diff/format-diff-json.ts'),
      import('../../diff/format-diff-markdown.ts'),
      import('../../diff/git.ts'),
      import('../../diff/git-revisions.ts'),
      import('../../diff/load-diff-sides.ts'),
      import('../../diff/summarize-diff.ts'),
    ]);
    let sides;
    try {
      sides = await loadDiffSides({ root, base, head, asOf, today: effects.today, workingTree: effects.fs });
    } catch (error) {
      if (error instanceof RevisionError) throw new CliError(error.message, 2, error.hint);
      if (error instanceof GitError) throw new CliError(`git failed: ${error.message}`, 2);
      throw error;
    }
    const diff = compareModels(sides.base, sides.head);
    effects.stdout(format === 'json' ? formatDiffJson(diff) : formatDiffMarkdown(diff));
    if (failOn.length === 0) return 0;
    // A gate fails closed: what could not be compared might be exactly what it looks for.
    const uncompared = !diff.base.comparable || !diff.head.comparable ? null : diff.items.filter((item) => item.change === 'invalid').map((item) => item.id);
    if (uncompared === null || uncompared.length > 0) {
      const what = uncompared === null ? 'the strategies could not be compared (one side has no usable Workspace)' : `${uncompared.length} item${uncompared.length === 1 ? '' : 's'} could not be compared, having errors on one side (${uncompared.slice(0, 10).join(', ')}${uncompared.length > 10 ? ', ...' : ''})`;
      effects.stderr(`goalpost: ${what}, so --fail-on cannot tell whether the change is ${failOn.join(', ')}; fix the errors (goalpost check), or approve the change as it is\n`);
      return 1;
    }
    const found = codesIn(diff.items);
    const failed = failOn.filter((code) => found.has(code));
    if (failed.length === 0) return 0;
    const ids = diff.items.filter((item) => item.changes.some((c) => failed.includes(c.code))).map((item) => item.id);
    effects.stderr(`goalpost: the change is ${failed.join(', ')} (${ids.slice(0, 10).join(', ')}${ids.length > 10 ? ', ...' : ''}); it needs an explicit approval\n`);
    return 1;
  },
};
