// The hiring page: each profile's must-have and nice-to-have skills, traits, interview
// scenarios, headcount per quarter (planned, and hired where recorded) and the goals its hires
// serve; plus the plan by quarter. A quarter without `hired` has no hires recorded: never zero.
import type { HiringProfile } from '../../model/types.ts';
import { quarterOf } from '../../util/dates.ts';
import type { SiteContext } from './context.ts';
import type { Cell, Column, HiringPage, HiringProfileView, TableData } from './types.ts';

const DASH = '\u2014';

/** Hires planned and made in one quarter, summed over a profile's entries for it; hired null when none recorded. */
export function hiresIn(profile: HiringProfile, quarter: string): { hires: number; hired: number | null } {
  const entries = profile.headcount.filter((h) => h.quarter === quarter);
  const recorded = entries.filter((h) => h.hired !== undefined);
  return { hires: entries.reduce((sum, h) => sum + h.hires, 0), hired: recorded.length ? recorded.reduce((sum, h) => sum + h.hired!, 0) : null };
}

/** "3 planned, 2 hired"; once the quarter has started without hires recorded, says so. */
export function headcountText(hires: number, hired: number | null, started: boolean): string {
  const planned = `${hires} planned`;
  if (hired !== null) return `${planned}, ${hired} hired`;
  return started ? `${planned}, hires not recorded` : planned;
}

const LEVEL_LABEL: Record<string, string> = { agent: 'Agent', lead: 'Lead', manager: 'Manager', specialist: 'Specialist' };

export function buildHiringPage(ctx: SiteContext): HiringPage {
  const current = quarterOf(ctx.asOf, ctx.model.workspace.fiscalYearStart);
  const profiles: HiringProfileView[] = ctx.model.hiringProfiles.map((p) => {
    const quarters = [...new Set(p.headcount.map((h) => h.quarter))].sort();
    const headcount = quarters.map((quarter) => {
      const { hires, hired } = hiresIn(p, quarter);
      return { quarter, hires, hired, text: headcountText(hires, hired, quarter <= current) };
    });
    return {
      id: p.id,
      role: p.role,
      team: { id: p.team, name: ctx.team(p.team)?.name ?? p.team },
      level: LEVEL_LABEL[p.level] ?? p.level,
      totalHires: headcount.reduce((sum, h) => sum + h.hires, 0),
      headcount,
      must: p.skills.filter((s) => s.need === 'must').map((s) => ({ name: s.name, type: s.type })),
      nice: p.skills.filter((s) => s.need === 'nice').map((s) => ({ name: s.name, type: s.type })),
      traits: p.traits,
      interview: p.interview,
      supports: p.supports.map((id) => ({ id, name: ctx.goal(id)?.title ?? id, href: `goals/${id}/`, status: ctx.progressOf(id)?.status ?? 'no-data' })),
      source: { file: p.source.file, line: p.source.line },
    };
  });
  const quarters = [...new Set(profiles.flatMap((p) => p.headcount.map((h) => h.quarter)))].sort();
  // Hires made go under the plan in their quarter's cell; the CSV has them in columns of their own.
  const recorded = quarters.filter((q) => profiles.some((p) => p.headcount.some((h) => h.quarter === q && h.hired !== null)));
  const plannedCell = (hires: number, hired: number | null): Cell => ({ text: hires ? String(hires) : DASH, num: hires, ...(hired !== null ? { note: `${hired} hired` } : {}) });
  const hiredCell = (hired: number | null): Cell => ({ text: hired === null ? '' : String(hired), num: hired });
  const entry = (p: HiringProfileView, q: string) => p.headcount.find((h) => h.quarter === q) ?? { hires: 0, hired: null };
  const plan: TableData = {
    csv: 'hiring/plan',
    caption: recorded.length ? 'Planned hires by quarter, with the hires made where recorded' : 'Planned hires by quarter',
    columns: [
      { label: 'ID', csvOnly: true },
      { label: 'Profile' },
      { label: 'Team' },
      ...quarters.map((q) => ({ label: q, numeric: true })),
      { label: 'Total', numeric: true },
      ...recorded.map((q): Column => ({ label: `${q} hired`, numeric: true, csvOnly: true })),
    ],
    rows: profiles.map((p) => ({
      cells: [
        { text: p.id },
        { text: p.role, href: `hiring/#${p.id}` },
        { text: p.team.name },
        ...quarters.map((q) => plannedCell(entry(p, q).hires, entry(p, q).hired)),
        { text: String(p.totalHires), num: p.totalHires },
        ...recorded.map((q) => hiredCell(entry(p, q).hired)),
      ],
    })),
    empty: 'No hiring profiles defined.',
  };
  if (profiles.length > 1) {
    // Hires made add up only when every profile with a plan for the quarter recorded them.
    const totals = quarters.map((q) => {
      const entries = profiles.flatMap((p) => p.headcount.filter((h) => h.quarter === q));
      const hires = entries.reduce((n, h) => n + h.hires, 0);
      return { hires, hired: entries.every((h) => h.hired !== null) ? entries.reduce((n, h) => n + h.hired!, 0) : null };
    });
    const all = totals.reduce((a, t) => a + t.hires, 0);
    plan.rows.push({
      cells: [
        { text: '' },
        { text: 'All profiles' },
        { text: '' },
        ...totals.map((t) => plannedCell(t.hires, t.hired)),
        { text: String(all), num: all },
        ...recorded.map((q) => hiredCell(totals[quarters.indexOf(q)]!.hired)),
      ],
    });
  }
  return { plan, profiles };
}
