// Finds the file lines of points that conflict. Ingestion keeps no line per point (it would
// cost a third more memory for the rare file that has a conflict), so the files holding
// conflicting points are read once more, through the same row logic, counting each series'
// points in the same arrival order as the first read did.
import type { FileSystem } from '../effects.ts';
import { IngestContext } from './ingest-context.ts';
import { FileIngester } from './ingest-file.ts';
import type { PointSink } from './ingest-file.ts';
import { readCsvRows } from './read-csv-rows.ts';
import type { PointRef, SeriesBuilder } from './series-builder.ts';
import type { MetricCatalog } from './types.ts';
import { seriesKey } from './types.ts';

export interface WantedPoint {
  kpi: string;
  scope: string;
  ref: PointRef;
}

/** Key of a found line in the result of findPointLines. */
export function pointLineKey(point: WantedPoint): string {
  return `${point.ref.file}\u0000${seriesKey(point.kpi, point.scope)}\u0000${point.ref.arrival}`;
}

/** Counts the points of each series and notes the line of the wanted ones. */
class LineFinder implements PointSink {
  readonly found = new Map<string, number>();
  private readonly arrivals: number[] = [];
  /** By series id: the arrival numbers wanted of that series, or null for none. */
  private readonly wantedById: (ReadonlySet<number> | null)[] = [];
  private readonly wanted: ReadonlyMap<string, ReadonlySet<number>>;
  private readonly file: number;

  constructor(file: number, wanted: ReadonlyMap<string, ReadonlySet<number>>) {
    this.file = file;
    this.wanted = wanted;
  }

  add(series: SeriesBuilder, _day: number, _value: number, line: number): void {
    const arrival = this.arrivals[series.id] ?? 0;
    this.arrivals[series.id] = arrival + 1;
    let wanted = this.wantedById[series.id];
    if (wanted === undefined) this.wantedById[series.id] = wanted = this.wanted.get(seriesKey(series.kpi, series.scope)) ?? null;
    if (wanted?.has(arrival)) this.found.set(pointLineKey({ kpi: series.kpi, scope: series.scope, ref: { file: this.file, arrival } }), line);
  }
}

/** The line of each wanted point, by pointLineKey; a point whose file cannot be read again is missing. */
export async function findPointLines(
  fs: FileSystem,
  paths: readonly string[],
  catalog: MetricCatalog,
  points: readonly WantedPoint[],
): Promise<Map<string, number>> {
  const byFile = new Map<number, Map<string, Set<number>>>();
  for (const point of points) {
    let bySeries = byFile.get(point.ref.file);
    if (!bySeries) byFile.set(point.ref.file, (bySeries = new Map()));
    const key = seriesKey(point.kpi, point.scope);
    let arrivals = bySeries.get(key);
    if (!arrivals) bySeries.set(key, (arrivals = new Set()));
    arrivals.add(point.ref.arrival);
  }
  const lines = new Map<string, number>();
  for (const [file, wanted] of [...byFile].sort(([a], [b]) => a - b)) {
    const context = new IngestContext(catalog);
    context.layouts.length = paths.length;
    const finder = new LineFinder(file, wanted);
    try {
      await readCsvRows(fs.createReadStream(paths[file]!), new FileIngester(context, file, finder));
    } catch {
      // The first read got through this file; if a second cannot, the lines stay unknown.
    }
    for (const [key, line] of finder.found) lines.set(key, line);
  }
  return lines;
}
