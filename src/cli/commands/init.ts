// `goalpost init [DIR]`: write a small valid workspace to start from. Nothing is overwritten:
// if any file it would write exists, it writes none. A DIR that is a file, or a folder it may not
// write to, is a one-line exit 2.
import path from 'node:path';
import { addDays } from '../../util/dates.ts';
import { describeReadError } from '../../util/read-error.ts';
import { CliError } from '../cli-error.ts';
import type { Command } from '../command.ts';
import { initTemplate, SCHEMA_FILE } from '../init-template.ts';
import { schemaJson } from './schema.ts';

/** Why a folder or file of the new workspace could not be made (DIR is a file, say). */
function whyNotWritten(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'EEXIST' || code === 'ENOTDIR') return 'a file is in the way of a folder it needs (is DIR a file?)';
  return describeReadError(error);
}

export const initCommand: Command = {
  name: 'init',
  summary: 'Create a small valid workspace to start from.',
  usage: 'goalpost init [DIR]',
  examples: ['goalpost init our-strategy && goalpost check --root our-strategy'],
  maxPositionals: 1,
  options: [],
  async run({ effects, positionals }) {
    const root = path.resolve(effects.cwd, positionals[0] ?? '.');
    const today = effects.today();
    const files = { ...initTemplate(today, addDays(today, 182)), [SCHEMA_FILE]: schemaJson() };
    const existing: string[] = [];
    for (const file of Object.keys(files)) if (await effects.fs.exists(path.join(root, file))) existing.push(file);
    if (existing.length > 0) throw new CliError(`${root} already has ${existing.join(', ')}; nothing was written`, 2, 'Run init in an empty folder, or pass a new DIR.');
    try {
      for (const [file, content] of Object.entries(files)) {
        await effects.fs.mkdir(path.dirname(path.join(root, file)));
        await effects.fs.writeFile(path.join(root, file), content);
      }
      await effects.fs.mkdir(path.join(root, 'data'));
    } catch (error) {
      throw new CliError(`cannot create the workspace in ${root}: ${whyNotWritten(error)}`, 2, 'Pass a folder that does not exist yet, or an empty one you can write to.');
    }
    effects.stdout(`Created a workspace in ${root}:\n${Object.keys(files).map((f) => `  ${f}`).join('\n')}\n  data/ (put metric CSV exports here)\n\nNext: goalpost check --root ${path.relative(effects.cwd, root) || '.'}\n`);
    return 0;
  },
};
