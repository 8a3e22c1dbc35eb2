// The build's CSV writer: every download handed over is written under its folder, whenever it is
// handed over, and the first failure is what waiting for it ends with.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvDownloads, type CsvDownload } from '../../src/site/data/csv.ts';
import { csvWriter } from '../../src/site/csv-writer.ts';
import { nodeSiteBuildEffects, type SiteBuildEffects } from '../../src/site/site-build-effects.ts';

function recordingEffects(failOn?: string): { effects: SiteBuildEffects; files: Map<string, string>; folders: string[] } {
  const files = new Map<string, string>();
  const folders: string[] = [];
  const effects: SiteBuildEffects = {
    ...nodeSiteBuildEffects(),
    mkdir: async (dir) => void folders.push(dir),
    async writeFile(file, content) {
      await new Promise((resolve) => setImmediate(resolve));
      if (failOn && file.endsWith(failOn)) throw Object.assign(new Error(`ENOSPC: no space left on device, write ${file}`), { code: 'ENOSPC' });
      files.set(file, content);
    },
  };
  return { effects, files, folders };
}

const downloads = (prefix: string, count: number): CsvDownload[] =>
  Array.from({ length: count }, (_, i) => ({ file: `csv/${prefix}/${i % 3}/table-${i}.csv`, text: `\uFEFFn\r\n${i}\r\n` }));

describe('csvWriter', () => {
  it('writes every download handed over, in batches or one by one, making each folder once', async () => {
    const { effects, files, folders } = recordingEffects();
    const writer = csvWriter('/out', effects);
    writer.add(downloads('goals', 40));
    await new Promise((resolve) => setImmediate(resolve));
    writer.add(downloads('kpis', 5));
    writer.add([]);
    expect(await writer.done()).toBe(45);
    expect(files.size).toBe(45);
    expect(files.get(path.join('/out', 'csv', 'kpis', '1', 'table-4.csv'))).toBe('\uFEFFn\r\n4\r\n');
    expect([...folders].sort()).toEqual([...new Set(folders)].sort());
    expect(folders).toHaveLength(6);
  });

  it('ends with the first failure', async () => {
    const { effects } = recordingEffects('table-7.csv');
    const writer = csvWriter('/out', effects);
    writer.add(downloads('goals', 40));
    await expect(writer.done()).rejects.toThrow('ENOSPC');
  });

  it('ends with a table that cannot be written, such as two tables under one file name', async () => {
    const table = (label: string) => ({ csv: 'sla/policies', caption: '', columns: [{ label }], rows: [{ cells: [{ text: 'x' }] }] });
    const writer = csvWriter('/out', recordingEffects().effects);
    writer.add(csvDownloads([table('a'), table('b')]));
    await expect(writer.done()).rejects.toThrow('two different tables would both be downloaded as csv/sla/policies.csv');
  });

  it('is done at once when nothing was handed over', async () => {
    await expect(csvWriter('/out', recordingEffects().effects).done()).resolves.toBe(0);
  });
});

describe('csvDownloads', () => {
  const table = (csv: string, label: string) => ({ csv, caption: '', columns: [{ label }], rows: [{ cells: [{ text: '1' }] }] });

  it('gives each table its file and its neutralised CSV, and a table listed twice once', () => {
    const points = table('goals/frt-org/points', '=SUM(A1)');
    expect([...csvDownloads([points, points])]).toEqual([{ file: 'csv/goals/frt-org/points.csv', text: "\uFEFF'=SUM(A1)\r\n1\r\n" }]);
  });

  it('gives a table with no rows no file: its page shows no download link', () => {
    const empty = { csv: 'goals/frt-org/children', caption: '', columns: [{ label: 'Goal' }], rows: [] };
    expect([...csvDownloads([empty])]).toEqual([]);
  });

  it('refuses two different tables that would be downloaded as one file, in one call or in several', () => {
    const files = new Map<string, string>();
    expect([...csvDownloads([table('sla/policies', 'a')], files)]).toHaveLength(1);
    expect([...csvDownloads([table('sla/policies', 'a')], files)]).toEqual([]);
    expect(() => [...csvDownloads([table('sla/policies', 'b')], files)]).toThrow('two different tables would both be downloaded as csv/sla/policies.csv (the second is sla/policies)');
    expect(() => [...csvDownloads([table('goals/x/points', 'a'), table('goals/x/points', 'b')])]).toThrow('csv/goals/x/points.csv');
  });
});
