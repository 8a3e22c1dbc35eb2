// The kinds of strategy document (FORMAT.md section 2). Shared by validation (which routes a
// document by its kind), the model, diff and the build script, so it lives in this leaf folder
// that imports nothing else in src/.

export type Kind = 'Workspace' | 'KPI' | 'Objective' | 'Goal' | 'Channel' | 'SLAPolicy' | 'HiringProfile' | 'Schedule' | 'TicketSource' | 'Review';

export const KINDS: readonly Kind[] = ['Workspace', 'KPI', 'Objective', 'Goal', 'Channel', 'SLAPolicy', 'HiringProfile', 'Schedule', 'TicketSource', 'Review'];
