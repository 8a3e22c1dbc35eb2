// Turns the rows of one ticket export into tickets in the store. The first non-blank row is the
// header: fields are found by their header, matched exactly after trimming. Each row is read
// cell by cell into locals, then written to a new slot; repeated ids are settled after reading
// (duplicate-ids.ts). A row with an unusable cell still counts as the ticket's latest row, and
// the ticket is then left out of every measure (ticket-value, ticket-order).
// A row comes as ranges of the text it was read from (CsvRow): cells are read where they lie,
// and a string is cut out only for a message, a memo's new key, a text id or a cell to trim.
import type { CsvRow } from '../metrics/csv-row.ts';
import type { CsvCellSink } from '../metrics/read-csv-rows.ts';
import { showCell } from '../metrics/show-cell.ts';
import { BAD_RATING, explainBadNumber, parseCountAt, parseDecimalAt, parseRating } from './cells.ts';
import { MAPPED_FIELDS, MEMO_LIMIT, numericIdAt, ownCopy, type ReadState, type SourceState } from './read-state.ts';
import { CellCodes, NOT_FOUND } from './cell-codes.ts';
import type { DimensionMatcher } from './dimension-matcher.ts';
import { fieldMask } from './requirements.ts';
import { type DraftBody, FileReport, headerProblems, malformedRow, NOT_UTF8, notCsvText, shiftedRow } from './ticket-messages.ts';
import { unmappedCode, UNUSABLE, USABLE } from './ticket-store.ts';
import { explainBadTimestamp, TIMESTAMP_HINT, TimestampReader } from './timestamp.ts';
import { fieldIndex, TICKET_FIELDS, type MappedField } from './types.ts';

// Field numbers (fieldIndex), looked up so that a field added or moved in TICKET_FIELDS cannot
// make the reader take one column for another.
const ID = fieldIndex('id');
const CREATED = fieldIndex('created');
const FIRST_REPLY = fieldIndex('firstReply');
const FIRST_REPLY_MINUTES = fieldIndex('firstReplyMinutes');
const FIRST_REPLY_BUSINESS_MINUTES = fieldIndex('firstReplyBusinessMinutes');
const SOLVED = fieldIndex('solved');
const RESOLUTION_MINUTES = fieldIndex('resolutionMinutes');
const RESOLUTION_BUSINESS_MINUTES = fieldIndex('resolutionBusinessMinutes');
const PRIORITY = fieldIndex('priority');
const TYPE = fieldIndex('type');
const TEAM = fieldIndex('team');
const CSAT = fieldIndex('csat');
const REOPENS = fieldIndex('reopens');
const REPLIES = fieldIndex('replies');

/** Rows whose length is measured to estimate how many tickets a file holds. */
const SAMPLE_ROWS = 2000;

const MINUTES_HINT = 'Minutes are a plain number such as 95 or 95.5.';
const COUNT_HINT = 'Reopens and replies are whole numbers such as 0, 1 or 2.';

/** The cell without surrounding spaces; trim() is skipped when it has nothing to do. */
function trimmed(text: string): string {
  return text === '' || (text.charCodeAt(0) > 32 && text.charCodeAt(text.length - 1) > 32) ? text : text.trim();
}

