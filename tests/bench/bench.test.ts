/**
 * The bench at a smoke size: the whole pipeline and the stock path run, every figure comes out
 * as a number (no timing is asserted: speed is measured by `npm run bench`, not by tests); the
 * import stage renders a few filings to PDF and .docx and every one of them imports.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchImport, formatImportBench, renderCorpus } from '../../scripts/lib/bench/import-stage.ts';
import { measure } from '../../scripts/lib/bench/measure.ts';
import { benchSize, formatBench } from '../../scripts/lib/bench/pipeline.ts';
import { BENCH_QUERIES } from '../../scripts/lib/bench/queries.ts';
import { run } from '../support/chromium.ts';

describe('measure', () => {
  it('counts the memory of child processes too, waited for or not', async () => {
    // A small parent whose child holds ~200 MB and is killed, never waited for, as the Pagefind
    // service of the indexer is: GNU time's %M (the largest waited-for process) missed it.
    // The child says when it holds the memory, and only then does the parent give the sampler
    // (every 100 ms) three seconds before it kills it: a busy machine slows the child's start,
    // not what is counted.
    const child = `const b = Buffer.alloc(200 * 1024 * 1024, 1); console.log('ready'); setTimeout(() => console.log(b[0]), 60000);`;
    const parent = `const c = require('node:child_process').spawn(process.execPath, ['-e', ${JSON.stringify(child)}]); c.stdout.once('data', () => setTimeout(() => { c.kill('SIGKILL'); process.exit(0); }, 3000));`;
    const m = await measure([process.execPath, '-e', parent], process.env);
    expect(m.peakMB).toBeGreaterThan(200);
    expect(m.seconds).toBeGreaterThan(1);
  });
  it('counts the CPU time of its processes, and takes exit codes it is told to', async () => {
    // Spins until its own CPU clock says 0.6 s, however long a busy machine takes to give it that.
    const spin = `const t = process.cpuUsage(); while (process.cpuUsage(t).user < 600000); process.exit(1);`;
    const m = await measure([process.execPath, '-e', spin], process.env, { allowExit: [1] });
    expect(m.cpuSeconds).toBeGreaterThan(0.4);
    expect(m.otherCores).toBeGreaterThanOrEqual(0);
  });
  it('fails with the command named when it fails', async () => {
    await expect(measure([process.execPath, '-e', 'process.exit(3)'], process.env)).rejects.toThrow(/process\.exit\(3\) failed/u);
  });
});

run('npm run bench at a smoke size', () => {
  it('runs the pipeline and the stock path and gives every figure', async () => {
    // A few queries of each sort (the whole mix is the bench's, at full size).
    const queries = ['住民票コード', '保守 コールセンター', 'じゅうみんひょう', 'NEC', 'H22'];
    const r = await benchSize(20, path.join(mkdtempSync(path.join(tmpdir(), 'bench-')), '20'), () => {}, queries);
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
      r.firstSearchKB.ours.p50,
      r.firstSearchKB.ours.p95,
      r.firstSearchKB.ours.worst,
      r.firstSearchKB.stock.p95,
      r.files.ours,
      r.files.stock,
      r.warmMs.ours.p95,
      r.warmMs.stock.p95,
    ];
    expect(figures.every((x) => Number.isFinite(x) && x > 0)).toBe(true);
    const table = formatBench([r]);
    expect(table).toContain('| 20 | first search transferred, p95 (KB) |');
    expect(table).toContain('| 20 | dist/ files per filing |');
    // The worst query is named, one of the mix.
    expect(queries).toContain(r.firstSearchKB.ours.worstQuery);
    expect(queries.every((q) => BENCH_QUERIES.includes(q))).toBe(true);
    expect(table).not.toContain('n/a');
  }, 600_000);
});

run('npm run bench -- --only import at a smoke size', () => {
  it('renders the filings once, imports every one as text, PDF and .docx, and gives every figure', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'bench-import-'));
    const cache = path.join(work, 'render-cache');
    const r = await benchImport(5, work, () => {}, { cache, processes: 2 });
    expect(r.render.cached).toBe(false);
    expect(r.pages).toBeGreaterThanOrEqual(5);
    for (const run of [r.text, r.pdf, r.docx, r.pdfParallel]) {
      expect(run?.failures).toEqual([]);
      expect(run?.ok).toBe(5);
      expect(run?.records).toBe(5);
      expect(run?.sameIds).toBe(5);
      expect([run?.seconds, run?.peakMB, run?.cpuSeconds].every((x) => x !== undefined && Number.isFinite(x) && x > 0)).toBe(true);
    }
    const table = formatImportBench([r]);
    expect(table).toContain('| 5 | pages/s |');
    expect(table).toContain('| 5 | imported OK | 5/5 | 5/5 | – | 5/5 | – | 5/5 |');
    expect(table).not.toContain('n/a');
    // The second time the files come from the cache.
    expect((await renderCorpus(5, 1, cache, () => {})).cached).toBe(true);
  }, 300_000);
});
