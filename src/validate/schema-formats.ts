// The formats the strategy schema names beyond JSON Schema's own, by name: shared by the
// validators compiled at run time and those generated at build time (schema-validators.ts).
import { isValidIsoDate } from '../util/dates.ts';

export const SCHEMA_FORMATS: Record<string, (text: string) => boolean> = { 'calendar-date': isValidIsoDate };
