// The hiring page: each profile's must-have and nice-to-have skills, traits, interview
// scenarios, headcount per quarter and the goals its hires serve; plus the plan by quarter.
import type { SiteContext } from './context.ts';
import type { HiringPage, HiringProfileView, TableData } from './types.ts';

const LEVEL_LABEL: Record<string, string> = { agent: 'Agent', lead: 'Lead', manager: 'Manager', specialist: 'Specialist' };

export function buildHiringPage(ctx: SiteContext): HiringPage {
  const profiles: HiringProfileView[] = ctx.model.hiringProfiles.map((p) => {
    const headcount = [...p.headcount].sort((a, b) => (a.quarter < b.quarter ? -1 : a.quarter > b.quarter ? 1 : 0));
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
  const plan: TableData = {
    csv: 'hiring/plan',
    caption: 'Planned hires by quarter',
    columns: [{ label: 'ID', csvOnly: true }, { label: 'Profile' }, { label: 'Team' }, ...quarters.map((q) => ({ label: q, numeric: true })), { label: 'Total', numeric: true }],
    rows: profiles.map((p) => ({
      cells: [
        { text: p.id },
        { text: p.role, href: `hiring/#${p.id}` },
        { text: p.team.name },
        ...quarters.map((q) => {
          const hires = p.headcount.filter((h) => h.quarter === q).reduce((sum, h) => sum + h.hires, 0);
          return { text: hires ? String(hires) : '\u2014', num: hires };
        }),
        { text: String(p.totalHires), num: p.totalHires },
      ],
    })),
    empty: 'No hiring profiles defined.',
  };
  if (profiles.length > 1) {
    const totals = quarters.map((q) => profiles.reduce((sum, p) => sum + p.headcount.filter((h) => h.quarter === q).reduce((s, h) => s + h.hires, 0), 0));
    const all = totals.reduce((a, b) => a + b, 0);
    plan.rows.push({ cells: [{ text: '' }, { text: 'All profiles' }, { text: '' }, ...totals.map((t) => ({ text: String(t), num: t })), { text: String(all), num: all }] });
  }
  return { plan, profiles };
}
