// Worker threads started ahead of need must never keep `goalpost` from exiting, and must still
// do their job when given one.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const partWorkers = pathToFileURL(path.resolve(import.meta.dirname, '../../src/metrics/part-workers.ts')).href;

/** Runs `script` as a module file in a Node process of its own, with `nodeFlags`; returns its output. */
function runScript(script: string, nodeFlags: string[] = []): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'goalpost-workers-'));
  try {
    writeFileSync(path.join(dir, 'script.mjs'), script);
    return execFileSync(process.execPath, [...nodeFlags, '--import', 'tsx', path.join(dir, 'script.mjs')], { encoding: 'utf8', timeout: 30_000 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('PartWorkers', () => {
  it('lets the process exit while started workers are idle and never closed', () => {
    const started = Date.now();
    expect(runScript(`import { PartWorkers } from '${partWorkers}'; new PartWorkers(2); console.log('done');`)).toBe('done\n');
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('reads a part when Node runs with flags a thread may not be given itself (--max-old-space-size)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'goalpost-workers-'));
    const csv = path.join(dir, 'm.csv');
    writeFileSync(csv, '2026-W01,frt,org,4\n2026-W02,frt,org,5\n');
    const script = `import { PartWorkers } from '${partWorkers}';
      const { outcome, stop } = new PartWorkers(1).run({ path: ${JSON.stringify(csv)}, file: 0, start: 0, end: Infinity, newline: '\\n', header: ['period', 'kpi', 'scope', 'value'] });
      const result = await outcome;
      stop();
      console.log(JSON.stringify({ usable: result.usable, lines: result.lines, series: result.series?.scopes }));`;
    try {
      expect(JSON.parse(runScript(script, ['--max-old-space-size=512']))).toEqual({ usable: true, lines: 2, series: ['org'] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a job it cannot do (a file that is not there) as unusable, not as a crash', () => {
    const script = `import { PartWorkers } from '${partWorkers}';
      const workers = new PartWorkers(1);
      const job = { path: '/nonexistent/metrics.csv', file: 0, start: 0, end: 10, newline: '\\n', header: null };
      const { outcome, stop } = workers.run(job);
      const result = await outcome;
      stop();
      console.log(JSON.stringify({ usable: result.usable, reason: /ENOENT/.test(result.reason) }));`;
    expect(JSON.parse(runScript(script))).toEqual({ usable: false, reason: true });
  });
});
