// Enforces the layering in ARCHITECTURE.md on every .ts, .tsx and .astro file under src/: each
// layer imports only the layers listed for it, the pure layers do no I/O (no fs, process,
// network or worker modules, no global `process`, no clock), and no file imports itself through
// others. Type-only imports count everywhere: a cycle of types is still a knot a reader has to
// undo, and a type import across layers still couples them. The checker
// (architecture/check-sources.ts) reads imports from TypeScript's own syntax tree; its header
// says why through `typescript/unstable/sync`.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { astroCode, checkSources, findCycles, LAYERS, layerOf, PURE_LAYERS, type Source, type Violation } from './architecture/check-sources.ts';

const SRC = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src');

function sourcesUnder(dir: string): Source[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourcesUnder(full);
    if (!/\.(tsx?|astro)$/.test(entry.name)) return [];
    return [{ path: path.relative(SRC, full).split(path.sep).join('/'), text: readFileSync(full, 'utf8') }];
  });
}

const messagesOf = (violations: Violation[], kind?: Violation['kind']) => violations.filter((v) => !kind || v.kind === kind).map((v) => v.message);

describe('the layers of src/', () => {
  const sources = sourcesUnder(SRC);
  const violations = checkSources(sources);

  it('reads every kind of source file', () => {
    const extensions = new Set(sources.map((source) => path.extname(source.path)));
    expect([...extensions].sort()).toEqual(['.astro', '.ts', '.tsx']);
  });

  it('puts every file in a known layer', () => {
    expect(messagesOf(violations, 'unknown-layer')).toEqual([]);
  });

  it('parses every file', () => {
    expect(messagesOf(violations, 'syntax')).toEqual([]);
  });

  it('imports only across the edges ARCHITECTURE.md allows', () => {
    expect(messagesOf(violations, 'layer')).toEqual([]);
  });

  it('keeps I/O, the global process and the clock out of the pure layers', () => {
    expect(messagesOf(violations).filter((_, i) => ['io-module', 'process', 'clock'].includes(violations[i]!.kind))).toEqual([]);
  });

  it('has no import cycle', () => {
    expect(messagesOf(violations, 'cycle')).toEqual([]);
  });

  it('allows no two layers to import each other, even through others', () => {
    const layerEdges = new Map(Object.entries(LAYERS).map(([layer, allowed]) => [layer, [...allowed]]));
    expect(findCycles(layerEdges)).toEqual([]);
  });

  it('lists every pure layer in the table', () => {
    expect(PURE_LAYERS.filter((layer) => !(layer in LAYERS))).toEqual([]);
  });
});

