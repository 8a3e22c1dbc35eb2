// Schema stage: each document is validated against the definition its `kind` selects (no
// root-level dispatch, so ajv's errors stay about one kind), and ajv's errors are turned into
// one message per path in the user's terms, with "did you mean" hints for typos.
import type { ErrorObject } from 'ajv';
import type { Finding } from '../diagnostics/diagnostic.ts';
import type { Kind } from '../spec/kinds.ts';
import type { DocPath, SourceDocument } from '../parse/source-document.ts';
import { closestMatch } from '../util/closest-match.ts';
import { KIND_DEFINITIONS, NOT_BLANK } from './schema.ts';
import { schemaValidators } from './schema-validators.ts';

/**
 * Fields whose absence a semantic rule reports in domain terms (goal-target-missing), so the
 * schema stays quiet about them rather than saying the same thing twice.
 */
const REPORTED_BY_RULES: Partial<Record<Kind, { missing: string[]; wrongType: string[] }>> = {
  Goal: { missing: ['kpi', 'target', 'target.value', 'target.date'], wrongType: ['target.value'] },
};

function pathOf(pointer: string): DocPath {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function fieldName(path: DocPath): string {
  return path.reduce<string>((name, part) => (typeof part === 'number' ? `${name}[${part}]` : name ? `${name}.${part}` : part), '');
}

/** What a YAML 1.1 tag (`!!binary`, `!!timestamp`, `!!set`, `!!omap`) made of a value, or null for a plain value. */
function taggedValue(value: unknown): string | null {
  if (value instanceof Uint8Array) return 'binary data (the !!binary tag)';
  if (value instanceof Date) return 'a timestamp (the !!timestamp tag)';
  if (value instanceof Set) return 'a set (the !!set tag)';
  if (value instanceof Map) return 'an ordered mapping (the !!omap tag)';
  return null;
}

const TAG_HINT = 'Remove the `!!` tag: Goalpost reads plain YAML values (text, numbers, true or false, lists and mappings).';

function describeValue(value: unknown): string {
  const tagged = taggedValue(value);
  if (tagged) return tagged;
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return `${typeof value} ${String(value)}`;
}

function valueAt(data: unknown, path: DocPath): unknown {
  let current = data;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[part];
  }
  return current;
}

function schemaAt(kind: Kind, path: DocPath): Record<string, unknown> | undefined {
  let schema: Record<string, unknown> | undefined = KIND_DEFINITIONS[kind] as Record<string, unknown>;
  for (const part of path) {
    if (!schema) return undefined;
    if (typeof part === 'number') schema = schema.items as Record<string, unknown> | undefined;
    else schema = (schema.properties as Record<string, Record<string, unknown>> | undefined)?.[part];
  }
  return schema;
}

/**
 * `{ name: Clear, warm English }`: an unquoted comma inside a { } map ends the value, and the
 * words after it become a field with no value. Seen as an unknown field whose value is empty,
 * following a field whose value is text: the hint quotes the whole value.
 */
function commaSplitHint(parent: unknown, unknown: string): string | undefined {
  if (parent === null || typeof parent !== 'object' || Array.isArray(parent)) return undefined;
  const entries = Object.entries(parent as Record<string, unknown>);
  const index = entries.findIndex(([key]) => key === unknown);
  const before = entries[index - 1];
  if (index < 1 || entries[index]![1] !== null || !before || typeof before[1] !== 'string') return undefined;
  return `A comma inside { } ends the value before it, so \`${unknown}\` became a field of its own. Quote the value that holds the comma: ${before[0]}: "${before[1]}, ${unknown}"`;
}

