// Worker threads started ahead of need must never keep `goalpost` from exiting, and must still
// do their job when given one.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const partWorkers = pathToFileURL(path.resolve(import.meta.dirname, '../../src/metrics/part-workers.ts')).href;

function runScript(script: string): string {
  return execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 });
}

describe('PartWorkers', () => {
  it('lets the process exit while started workers are idle and never closed', () => {
    const started = Date.now();
    expect(runScript(`import { PartWorkers } from '${partWorkers}'; new PartWorkers(2); console.log('done');`)).toBe('done\n');
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('reports a job it cannot do (a file that is not there) as unusable, not as a crash', () => {
    const script = `import { PartWorkers } from '${partWorkers}';
      const workers = new PartWorkers(1);
      const job = { path: '/nonexistent/metrics.csv', file: 0, start: 0, end: 10, newline: '\\n', header: null, catalog: { fiscalYearStart: 1, kpis: [], teams: [], people: [], channels: [], segments: [], slaPolicies: [] } };
      const { outcome, stop } = workers.run(job);
      const result = await outcome;
      stop();
      console.log(JSON.stringify({ usable: result.usable, reason: /ENOENT/.test(result.reason) }));`;
    expect(JSON.parse(runScript(script))).toEqual({ usable: false, reason: true });
  });
});
