// Pure: two resolved strategies (and, when the progress engine produced them, two progress
// reports at one as-of date) in, a StrategyDiff out. Items are matched by kind and id, never by
// file, so a goal moved to another file is "moved", not removed and added. An item missing on
// one side because it has errors there is `invalid`, not removed. A side with strategy files
// but no model cannot be compared item by item; a side with no strategy files at all is empty
// (a pull request that adopts Goalpost adds everything).
import type { GoalStatus, ProgressReport } from '../compute/types.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { KINDS, type Kind } from '../spec/kinds.ts';
import type { Goal, Model, Review } from '../model/types.ts';
import { compareFields } from './compare-fields.ts';
import { compareGoal, describeGoalTarget } from './compare-goal.ts';
import { compareReview, describeReview, newDecisions } from './compare-review.ts';
import { compareChannel, compareHiringProfile, compareObjective, compareSlaPolicy } from './compare-service.ts';
import type { FieldChange, ItemDiff, JsonValue, SideSummary, StrategyDiff } from './types.ts';

export interface DiffSide {
  label: string;
  commit?: string;
  model: Model | null;
  progress: ProgressReport | null;
  diagnostics: readonly Diagnostic[];
  strategyFiles: readonly string[];
}

interface Item {
  id: string;
  source: { file: string };
}

type Models = { before: Model; after: Model };

const FIRST_ERRORS = 5;

function itemsOf(model: Model | null, kind: Kind): readonly Item[] {
  if (!model) return [];
  switch (kind) {
    case 'Workspace': return [model.workspace];
    case 'KPI': return model.kpis;
    case 'Objective': return model.objectives;
    case 'Goal': return model.goals;
    case 'Channel': return model.channels;
    case 'SLAPolicy': return model.slaPolicies;
    case 'HiringProfile': return model.hiringProfiles;
    case 'Schedule': return model.schedules;
    case 'TicketSource': return model.ticketSources;
    case 'Review': return model.reviews;
  }
}

/** What a reader calls the item: a goal's title, a policy's name, a hiring profile's role. */
function titleOf(item: Item): string {
  const named = item as { title?: string; name?: string; role?: string };
  return named.title ?? named.name ?? named.role ?? item.id;
}

function compareItem(kind: Kind, before: Item, after: Item, models: Models): FieldChange[] {
  const [a, b] = [before as never, after as never];
  switch (kind) {
    case 'Goal': return compareGoal(a, b, models);
    case 'Objective': return compareObjective(a, b, models);
    case 'SLAPolicy': return compareSlaPolicy(a, b);
    case 'Channel': return compareChannel(a, b);
    case 'HiringProfile': return compareHiringProfile(a, b);
    case 'Review': return compareReview(a, b, models);
    default: return compareFields(a, b);
  }
}

const humanStatus = (status: GoalStatus | null) => (status ?? 'no figure').replace(/-/g, ' ');

function statusesOf(report: ProgressReport | null): Map<string, GoalStatus> {
  return new Map((report?.goals ?? []).map((g) => [g.id, g.status]));
}

function summarizeSide(side: DiffSide): SideSummary {
  // Metric files are the same on both sides (see load-diff-sides.ts); only strategy errors tell the sides apart.
  const errors = side.diagnostics.filter((d) => d.severity === 'error' && !d.file.startsWith('data/'));
  return {
    label: side.label,
    ...(side.commit ? { commit: side.commit } : {}),
    errors: errors.length,
    firstErrors: errors.slice(0, FIRST_ERRORS),
    comparable: side.model !== null || side.strategyFiles.length === 0,
    strategyFiles: side.strategyFiles.length,
  };
}

/**
 * Whether an item missing from `side` is missing because of an error there: one about the item
 * itself, or one about the whole file the other side holds it in (a YAML syntax error).
 */
function brokenIn(side: DiffSide): Broken {
  const errors = side.diagnostics.filter((d) => d.severity === 'error');
  const subjects = new Set(errors.filter((d) => d.subject).map((d) => `${d.subject!.kind}\u0000${d.subject!.id}`));
  const files = new Set(errors.filter((d) => !d.subject).map((d) => d.file));
  return (kind, id, file) => subjects.has(`${kind}\u0000${id}`) || files.has(file);
}

type Broken = (kind: Kind, id: string, file: string) => boolean;

/** Each kind's items by id on both sides. */
interface KindItems {
  kind: Kind;
  old: Map<string, Item>;
  now: Map<string, Item>;
}

