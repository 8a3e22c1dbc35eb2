// The command's output read by a program that stops early (`goalpost check --format json |
// head -1`): the command ends quietly with its own exit code, no EPIPE stack trace.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFixture } from '../helpers/workspace-fixture.ts';

const BIN = fileURLToPath(new URL('../../bin/goalpost.js', import.meta.url));
let root: string;

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'goalpost-pipe-'));
  mkdirSync(path.join(root, 'strategy'));
  for (const [file, text] of Object.entries(readFixture('valid'))) writeFileSync(path.join(root, file), text);
  // 2,000 goals with unknown owners and objectives: far more output than a pipe buffers.
  const goals = Array.from({ length: 2_000 }, (_, i) => `kind: Goal\nid: g${i}\ntitle: Goal ${i}\nobjective: nowhere\nowner: nobody\nkpi: frt\ntarget: { value: 4, date: 2026-09-30 }\n`);
  writeFileSync(path.join(root, 'strategy', 'many.yaml'), goals.join('---\n'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('output into a closed pipe', () => {
  it('stops writing and exits with the check\u2019s own code', async () => {
    const child = spawn(process.execPath, [BIN, 'check', '--root', root, '--format', 'json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    // Read the first chunk, then close our end, as `head -1` does.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(1);
  });
});
