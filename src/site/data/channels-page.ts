// The channels page: each channel's role, hours, staffing, SLA policies and why, with the
// goals scoped to it.
import type { SiteContext } from './context.ts';
import { formatNumber } from './format.ts';
import { flatGoals, goalTable } from './goal-table.ts';
import type { ChannelsPage, ChannelView } from './types.ts';

const ROLE_ORDER = ['core', 'supporting', 'pilot', 'retired'];
const ROLE_LABEL: Record<string, string> = { core: 'Core', supporting: 'Supporting', pilot: 'Pilot', retired: 'Retired' };

export function buildChannelsPage(ctx: SiteContext): ChannelsPage {
  const channels = [...ctx.model.channels].sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || (a.id < b.id ? -1 : 1));
  const policies = new Map(ctx.model.slaPolicies.map((p) => [p.id, p]));
  const views: ChannelView[] = channels.map((c) => ({
    id: c.id,
    name: c.name,
    role: ROLE_LABEL[c.role] ?? c.role,
    owner: c.owner ? { id: c.owner, name: ctx.personName(c.owner) } : null,
    hours: c.hours ?? null,
    staffing: c.staffing === undefined ? 'Not stated' : `${formatNumber(c.staffing)} FTE`,
    slas: c.sla.map((id) => ({ id, name: policies.get(id)?.name ?? id, href: `sla/#${id}` })),
    why: c.why ?? null,
    goalRefs: ctx.model.goals
      .filter((g) => g.scope === `channel:${c.id}`)
      .map((g) => ({ id: g.id, name: g.title, href: `goals/${g.id}/`, status: ctx.progressOf(g.id)?.status ?? 'no-data' })),
    goals: goalTable(ctx, `channels/${c.id}/goals`, `Goals on ${c.name}`, flatGoals(ctx.model.goals.filter((g) => g.scope === `channel:${c.id}`)), 'No goal is scoped to this channel.'),
    source: { file: c.source.file, line: c.source.line },
  }));
  // Only stated staffing adds up: a channel without it is not 0 FTE, and the caption says how many it covers.
  const stated = channels.filter((c) => c.staffing !== undefined);
  const staffed = stated.reduce((sum, c) => sum + c.staffing!, 0);
  const staffingCaption =
    stated.length === 0 ? 'staffing not stated' : stated.length === channels.length ? `${formatNumber(staffed)} FTE in all` : `${formatNumber(staffed)} FTE in the ${stated.length} of ${channels.length} that state their staffing`;
  return {
    summary: {
      csv: 'channels/summary',
      caption: `Channels: ${staffingCaption}`,
      columns: [{ label: 'ID', csvOnly: true }, { label: 'Channel' }, { label: 'Role' }, { label: 'Owner' }, { label: 'Hours' }, { label: 'Staffing (FTE)', numeric: true }, { label: 'SLA policies' }],
      rows: views.map((v, i) => ({
        cells: [
          { text: v.id },
          { text: v.name, href: `channels/#${v.id}` },
          { text: v.role },
          { text: v.owner?.name ?? '\u2014' },
          { text: v.hours ?? '\u2014' },
          { text: channels[i]!.staffing === undefined ? '\u2014' : formatNumber(channels[i]!.staffing!), num: channels[i]!.staffing ?? null },
          { text: v.slas.map((s) => s.name).join('; ') || 'None' },
        ],
      })),
      empty: 'No channels defined.',
    },
    channels: views,
  };
}
