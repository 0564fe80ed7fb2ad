/**
 * The benchmark: for each corpus size, the whole pipeline (generate → import → Astro build →
 * search index) and the stock path on the same pages (the same Astro build, then stock
 * Pagefind over the HTML), with wall time, peak memory, sizes, first-search transfer and query
 * latency in headless Chromium. Figures are printed side by side with their ratio.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { runImport } from './import-run.ts';
import { generateCorpus, outsideClauses, uniqueTextShare } from './corpus.ts';
import { seedClauseSets } from './seed-clauses.ts';
import { launchBrowser } from './browser.ts';
import { serveStatic } from './static-server.ts';

export interface Measure {
  seconds: number;
  peakMB: number;
}

/**
 * The resident memory of a process and all its descendants, in bytes (Linux /proc; 0 where it
 * is not there). The whole tree: the indexer's Pagefind runs as a child process, and GNU time's
 * %M (the largest process that was waited for) missed it, so earlier runs under-reported.
 */
function treeRss(root: number): number {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/u.test(e));
  } catch {
    return 0;
  }
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const e of entries) {
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces) start after its closing parenthesis.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(e);
      const ppid = Number(fields[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
      rss.set(pid, Number(fields[21]) * 4096);
    } catch {
      // The process ended while being read.
    }
  }
  let total = 0;
  const todo = [root];
  while (todo.length > 0) {
    const pid = todo.pop() as number;
    total += rss.get(pid) ?? 0;
    todo.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Run a command; wall time, and peak memory of its whole process tree sampled every 100 ms. */
export async function measure(cmd: string[], env: NodeJS.ProcessEnv): Promise<Measure> {
  const started = performance.now();
  const child = spawn(cmd[0] ?? '', cmd.slice(1), { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
  child.stderr.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
  let peak = 0;
  const timer = setInterval(() => {
    if (child.pid) peak = Math.max(peak, treeRss(child.pid));
  }, 100);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`${cmd.join(' ')} failed:\n${out}`);
  return { seconds, peakMB: peak / 1024 / 1024 };
}

function duMB(dir: string, skip?: string): number {
  let total = 0;
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (skip && f.startsWith(skip)) continue;
    const s = statSync(path.join(dir, f));
    if (s.isFile()) total += s.size;
  }
  return total / 1024 / 1024;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
}

/** Queries staff type: compounds, single words, a latin name, an AND pair. */
export const BENCH_QUERIES = [
  '住民票コード',
  '再委託',
  'コールセンター',
  '個人番号',
  '介護保険',
  '保育所',
  '委託先の変更',
  '電子申請',
  '書面により',
  '健診結果',
  '口座番号',
  '図書館',
  'システム改修',
  '滞納額',
  '要介護度',
  'プライバシーマーク',
  '個人情報保護',
  '課税標準額',
  '児童手当',
  '選挙人名簿',
  'BCC',
  '住民記録',
  '印鑑登録番号',
  '顔写真',
  '相談内容',
  '帳票印刷',
  '共同企業体',
  '特記事項',
  '保守 コールセンター',
  '予防接種',
];

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
  firstSearchKB: { ours: number; stock: number };
  warmMs: { ours: { p50: number; p95: number }; stock: { p50: number; p95: number } };
}

/** Run the whole bench for one size in `work`. */
export async function benchSize(n: number, work: string, log: (s: string) => void): Promise<SizeResult> {
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
    ourIndexMB: duMB(path.join(dist, 'pagefind')),
    stockIndexMB: duMB(path.join(dist, 'pagefind-stock')),
    ...(await browserFigures(dist)),
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

async function browserFigures(dist: string): Promise<Pick<SizeResult, 'firstSearchKB' | 'warmMs'>> {
  const { server, origin } = await serveStatic(dist, '/');
  const browser = await launchBrowser();
  try {
    // Ours: the real search page, cold cache, first query from the URL.
    const page = await browser.newPage();
    // Every response's body is counted (awaited before the total is read: a listener that has
    // not finished reading would undercount).
    const pending: Array<Promise<number>> = [];
    page.on('response', (r) => {
      if (/\/(pagefind|_astro)\//u.test(r.url())) pending.push(wireSize(r));
    });
    await page.goto(`${origin}/search/?q=${encodeURIComponent(BENCH_QUERIES[0] ?? '')}`);
    await page.waitForSelector('#search-results[aria-busy="false"]', { state: 'attached', timeout: 120_000 });
    const firstOurs = (await Promise.all(pending)).reduce((a, b) => a + b, 0);
    const oursMs: number[] = [];
    for (let pass = 0; pass < 2; pass++) {
      for (const q of BENCH_QUERIES) {
        const ms = await page.evaluate(`(async () => {
          const list = document.querySelector('#search-results');
          list.setAttribute('aria-busy', 'true');
          document.querySelector('#search-q').value = ${JSON.stringify(q)};
          const t = performance.now();
          document.querySelector('#search-form button').click();
          await new Promise((resolve) => { const o = new MutationObserver(() => { if (list.getAttribute('aria-busy') === 'false') { o.disconnect(); resolve(); } }); o.observe(list, { attributes: true }); });
          return performance.now() - t;
        })()`);
        if (pass === 1) oursMs.push(ms as number);
      }
    }
    await page.close();
    // Stock: Pagefind's JS API on a Japanese page, top 10 results' data, as Pagefind UI loads them.
    const sp = await browser.newPage();
    const stockPending: Array<Promise<number>> = [];
    sp.on('response', (r) => {
      if (r.url().includes('/pagefind-stock/')) stockPending.push(wireSize(r));
    });
    await sp.goto(`${origin}/404.html`);
    await sp.evaluate(`(async (qs) => {
      const pf = await import('/pagefind-stock/pagefind.js');
      const first = await pf.search(qs[0]);
      await Promise.all(first.results.slice(0, 10).map((r) => r.data()));
    })(${JSON.stringify(BENCH_QUERIES)})`);
    const firstStock = (await Promise.all(stockPending)).reduce((a, b) => a + b, 0);
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
    })(${JSON.stringify(BENCH_QUERIES)})`)) as number[];
    await sp.close();
    return {
      firstSearchKB: { ours: firstOurs / 1024, stock: firstStock / 1024 },
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
    line('first search transferred (KB)', r.firstSearchKB.ours, r.firstSearchKB.stock, 0);
    line('warm query p50 (ms)', r.warmMs.ours.p50, r.warmMs.stock.p50);
    line('warm query p95 (ms)', r.warmMs.ours.p95, r.warmMs.stock.p95);
  }
  return rows.join('\n');
}

export function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}