function translate(kind: Kind, doc: SourceDocument, error: ErrorObject): Finding | null {
  const path = pathOf(error.instancePath);
  const field = fieldName(path);
  const value = valueAt(doc.data, path);
  const base = { code: 'schema' as const, file: doc.file };
  const quiet = REPORTED_BY_RULES[kind];
  switch (error.keyword) {
    case 'additionalProperties': {
      const unknown = String(error.params.additionalProperty);
      const known = Object.keys((schemaAt(kind, path)?.properties as object | undefined) ?? {});
      const suggestion = closestMatch(unknown, known);
      const where = field ? ` in \`${field}\`` : '';
      return {
        ...base,
        ...doc.locateKey([...path, unknown]),
        message: `unknown field \`${unknown}\`${where} of ${kind}`,
        hint: commaSplitHint(value, unknown) ?? (suggestion ? `Did you mean \`${suggestion}\`?` : `Known fields: ${known.join(', ')}.`),
      };
    }
    case 'required': {
      const missing = String(error.params.missingProperty);
      if (quiet?.missing.includes(fieldName([...path, missing]))) return null;
      return {
        ...base,
        ...doc.locate(path),
        message: field ? `\`${field}\` is missing \`${missing}\`` : `${kind} is missing \`${missing}\``,
        hint: describeField(kind, [...path, missing]),
      };
    }
    case 'type': {
      // `.nan` and `.inf` are reported once, by nonFiniteNumbers.
      if (quiet?.wrongType.includes(field) || (typeof value === 'number' && !Number.isFinite(value))) return null;
      const expected = String(error.params.type).replace(',', ' or ');
      const quoteHint = expected === 'string' && (typeof value === 'number' || typeof value === 'boolean') ? 'Put the value in quotes.' : undefined;
      const hint = taggedValue(value) ? TAG_HINT : (quoteHint ?? describeField(kind, path));
      return { ...base, ...doc.locate(path), message: `\`${field}\` must be ${article(expected)}, not ${describeValue(value)}`, hint };
    }
    case 'enum': {
      const allowed = (error.params.allowedValues as unknown[]).map(String);
      const suggestion = typeof value === 'string' ? closestMatch(value, allowed) : undefined;
      return {
        ...base,
        ...doc.locate(path),
        message: `\`${field}\` must be one of ${allowed.join(', ')}, not ${describeValue(value)}`,
        hint: suggestion ? `Did you mean \`${suggestion}\`?` : undefined,
      };
    }
    case 'const':
      return { ...base, ...doc.locate(path), message: `\`${field}\` must be ${JSON.stringify(error.params.allowedValue)}` };
    case 'pattern':
      if (error.params.pattern === NOT_BLANK) return { ...base, ...doc.locate(path), message: `\`${field}\` must not be blank` };
    // falls through
    case 'format':
      return { ...base, ...doc.locate(path), message: `\`${field}\` is ${describeValue(value)}, which is not ${formatName(error, path)}`, hint: describeField(kind, path) };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { ...base, ...doc.locate(path), message: `\`${field}\` ${error.message} (it is ${String(value)})` };
    case 'not':
      return { ...base, ...doc.locate(['parent']), message: 'a goal names either `objective` or `parent`, not both', hint: 'A cascaded goal inherits its objective from its parent: remove `objective`.' };
    case 'minLength':
      return { ...base, ...doc.locate(path), message: `\`${field}\` must not be empty` };
    default:
      return { ...base, ...doc.locate(path), message: `\`${field || kind}\` ${error.message ?? 'is not valid'}` };
  }
}

function article(type: string): string {
  const names: Record<string, string> = { object: 'a mapping', array: 'a list', integer: 'a whole number', number: 'a number', string: 'text', boolean: 'true or false' };
  return names[type] ?? type;
}

function formatName(error: ErrorObject, path: DocPath): string {
  const pattern = String(error.params.pattern ?? '');
  const last = path[path.length - 1];
  if (pattern.includes(':\\d{2}-')) return 'an interval of the day written HH:MM-HH:MM, such as 08:00-18:00';
  if (error.keyword === 'format' || pattern.includes('\\d{2}-\\d{2}')) return 'a real date written YYYY-MM-DD';
  if (pattern.includes('\\d+d')) return 'a duration such as 30m, 2h, 1h30m or 1d';
  if (pattern.includes('Q[1-4]')) return 'a quarter such as 2026-Q2';
  if (last === 'statistic') return 'mean, median, or a percentile from p1 to p99 such as p90';
  if (last === 'url') return 'a web address with {id} where the ticket id goes, such as https://acme.zendesk.com/agent/tickets/{id}';
  if (last === 'scope') return 'a scope: org, or team:, person:, channel:, segment:, sla: followed by an id';
  if (last === 'unit') return 'a unit: minutes, hours, days, percent, score, count, ratio or currency:XXX';
  if (last === 'id' || pattern.includes('a-z0-9._-')) return 'a valid id (lower-case letters, digits, ".", "_" or "-", starting with a letter or digit, at most 64 characters)';
  return `in the expected form (${pattern})`;
}

