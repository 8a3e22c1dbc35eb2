// Every scope the workspace names (FORMAT.md section 4: `team:<id>`, `person:<id>`,
// `channel:<id>`, `segment:<id>`, `sla:<id>`) with the name a reader knows it by. `org` is
// left to the caller, which words it its own way.
import type { Model } from './types.ts';

export function scopeNames(model: Model): Map<string, string> {
  return new Map<string, string>([
    ...model.channels.map((c) => [`channel:${c.id}`, c.name] as const),
    ...model.workspace.segments.map((s) => [`segment:${s.id}`, s.name] as const),
    ...model.slaPolicies.map((p) => [`sla:${p.id}`, p.name] as const),
    ...model.workspace.teams.map((t) => [`team:${t.id}`, t.name] as const),
    ...model.workspace.people.map((p) => [`person:${p.id}`, p.name] as const),
  ]);
}