export class TicketFileReader implements CsvCellSink {
  private readonly state: ReadState;
  private readonly source: SourceState;
  private readonly file: number;
  private readonly report: FileReport;
  /** Cell index of each field (-1: not in this file); null until the header is read, and for an unusable file. */
  private cells: Int32Array | null = null;
  private unusable = false;
  /** Whether a row came after the header: a header alone is reported (file-empty). */
  private sawRow = false;
  /** Cells from this index on lie past the header's last named column. */
  private width = 0;
  /** Whether every cell of the row being read was usable. */
  private usable = true;
  /** The row's id, trimmed, as idText[idStart, idEnd) (see rowId). */
  private idText = '';
  private idStart = 0;
  private idEnd = 0;
  /** The cell locate() found, trimmed: cellText[cellStart, cellEnd). */
  private cellText = '';
  private cellStart = 0;
  private cellEnd = 0;
  /** The file's size in bytes (0 when unknown), and the characters of the rows seen so far, to reserve room for its tickets. */
  private readonly fileBytes: number;
  private sampledRows = 0;
  private sampledChars = 0;
  /** Per timestamp field (created, first reply, solved), its reader: each keeps the last date its column held. */
  private readonly timestamps: TimestampReader[];
  /** Per mapped field (in MAPPED_FIELDS order, from TEAM on): its memo and matcher, held here so a row reaches them by number. */
  private readonly memos: CellCodes[];
  private readonly matchers: DimensionMatcher[];
  /** Rating cell (trimmed) -> rating: a column of a few words (Offered, Good, Bad) over and over. */
  private readonly ratings = new CellCodes();
  /** The priority and type cells, -1 when no SLA policy's `when` reads them (nothing else does). */
  private priorityCell = -1;
  private typeCell = -1;

  constructor(state: ReadState, source: SourceState, file: number, fileBytes = 0) {
    this.fileBytes = fileBytes;
    this.state = state;
    this.source = source;
    this.file = file;
    this.report = new FileReport(state.drafts, file);
    this.timestamps = [CREATED, FIRST_REPLY, SOLVED].map(() => new TimestampReader(source.calendar));
    this.memos = MAPPED_FIELDS.map((field) => source.memos[field]);
    this.matchers = MAPPED_FIELDS.map((field) => source.matchers[field]);
  }

  rowOfCells(row: CsvRow, line: number): void {
    if (this.cells === null) {
      if (!this.unusable) this.readHeader(row.fields(), line);
      return;
    }
    this.sawRow = true;
    if (row.count > this.width && this.hasShiftedCells(row, line)) return;
    if (this.sampledRows < SAMPLE_ROWS) this.sample(row);
    const cells = this.cells;
    if (!this.locate(row, ID)) {
      this.report.cell({ code: 'ticket-value', message: 'the ticket id is empty, so this row belongs to no ticket; it is left out', hint: 'Export the ticket id column with every row.' }, line, cells[ID]!);
      return;
    }
    this.usable = true;
    this.idText = this.cellText;
    this.idStart = this.cellStart;
    this.idEnd = this.cellEnd;
    const [createdReader, firstReplyReader, solvedReader] = this.timestamps as [TimestampReader, TimestampReader, TimestampReader];
    const created = this.timestamp(row, CREATED, createdReader, line);
    if (Number.isNaN(created) && this.usable) {
      this.usable = false;
      this.report.cell({ code: 'ticket-value', message: `ticket ${showCell(this.rowId())} has no \`${this.header(CREATED)}\` time, which every ticket needs; it is left out of every measure`, hint: 'Export the creation time with every ticket.' }, line, cells[CREATED]!);
    }
    const firstReply = this.timestamp(row, FIRST_REPLY, firstReplyReader, line);
    const solved = this.timestamp(row, SOLVED, solvedReader, line);
    const firstReplyMinutes = this.minutes(row, FIRST_REPLY_MINUTES, line);
    const firstReplyBusinessMinutes = this.minutes(row, FIRST_REPLY_BUSINESS_MINUTES, line);
    const resolutionMinutes = this.minutes(row, RESOLUTION_MINUTES, line);
    const resolutionBusinessMinutes = this.minutes(row, RESOLUTION_BUSINESS_MINUTES, line);
    const reopens = this.count(row, REOPENS, line);
    const replies = this.count(row, REPLIES, line);
    const csat = this.rating(row, line);
    if (firstReply < created) this.beforeCreated(FIRST_REPLY, line);
    if (solved < created) this.beforeCreated(SOLVED, line);
    const priority = this.priorityCell < 0 ? -1 : this.state.textAt(row.text, row.start(this.priorityCell), row.end(this.priorityCell));
    const type = this.typeCell < 0 ? -1 : this.state.textAt(row.text, row.start(this.typeCell), row.end(this.typeCell));

    const store = this.state.store;
    const slot = store.add();
    const numeric = numericIdAt(this.idText, this.idStart, this.idEnd);
    store.numericId[slot] = numeric;
    if (numeric !== numeric) store.textIds.set(slot, ownCopy(this.rowId()));
    store.source[slot] = this.source.index;
    store.file[slot] = this.file;
    store.line[slot] = line;
    store.created[slot] = created;
    store.firstReply[slot] = firstReply;
    store.solved[slot] = solved;
    store.firstReplyMinutes[slot] = firstReplyMinutes;
    store.firstReplyBusinessMinutes[slot] = firstReplyBusinessMinutes;
    store.resolutionMinutes[slot] = resolutionMinutes;
    store.resolutionBusinessMinutes[slot] = resolutionBusinessMinutes;
    store.reopens[slot] = reopens === reopens ? reopens : -1;
    store.replies[slot] = replies === replies ? replies : -1;
    store.csat[slot] = csat;
    store.priority[slot] = priority;
    store.type[slot] = type;
    store.team[slot] = this.mapped(row, TEAM, line);
    store.person[slot] = this.mapped(row, TEAM + 1, line);
    store.channel[slot] = this.mapped(row, TEAM + 2, line);
    store.segment[slot] = this.mapped(row, TEAM + 3, line);
    store.valid[slot] = this.usable ? USABLE : UNUSABLE;
  }

