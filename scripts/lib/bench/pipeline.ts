/**
 * The pipeline stage: for each corpus size, the whole pipeline (generate → import → Astro build →
 * search index) and the stock path on the same pages (the same Astro build, then stock Pagefind
 * over the HTML), with wall time, peak memory, sizes, first-search transfer and query latency in
 * headless Chromium; the table printed side by side with their ratio.
 */
import { appendFileSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { runImport } from '../import-run.ts';
import { generateCorpus, outsideClauses, uniqueTextShare } from './corpus.ts';
import { seedClauseSets } from './seed-clauses.ts';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../browser.ts';
import { serveStatic } from '../static-server.ts';
import { duMB, measure, percentile, type Measure } from './measure.ts';
import { BENCH_QUERIES, benchRegistries, mixFigure, type MixFigure } from './queries.ts';

/** Files in a folder and below, but those under `skip`. */
function fileCount(dir: string, skip?: string): number {
  let n = 0;
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (skip && f.startsWith(skip)) continue;
    if (statSync(path.join(dir, f)).isFile()) n++;
  }
  return n;
}

/** Cloudflare Pages' limit on the files of one site. */
export const CLOUDFLARE_FILES = 20_000;

export interface SizeResult {
  filings: number;
  /** Share of the generated text outside the 特記事項 that is not a repeat of another line (characters). */
  uniqueText: number;
  corpus: Measure;
  import: Measure;
  astroBuild: Measure;
  ourIndex: Measure;
  stockIndex: Measure;
  rebuild: { ours: number; stock: number };
  distMB: number;
  ourIndexMB: number;
  stockIndexMB: number;
  /** The queries of the mix measured. */
  queries: number;
  /** Files of dist/ (ours without the stock index; the stock path's without ours). */
  files: { ours: number; stock: number };
  /** Each query of the mix searched first in a fresh browser (cold cache): KB on the wire. */
  firstSearchKB: { ours: MixFigure; stock: MixFigure };
  warmMs: { ours: { p50: number; p95: number }; stock: { p50: number; p95: number } };
}

/** Run the whole bench for one size in `work`. */
export async function benchSize(
  n: number,
  work: string,
  log: (s: string) => void,
  queries: readonly string[] = BENCH_QUERIES,
): Promise<SizeResult> {
  rmSync(work, { recursive: true, force: true });
  const raw = path.join(work, 'raw');
  const content = path.join(work, 'content');
  const dist = path.join(work, 'dist');
  mkdirSync(raw, { recursive: true });
  const node = process.execPath;
  const env = { ...process.env, ARCHIVE_CONTENT_DIR: content, ASTRO_TELEMETRY_DISABLED: '1', ARCHIVE_CACHE_DIR: path.join(work, 'cache') };

  let t = performance.now();
  const generated = generateCorpus(n, 1, seedClauseSets());
  for (const [name, text] of generated) writeFileSync(path.join(raw, name), text);
  const uniqueText = uniqueTextShare(generated.map(([, text]) => outsideClauses(text)));
  const corpus = { seconds: (performance.now() - t) / 1000, peakMB: process.memoryUsage().rss / 1024 / 1024 };
  log(
    `  corpus ${corpus.seconds.toFixed(1)} s; ${(uniqueText * 100).toFixed(1)} % of the text outside the 特記事項 not repeated from another line`,
  );

  t = performance.now();
  const code = await runImport(['--out', content, raw], { stdout: () => {}, stderr: () => {} });
  if (code !== 0) throw new Error('import failed on the generated corpus');
  const imported = { seconds: (performance.now() - t) / 1000, peakMB: process.memoryUsage().rss / 1024 / 1024 };
  log(`  import ${imported.seconds.toFixed(1)} s`);
  benchRegistries(content);

  const astro = [node, path.resolve('node_modules/astro/bin/astro.mjs'), 'build', '--outDir', dist, '--silent'];
  const indexer = [node, path.resolve('node_modules/tsx/dist/cli.mjs'), path.resolve('scripts/index-search.ts'), dist];
  const stock = [path.resolve('node_modules/.bin/pagefind'), '--site', dist, '--output-subdir', 'pagefind-stock', '--quiet'];
  const astroBuild = await measure(astro, env);
  log(`  astro build ${astroBuild.seconds.toFixed(1)} s, ${astroBuild.peakMB.toFixed(0)} MB`);
  const ourIndex = await measure(indexer, env);
  log(`  our index ${ourIndex.seconds.toFixed(1)} s, ${ourIndex.peakMB.toFixed(0)} MB`);
  const stockIndex = await measure(stock, env);
  log(`  stock pagefind ${stockIndex.seconds.toFixed(1)} s, ${stockIndex.peakMB.toFixed(0)} MB`);

  // Rebuild after editing one filing.
  const one = readdirSync(path.join(content, 'filings')).sort()[0] ?? '';
  appendFileSync(path.join(content, 'filings', one), '\n追記：委託先から報告を受けた。\n');
  const rebuildAstro = (await measure(astro, env)).seconds;
  const rebuildOurs = rebuildAstro + (await measure(indexer, env)).seconds;
  const rebuildStock = rebuildAstro + (await measure(stock, env)).seconds;
  log(`  rebuild ours ${rebuildOurs.toFixed(1)} s, stock ${rebuildStock.toFixed(1)} s`);

  const result: SizeResult = {
    filings: n,
    uniqueText,
    corpus,
    import: imported,
    astroBuild,
    ourIndex,
    stockIndex,
    rebuild: { ours: rebuildOurs, stock: rebuildStock },
    distMB: duMB(dist, 'pagefind-stock'),
    files: { ours: fileCount(dist, 'pagefind-stock'), stock: fileCount(dist, `pagefind${path.sep}`) },
    ourIndexMB: duMB(path.join(dist, 'pagefind')),
    stockIndexMB: duMB(path.join(dist, 'pagefind-stock')),
    queries: queries.length,
    ...(await browserFigures(dist, queries)),
  };
  return result;
}

