// Enforces the layering in ARCHITECTURE.md: each folder of src/ may import only the folders
// listed for it, so data keeps flowing one way and the core stays free of I/O.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src');

/** Which layers each layer may import (besides itself). */
const ALLOWED: Record<string, string[]> = {
  spec: [],
  util: [],
  diagnostics: ['spec', 'util'],
  parse: ['spec', 'diagnostics', 'util', 'effects'],
  model: ['spec', 'parse', 'diagnostics', 'util'],
  validate: ['spec', 'diagnostics', 'parse', 'util'],
  metrics: ['spec', 'diagnostics', 'model', 'util', 'effects'],
  tickets: ['spec', 'diagnostics', 'model', 'metrics', 'util', 'effects'],
  compute: ['spec', 'diagnostics', 'metrics', 'model', 'util'],
  pipeline: ['spec', 'diagnostics', 'parse', 'validate', 'model', 'metrics', 'tickets', 'compute', 'util', 'effects'],
  render: ['spec', 'diagnostics', 'model', 'metrics', 'tickets', 'compute', 'util'],
  site: ['spec', 'diagnostics', 'model', 'metrics', 'tickets', 'compute', 'render', 'util', 'pipeline', 'effects'],
  diff: ['spec', 'diagnostics', 'model', 'metrics', 'tickets', 'compute', 'render', 'util', 'pipeline', 'effects', 'parse', 'validate'],
  cli: ['spec', 'diagnostics', 'model', 'metrics', 'tickets', 'compute', 'render', 'util', 'pipeline', 'effects', 'site', 'diff', 'parse', 'validate'],
  effects: [],
};

/** Layers that stay pure: no file system, process or network access. */
const PURE = ['util', 'spec', 'diagnostics', 'parse', 'validate', 'model', 'compute', 'render'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.(ts|tsx|astro)$/.test(entry) ? [full] : [];
  });
}

const layerOf = (file: string) => path.relative(SRC, file).split(path.sep)[0]!.replace(/\.ts$/, '');

describe('layering', () => {
  const files = sourceFiles(SRC);

  it('every src/ file belongs to a known layer', () => {
    expect([...new Set(files.map(layerOf))].filter((layer) => !(layer in ALLOWED))).toEqual([]);
  });

  it.each(Object.keys(ALLOWED))('%s imports only what it may', (layer) => {
    const violations: string[] = [];
    for (const file of files.filter((f) => layerOf(f) === layer)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/(?:from|import)\s*\(?\s*['"](\.[^'"]+)['"]/g)) {
        const target = layerOf(path.resolve(path.dirname(file), match[1]!));
        if (target !== layer && !ALLOWED[layer]!.includes(target)) violations.push(`${path.relative(SRC, file)} -> ${match[1]}`);
      }
      if (PURE.includes(layer) && /from ['"]node:(fs|child_process|net|http|process)/.test(text)) violations.push(`${path.relative(SRC, file)} does I/O`);
    }
    expect(violations).toEqual([]);
  });
});