  /** After SAMPLE_ROWS rows, reserves room for as many more tickets as the rest of the file likely holds. */
  private sample(row: CsvRow): void {
    for (let cell = 0; cell < row.count; cell++) this.sampledChars += row.end(cell) - row.start(cell) + 1;
    if (++this.sampledRows < SAMPLE_ROWS || this.fileBytes === 0) return;
    const store = this.state.store;
    const rest = Math.max(0, this.fileBytes - this.sampledChars) / (this.sampledChars / SAMPLE_ROWS);
    store.reserve(store.size + Math.ceil(rest * 1.02) + SAMPLE_ROWS);
  }

  malformed(line: number, message: string, lastLine: number, fields: readonly string[]): void {
    if (this.unusable) return;
    if (this.cells !== null) {
      this.sawRow = true;
      return this.report.cell(malformedRow(message, line, lastLine, false), line, 0);
    }
    this.unusable = true;
    const firstLine = fields.join(',').split('\n')[0]!.replace(/\r$/, '');
    this.report.add(notCsvText([firstLine]) ?? malformedRow(message, line, lastLine, true), line, 0);
  }

  notUtf8(line: number, cell: number): void {
    if (!this.unusable) this.report.add(NOT_UTF8, line, cell);
  }

  /** Call once the file has been read. */
  end(): void {
    if (this.cells === null && !this.unusable) {
      this.report.add({ code: 'ticket-file', message: 'the file is empty: it has no header row', hint: 'Export the tickets again, with the header row.' }, 1, 0);
    } else if (this.cells !== null && !this.sawRow) {
      this.report.add({ code: 'file-empty', message: 'the export has a header row and no tickets', hint: 'Export it again (check the date range and filters), or delete it if it is not needed.' }, 1, 0);
    }
    this.report.end();
  }

  private readHeader(fields: string[], line: number): void {
    const notText = notCsvText(fields);
    if (notText) {
      this.unusable = true;
      return this.report.add(notText, line, 0);
    }
    const names = fields.map((field) => field.trim());
    const { cells, problems, fatal } = headerProblems(names, this.source);
    for (const problem of problems) this.report.add(problem.body, line, problem.cell);
    if (fatal) {
      this.unusable = true;
      return;
    }
    this.cells = cells;
    if (this.state.policiesRead.has('priority')) this.priorityCell = cells[PRIORITY]!;
    if (this.state.policiesRead.has('type')) this.typeCell = cells[TYPE]!;
    this.state.idCells[this.file] = cells[ID]!;
    this.state.fileFields[this.file] = fieldMask(cells);
    this.width = names.reduce((end, name, cell) => (name === '' ? end : cell + 1), 0);
  }