/** The ids of the items on one side only because the other side left them out for errors. */
function notComparedIds(kinds: readonly KindItems[], brokenBefore: Broken, brokenAfter: Broken): Set<string> {
  const ids = new Set<string>();
  for (const { kind, old, now } of kinds) {
    for (const [id, item] of old) if (!now.has(id) && brokenAfter(kind, id, item.source.file)) ids.add(id);
    for (const [id, item] of now) if (!old.has(id) && brokenBefore(kind, id, item.source.file)) ids.add(id);
  }
  return ids;
}

function referencedIds(value: JsonValue | undefined): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * Whether a change only follows from another item being left out of one side: a side's model
 * drops references to an item with errors (a goal's `parent`, a hiring profile's `supports`, a
 * check-in on that goal), which would read as the reference removed although nobody touched it.
 */
function onlyAboutNotCompared(change: FieldChange, notCompared: ReadonlySet<string>): boolean {
  const keyed = /\[([^\]]+)\]/.exec(change.field);
  if (keyed && notCompared.has(keyed[1]!)) return true;
  const [before, after] = [referencedIds(change.before), referencedIds(change.after)];
  const differing = [...before.filter((id) => !after.includes(id)), ...after.filter((id) => !before.includes(id))];
  return differing.length > 0 && differing.every((id) => notCompared.has(id));
}

export function compareModels(base: DiffSide, head: DiffSide): StrategyDiff {
  const [baseSummary, headSummary] = [summarizeSide(base), summarizeSide(head)];
  const bothProgress = base.progress !== null && head.progress !== null;
  const asOf = bothProgress ? head.progress!.asOf : null;
  const result: StrategyDiff = { base: baseSummary, head: headSummary, asOf, items: [] };
  if (!baseSummary.comparable || !headSummary.comparable) return result;
  // Models are only read for items on both sides, and then both exist.
  const models = { before: base.model, after: head.model } as Models;
  const [brokenBefore, brokenAfter] = [brokenIn(base), brokenIn(head)];
  const [statusBefore, statusAfter] = [statusesOf(base.progress), statusesOf(head.progress)];
  const kinds: KindItems[] = KINDS.map((kind) => ({
    kind,
    old: new Map(itemsOf(base.model, kind).map((item) => [item.id, item])),
    now: new Map(itemsOf(head.model, kind).map((item) => [item.id, item])),
  }));
  const notCompared = notComparedIds(kinds, brokenBefore, brokenAfter);

  for (const { kind, old, now } of kinds) {
    const ids = [...new Set([...old.keys(), ...now.keys()])].sort();
    for (const id of ids) {
      const [before, after] = [old.get(id), now.get(id)];
      const file = { ...(before ? { before: before.source.file } : {}), ...(after ? { after: after.source.file } : {}) };
      const item: ItemDiff = { kind, id, title: titleOf((after ?? before)!), change: 'changed', file, changes: [] };
      if (before && after) {
        item.changes = compareItem(kind, before, after, models).filter((change) => !onlyAboutNotCompared(change, notCompared));
        if (before.source.file !== after.source.file) {
          item.changes.push({ code: 'moved', field: '', before: before.source.file, after: after.source.file, message: `moved from ${before.source.file} to ${after.source.file}` });
        }
        if (item.changes.length === 0) continue;
      } else {
        const side = before ? 'head' : 'base';
        const invalid = (before ? brokenAfter : brokenBefore)(kind, id, (before ?? after)!.source.file);
        item.change = invalid ? 'invalid' : before ? 'removed' : 'added';
        const what = invalid ? '' : kind === 'Goal' ? `: ${describeGoalTarget((before ?? after) as Goal, (before ? base.model : head.model)!)}` : kind === 'Review' ? `: ${describeReview((before ?? after) as Review)}` : '';
        item.changes = [{ code: item.change, field: '', message: invalid ? `not compared: it has errors in the ${side} strategy` : `${item.change}${what}` }];
        if (kind === 'Review' && after && !invalid) item.changes.push(...newDecisions(after as Review, head.model!));
      }
      if (kind === 'Goal' && bothProgress) {
        const status = { before: (before && statusBefore.get(id)) || null, after: (after && statusAfter.get(id)) || null };
        item.status = status;
        if (before && after && status.before !== status.after) {
          item.changes.push({ code: 'status-changed', field: 'status', before: status.before, after: status.after, message: `status at ${asOf}: ${humanStatus(status.before)} → ${humanStatus(status.after)}` });
        }
      }
      result.items.push(item);
    }
  }
  return result;
}
