// One CSV row as ranges of a text: cell i runs from starts[i] to ends[i]. Reading a row this way
// makes no string per cell: the row loop compares a cell with what it already knows in place
// (see CellMemo) and reads a number from it where it lies, and only a cell that must be shown
// or remembered is cut out of the text. readCsvRows reuses one CsvRow for every row of a file.

export class CsvRow {
  text = '';
  count = 0;
  starts = new Int32Array(16);
  ends = new Int32Array(16);

  /** Where cell `cell` starts in `text`; a cell past the row's last is empty. */
  start(cell: number): number {
    return cell < this.count ? this.starts[cell]! : 0;
  }

  end(cell: number): number {
    return cell < this.count ? this.ends[cell]! : 0;
  }

  isEmpty(cell: number): boolean {
    return this.end(cell) === this.start(cell);
  }

  /** The cell's text, cut out of the row's. */
  cell(cell: number): string {
    return this.text.slice(this.start(cell), this.end(cell));
  }

  fields(): string[] {
    return Array.from({ length: this.count }, (_, cell) => this.cell(cell));
  }

  /** Starts a row of `text`; cells are then added left to right. */
  reset(text: string): void {
    this.text = text;
    this.count = 0;
  }

  addCell(start: number, end: number): void {
    if (this.count === this.starts.length) {
      const starts = new Int32Array(this.count * 2);
      starts.set(this.starts);
      this.starts = starts;
      const ends = new Int32Array(this.count * 2);
      ends.set(this.ends);
      this.ends = ends;
    }
    this.starts[this.count] = start;
    this.ends[this.count++] = end;
  }

  /** The row of cells papaparse gave, as one text (the cells joined; the ranges say where each is). */
  setFields(fields: readonly string[]): void {
    this.reset(fields.join(','));
    let start = 0;
    for (const field of fields) {
      this.addCell(start, start + field.length);
      start += field.length + 1;
    }
  }
}
