// The wording of the ticket findings (TICKETS.md 7.4), and FileReport, which drafts them for
// one file: past the first MAX_CELL_FINDINGS of one rule in one column, the cells are counted
// in a single finding, so a column of bad dates in a million-row export makes 21 findings.
import type { FindingDraft } from '../metrics/finding-drafts.ts';
import { showCell } from '../metrics/show-cell.ts';
import { closestMatch } from '../util/closest-match.ts';
import { PRESET_HEADERS } from './presets.ts';
import type { Requirement } from './requirements.ts';
import type { SourceState } from './read-state.ts';
import { fieldIndex, TICKET_FIELDS, type TicketField } from './types.ts';

export type DraftBody = Omit<FindingDraft, 'at'>;

export const MAX_CELL_FINDINGS = 20;

export class FileReport {
  private readonly drafts: FindingDraft[];
  private readonly file: number;
  private readonly perColumn = new Map<string, number>();
  private readonly more = new Map<string, { draft: FindingDraft; count: number }>();

  constructor(drafts: FindingDraft[], file: number) {
    this.drafts = drafts;
    this.file = file;
  }

  add(body: DraftBody, line: number, cell: number): void {
    this.drafts.push({ ...body, at: { file: this.file, line, cell } });
  }

  /** A finding about a cell, counted past the first MAX_CELL_FINDINGS of its rule in its column. */
  cell(body: DraftBody, line: number, cell: number): void {
    const key = `${body.code}\u0000${cell}`;
    const seen = this.perColumn.get(key) ?? 0;
    this.perColumn.set(key, seen + 1);
    if (seen < MAX_CELL_FINDINGS) return this.add(body, line, cell);
    const counted = this.more.get(key);
    if (counted) counted.count++;
    else {
      const draft: FindingDraft = { code: body.code, message: '', at: { file: this.file, line, cell }, ...(body.hint === undefined ? {} : { hint: body.hint }) };
      this.drafts.push(draft);
      this.more.set(key, { draft, count: 1 });
    }
  }

  end(): void {
    for (const { draft, count } of this.more.values()) {
      draft.message = `from here on, ${count} more ${count === 1 ? 'cell' : 'cells'} of this column ${count === 1 ? 'has' : 'have'} the same kind of problem (only the first ${MAX_CELL_FINDINGS} are listed one by one); their tickets are left out`;
    }
  }
}

const EXPORT_HINT = 'Export the tickets as CSV (comma separated, UTF-8).';

