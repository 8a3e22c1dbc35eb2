// The CI workflow `goalpost init` writes: the repository's own copy byte for byte, every action
// pinned to a commit with its release in a comment, and an approval gate that also stops a
// relaxed SLA target (run in-process against a temporary repository, as CI would run it).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { STRATEGY_WORKFLOW } from '../../src/cli/init-workflow.ts';
import { main } from '../../src/cli/main.ts';
import { nodeFileSystem } from '../../src/effects.ts';
import { createRepo, type TempRepo } from '../diff/git-repo.ts';
import { memoryEffects } from '../helpers/memory-fs.ts';

const OWN_COPY = path.join(import.meta.dirname, '..', '..', '.github', 'workflows', 'strategy.yml');

interface Step {
  name?: string;
  if?: string;
  run?: string;
}
const workflow = parse(STRATEGY_WORKFLOW) as { jobs: Record<string, { steps: Step[] }> };
const gate = workflow.jobs['pull-request']!.steps.at(-1)!;

describe('the workflow init writes', () => {
  it("is the repository's own .github/workflows/strategy.yml (edit src/cli/init-workflow.ts and that file together)", () => {
    expect(readFileSync(OWN_COPY, 'utf8')).toBe(STRATEGY_WORKFLOW);
  });

  it('pins every action to a full commit SHA with the release it is in a comment', () => {
    const uses = STRATEGY_WORKFLOW.split('\n').filter((line) => /^\s*(- )?uses:/.test(line));
    expect(uses.length).toBe(10);
    for (const line of uses) expect(line).toMatch(/uses: [\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
  });

  it('pins each action to one commit wherever it is used', () => {
    const pins = new Map<string, Set<string>>();
    for (const [, action, sha] of STRATEGY_WORKFLOW.matchAll(/uses: ([\w./-]+)@([0-9a-f]{40})/g)) pins.set(action!, (pins.get(action!) ?? new Set()).add(sha!));
    for (const [action, shas] of pins) expect(shas.size, action).toBe(1);
  });

  it('gates less ambitious, slipped and relaxed changes on the label strategy-approved', () => {
    expect(gate.if).toContain("!contains(github.event.pull_request.labels.*.name, 'strategy-approved')");
    expect(gate.run).toMatch(/--fail-on less-ambitious,slipped,relaxed\b/);
  });
});

describe("the workflow's gate on SLA targets", () => {
  let repo: TempRepo;
  afterEach(() => repo.cleanup());

  /** The gate step's command, run in-process at the repository's top against the base commit. */
  async function runGate(base: string) {
    const args = /npx goalpost (.*?) >/.exec(gate.run!)![1]!.split(/\s+/).map((word) => word.replace(/^"(.*)"$/, '$1').replace('$BASE_SHA', base));
    const effects = memoryEffects(nodeFileSystem, { cwd: repo.root });
    return { code: await main(args, effects), err: effects.err() };
  }

  it.each([
    ['fails on a first response made longer', 'firstResponse: 30m', 'firstResponse: 1h', 1],
    ['fails on a resolution time made longer', 'resolution: 2h', 'resolution: 4h', 1],
    ['passes a first response made shorter', 'firstResponse: 30m', 'firstResponse: 15m', 0],
  ])('%s', async (_what, from, to, exit) => {
    repo = createRepo();
    const base = repo.git('rev-parse', 'HEAD');
    repo.edit('strategy/service.yaml', from, to);
    const { code, err } = await runGate(base);
    expect(code).toBe(exit);
    if (exit === 1) expect(err).toMatch(/^goalpost: the change is relaxed \(p1\); it needs an explicit approval\n$/);
  });
});
