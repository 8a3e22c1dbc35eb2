// Value types that a strategy file writes and the resolved model keeps unchanged: the same
// words on both sides of validation, so they live in this leaf folder rather than in either.

/** A calendar date written YYYY-MM-DD. */
export type IsoDate = string;

export type Unit = 'minutes' | 'hours' | 'days' | 'percent' | 'score' | 'count' | 'ratio' | `currency:${string}`;
export type Direction = 'increase' | 'decrease';
export type Rollup = 'mean' | 'sum' | 'last' | 'min' | 'max';
export type GoalType = 'reach' | 'maintain';
export type ChannelRole = 'core' | 'supporting' | 'pilot' | 'retired';
export type HiringLevel = 'agent' | 'lead' | 'manager' | 'specialist';

/** A severity a Workspace's `rules:` may give a rule code. */
export type RuleSetting = 'error' | 'warning' | 'off';

export interface Team {
  id: string;
  name: string;
  parent?: string;
  lead?: string;
}

export interface Person {
  id: string;
  name: string;
  team?: string;
  role?: string;
}

export interface Segment {
  id: string;
  name: string;
}

export interface Skill {
  name: string;
  type: 'hard' | 'soft';
  need: 'must' | 'nice';
}
