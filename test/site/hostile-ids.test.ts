// A site built from ids that FORMAT.md allows but that look like the site's own files, Windows
// devices or names ending in a dot: `goalpost build` used to fail (a KPI `index.html`: EISDIR)
// or swap files (an SLA policy `policies` replaced the policies table's CSV). Now every page and
// download is where its links say, none replaces another, and no two differ only by case.
import { execFile } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITE_FIXTURE } from './fixture.ts';

const run = promisify(execFile);
const BIN = path.join(SITE_FIXTURE, '..', '..', '..', 'bin', 'goalpost.js');

const HOSTILE = `
---
kind: KPI
id: index.html
name: Pages indexed
unit: count
direction: increase
---
kind: SLAPolicy
id: policies
name: Policies policy
priority: 2
firstResponse: 1h
resolution: 8h
clock: calendar
target: 90
---
kind: SLAPolicy
id: goals
name: Goals policy
priority: 3
firstResponse: 2h
resolution: 1d
clock: calendar
target: 90
---
kind: SLAPolicy
id: main
name: Main policy
priority: 4
firstResponse: 4h
resolution: 2d
clock: calendar
target: 90
---
kind: Channel
id: summary.csv
name: Summary channel
role: core
owner: ben
hours: Mon-Fri 08:00-18:00
staffing: 2
sla: [policies, goals, main]
why: A channel named like a file.
---
kind: Objective
id: a.
title: An objective whose id ends in a dot
why: Windows drops the dot.
owner: ana
---
kind: Goal
id: con
title: A goal named like a Windows device
objective: a.
owner: ana
kpi: index.html
baseline: { value: 10, date: 2026-01-01 }
target: { value: 20, date: 2026-12-31 }
achievable: More pages.
---
kind: Goal
id: index.html
title: A goal named like a page
parent: con
owner: ana
kpi: index.html
baseline: { value: 10, date: 2026-01-01 }
target: { value: 15, date: 2026-12-31 }
---
kind: Goal
id: on-summary
title: A goal on the channel named like a file, so that its goals table has a row
objective: a.
owner: ana
kpi: index.html
scope: channel:summary.csv
baseline: { value: 10, date: 2026-01-01 }
target: { value: 20, date: 2026-12-31 }
achievable: More pages.
`;

let tmp: string;
let site: string;
let built: { code: number; stderr: string };

/** Every file below `dir`, relative, with `/`. */
function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'goalpost-hostile-ids-'));
  const root = path.join(tmp, 'ws');
  cpSync(SITE_FIXTURE, root, { recursive: true });
  appendFileSync(path.join(root, 'strategy', 'service.yaml'), HOSTILE);
  // Adherence figures for the policies named like the SLA page's own tables, so that their tables (and downloads) have rows.
  appendFileSync(path.join(root, 'data', 'metrics.csv'), '2026-05,sla_adherence,sla:policies,90\n2026-05,sla_adherence,sla:goals,91\n');
  site = path.join(tmp, 'site');
  try {
    const { stderr } = await run(process.execPath, [BIN, 'build', '--root', root, '--out', site, '--as-of', '2026-06-30'], { env: { ...process.env, NO_COLOR: '1', NODE_ENV: '' } });
    built = { code: 0, stderr };
  } catch (error) {
    built = { code: (error as { code: number }).code, stderr: (error as { stderr: string }).stderr };
  }
}, 120_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('a site built from ids that look like its own files', () => {
  it('builds', () => {
    expect(built.stderr).toBe('');
    expect(built.code).toBe(0);
  });

  it('keeps each page and download apart', () => {
    const files = filesBelow(site);
    expect(files).toEqual(
      expect.arrayContaining([
        'kpis/index.html',
        'kpis/_index.html_/index.html',
        'goals/_con_/index.html',
        'goals/_index.html_/index.html',
        'objectives/_a._/index.html',
        'csv/sla/policies.csv',
        'csv/sla/goals.csv',
        'csv/sla/policies/adherence.csv',
        'csv/sla/goals/adherence.csv',
        'csv/channels/summary.csv',
        'csv/channels/_summary.csv_/goals.csv',
      ]),
    );
    expect(readFileSync(path.join(site, 'kpis', '_index.html_', 'index.html'), 'utf8')).toContain('Pages indexed');
    // The policies table, not the series of the policy called `policies`.
    expect(readFileSync(path.join(site, 'csv', 'sla', 'policies.csv'), 'utf8')).toMatch(/Policies policy[^]*Goals policy|Goals policy[^]*Policies policy/);
    const lower = files.map((file) => file.toLowerCase());
    expect(new Set(lower).size).toBe(files.length);
  });

  it('links only to pages, downloads and sections that exist, and no page repeats an element id', () => {
    const files = new Set(filesBelow(site));
    const pages = [...files].filter((file) => file.endsWith('.html'));
    const idsOf = new Map(pages.map((page) => [page, [...readFileSync(path.join(site, page), 'utf8').matchAll(/ id="([^"]+)"/g)].map((match) => match[1]!)]));
    const repeated = pages.flatMap((page) => {
      const ids = idsOf.get(page)!;
      return ids.filter((id, index) => ids.indexOf(id) !== index).map((id) => `${page} #${id}`);
    });
    expect(repeated).toEqual([]);
    const broken: string[] = [];
    let checked = 0;
    for (const page of pages) {
      for (const [, target, fragment] of readFileSync(path.join(site, page), 'utf8').matchAll(/href="(\/[^"#?]*)(?:#([^"]*))?/g)) {
        const local = decodeURIComponent(target!).slice(1);
        const file = local === '' || local.endsWith('/') ? `${local}index.html` : local;
        const found = files.has(file) || (statSync(path.join(site, local), { throwIfNoEntry: false })?.isDirectory() ?? false);
        checked++;
        if (!found) broken.push(`${page} -> ${target}`);
        else if (fragment && !idsOf.get(file)?.includes(decodeURIComponent(fragment))) broken.push(`${page} -> ${target}#${fragment}`);
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(100);
    expect(idsOf.get('sla/index.html')).toEqual(expect.arrayContaining(['main', 'sla:main', 'sla:policies', 'sla:goals']));
  });
});
