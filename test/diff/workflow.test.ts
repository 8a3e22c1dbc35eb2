// The CI workflow for adopting teams cannot run here, so its structure is checked (triggers,
// jobs, permissions, actions) and the goalpost commands it calls are run in-process against
// a temporary repository with one pull-request-like change.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COMMANDS } from '../../src/cli/commands/index.ts';
import { main } from '../../src/cli/main.ts';
import { nodeFileSystem } from '../../src/effects.ts';
import { memoryEffects } from '../helpers/memory-fs.ts';
import { createRepo, type TempRepo } from './git-repo.ts';

const FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '.github', 'workflows', 'strategy.yml');

interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  'continue-on-error'?: boolean;
}
interface Job {
  if: string;
  permissions: Record<string, string>;
  steps: Step[];
  environment?: { name: string };
}
interface Workflow {
  on: { pull_request: { types: string[] }; push: { branches: string[] } };
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}

const workflow = parse(readFileSync(FILE, 'utf8')) as Workflow;
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
const pr = workflow.jobs['pull-request']!;
const pages = workflow.jobs.pages!;

/** Every `npx goalpost ...` call as an argument list, redirections and `||` tails removed. */
function goalpostCalls(job: Job): string[][] {
  return job.steps.flatMap((step) =>
    [...(step.run ?? '').matchAll(/npx goalpost ([^>|&;\n]*)/g)].map((match) => match[1]!.trim().split(/\s+/).map((word) => word.replace(/^"(.*)"$/, '$1'))),
  );
}

describe('.github/workflows/strategy.yml', () => {
  it('runs on pull requests (and their labels) and on pushes to main, reading by default', () => {
    expect(workflow.on.pull_request.types).toEqual(expect.arrayContaining(['opened', 'synchronize', 'labeled', 'unlabeled']));
    expect(workflow.on.push.branches).toEqual(['main']);
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });

  it('checks, uploads SARIF, comments the diff and uploads the site on pull requests', () => {
    expect(pr.if).toBe("github.event_name == 'pull_request'");
    expect(pr.permissions).toEqual({ contents: 'read', 'pull-requests': 'write', 'security-events': 'write', actions: 'read' });
    // A private repository without code security refuses the upload: the diff, site and gate still run.
    expect(pr.steps.find((s) => s.uses?.startsWith('github/codeql-action/'))!['continue-on-error']).toBe(true);
    expect(goalpostCalls(pr).map((args) => args.slice(0, 3).join(' '))).toEqual([
      'check --format github',
      'check --format sarif',
      'diff $BASE_SHA',
      'build',
      'diff $BASE_SHA --format',
    ]);
    const uses = pr.steps.map((s) => s.uses?.split('@')[0]).filter(Boolean);
    expect(uses).toEqual(['actions/checkout', 'actions/setup-node', 'github/codeql-action/upload-sarif', 'marocchino/sticky-pull-request-comment', 'actions/upload-artifact']);
    expect(pr.steps.find((s) => s.uses?.startsWith('marocchino/'))!.with).toEqual({ header: 'goalpost-diff', path: 'goalpost-diff.md' });
    expect(pr.steps.find((s) => s.uses?.startsWith('github/codeql-action/'))!.with).toMatchObject({ sarif_file: 'goalpost.sarif' });
    expect(pr.steps.at(-1)!.if).toContain("!contains(github.event.pull_request.labels.*.name, 'strategy-approved')");
    // An approval covers the push it was given for: a later push takes the label off, and the gate ignores it on that push.
    expect(pr.steps.at(-1)!.if).toContain("github.event.action == 'synchronize' ||");
    const unlabel = pr.steps.find((s) => s.run?.includes('--remove-label strategy-approved'))!;
    expect(unlabel.if).toContain("github.event.action == 'synchronize'");
  });

  it('publishes the site to GitHub Pages from main only', () => {
    expect(pages.if).toContain("github.ref == 'refs/heads/main'");
    expect(pages.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
    expect(pages.environment?.name).toBe('github-pages');
    expect(pages.steps.map((s) => s.uses?.split('@')[0]).filter(Boolean)).toEqual(['actions/checkout', 'actions/setup-node', 'actions/configure-pages', 'actions/upload-pages-artifact', 'actions/deploy-pages']);
    expect(goalpostCalls(pages)).toEqual([['build', '--base', '$BASE_PATH/']]);
  });

  it('pins every action to a commit and never expands ${{ }} inside a shell script', () => {
    for (const step of steps) {
      expect(Boolean(step.uses) !== Boolean(step.run), JSON.stringify(step)).toBe(true);
      if (step.uses) expect(step.uses).toMatch(/^[\w./-]+@[0-9a-f]{40}$/);
      if (step.run) expect(step.run).not.toContain('${{');
    }
  });

  it('passes only flags the commands accept', () => {
    for (const args of [...goalpostCalls(pr), ...goalpostCalls(pages)]) {
      const [name, ...rest] = args;
      const command = COMMANDS.find((c) => c.name === name);
      // `build` belongs to the site stage, which lands separately; its flags are checked once it is registered.
      if (!command && name === 'build') continue;
      expect(command, `goalpost ${name}`).toBeDefined();
      const options = Object.fromEntries(command!.options.map((o) => [o.name, { type: o.type }]));
      const parsed = parseArgs({ args: rest, options, allowPositionals: true, strict: true });
      expect(parsed.positionals.length).toBeLessThanOrEqual(command!.maxPositionals);
    }
  });
});

describe('the commands the workflow runs', () => {
  let repo: TempRepo;
  let base: string;
  beforeAll(() => {
    repo = createRepo();
    base = repo.git('rev-parse', 'HEAD');
    repo.edit('strategy/goals.yaml', 'target: { value: 4, date: 2026-09-30 }', 'target: { value: 4.5, date: 2026-09-30 }');
  });
  afterAll(() => repo.cleanup());

  it('run in a repository with a less ambitious change, with the exit codes the workflow expects', async () => {
    const runs: [string, number][] = [];
    for (const args of goalpostCalls(pr).filter(([name]) => name !== 'build')) {
      const effects = memoryEffects(nodeFileSystem, { cwd: repo.root });
      runs.push([args.join(' '), await main(args.map((a) => a.replace('$BASE_SHA', base)), effects)]);
    }
    expect(runs).toEqual([
      ['check --format github', 0],
      ['check --format sarif', 0],
      ['diff $BASE_SHA', 0],
      ['diff $BASE_SHA --format json --fail-on less-ambitious,slipped,relaxed,removed', 1],
    ]);
  });
});
