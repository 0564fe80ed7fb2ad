/**
 * The portal's bench (`npm run bench -- --only portal`): a portal over k archives of n filings,
 * each archive on an origin of its own, against searching the k archives one by one on their
 * own search pages. The archives are copies of one built archive (the pipeline stage's, or one
 * built here), each served with its own manifest (another municipality's name): a portal's cost
 * per archive depends on the size of each archive's index, not on which filings it holds, and
 * building ten 1,000-filing archives would take longer than the whole bench. The portal's
 * own pages are then fewer than for ten different archives (the companies are the same ones),
 * which makes the build time below a lower bound; the bench says so.
 */
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import { buildPortal } from '../../../src/lib/portal/build-fs.ts';
import { percentile } from './measure.ts';
import { coldTransfer, warmTimes } from './pipeline.ts';
import { mixFigure, type MixFigure } from './queries.ts';
import { launchBrowser } from '../browser.ts';
import { serveStatic } from '../static-server.ts';

export interface PortalBenchResult {
  filings: number;
  archives: number;
  /** First search, cold, per query of the mix: the portal, and the k archives' own pages one after another. */
  firstSearchKB: { portal: MixFigure; oneByOne: MixFigure };
  /** Warm search on the portal page, and on one archive's own page. */
  warmMs: { portal: { p50: number; p95: number }; single: { p50: number; p95: number } };
  /** `npm run portal` over the k archives (read over HTTP, pages, Pagefind's code). */
  buildSeconds: number;
}

/** A string as a regular expression that matches it exactly. */
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/** Serve `dist` k times, each on its own origin with a manifest of its own municipality. */
async function serveCopies(dist: string, k: number): Promise<Array<{ server: Server; origin: string; name: string }>> {
  const manifest = JSON.parse(readFileSync(path.join(dist, 'data', 'archive.json'), 'utf8')) as Record<string, unknown>;
  const out: Array<{ server: Server; origin: string; name: string }> = [];
  for (let i = 0; i < k; i++) {
    const name = `自治体${i + 1}`;
    const own = { ...manifest, municipality: name, title: `${name}の審議会アーカイブ` };
    const { server, origin } = await serveStatic(dist, '/', { cors: true, files: { 'data/archive.json': JSON.stringify(own) } });
    out.push({ server, origin, name });
  }
  return out;
}

/** The portal over k copies of `dist` (an archive of `n` filings built for the base `/`), measured. */
export async function benchPortal(
  dist: string,
  n: number,
  k: number,
  work: string,
  log: (s: string) => void,
  queries: readonly string[],
): Promise<PortalBenchResult> {
  const copies = await serveCopies(dist, k);
  const out = path.join(work, `portal-${n}x${k}`);
  let portalServer: Server | undefined;
  const browser = await launchBrowser();
  try {
    const t = performance.now();
    const built = await buildPortal({ archives: copies.map((c) => `${c.origin}/`), out, log: () => {} });
    const buildSeconds = (performance.now() - t) / 1000;
    if (built.problems.length > 0) throw new Error(`the portal could not be built: ${built.problems.join('; ')}`);
    log(`  portal over ${k} × ${n}: built in ${buildSeconds.toFixed(1)} s`);
    const served = await serveStatic(out, '/');
    portalServer = served.server;
    // Everything a first search fetches: the portal's page code and Pagefind's, and every archive's index files.
    const counted = new RegExp(
      `^(${[served.origin, ...copies.map((c) => c.origin)].map(escapeRegExp).join('|')})/(pagefind|_astro|data)/`,
      'u',
    );
    const ownCounted = new RegExp(`^${escapeRegExp(copies[0]?.origin ?? '')}/(pagefind|_astro)/`, 'u');
    const portalKB = new Map<string, number>();
    const oneByOneKB = new Map<string, number>();
    for (const q of queries) {
      portalKB.set(
        q,
        await coldTransfer(browser, counted, async (page) => {
          await page.goto(`${served.origin}/?q=${encodeURIComponent(q)}`);
          await page.waitForSelector('#search-results[aria-busy="false"]', { state: 'attached', timeout: 120_000 });
        }),
      );
      // One by one: each archive's own search page, cold; the copies are alike, so one is measured and counted k times.
      const one = await coldTransfer(browser, ownCounted, async (page) => {
        await page.goto(`${copies[0]?.origin ?? ''}/search/?q=${encodeURIComponent(q)}`);
        await page.waitForSelector('#search-results[aria-busy="false"]', { state: 'attached', timeout: 120_000 });
      });
      oneByOneKB.set(q, one * k);
    }
    const page = await browser.newPage();
    const portalMs = await warmTimes(page, `${served.origin}/`, queries);
    const singleMs = await warmTimes(page, `${copies[0]?.origin ?? ''}/search/`, queries);
    await page.close();
    const result: PortalBenchResult = {
      filings: n,
      archives: k,
      firstSearchKB: { portal: mixFigure(portalKB), oneByOne: mixFigure(oneByOneKB) },
      warmMs: {
        portal: { p50: percentile(portalMs, 50), p95: percentile(portalMs, 95) },
        single: { p50: percentile(singleMs, 50), p95: percentile(singleMs, 95) },
      },
      buildSeconds,
    };
    log(
      `  first search p50/p95 ${result.firstSearchKB.portal.p50.toFixed(0)}/${result.firstSearchKB.portal.p95.toFixed(0)} KB (one by one ${result.firstSearchKB.oneByOne.p50.toFixed(0)}/${result.firstSearchKB.oneByOne.p95.toFixed(0)}); warm p95 ${result.warmMs.portal.p95.toFixed(0)} ms (one archive ${result.warmMs.single.p95.toFixed(0)})`,
    );
    return result;
  } finally {
    await browser.close();
    portalServer?.close();
    for (const c of copies) c.server.close();
  }
}

/** The portal table: per size and number of archives, the portal beside the archives one by one. */
export function formatPortalBench(results: PortalBenchResult[]): string {
  const f = (x: number): string => (Number.isFinite(x) ? x.toFixed(0) : 'n/a');
  const rows = [
    '| archives × filings | first search p50 / p95 / worst (KB): portal | one by one | warm p50 / p95 (ms): portal | one archive | portal build (s) |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of results)
    rows.push(
      `| ${r.archives} × ${r.filings.toLocaleString('en')} | ${f(r.firstSearchKB.portal.p50)} / ${f(r.firstSearchKB.portal.p95)} / ${f(r.firstSearchKB.portal.worst)} (${r.firstSearchKB.portal.worstQuery}) | ${f(r.firstSearchKB.oneByOne.p50)} / ${f(r.firstSearchKB.oneByOne.p95)} | ${f(r.warmMs.portal.p50)} / ${f(r.warmMs.portal.p95)} | ${f(r.warmMs.single.p50)} / ${f(r.warmMs.single.p95)} | ${r.buildSeconds.toFixed(1)} |`,
    );
  return rows.join('\n');
}