/** Why a header row shows that the file is no CSV text, or null. */
export function notCsvText(fields: readonly string[]): DraftBody | null {
  const first = fields.join(',');
  const body = (message: string, hint = EXPORT_HINT): DraftBody => ({ code: 'ticket-file', message, hint });
  if (first.startsWith('PK\u0003\u0004')) return body('this is a zip archive (an Excel .xlsx workbook?), not a CSV file; it is not read');
  if (/^\s*(\[\s*)*\{\s*"/.test(first) || /^\s*[[{]\s*$/.test(first)) return body('this is JSON, not a CSV file; it is not read');
  if (first.includes('\u0000')) return body('the file is not UTF-8 text (UTF-16, or not text at all); it is not read');
  if (/\r\s*\S/.test(first)) return body('the lines of this file end with a carriage return only (CR), so it reads as one line; it is not read', 'Save the file with Windows (CRLF) or Unix (LF) line endings.');
  if (fields.length === 1 && /[;\t]/.test(first)) {
    return body(`the header row is separated by ${first.includes(';') ? 'semicolons' : 'tabs'}, not commas; the file is not read`, 'Export as CSV separated by commas.');
  }
  return null;
}

const QUOTE_HINT = 'A quoted cell starts and ends with a double quote; write a quote inside it as two ("").';

export function malformedRow(papaparseMessage: string, line: number, lastLine: number, header: boolean): DraftBody {
  const lost = header ? 'the file is not read' : lastLine > line ? `lines ${line} to ${lastLine} are left out` : 'the row is left out';
  const runsOn = lastLine > line ? `: a quoted cell in it runs on to line ${lastLine}, so ` : '; ';
  return {
    code: 'ticket-file',
    message: `${header ? 'the header row' : 'this row'} cannot be read as CSV (${papaparseMessage.toLowerCase()})${runsOn}${lost}`,
    hint: lastLine > line ? `${QUOTE_HINT} Close or remove the quote that opens on line ${line}.` : QUOTE_HINT,
  };
}

export const NOT_UTF8: DraftBody = {
  code: 'ticket-file',
  message: 'this cell holds bytes that are not UTF-8 text (read as \uFFFD): the file was saved in another encoding, such as Latin-1 or Windows-1252',
  hint: 'Export the tickets as UTF-8. Until then, names with accents match no team or person.',
};

export function shiftedRow(cell: number, lastNamed: number): DraftBody {
  return {
    code: 'ticket-value',
    message: `this row has a value past the header's last named column (in cell ${cell + 1}; the last named is cell ${lastNamed + 1}), so its cells may sit under the wrong headers; it is left out`,
    hint: 'A comma inside a cell that is not quoted shifts the cells after it: quote such cells.',
  };
}

export function duplicateIds(count: number, id: string, earlierFile: string, earlierLine: number, source: string): DraftBody {
  return {
    code: 'ticket-duplicate',
    message:
      `${count} ${count === 1 ? 'row' : 'rows'} in this file ${count === 1 ? 'repeats' : 'repeat'} a ticket id of the source \`${source}\` read before ` +
      `(the first: ${showCell(id)}, read before on line ${earlierLine} of ${earlierFile}); the row read last wins`,
    hint: 'Overlapping exports are fine: each ticket counts once, as its latest row says. Files are read in sorted path order, so name exports by date (2026-04.csv).',
  };
}

const FIELD_NOUN = { team: 'team', person: 'person', channel: 'channel', segment: 'segment' } as const;

export function unmappedValue(field: keyof typeof FIELD_NOUN, header: string, value: string, tickets: number, hint: string): DraftBody {
  return {
    code: 'ticket-unmapped',
    message: `${showCell(value)} under \`${header}\` matches no ${FIELD_NOUN[field]} id or name (${tickets} ${tickets === 1 ? 'ticket' : 'tickets'}); they still count at every other scope`,
    hint,
  };
}

/** Another preset whose headers this file has, when the source's preset does not fit. */
function otherPreset(present: ReadonlySet<string>, source: SourceState): keyof typeof PRESET_HEADERS | undefined {
  for (const [name, headers] of Object.entries(PRESET_HEADERS)) {
    if (name !== source.def.preset && present.has(headers.id!) && present.has(headers.created!)) return name as keyof typeof PRESET_HEADERS;
  }
  return undefined;
}

/** One finding for a whole export of another help desk, rather than one per column it lacks. */
function wrongPreset(source: SourceState, preset: keyof typeof PRESET_HEADERS): { body: DraftBody; cell: number } {
  const expected = source.def.preset === 'none' ? 'the columns this TicketSource reads' : `a ${source.def.preset} export's`;
  const headers = PRESET_HEADERS[preset];
  return {
    body: {
      code: 'ticket-file',
      message: `the header row is a ${preset} export's (\`${headers.id}\`, \`${headers.created}\`), not ${expected}; the file is not read`,
      hint: `Set \`preset: ${preset}\` in the TicketSource \`${source.def.id}\`.`,
    },
    cell: 0,
  };
}

function missingColumn(requirement: Requirement, names: readonly string[], present: ReadonlySet<string>, source: SourceState, fatal: boolean): { body: DraftBody; cell: number } {
  const expected = requirement.fields.map((field) => ({ field, header: source.headers.get(field) }));
  const written = expected.filter((entry) => entry.header !== undefined).map((entry) => `\`${entry.header}\` (${entry.field})`);
  const what = written.length === 0 ? `no column for the field \`${requirement.fields[0]}\`` : written.length === 1 ? `no column ${written[0]}` : `no column ${written.join(' nor ')}`;
  const consequence = fatal ? 'the file is not read' : `this file gives ${requirement.plural ? 'them' : 'it'} nothing`;
  const message = `there is ${what}, which ${requirement.reason} ${requirement.plural ? 'need' : 'needs'}; ${consequence}`;
  const preset = otherPreset(present, source);
  if (preset) return { body: { code: 'ticket-file', message, hint: `These look like ${preset} headers: set \`preset: ${preset}\` in the TicketSource \`${source.def.id}\`.` }, cell: 0 };
  // A column the source already reads as another field is no candidate, however close its name:
  // "Full resolution time in minutes within business hours" is not the first reply's.
  const readAsOther = new Set([...source.headers].filter(([field]) => !requirement.fields.includes(field)).map(([, header]) => header));
  const candidates = names.filter((name) => name !== '' && !readAsOther.has(name));
  for (const { field, header } of expected) {
    const closest = header === undefined ? undefined : closestMatch(header, candidates);
    if (closest !== undefined) {
      const hint = `The closest header present is \`${closest}\`; headers match exactly (after trimming), so if it is this column, name it in the TicketSource \`${source.def.id}\`: columns: { ${field}: ${JSON.stringify(closest)} }.`;
      return { body: { code: 'ticket-file', message, hint }, cell: names.indexOf(closest) };
    }
  }
  // The field the source would read from a header of its own (the preset's), else the first.
  const field = expected.find((entry) => entry.header !== undefined)?.field ?? requirement.fields[0]!;
  const hint = `Include the column in the export, or name the header that holds it in the TicketSource \`${source.def.id}\`: columns: { ${field}: "<header>" }.`;
  return { body: { code: 'ticket-file', message, hint }, cell: 0 };
}

/** The cell of each field, and what is wrong with the header row. `names` are trimmed. */
export function headerProblems(names: readonly string[], source: SourceState): { cells: Int32Array; problems: { body: DraftBody; cell: number }[]; fatal: boolean } {
  const problems: { body: DraftBody; cell: number }[] = [];
  const position = new Map<string, number>();
  const read = new Set(source.headers.values());
  names.forEach((name, cell) => {
    if (name === '') return;
    const first = position.get(name);
    if (first === undefined) position.set(name, cell);
    else if (read.has(name)) {
      problems.push({ cell, body: { code: 'ticket-file', message: `the column \`${name}\` appears twice; only the first (cell ${first + 1}) is read`, hint: 'Remove or rename the repeated column.' } });
    }
  });
  const cells = new Int32Array(TICKET_FIELDS.length).fill(-1);
  for (const [field, header] of source.headers) cells[fieldIndex(field)] = position.get(header) ?? -1;
  const present = new Set(position.keys());
  const other = otherPreset(present, source);
  if (other && (cells[fieldIndex('id')]! < 0 || cells[fieldIndex('created')]! < 0)) return { cells, problems: [...problems, wrongPreset(source, other)], fatal: true };
  let fatal = false;
  const reported = new Set<TicketField>();
  for (const requirement of source.requirements) {
    if (requirement.fields.some((field) => cells[fieldIndex(field)]! >= 0)) continue;
    const isFatal = requirement.fields.includes('id') || requirement.fields.includes('created');
    fatal ||= isFatal;
    problems.push(missingColumn(requirement, names, present, source, isFatal));
    for (const field of requirement.fields) reported.add(field);
  }
  for (const field of Object.keys(source.def.columns) as TicketField[]) {
    if (cells[fieldIndex(field)]! >= 0 || reported.has(field) || !source.headers.has(field)) continue;
    problems.push(missingColumn({ fields: [field], reason: `the TicketSource's \`columns\`` }, names, present, source, false));
  }
  return { cells, problems, fatal };
}
