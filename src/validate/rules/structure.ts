// The rules about objectives, SLA policies, channels and hiring profiles: each checks one
// kind of document against the advice in DOMAIN.md.
import type { Finding } from '../../diagnostics/diagnostic.ts';
import { parseDuration } from '../../util/duration.ts';
import type { RuleContext, SemanticRule } from './rule.ts';

/** Practitioners' advice: two or three core channels, staffed properly. */
const MAX_CORE_CHANNELS = 3;

export const checkObjectivesHaveGoals: SemanticRule = ({ docs }: RuleContext) => {
  const served = new Set(docs.goals.map((goal) => goal.spec.objective));
  return docs.objectives
    .filter((objective) => !served.has(objective.spec.id))
    .map(({ spec, source }) => ({
      code: 'objective-empty' as const,
      ...source.locate(['id']),
      subject: { kind: 'Objective', id: spec.id },
      message: `objective \`${spec.id}\` has no goal under it`,
      hint: `Point a goal at it with \`objective: ${spec.id}\`, or remove it.`,
    }));
};

export const checkSlaPolicies: SemanticRule = ({ docs }: RuleContext) => {
  const findings: Finding[] = [];
  const byPriority = new Map<number, (typeof docs.slaPolicies)[number]>();
  for (const policy of docs.slaPolicies) {
    const { spec, source } = policy;
    const subject = { kind: 'SLAPolicy', id: spec.id };
    const response = parseDuration(spec.firstResponse);
    const resolution = parseDuration(spec.resolution);
    if (response !== null && resolution !== null && response > resolution) {
      findings.push({
        code: 'sla-order',
        ...source.locate(['firstResponse']),
        subject,
        message: `the first response target ${spec.firstResponse} is longer than the resolution target ${spec.resolution}`,
        hint: 'A ticket is answered before it is resolved: make firstResponse no longer than resolution.',
      });
    }
    const other = byPriority.get(spec.priority);
    if (other) {
      const here = source.locate(['priority']);
      const there = other.source.locate(['priority']);
      findings.push(
        { code: 'sla-order', ...here, subject, message: `priority ${spec.priority} is also used by \`${other.spec.id}\``, hint: 'Give each policy its own priority (1 = most urgent).', related: [{ ...there, message: `\`${other.spec.id}\` has priority ${spec.priority}` }] },
        { code: 'sla-order', ...there, subject: { kind: 'SLAPolicy', id: other.spec.id }, message: `priority ${spec.priority} is also used by \`${spec.id}\``, related: [{ ...here, message: `\`${spec.id}\` has priority ${spec.priority}` }] },
      );
    } else {
      byPriority.set(spec.priority, policy);
    }
  }
  return findings;
};

export const checkChannels: SemanticRule = ({ docs }: RuleContext) => {
  const findings: Finding[] = [];
  const core = docs.channels.filter((channel) => channel.spec.role === 'core');
  if (core.length > MAX_CORE_CHANNELS) {
    const names = core.map((channel) => channel.spec.id).join(', ');
    for (const { spec, source } of core.slice(MAX_CORE_CHANNELS)) {
      findings.push({
        code: 'channel-core-count',
        ...source.locate(['role']),
        subject: { kind: 'Channel', id: spec.id },
        message: `${core.length} channels are core (${names}); practitioners advise two or three, staffed properly`,
        hint: 'Make the channels customers use least `supporting` or `pilot`.',
      });
    }
  }
  for (const { spec, source } of core) {
    if (spec.sla && spec.sla.length > 0) continue;
    findings.push({
      code: 'channel-no-sla',
      ...source.locate(spec.sla ? ['sla'] : ['role']),
      subject: { kind: 'Channel', id: spec.id },
      message: `core channel \`${spec.id}\` has no SLA policy`,
      hint: 'List the policies that apply, e.g. `sla: [p1-outage, p3-general]`.',
    });
  }
  return findings;
};

export const checkHiringProfiles: SemanticRule = ({ docs }: RuleContext) =>
  docs.hiringProfiles
    .filter(({ spec }) => !(spec.skills ?? []).some((skill) => skill.need === 'must'))
    .map(({ spec, source }) => ({
      code: 'hiring-no-must' as const,
      ...source.locate(spec.skills ? ['skills'] : []),
      subject: { kind: 'HiringProfile', id: spec.id },
      message: `hiring profile \`${spec.id}\` has no must-have skill`,
      hint: 'Mark the skills you will not hire without as `need: must`.',
    }));