describe('the checker', () => {
  const meetsTarget = readFileSync(path.join(SRC, 'compute', 'meets-target.ts'), 'utf8');

  it('reports node:fs, fs and the global process in a pure layer', () => {
    const violations = checkSources([
      { path: 'compute/meets-target.ts', text: `import { readFileSync } from 'fs';\n${meetsTarget}\nexport const here = () => process.cwd() + readFileSync('x', 'utf8');\n` },
      { path: 'util/reader.ts', text: "import { promises } from 'node:fs';\nimport * as workers from 'node:worker_threads';\nexport { promises, workers };\n" },
    ]);
    const endLine = meetsTarget.split('\n').length + 2;
    expect(violations.map(({ kind, file, line }) => ({ kind, file, line }))).toEqual([
      { kind: 'process', file: 'compute/meets-target.ts', line: endLine },
      { kind: 'io-module', file: 'compute/meets-target.ts', line: 1 },
      { kind: 'io-module', file: 'util/reader.ts', line: 1 },
      { kind: 'io-module', file: 'util/reader.ts', line: 2 },
    ]);
  });

  it('reports every other way to reach the outside from a pure layer', () => {
    const text = [
      "import { spawn } from 'node:child_process';",
      "import net from 'net';",
      "import type { Server } from 'node:http';",
      "export * from 'worker_threads';",
      "const lazy = () => import('fs/promises');",
      "const required = require('child_process');",
      'export const env = globalThis.process.env;',
      'export const argv = { process }.process.argv;',
    ].join('\n');
    const violations = checkSources([{ path: 'model/leaky.ts', text }]);
    expect(violations.map((v) => `${v.kind}:${v.line}`).sort()).toEqual(
      ['io-module:1', 'io-module:2', 'io-module:3', 'io-module:4', 'io-module:5', 'io-module:6', 'process:7', 'process:8'].sort(),
    );
  });

  it('reports reading the clock, and not a date made from a value', () => {
    const text = [
      'export const a = Date.now();',
      'export const b = new Date();',
      'export const c = performance.now();',
      'export const d = new Date;',
      'export const e = Date();',
      'export const f = new globalThis.Date();',
      "export const fixed = new Date('2026-01-31');",
      'export const fromDays = new Date(86_400_000 * 3);',
      'export const parsed = Date.parse(fixed.toISOString()) + Date.UTC(2026, 0, 1);',
    ].join('\n');
    const violations = checkSources([{ path: 'util/clock.ts', text }]);
    expect(violations.map((v) => `${v.kind}:${v.line}`)).toEqual(['clock:1', 'clock:2', 'clock:3', 'clock:4', 'clock:5', 'clock:6']);
  });

  it('does not take a member, key, parameter or type called process for the global', () => {
    const text = [
      'export interface Job { process: string }',
      'export const job = { process: 1 };',
      'export const step = (j: { process: number }) => j.process;',
      "export type Env = typeof process extends { env: infer E } ? E : never;",
      'export function run({ process: p }: { process: number }) { return p; }',
    ].join('\n');
    expect(checkSources([{ path: 'compute/jobs.ts', text }])).toEqual([]);
  });

  it('allows I/O outside the pure layers', () => {
    const text = "import { readFileSync } from 'node:fs';\nexport const read = () => readFileSync(process.cwd(), 'utf8') + Date.now();\n";
    expect(checkSources([{ path: 'metrics/read.ts', text }, { path: 'cli/read.ts', text }, { path: 'effects.ts', text }])).toEqual([]);
  });

  it('reports an import a layer may not make, type-only included', () => {
    const violations = checkSources([
      { path: 'model/build.ts', text: "import type { Rule } from '../validate/rules/rule.ts';\nexport type R = Rule;\n" },
      { path: 'compute/page.ts', text: "export type Page = import('../site/data/types.ts').SiteData;\n" },
      { path: 'spec/kinds.ts', text: "export { RULES } from '../diagnostics/rules.ts';\n" },
      { path: 'validate/rules/rule.ts', text: 'export type Rule = string;\n' },
    ]);
    expect(messagesOf(violations)).toEqual([
      'model/build.ts:1 imports ../validate/rules/rule.ts: model may not import validate',
      "compute/page.ts:1 imports ../site/data/types.ts: compute may not import site",
      'spec/kinds.ts:1 imports ../diagnostics/rules.ts: spec may not import diagnostics',
    ]);
  });

  it('reports a two-file import cycle, type-only imports included', () => {
    const violations = checkSources([
      { path: 'site/data/types.ts', text: "export type * from './page-types.ts';\nexport interface Ref { id: string }\n" },
      { path: 'site/data/page-types.ts', text: "import type { Ref } from './types.ts';\nexport interface Page { owner: Ref }\n" },
    ]);
    expect(messagesOf(violations)).toEqual(['import cycle: site/data/page-types.ts -> site/data/types.ts -> site/data/page-types.ts']);
  });

  it('reports a longer cycle once, through dynamic imports too', () => {
    const violations = checkSources([
      { path: 'cli/a.ts', text: "export const b = () => import('./b.ts');\n" },
      { path: 'cli/b.ts', text: "import './c.ts';\n" },
      { path: 'cli/c.ts', text: "export { b } from './a.ts';\n" },
      { path: 'cli/d.ts', text: "import './a.ts';\n" },
    ]);
    expect(messagesOf(violations)).toEqual(['import cycle: cli/a.ts -> cli/b.ts -> cli/c.ts -> cli/a.ts']);
  });

  it('reads the frontmatter and scripts of an .astro file, at their own lines', () => {
    const page = [
      '---',
      "import Layout from '../layouts/Layout.astro';",
      "import { main } from '../../cli/main.ts';",
      '---',
      '<Layout>{main}</Layout>',
      '<p>import x from "../../cli/text.ts"</p>',
      '<script>',
      "  import { diff } from '../../cli/diff.ts';",
      '</script>',
    ].join('\n');
    const violations = checkSources([{ path: 'site/pages/page.astro', text: page }]);
    expect(violations.map((v) => `${v.line} ${v.message.split(': ')[1]}`)).toEqual(['3 site may not import cli', '8 site may not import cli']);
    expect(astroCode(page).split('\n')).toHaveLength(page.split('\n').length);
  });

  it('parses .tsx', () => {
    const text = "import { readFileSync } from 'node:fs';\nexport const Chart = () => <canvas data-at={Date.now()} />;\n";
    expect(checkSources([{ path: 'render/chart.tsx', text }]).map((v) => v.kind)).toEqual(['clock', 'io-module']);
  });

  it('reports a file it cannot parse, and one in no layer', () => {
    const violations = checkSources([
      { path: 'compute/broken.ts', text: 'export const = ;\n' },
      { path: 'tools/helper.ts', text: 'export const one = 1;\n' },
    ]);
    expect(violations.map((v) => v.kind).sort()).toEqual(['syntax', 'unknown-layer']);
  });

  it('names each layer by its folder, and a root file by its name', () => {
    expect([layerOf('compute/meets-target.ts'), layerOf('effects.ts'), layerOf('site/env.d.ts'), layerOf('pipeline.ts')]).toEqual(['compute', 'effects', 'site', 'pipeline']);
  });
});
