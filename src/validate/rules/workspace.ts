// The Workspace's own lists: a team, person or segment id appears once in its list
// (duplicate-id at both places: a second `kwame` would take the first one's tickets), and
// following `parent` from any team ends at a team without one (team-cycle: a loop makes every
// team in it its own ancestor, and its tickets count nowhere above it).
import type { Finding } from '../../diagnostics/diagnostic.ts';
import { listDuplicates } from './list-duplicates.ts';
import { loopFrom, loopSize, parentLoops } from './parent-loops.ts';
import type { RuleContext, SemanticRule } from './rule.ts';

const LISTS = [
  ['teams', 'team'],
  ['people', 'person'],
  ['segments', 'segment'],
] as const;

export const checkWorkspaceLists: SemanticRule = ({ docs }: RuleContext) => {
  const workspace = docs.workspace;
  if (!workspace) return [];
  const { spec, source } = workspace;
  const subject = { kind: 'Workspace', id: spec.id };
  const findings: Finding[] = [];
  for (const [list, noun] of LISTS) {
    const ids = (spec[list] ?? []).map((entry) => entry.id);
    findings.push(
      ...listDuplicates(source, subject, list, 'id', ids, {
        later: (id) => `another ${noun} already has the id \`${id}\``,
        first: (id) => `a second ${noun} has the id \`${id}\``,
        hint: `${noun[0]!.toUpperCase()}${noun.slice(1)} ids are unique in the Workspace; rename one, or merge the two entries.`,
      }),
    );
  }
  const teams = spec.teams ?? [];
  const indexOf = new Map(teams.map((team, index) => [team.id, index] as const).reverse());
  for (const loop of parentLoops(teams.map((team) => team.id), (id) => teams[indexOf.get(id)!]?.parent)) {
    loop.forEach((id, index) => {
      findings.push({
        code: 'team-cycle',
        ...source.locate(['teams', indexOf.get(id)!, 'parent']),
        subject,
        message: `team \`${id}\`'s parent chain loops${loopSize(loop, 'teams')}: ${loopFrom(loop, index)}`,
        hint: 'A team cannot be its own ancestor: remove or change the `parent` of one of these teams.',
      });
    });
  }
  return findings;
};