  /** A row with values past the header's last named column: its cells may be shifted, so it is left out. */
  private hasShiftedCells(row: CsvRow, line: number): boolean {
    for (let cell = this.width; cell < row.count; cell++) {
      if (row.isEmpty(cell) || row.cell(cell).trim() === '') continue;
      this.report.cell(shiftedRow(cell, this.width - 1), line, cell);
      return true;
    }
    return false;
  }

  /**
   * Finds `field`'s cell in the row without surrounding spaces, as cellText[cellStart,
   * cellEnd): where it lies in the row's text, unless it has spaces to trim (then a trimmed
   * copy). False when it is empty or the file has no such column.
   */
  private locate(row: CsvRow, field: number): boolean {
    const cell = this.cells![field]!;
    if (cell < 0) return false;
    const text = row.text;
    const start = row.start(cell);
    const end = row.end(cell);
    if (start < end && (text.charCodeAt(start) <= 32 || text.charCodeAt(end - 1) <= 32)) {
      const trimmedCell = text.slice(start, end).trim();
      this.cellText = trimmedCell;
      this.cellStart = 0;
      this.cellEnd = trimmedCell.length;
      return trimmedCell !== '';
    }
    this.cellText = text;
    this.cellStart = start;
    this.cellEnd = end;
    return start < end;
  }

  /** The cell locate() found, as a string of its own (for a message or a memo). */
  private located(): string {
    return this.cellText.slice(this.cellStart, this.cellEnd);
  }

  /** The row's ticket id as written (trimmed), cut out only for a message or a text id. */
  private rowId(): string {
    return this.idText.slice(this.idStart, this.idEnd);
  }

  private header(field: number): string {
    return this.source.headers.get(TICKET_FIELDS[field]!)!;
  }

  private bad(field: number, line: number, body: DraftBody): void {
    this.usable = false;
    this.report.cell(body, line, this.cells![field]!);
  }

  private badValue(field: number, line: number, text: string, what: string, why: string, hint: string): void {
    this.bad(field, line, { code: 'ticket-value', message: `${showCell(text)} under \`${this.header(field)}\` is not ${what}${why ? ` (${why})` : ''}; ticket ${showCell(this.rowId())} is left out of every measure`, hint });
  }

  /**
   * The start of the field's cell when it reads as it lies (not empty, the file has the column),
   * else -1. A cell with spaces around it does not parse as it lies (no form the parsers accept
   * begins or ends with one), so the parsers try the cell as it lies first, and only a cell they
   * cannot read is trimmed (locate) and read again, or reported.
   */
  private asItLies(row: CsvRow, field: number): number {
    const cell = this.cells![field]!;
    return cell >= 0 && row.end(cell) > row.start(cell) ? row.start(cell) : -1;
  }

  /** `reader`: the field's TimestampReader. */
  private timestamp(row: CsvRow, field: number, reader: TimestampReader, line: number): number {
    const start = this.asItLies(row, field);
    if (start >= 0) {
      const instant = reader.readAt(row.text, start, row.end(this.cells![field]!));
      if (instant === instant) return instant;
    }
    if (!this.locate(row, field)) return Number.NaN;
    const instant = reader.readAt(this.cellText, this.cellStart, this.cellEnd);
    if (Number.isNaN(instant)) {
      const text = this.located();
      this.badValue(field, line, text, 'a timestamp', explainBadTimestamp(text), TIMESTAMP_HINT);
    }
    return instant;
  }