/**
 * Bytes a response took on the wire: the server gzips text and WebAssembly as static hosts do
 * (scripts/lib/static-server.ts), so a gzipped body counts as its gzip size (the same zlib
 * settings the server used); Pagefind's own files arrive compressed already and count as they are.
 */
async function wireSize(r: { body: () => Promise<Buffer>; headerValue: (name: string) => Promise<string | null> }): Promise<number> {
  try {
    const body = await r.body();
    return (await r.headerValue('content-encoding')) === 'gzip' ? gzipSync(body).length : body.length;
  } catch {
    return 0;
  }
}

/** The KB a first search takes in a fresh browser context (cold cache): `go` runs it, `counted` picks the responses. */
export async function coldTransfer(browser: Browser, counted: RegExp, go: (page: Page) => Promise<void>): Promise<number> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    // Every response's body is counted (awaited before the total is read: a listener that has
    // not finished reading would undercount).
    const pending: Array<Promise<number>> = [];
    page.on('response', (r) => {
      if (counted.test(r.url())) pending.push(wireSize(r));
    });
    await go(page);
    return (await Promise.all(pending)).reduce((a, b) => a + b, 0) / 1024;
  } finally {
    await context.close();
  }
}

async function browserFigures(dist: string, queries: readonly string[]): Promise<Pick<SizeResult, 'firstSearchKB' | 'warmMs'>> {
  const { server, origin } = await serveStatic(dist, '/');
  const browser = await launchBrowser();
  try {
    // First search, each query of the mix: ours through the real search page, the query from the
    // URL; stock through Pagefind's JS API on a Japanese page, the top 10 results' data, as
    // Pagefind UI loads them.
    const firstOurs = new Map<string, number>();
    const firstStock = new Map<string, number>();
    for (const q of queries) {
      firstOurs.set(
        q,
        await coldTransfer(browser, /\/(pagefind|_astro)\//u, async (page) => {
          await page.goto(`${origin}/search/?q=${encodeURIComponent(q)}`);
          await page.waitForSelector('#search-results[aria-busy="false"]', { state: 'attached', timeout: 120_000 });
        }),
      );
      firstStock.set(
        q,
        await coldTransfer(browser, /\/pagefind-stock\//u, async (page) => {
          await page.goto(`${origin}/404.html`);
          await page.evaluate(`(async (q) => {
            const pf = await import('/pagefind-stock/pagefind.js');
            const r = await pf.search(q);
            await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
          })(${JSON.stringify(q)})`);
        }),
      );
    }
    // Warm: the whole mix twice on one page, the second pass timed.
    const page = await browser.newPage();
    const oursMs = await warmTimes(page, `${origin}/search/`, queries);
    await page.close();
    const sp = await browser.newPage();
    await sp.goto(`${origin}/404.html`);
    const warmStock = (await sp.evaluate(`(async (qs) => {
      const pf = await import('/pagefind-stock/pagefind.js');
      const times = [];
      for (let pass = 0; pass < 2; pass++) for (const q of qs) {
        const t = performance.now();
        const r = await pf.search(q);
        await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
        if (pass === 1) times.push(performance.now() - t);
      }
      return times;
    })(${JSON.stringify(queries)})`)) as number[];
    await sp.close();
    return {
      firstSearchKB: { ours: mixFigure(firstOurs), stock: mixFigure(firstStock) },
      warmMs: {
        ours: { p50: percentile(oursMs, 50), p95: percentile(oursMs, 95) },
        stock: { p50: percentile(warmStock, 50), p95: percentile(warmStock, 95) },
      },
    };
  } finally {
    await browser.close();
    server.close();
  }
}