function describeField(kind: Kind, path: DocPath): string | undefined {
  const description = schemaAt(kind, path)?.description;
  return typeof description === 'string' ? `\`${fieldName(path)}\`: ${description}` : undefined;
}

/**
 * YAML's `.nan` and `.inf`, and a number too large for a double (1e400, which YAML reads as
 * infinity), are not figures: arithmetic on them would poison every roll-up above. Each gets one
 * finding that says which it is (ajv's own type error about it is left out).
 */
function nonFiniteNumbers(kind: Kind, doc: SourceDocument): Finding[] {
  const findings: Finding[] = [];
  // One path, grown and shrunk as the walk goes, and copied only for a finding.
  const path: (string | number)[] = [];
  const visit = (value: unknown) => {
    if (typeof value === 'number') {
      if (Number.isFinite(value)) return;
      const field = fieldName(path);
      if (!REPORTED_BY_RULES[kind]?.wrongType.includes(field)) {
        const what = Number.isNaN(value) ? 'is .nan, which is not a number' : `is ${value > 0 ? '' : 'minus '}infinity (.inf, or a number too large to hold, such as 1e400)`;
        findings.push({ code: 'schema', ...doc.locate([...path]), message: `\`${field}\` ${what}`, hint: 'Write a plain number, such as 4.5.' });
      }
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        visit(value[i]);
        path.pop();
      }
    } else if (value !== null && typeof value === 'object') {
      for (const key of Object.keys(value)) {
        path.push(key);
        visit((value as Record<string, unknown>)[key]);
        path.pop();
      }
    }
  };
  visit(doc.data);
  return findings;
}

/**
 * Findings of the documents checked so far. A parsed document is the same object only as long as
 * its file's text is the same (goalpost dev keeps parses between runs: PipelineMemo), so a run
 * after a change checks only the documents of the file that changed.
 */
const checked = new WeakMap<SourceDocument, readonly Finding[]>();

/** Validates one document whose `kind` is known. Returns findings, one per offending path. */
export function validateDocumentSchema(kind: Kind, doc: SourceDocument): readonly Finding[] {
  let findings = checked.get(doc);
  if (!findings) checked.set(doc, (findings = schemaFindings(kind, doc)));
  return findings;
}

function schemaFindings(kind: Kind, doc: SourceDocument): Finding[] {
  const validate = schemaValidators().get(kind)!;
  if (validate(doc.data)) return nonFiniteNumbers(kind, doc);
  const seen = new Set<string>();
  const findings: Finding[] = [...nonFiniteNumbers(kind, doc)];
  // Unknown fields first: a typo explains the "missing" error that usually comes with it.
  const errors = [...(validate.errors ?? [])].sort((a, b) => rank(a) - rank(b));
  for (const error of errors) {
    const key = error.keyword === 'additionalProperties' ? `${error.instancePath}/${String(error.params.additionalProperty)}` : error.instancePath;
    if (error.keyword !== 'additionalProperties' && error.keyword !== 'required' && seen.has(key)) continue;
    const finding = translate(kind, doc, error);
    if (!finding) continue;
    if (error.keyword === 'required') {
      const requiredKey = `${key}#${String(error.params.missingProperty)}`;
      if (seen.has(requiredKey)) continue;
      seen.add(requiredKey);
    }
    seen.add(key);
    findings.push(finding);
  }
  return findings;
}

function rank(error: ErrorObject): number {
  const order = ['additionalProperties', 'required', 'type', 'enum', 'const', 'format', 'pattern'];
  const index = order.indexOf(error.keyword);
  return index === -1 ? order.length : index;
}
