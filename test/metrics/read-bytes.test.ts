// Metric CSVs read from disk through FileSystem.readChunks: one reused buffer, chunk by chunk.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../../src/effects.ts';
import { ingestMetrics } from '../../src/metrics/ingest.ts';
import { readBytes, readCsvRows } from '../../src/metrics/read-csv-rows.ts';
import { memoryFileSystem } from '../helpers/memory-fs.ts';
import { CATALOG } from './catalog.ts';

const root = mkdtempSync(path.join(os.tmpdir(), 'goalpost-read-bytes-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Rows enough to cross several 64 KB chunks, a multi-byte character in a scope cell on each. */
function csvText(rows: number): string {
  const lines = ['period,kpi,scope,value'];
  for (let i = 0; i < rows; i++) lines.push(`2026-${String((i % 12) + 1).padStart(2, '0')},frt,team:zürich-${i % 7},${i}.5`);
  return `${lines.join('\n')}\n`;
}

describe('metric CSVs read from disk', () => {
  it('gives what the same files give from memory, past many chunks', async () => {
    const files = { 'data/a.csv': csvText(20_000), 'data/b.csv': csvText(3_000).replace('2026-01,frt,team:zürich-0,0.5', '2026-01,frt,team:zürich-0,9') };
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      writeFileSync(path.join(root, name), text);
    }
    expect(nodeFileSystem.readChunks).toBeDefined();
    const fromDisk = await ingestMetrics(nodeFileSystem, root, CATALOG);
    const fromMemory = await ingestMetrics(memoryFileSystem(files, root), root, CATALOG);
    expect(fromDisk.findings).toEqual(fromMemory.findings);
    expect(fromDisk.findings.map((finding) => finding.code)).toContain('metric-conflict');
    const asData = (result: typeof fromDisk) => [...result.series].map(([key, series]) => [key, series.periods, [...series.values], series.source]);
    expect(asData(fromDisk)).toEqual(asData(fromMemory));
    expect(fromDisk.series.size).toBeGreaterThan(0);
  });

  it('reports a file that cannot be opened as a finding', async () => {
    const broken = mkdtempSync(path.join(os.tmpdir(), 'goalpost-read-bytes-'));
    try {
      mkdirSync(path.join(broken, 'data'));
      symlinkSync(path.join(broken, 'missing.csv'), path.join(broken, 'data', 'gone.csv'));
      const { findings } = await ingestMetrics(nodeFileSystem, broken, CATALOG);
      expect(findings.map((finding) => `${finding.code} ${finding.file}: ${finding.message}`)).toEqual(['metric-file data/gone.csv: the file could not be read: nothing exists at its path (is it a symbolic link to a missing file?)']);
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });

  it.runIf(existsSync('/proc/self/fd'))('closes the file when reading stops before its end', async () => {
    const file = path.join(root, 'long.csv');
    writeFileSync(file, csvText(20_000));
    const openFiles = () => readdirSync('/proc/self/fd').length;
    const before = openFiles();
    const stopAtRow = (row: number) => ({
      row: (_: string[], line: number) => {
        if (line === row) throw new Error('stop');
      },
      malformed: () => undefined,
    });
    // Stopped by the reader of the rows, in the first chunk and in a later one.
    await expect(readCsvRows(readBytes(nodeFileSystem, file), stopAtRow(2))).rejects.toThrow('stop');
    await expect(readCsvRows(readBytes(nodeFileSystem, file), stopAtRow(10_000))).rejects.toThrow('stop');
    expect(openFiles()).toBe(before);
  });
});
