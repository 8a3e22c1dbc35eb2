// Runs the one pipeline on both sides of a diff: HEAD from a commit or the working tree, BASE
// from a commit (by default the merge base with the default branch). Both sides use the
// head's metric files and the head's as-of date, so their statuses are comparable.
import type { FileSystem } from '../effects.ts';
import type { IsoDate } from '../spec/values.ts';
import { runPipeline, type PipelineResult } from '../pipeline.ts';
import type { DiffSide } from './compare-models.ts';
import { gitFileSystem } from './git-file-system.ts';
import { defaultBase, locateRepo, verifyRevision } from './git-revisions.ts';
import { withDataFrom } from './overlay-file-system.ts';

export interface DiffRequest {
  /** Absolute workspace root, inside a git working tree. */
  root: string;
  /** A revision; absent: the merge base of HEAD with the default branch. */
  base?: string;
  /** A revision; absent: the working tree, read through `workingTree`. */
  head?: string;
  asOf?: IsoDate;
  today: () => IsoDate;
  workingTree: FileSystem;
}

function side(label: string, commit: string | undefined, result: PipelineResult): DiffSide {
  return {
    label,
    ...(commit ? { commit } : {}),
    model: result.model,
    progress: result.progress,
    diagnostics: result.diagnostics,
    strategyFiles: result.strategyFiles,
  };
}

export async function loadDiffSides(request: DiffRequest): Promise<{ base: DiffSide; head: DiffSide }> {
  const { root } = request;
  const location = await locateRepo(root);
  // Verify both before running anything, so a bad HEAD is reported before a slow base run.
  const head = request.head === undefined ? undefined : await verifyRevision(location.toplevel, request.head);
  const base = request.base === undefined ? await defaultBase(location.toplevel) : await verifyRevision(location.toplevel, request.base);

  const headFs = head ? gitFileSystem(location, root, head.commit) : request.workingTree;
  const headResult = await runPipeline(headFs, { root, today: request.today, ...(request.asOf ? { asOf: request.asOf } : {}) });
  const baseFs = withDataFrom(gitFileSystem(location, root, base.commit), headFs, root);
  const baseResult = await runPipeline(baseFs, { root, today: request.today, asOf: headResult.asOf });
  return {
    base: side(base.label, base.commit, baseResult),
    head: side(head?.label ?? 'working tree', head?.commit, headResult),
  };
}