/**
 * Warm search times on a search page (`pageUrl`, ours or a portal's): the whole mix twice on
 * one page, each query typed into the form; the second pass's times, in ms.
 */
export async function warmTimes(page: Page, pageUrl: string, queries: readonly string[]): Promise<number[]> {
  await page.goto(`${pageUrl}?q=${encodeURIComponent(queries[0] ?? '')}`);
  await page.waitForSelector('#search-results[aria-busy="false"]', { state: 'attached', timeout: 120_000 });
  const times: number[] = [];
  for (let pass = 0; pass < 2; pass++) {
    for (const q of queries) {
      const ms = await page.evaluate(`(async () => {
        const list = document.querySelector('#search-results');
        list.setAttribute('aria-busy', 'true');
        document.querySelector('#search-q').value = ${JSON.stringify(q)};
        const t = performance.now();
        document.querySelector('#search-form button').click();
        await new Promise((resolve) => { const o = new MutationObserver(() => { if (list.getAttribute('aria-busy') === 'false') { o.disconnect(); resolve(); } }); o.observe(list, { attributes: true }); });
        return performance.now() - t;
      })()`);
      if (pass === 1) times.push(ms as number);
    }
  }
  return times;
}

/** The table: each figure for this archive and the stock path, with the ratio. */
export function formatBench(results: SizeResult[]): string {
  const rows: string[] = ['| filings | figure | archive | stock path | ratio |', '| ---: | --- | ---: | ---: | ---: |'];
  const f = (x: number, d = 1): string => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
  for (const r of results) {
    const fullOurs = r.astroBuild.seconds + r.ourIndex.seconds;
    const fullStock = r.astroBuild.seconds + r.stockIndex.seconds;
    const line = (name: string, a: number, b: number, d = 1): void =>
      void rows.push(`| ${r.filings} | ${name} | ${f(a, d)} | ${f(b, d)} | ${f(a / b, 2)} |`);
    rows.push(`| ${r.filings} | corpus + import (s) | ${f(r.corpus.seconds + r.import.seconds)} | – | – |`);
    rows.push(`| ${r.filings} | corpus text outside the 特記事項 not repeated (%) | ${f(r.uniqueText * 100)} | – | – |`);
    line('Astro build (s)', r.astroBuild.seconds, r.astroBuild.seconds);
    line('indexing (s)', r.ourIndex.seconds, r.stockIndex.seconds);
    line('full build: records → dist with index (s)', fullOurs, fullStock);
    line('rebuild after one filing changed (s)', r.rebuild.ours, r.rebuild.stock);
    line(
      'peak memory of a build step, all its processes (MB)',
      Math.max(r.astroBuild.peakMB, r.ourIndex.peakMB),
      Math.max(r.astroBuild.peakMB, r.stockIndex.peakMB),
      0,
    );
    line('dist/ size without index (MB)', r.distMB - r.ourIndexMB, r.distMB - r.ourIndexMB);
    line('index size (MB)', r.ourIndexMB, r.stockIndexMB);
    line('dist/ files', r.files.ours, r.files.stock, 0);
    line('dist/ files per filing', r.files.ours / r.filings, r.files.stock / r.filings, 2);
    // The files that do not grow with the filings are few (the site's fixed pages, Pagefind's
    // runtime), so the filings that fit are about the limit over the files per filing.
    line(
      `filings within Cloudflare Pages' ${CLOUDFLARE_FILES.toLocaleString('en')} files`,
      Math.floor((CLOUDFLARE_FILES * r.filings) / r.files.ours),
      Math.floor((CLOUDFLARE_FILES * r.filings) / r.files.stock),
      0,
    );
    const kb = (name: string, k: 'p50' | 'p95' | 'worst'): void => line(name, r.firstSearchKB.ours[k], r.firstSearchKB.stock[k], 0);
    kb(`first search transferred, p50 over ${r.queries} queries (KB)`, 'p50');
    kb('first search transferred, p95 (KB)', 'p95');
    kb(`first search transferred, worst (KB; ours ${r.firstSearchKB.ours.worstQuery}, stock ${r.firstSearchKB.stock.worstQuery})`, 'worst');
    line('warm query p50 (ms)', r.warmMs.ours.p50, r.warmMs.stock.p50);
    line('warm query p95 (ms)', r.warmMs.ours.p95, r.warmMs.stock.p95);
  }
  return rows.join('\n');
}
