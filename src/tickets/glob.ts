// A TicketSource's `files` glob (relative to data/) against the files under data/. The pipeline
// uses the same match to keep ticket exports out of the metric CSVs. Supported: `*` (within a
// folder), `**` (any depth, also none), `?`, `[abc]`, `{a,b}`; matching is case-sensitive, as
// on the Linux machines CI runs on.

function escape(character: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(character) ? `\\${character}` : character;
}

export function globToRegExp(glob: string): RegExp {
  let pattern = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const character = glob[i]!;
    if (character === '*') {
      if (glob[i + 1] === '*') {
        const slashAfter = glob[i + 2] === '/';
        const atSegmentStart = i === 0 || glob[i - 1] === '/';
        if (atSegmentStart && slashAfter) {
          pattern += '(?:[^/]*/)*';
          i += 2;
        } else {
          pattern += '.*';
          i += 1;
        }
      } else pattern += '[^/]*';
    } else if (character === '?') pattern += '[^/]';
    else if (character === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end < 0) pattern += '\\[';
      else {
        const inside = glob.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\');
        pattern += `[${inside}]`;
        i = end;
      }
    } else if (character === '{') {
      braces++;
      pattern += '(?:';
    } else if (character === '}' && braces > 0) {
      braces--;
      pattern += ')';
    } else if (character === ',' && braces > 0) pattern += '|';
    else pattern += escape(character);
  }
  return new RegExp(`^${pattern}$`);
}

/**
 * The files a glob matches, relative to the root (`data/tickets/a.csv`), sorted.
 * `dataFiles` are relative to data/, as FileSystem.listFiles gives them.
 */
export function matchTicketFiles(dataFiles: readonly string[], glob: string): string[] {
  const matcher = globToRegExp(glob.replace(/^\.\//, ''));
  return dataFiles.filter((file) => matcher.test(file)).map((file) => `data/${file}`).sort();
}
