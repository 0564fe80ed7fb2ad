/**
 * The bench at a smoke size: the whole pipeline and the stock path run, every figure comes out
 * as a number (no timing is asserted: speed is measured by `npm run bench`, not by tests).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchSize, formatBench, measure } from '../scripts/lib/bench.ts';
import { hasChromium } from '../scripts/lib/browser.ts';

if (!hasChromium() && process.env['CI']) throw new Error('Chromium is missing: apt-get install -y chromium (see .ci/run)');
const run = hasChromium() ? describe : describe.skip;

describe('measure', () => {
  it('counts the memory of child processes too, waited for or not', async () => {
    // A small parent whose child holds ~200 MB and is killed, never waited for, as the Pagefind
    // service of the indexer is: GNU time's %M (the largest waited-for process) missed it.
    const child = `const b = Buffer.alloc(200 * 1024 * 1024, 1); setTimeout(() => console.log(b[0]), 10000);`;
    const parent = `const c = require('node:child_process').spawn(process.execPath, ['-e', ${JSON.stringify(child)}]); setTimeout(() => { c.kill('SIGKILL'); process.exit(0); }, 1500);`;
    const m = await measure([process.execPath, '-e', parent], process.env);
    expect(m.peakMB).toBeGreaterThan(200);
    expect(m.seconds).toBeGreaterThan(1);
  });
  it('fails with the command named when it fails', async () => {
    await expect(measure([process.execPath, '-e', 'process.exit(3)'], process.env)).rejects.toThrow(/process\.exit\(3\) failed/u);
  });
});

run('npm run bench at a smoke size', () => {
  it('runs the pipeline and the stock path and gives every figure', async () => {
    const r = await benchSize(20, path.join(mkdtempSync(path.join(tmpdir(), 'bench-')), '20'), () => {});
    const figures = [
      r.uniqueText,
      r.astroBuild.seconds,
      r.ourIndex.seconds,
      r.ourIndex.peakMB,
      r.stockIndex.seconds,
      r.rebuild.ours,
      r.rebuild.stock,
      r.ourIndexMB,
      r.stockIndexMB,
      r.firstSearchKB.ours,
      r.firstSearchKB.stock,
      r.warmMs.ours.p95,
      r.warmMs.stock.p95,
    ];
    expect(figures.every((x) => Number.isFinite(x) && x > 0)).toBe(true);
    const table = formatBench([r]);
    expect(table).toContain('| 20 | first search transferred (KB) |');
    expect(table).not.toContain('n/a');
  }, 600_000);
});
