// buildSiteData: the pipeline's result in, every page's data out (pure, deterministic: lists
// follow the model's sorted order). `emptySiteData` is what `goalpost dev` serves when the
// workspace has no usable model, so the page can still show the diagnostics.
import type { GoalProgress } from '../../compute/types.ts';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { countBySeverity } from '../../diagnostics/diagnostic.ts';
import { buildCascade } from './cascade.ts';
import { buildChannelsPage } from './channels-page.ts';
import { checksTable, diagnosticViews } from './checks.ts';
import { createContext, type SiteInput } from './context.ts';
import { buildGoalPage } from './goal-page.ts';
import { buildHiringPage } from './hiring-page.ts';
import { buildKpiPage } from './kpi-page.ts';
import { buildObjectivePage } from './objective-page.ts';
import { buildOverview } from './overview.ts';
import { buildQuarterPage } from './quarter-page.ts';
import { reviewQuarters } from './quarters.ts';
import { buildSlaPage } from './sla-page.ts';
import { countStatuses } from './status.ts';
import type { SiteData, SiteMeta, TableData } from './types.ts';

function meta(workspace: string, asOf: string, diagnostics: readonly Diagnostic[]): SiteMeta {
  const { errors, warnings } = countBySeverity(diagnostics);
  return { workspace, asOf, quarters: [], currentQuarter: null, errors, warnings };
}

const emptyTable = (csv: string): TableData => ({ csv, caption: '', columns: [], rows: [] });

export function emptySiteData(asOf: string, diagnostics: readonly Diagnostic[]): SiteData {
  const views = diagnosticViews(diagnostics);
  return {
    meta: meta('Goalpost', asOf, diagnostics),
    diagnostics: views,
    overview: { counts: countStatuses([]), attention: [], total: 0, staleCount: 0, objectives: [], unassigned: null, teams: [], owners: [], overdueDecisions: [] },
    goals: [],
    objectives: [],
    cascade: { roots: [] },
    kpis: [],
    sla: { adherenceKpi: null, summary: emptyTable('sla/policies'), policies: [], goals: emptyTable('sla/goals') },
    channels: { summary: emptyTable('channels/summary'), channels: [] },
    hiring: { plan: emptyTable('hiring/plan'), profiles: [] },
    quarters: [],
    checks: checksTable(views),
  };
}

/** The lists that hold a page per item. */
export type PageSection = 'goals' | 'objectives' | 'kpis';

/**
 * How such a list is made: every page at once (the default), or each page when it is first read
 * (site/page-data.ts: `goalpost build` and `dev` hold only the pages being rendered).
 */
export type PageList = <Item extends { id: string }, Page extends { id: string }>(section: PageSection, items: readonly Item[], build: (item: Item) => Page) => Page[];

const allAtOnce: PageList = (_section, items, build) => items.map(build);

export function buildSiteData(input: SiteInput, pages: PageList = allAtOnce): SiteData {
  const ctx = createContext(input);
  const cache = new Map<string, Map<string, GoalProgress>>([[input.asOf, new Map(input.progress.goals.map((g) => [g.id, g]))]]);
  const progressAt = (date: string) => {
    let byId = cache.get(date);
    if (!byId) cache.set(date, (byId = new Map(input.progressAt(date).goals.map((g) => [g.id, g]))));
    return byId;
  };
  const spans = reviewQuarters(input.model, input.asOf);
  const views = diagnosticViews(input.diagnostics);
  const current = spans.find((q) => q.state === 'current') ?? spans.filter((q) => q.state === 'closed').pop() ?? spans[0];
  return {
    meta: {
      ...meta(input.model.workspace.name, input.asOf, input.diagnostics),
      quarters: spans.map((q) => ({ label: q.label, href: `quarters/${q.label}/`, state: q.state })),
      currentQuarter: current?.label ?? null,
    },
    diagnostics: views,
    overview: buildOverview(ctx),
    goals: pages('goals', input.model.goals, (goal) => buildGoalPage(ctx, goal)),
    objectives: pages('objectives', input.model.objectives, (objective) => buildObjectivePage(ctx, objective)),
    cascade: buildCascade(ctx),
    kpis: pages('kpis', input.model.kpis, (kpi) => buildKpiPage(ctx, kpi)),
    sla: buildSlaPage(ctx),
    channels: buildChannelsPage(ctx),
    hiring: buildHiringPage(ctx),
    quarters: spans.map((span) => buildQuarterPage(ctx, span, progressAt)),
    checks: checksTable(views),
  };
}

/** Every table of the site, each with its CSV path (for the download endpoints). */
export function allTables(site: SiteData): TableData[] {
  const tables: TableData[] = [
    ...site.overview.objectives.map((o) => o.table),
    ...(site.overview.unassigned ? [site.overview.unassigned] : []),
    ...site.goals.flatMap((g) => [g.points, g.plan, g.children]),
    ...site.objectives.flatMap((o) => [o.contributions, o.goals]),
    ...site.kpis.flatMap((k) => [k.series, ...(k.people ? [k.people] : []), k.goals, ...k.others.map((group) => group.table), ...k.related.map((r) => r.table)]),
    site.sla.summary, site.sla.goals, ...site.sla.policies.flatMap((p) => [p.table, ...(p.breaches ? [p.breaches] : [])]),
    site.channels.summary, ...site.channels.channels.map((c) => c.goals),
    site.hiring.plan,
    ...site.quarters.flatMap((q) => [q.changes, q.due, q.closed, q.later, q.sla, q.hiring, ...(q.review ? [q.review.checkins, q.review.decisions] : [])]),
    site.checks,
  ];
  return tables.filter((t) => t.columns.length > 0);
}