  private minutes(row: CsvRow, field: number, line: number): number {
    const start = this.asItLies(row, field);
    if (start >= 0) {
      const minutes = parseDecimalAt(row.text, start, row.end(this.cells![field]!));
      if (minutes >= 0) return minutes;
    }
    if (!this.locate(row, field)) return Number.NaN;
    const minutes = parseDecimalAt(this.cellText, this.cellStart, this.cellEnd);
    if (Number.isNaN(minutes)) {
      const text = this.located();
      this.badValue(field, line, text, 'a number of minutes', explainBadNumber(text, false), MINUTES_HINT);
    } else if (minutes < 0) {
      this.bad(field, line, { code: 'ticket-order', message: `\`${this.header(field)}\` is negative (${this.located()}) for ticket ${showCell(this.rowId())}, which it cannot be; the ticket is left out of every measure`, hint: 'Check the export: a duration runs from the ticket\'s creation forward.' });
    }
    return minutes;
  }

  private count(row: CsvRow, field: number, line: number): number {
    const start = this.asItLies(row, field);
    if (start >= 0) {
      const count = parseCountAt(row.text, start, row.end(this.cells![field]!));
      if (count === count) return count;
    }
    if (!this.locate(row, field)) return Number.NaN;
    const count = parseCountAt(this.cellText, this.cellStart, this.cellEnd);
    if (Number.isNaN(count)) {
      const text = this.located();
      this.badValue(field, line, text, 'a count', explainBadNumber(text, true), COUNT_HINT);
    }
    return count;
  }

  private rating(row: CsvRow, line: number): number {
    if (!this.locate(row, CSAT)) return -1;
    let rating = this.ratings.getAt(this.cellText, this.cellStart, this.cellEnd);
    if (rating === NOT_FOUND) {
      const text = this.located();
      rating = parseRating(text);
      if (this.ratings.size < MEMO_LIMIT) this.ratings.set(ownCopy(text), rating);
    }
    if (rating === BAD_RATING) {
      this.badValue(CSAT, line, this.located(), 'a satisfaction rating', 'a score is a whole number from 1 to 5', 'Write good or bad, or a score from 1 (bad) to 5 (good); leave the cell empty, or write offered or unoffered, when the ticket has no rating.');
      return -1;
    }
    return rating;
  }

  private beforeCreated(field: number, line: number): void {
    this.bad(field, line, {
      code: 'ticket-order',
      message: `ticket ${showCell(this.rowId())} has \`${this.header(field)}\` before \`${this.header(CREATED)}\`; it is left out of every measure`,
      hint: 'Check both times in the export, and that they are read in the same timezone (the TicketSource\'s `timezone`).',
    });
  }

  /** The code stored for a team, person, channel or segment cell (see TicketStore). */
  private mapped(row: CsvRow, field: number, line: number): number {
    const cell = this.cells![field]!;
    if (cell < 0) return -1;
    const memo = this.memos[field - TEAM]!;
    const known = memo.getAt(row.text, row.start(cell), row.end(cell));
    if (known !== NOT_FOUND) return known;
    const raw = row.cell(cell);
    const text = trimmed(raw);
    let code = text === '' ? -1 : this.matchers[field - TEAM]!.match(text);
    if (code === -1 && text !== '') code = unmappedCode(this.unmappedIndex(MAPPED_FIELDS[field - TEAM]!, text, line, cell));
    if (memo.size < MEMO_LIMIT) memo.set(ownCopy(raw), code);
    return code;
  }

  private unmappedIndex(name: MappedField, text: string, line: number, cell: number): number {
    const keys = this.source.unmappedKeys[name];
    const key = text.toLowerCase();
    let index = keys.get(key);
    if (index === undefined) {
      index = this.state.unmapped.push({ source: this.source.index, field: name, value: ownCopy(text), at: { file: this.file, line, cell } }) - 1;
      keys.set(ownCopy(key), index);
    }
    return index;
  }

}
