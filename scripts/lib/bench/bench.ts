/**
 * The benchmark: for each corpus size, the whole pipeline (generate → import → Astro build →
 * search index) and the stock path on the same pages (the same Astro build, then stock
 * Pagefind over the HTML), with wall time, peak memory, sizes, first-search transfer and query
 * latency in headless Chromium. Figures are printed side by side with their ratio.
 *
 * The import stage (benchImport): the same generated filings as text, as PDF and as .docx (each
 * rendered once, as a municipality's Word export, into a cache), each imported into an empty
 * content folder by `npm run import`, the text import as the baseline.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  appendFileSync,
  cpSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { loadRecords } from '../../../src/lib/record/load-fs.ts';
import { companyKey } from '../../../src/lib/core/names.ts';
import { runImport } from '../import-run.ts';
import { generateCorpus, outsideClauses, uniqueTextShare } from './corpus.ts';
import { seedClauseSets } from './seed-clauses.ts';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../browser.ts';
import { serveStatic } from '../static-server.ts';
import { renderDocx } from '../fixtures/render-docx.ts';
import { renderPdfs, type PageNumberStyle, type PdfOptions } from '../fixtures/render-pdf.ts';
import { seedToHtml } from '../fixtures/seed-html.ts';

export interface Measure {
  seconds: number;
  peakMB: number;
  /** CPU time of the command's whole process tree (user + system), where Linux /proc tells it. */
  cpuSeconds?: number;
  /** CPU the rest of the machine used meanwhile, in cores on average: other work skews the figures. */
  otherCores?: number;
}

/** Clock ticks of /proc times (USER_HZ; 100 on Linux). */
const TICK = 100;

/** CPU time of this process's waited-for descendants (cutime + cstime), in seconds; undefined off Linux. */
function childrenCpu(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / TICK;
  } catch {
    return undefined;
  }
}

/** Busy CPU time of the whole machine so far (every core, all but idle and I/O wait), in seconds. */
export function machineBusy(): number | undefined {
  try {
    const cpu = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').split(/\s+/u).slice(1).map(Number);
    const total = cpu.slice(0, 8).reduce((a, b) => a + b, 0);
    return (total - (cpu[3] ?? 0) - (cpu[4] ?? 0)) / TICK;
  } catch {
    return undefined;
  }
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

/** Options of measure. */
export interface MeasureOptions {
  /** Write everything the command prints (stdout and stderr, as it comes) to this file. */
  log?: string;
  /** Exit codes besides 0 that are not a failure of the run (the importer exits 1 when a file fails). */
  allowExit?: number[];
}

/** Run a command; wall time, and peak memory of its whole process tree sampled every 100 ms. */
export async function measure(cmd: string[], env: NodeJS.ProcessEnv, opts: MeasureOptions = {}): Promise<Measure> {
  const log = opts.log === undefined ? undefined : createWriteStream(opts.log);
  const cpu0 = childrenCpu();
  const busy0 = machineBusy();
  const started = performance.now();
  const child = spawn(cmd[0] ?? '', cmd.slice(1), { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const take = (d: Buffer): void => {
    out = (out + d.toString()).slice(-20_000);
    log?.write(d);
  };
  child.stdout.on('data', take);
  child.stderr.on('data', take);
  let peak = 0;
  const timer = setInterval(() => {
    if (child.pid) peak = Math.max(peak, treeRss(child.pid));
  }, 100);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  const cpu1 = childrenCpu();
  const busy1 = machineBusy();
  const cpuSeconds = cpu0 !== undefined && cpu1 !== undefined ? cpu1 - cpu0 : undefined;
  const otherCores =
    cpuSeconds !== undefined && busy0 !== undefined && busy1 !== undefined ? Math.max(0, busy1 - busy0 - cpuSeconds) / seconds : undefined;
  if (log) await new Promise<void>((resolve, reject) => log.end((e?: Error | null) => (e ? reject(e) : resolve())));
  if (code !== 0 && !(code !== null && opts.allowExit?.includes(code))) throw new Error(`${cmd.join(' ')} failed:\n${out}`);
  return {
    seconds,
    peakMB: peak / 1024 / 1024,
    ...(cpuSeconds !== undefined ? { cpuSeconds } : {}),
    ...(otherCores !== undefined ? { otherCores } : {}),
  };
}

/** Other work (in cores) under which an import run counts as quiet, and how often a run is tried. */
const QUIET_CORES = 0.15;
const QUIET_ATTEMPTS = 3;

/**
 * Wait (up to `maxSeconds`) until the rest of the machine is nearly idle (under 0.25 of a core
 * over a second), so that a run is not timed against someone else's build; says so when it waits.
 */
export async function waitForQuiet(log: (s: string) => void, maxSeconds = 600): Promise<void> {
  const started = performance.now();
  let said = false;
  for (;;) {
    const b0 = machineBusy();
    await new Promise((r) => setTimeout(r, 1000));
    const b1 = machineBusy();
    if (b0 === undefined || b1 === undefined) return;
    const busy = b1 - b0;
    if (busy < 0.25) return;
    if ((performance.now() - started) / 1000 > maxSeconds) {
      log(`  the machine is still busy (${busy.toFixed(1)} cores); measuring anyway`);
      return;
    }
    if (!said) log(`  waiting for the machine to be quiet (${busy.toFixed(1)} cores busy with other work)…`);
    said = true;
  }
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

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
}

/**
 * Queries staff type: compounds, single words, a latin name, an AND pair; readings in kana (as
 * typed without conversion, or on a phone mid-input), registry aliases, era years.
 */
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
  'じゅうみんひょう',
  'かいごほけん',
  'こじんばんごう',
  'ぱすわーど',
  'ｺｰﾙｾﾝﾀｰ',
  'イタクサキ',
  'NEC',
  'NTT東日本',
  '性別',
  '平成22年',
  'H22',
  '令和2年度',
  '再委託 H22',
];

/**
 * The registries of the generated archive, so the mix's alias and term queries expand as in a
 * real archive: the aliases NEC and NTT東日本 go to the two companies named in most filings (no
 * filing's text has either alias), and the terms registry is the seed archive's.
 */
function benchRegistries(content: string): void {
  const byKey = new Map<string, { name: string; filings: number }>();
  for (const r of loadRecords(content))
    for (const key of new Set(r.data.contractors.filter((c) => !/共同企業体/u.test(c.name)).map((c) => companyKey(c.name)))) {
      const c = r.data.contractors.find((x) => companyKey(x.name) === key);
      const seen = byKey.get(key) ?? { name: c?.name ?? key, filings: 0 };
      seen.filings++;
      byKey.set(key, seen);
    }
  const top = [...byKey.values()].sort((a, b) => b.filings - a.filings || a.name.localeCompare(b.name)).slice(0, 2);
  const dir = path.join(content, 'registry');
  mkdirSync(dir, { recursive: true });
  const aliases = ['NEC', 'NTT東日本'];
  writeFileSync(
    path.join(dir, 'contractors.yaml'),
    `contractors:\n${top.map((c, i) => `  - name: ${JSON.stringify(c.name)}\n    aliases: [${JSON.stringify(aliases[i])}]\n`).join('')}`,
  );
  cpSync(path.resolve('content/registry/terms.yaml'), path.join(dir, 'terms.yaml'));
}

/** A figure over the query mix: median, 95th percentile and the worst query. */
export interface MixFigure {
  p50: number;
  p95: number;
  worst: number;
  worstQuery: string;
}

export function mixFigure(byQuery: Map<string, number>): MixFigure {
  const xs = [...byQuery.values()];
  const [worstQuery, worst] = [...byQuery].sort((a, b) => b[1] - a[1])[0] ?? ['', Number.NaN];
  return { p50: percentile(xs, 50), p95: percentile(xs, 95), worst, worstQuery };
}

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

// ------------------------------------------------------------------ import stage

const PAGE_NUMBERS: PageNumberStyle[] = ['dash', 'fullwidth', 'slash', 'plain'];

/**
 * How generated filing `i` is printed: the four page-number styles in turn, a running header
 * (別紙) on every third, labels spread (均等割り付け) on every other, as Word exports vary.
 */
export function corpusPdfOptions(i: number): PdfOptions {
  return {
    pageNumbers: PAGE_NUMBERS[i % PAGE_NUMBERS.length] ?? 'dash',
    ...(i % 3 === 0 ? { runningHeader: '別紙' } : {}),
    ...(i % 2 === 0 ? { spreadLabels: true } : {}),
  };
}

/** The generated filings as text, PDF and .docx, in a cache folder. */
export interface RenderedCorpus {
  /** The cache folder: `<cache>/seed-<seed>-n<N>`. */
  dir: string;
  folders: { text: string; pdf: string; docx: string };
  files: number;
  /** Pages of the PDFs, as the renderer counted them. */
  pages: number;
  /** How long rendering took (when it was done: now, or the run that filled the cache). */
  pdfSeconds: number;
  docxSeconds: number;
  cached: boolean;
}

interface RenderManifest {
  key: string;
  seed: number;
  filings: number;
  pages: number[];
  pdfSeconds: number;
  docxSeconds: number;
  rendered: string;
}

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');
/** Bump when the cache's layout changes. */
const RENDER_CACHE_VERSION = 1;

/** What the cached files depend on: the filings' text, the print options and the renderers' code. */
function renderKey(corpus: Array<[string, string]>): string {
  const h = createHash('sha256').update(`render-cache ${RENDER_CACHE_VERSION}\0`);
  for (const f of ['seed-html.ts', 'render-pdf.ts', 'render-docx.ts']) h.update(readFileSync(path.join(FIXTURES, f)));
  corpus.forEach(([name, text], i) => h.update(`${name}\0${text}\0${JSON.stringify(corpusPdfOptions(i))}\0`));
  return h.digest('hex');
}

const withExt = (name: string, ext: string): string => name.replace(/\.txt$/u, ext);

/**
 * Generate N filings and write them as text, print each to PDF (one Chromium, two tabs) and
 * write each as .docx, once: a cache folder keyed by the seed and N is reused while the filings
 * and the renderers are unchanged.
 */
export async function renderCorpus(n: number, seed: number, cacheRoot: string, log: (s: string) => void): Promise<RenderedCorpus> {
  const dir = path.join(cacheRoot, `seed-${seed}-n${n}`);
  const folders = { text: path.join(dir, 'text'), pdf: path.join(dir, 'pdf'), docx: path.join(dir, 'docx') };
  const corpus = generateCorpus(n, seed, seedClauseSets());
  const key = renderKey(corpus);
  const manifestFile = path.join(dir, 'manifest.json');
  if (existsSync(manifestFile)) {
    const m = readJson<RenderManifest>(manifestFile);
    const complete = corpus.every(
      ([name]) =>
        existsSync(path.join(folders.text, name)) &&
        existsSync(path.join(folders.pdf, withExt(name, '.pdf'))) &&
        existsSync(path.join(folders.docx, withExt(name, '.docx'))),
    );
    if (m.key === key && complete)
      return {
        dir,
        folders,
        files: n,
        pages: m.pages.reduce((a, b) => a + b, 0),
        pdfSeconds: m.pdfSeconds,
        docxSeconds: m.docxSeconds,
        cached: true,
      };
    log(`  render cache ${dir} is stale (the filings or the renderers changed): rendering again`);
  }
  rmSync(dir, { recursive: true, force: true });
  for (const f of Object.values(folders)) mkdirSync(f, { recursive: true });
  for (const [name, text] of corpus) writeFileSync(path.join(folders.text, name), text);

  const pages: number[] = [];
  let t = performance.now();
  const browser = await launchBrowser();
  try {
    // In chunks, for progress; the two tabs stay busy within a chunk.
    const CHUNK = 100;
    for (let i = 0; i < n; i += CHUNK) {
      const docs = corpus.slice(i, i + CHUNK).map(([name, text], k) => ({
        html: seedToHtml(text),
        out: path.join(folders.pdf, withExt(name, '.pdf')),
        options: corpusPdfOptions(i + k),
      }));
      const results = await renderPdfs(docs, { browser, concurrency: 2 });
      pages.push(...results.map((r) => r.pages));
      if (n > CHUNK) log(`  rendered ${Math.min(n, i + CHUNK)}/${n} PDFs in ${((performance.now() - t) / 1000).toFixed(0)} s`);
    }
  } finally {
    await browser.close();
  }
  const pdfSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  for (const [name, text] of corpus) writeFileSync(path.join(folders.docx, withExt(name, '.docx')), await renderDocx(seedToHtml(text)));
  const docxSeconds = (performance.now() - t) / 1000;
  const manifest: RenderManifest = { key, seed, filings: n, pages, pdfSeconds, docxSeconds, rendered: new Date().toISOString() };
  writeFileSync(manifestFile, `${JSON.stringify(manifest)}\n`);
  return { dir, folders, files: n, pages: pages.reduce((a, b) => a + b, 0), pdfSeconds, docxSeconds, cached: false };
}

/** One import run: `npm run import` over one format's files into an empty content folder. */
export interface ImportRun extends Measure {
  files: number;
  /** Files the importer reports as imported. */
  ok: number;
  /** Records in the content folder afterwards (filings/ and clauses/). */
  records: number;
  /** Records whose id the text import of the same filings also gave. */
  sameIds: number;
  warnings: number;
  /** The first errors (and files not imported), when a file failed. */
  failures: string[];
  /** CLI processes run at once, each over a share of the files (1: the CLI as staff run it). */
  processes: number;
  /** Times the run was made (more than 1: other work competed with it; the quietest is this one). */
  attempts: number;
}

export interface ImportStageResult {
  filings: number;
  seed: number;
  /** Pages of the PDFs. */
  pages: number;
  inputMB: { text: number; pdf: number; docx: number };
  render: { dir: string; cached: boolean; pdfSeconds: number; docxSeconds: number };
  text: ImportRun;
  pdf: ImportRun;
  docx: ImportRun;
  /** The PDFs again, shared out over several CLI processes at once (with `processes` > 1). */
  pdfParallel?: ImportRun;
}

const shellQuote = (s: string): string => `'${s.replaceAll("'", "'\\''")}'`;

/** The `npm run import` command line over these files, writing to `out`. */
function importCommand(out: string, files: string[], extra: string[] = []): string[] {
  return ['npm', 'run', '--silent', 'import', '--', ...extra, '--out', out, ...files];
}

function recordIds(content: string): string[] {
  const ids: string[] = [];
  for (const folder of ['filings', 'clauses']) {
    const dir = path.join(content, folder);
    if (existsSync(dir)) for (const f of readdirSync(dir)) if (f.endsWith('.md')) ids.push(f.slice(0, -3));
  }
  return ids;
}

/** What an import run's output and its content folder say. */
function importOutcome(
  logFile: string,
  content: string,
  files: number,
  textIds: Set<string> | undefined,
): Omit<ImportRun, keyof Measure | 'processes' | 'attempts'> {
  const out = readFileSync(logFile, 'utf8');
  // One summary line per CLI process: `998 imported, 2 failed`.
  const summaries = [...out.matchAll(/^(\d+) imported, (\d+) failed$/gmu)];
  const ok = summaries.reduce((a, m) => a + Number(m[1]), 0);
  const failures = out
    .split('\n')
    .filter((l) => l.startsWith('error: ') || l.startsWith('not imported: '))
    .slice(0, 8);
  if (summaries.length === 0) failures.push(`no summary line from the importer; its last output:\n${out.slice(-2000)}`);
  const ids = recordIds(content);
  return {
    files,
    ok,
    records: ids.length,
    sameIds: textIds ? ids.filter((id) => textIds.has(id)).length : ids.length,
    warnings: (out.match(/^warning: /gmu) ?? []).length,
    failures,
  };
}

function filesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => !f.startsWith('.'))
    .sort()
    .map((f) => path.join(dir, f));
}

/**
 * The import stage for N generated filings: render them (cached, not timed here), then import
 * the text files, the PDFs and the .docx files, each with `npm run import` into an empty
 * content folder, in a child process measured by `measure` (wall time, peak memory of the
 * process tree). With `processes` > 1 the PDFs are imported once more by that many CLI
 * processes at once, each over every n-th file, into one content folder. With `quiet`, each run
 * waits for the rest of the machine to be idle first.
 */
export async function benchImport(
  n: number,
  work: string,
  log: (s: string) => void,
  opts: { seed?: number; cache?: string; processes?: number; quiet?: boolean } = {},
): Promise<ImportStageResult> {
  const seed = opts.seed ?? 1;
  const rendered = await renderCorpus(n, seed, opts.cache ?? path.join(work, 'render-cache'), log);
  log(
    `  rendering (not timed below): ${n} PDFs, ${rendered.pages} pages, in ${rendered.pdfSeconds.toFixed(1)} s (2 tabs), ${n} .docx in ${rendered.docxSeconds.toFixed(1)} s${rendered.cached ? `; from the cache ${rendered.dir}` : `; cached in ${rendered.dir}`}`,
  );
  const stage = path.join(work, `import-${n}`);
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  const inputs = { text: filesIn(rendered.folders.text), pdf: filesIn(rendered.folders.pdf), docx: filesIn(rendered.folders.docx) };
  // Every input read once, so that no run pays for a cold disk cache; then one untimed import
  // of a file of each kind, so that none pays for tsx's first compile of the importer.
  const bytes = { text: 0, pdf: 0, docx: 0 };
  for (const kind of ['text', 'pdf', 'docx'] as const) for (const f of inputs[kind]) bytes[kind] += readFileSync(f).length;
  // (Three different filings: one filing in two formats gives one id twice, which the CLI refuses.)
  const warm = [inputs.text[0], inputs.pdf[1 % n], inputs.docx[2 % n]].filter((f): f is string => f !== undefined);
  await measure(importCommand(path.join(stage, 'warm-up'), warm, ['--dry-run']), process.env, { allowExit: [1] });

  const run = async (kind: 'text' | 'pdf' | 'docx', textIds?: Set<string>, processes = 1): Promise<ImportRun> => {
    const name = processes > 1 ? `${kind}-x${processes}` : kind;
    const content = path.join(stage, `content-${name}`);
    const files = inputs[kind];
    let cmd: string[];
    if (processes <= 1) cmd = importCommand(content, files);
    else {
      // Several unchanged CLIs at once, as a shell would start them; the tree is measured as one.
      const shares = Array.from({ length: processes }, (_, k) => files.filter((_f, i) => i % processes === k));
      cmd = ['sh', '-c', `${shares.map((s) => `${importCommand(content, s).map(shellQuote).join(' ')} &`).join(' ')} wait`];
    }
    // On a shared machine: a run that other work competed with is repeated (up to 3 times) and
    // the quietest kept (of those that imported the most files: another run that failed where
    // this one did not means the importer changed underneath), with how much other work there was.
    let best: ImportRun | undefined;
    for (let attempt = 1; attempt <= (opts.quiet ? QUIET_ATTEMPTS : 1); attempt++) {
      rmSync(content, { recursive: true, force: true });
      if (opts.quiet) await waitForQuiet(log);
      const logFile = path.join(stage, `${name}-${attempt}.log`);
      const m = await measure(cmd, process.env, { log: logFile, allowExit: [1] });
      const result: ImportRun = { ...m, processes, attempts: attempt, ...importOutcome(logFile, content, files.length, textIds) };
      log(
        `  ${name} import ${m.seconds.toFixed(1)} s, ${(files.length / m.seconds).toFixed(1)} files/s, ${m.peakMB.toFixed(0)} MB, other work ${(m.otherCores ?? 0).toFixed(2)} cores; ${result.ok}/${files.length} imported${result.failures.length > 0 ? `; first failures:\n    ${result.failures.join('\n    ')}` : ''}`,
      );
      if (!best || result.ok > best.ok || (result.ok === best.ok && (result.otherCores ?? 0) < (best.otherCores ?? 0))) best = result;
      best.attempts = attempt;
      if ((result.otherCores ?? 0) < QUIET_CORES) break;
    }
    return best as ImportRun;
  };
  const text = await run('text');
  const textIds = new Set(recordIds(path.join(stage, 'content-text')));
  const pdf = await run('pdf', textIds);
  const docx = await run('docx', textIds);
  const processes = opts.processes ?? 1;
  const pdfParallel = processes > 1 ? await run('pdf', textIds, processes) : undefined;
  const mb = (x: number): number => x / 1024 / 1024;
  return {
    filings: n,
    seed,
    pages: rendered.pages,
    inputMB: { text: mb(bytes.text), pdf: mb(bytes.pdf), docx: mb(bytes.docx) },
    render: { dir: rendered.dir, cached: rendered.cached, pdfSeconds: rendered.pdfSeconds, docxSeconds: rendered.docxSeconds },
    text,
    pdf,
    docx,
    ...(pdfParallel ? { pdfParallel } : {}),
  };
}

/** The import table: text (the baseline, "stock"), PDF and .docx side by side, with ratios to text. */
export function formatImportBench(results: ImportStageResult[]): string {
  const parallel = results.find((r) => r.pdfParallel)?.pdfParallel?.processes;
  const head = [
    'filings',
    'figure',
    'text (stock)',
    'PDF',
    'PDF ÷ text',
    '.docx',
    '.docx ÷ text',
    ...(parallel ? [`PDF, ${parallel} CLIs at once`] : []),
  ];
  const rows: string[] = [`| ${head.join(' | ')} |`, `| ${head.map((_h, i) => (i === 1 ? '---' : '---:')).join(' | ')} |`];
  const f = (x: number | undefined, d = 1): string => (x !== undefined && Number.isFinite(x) ? x.toFixed(d) : 'n/a');
  const ratio = (a: number, b: number): string => (b === 0 ? '–' : f(a / b, 2));
  for (const r of results) {
    const p = r.pdfParallel;
    const line = (name: string, cells: string[]): void => void rows.push(`| ${r.filings} | ${name} | ${cells.join(' | ')} |`);
    const figure = (name: string, get: (x: ImportRun) => number, d = 1): void =>
      line(name, [
        f(get(r.text), d),
        f(get(r.pdf), d),
        ratio(get(r.pdf), get(r.text)),
        f(get(r.docx), d),
        ratio(get(r.docx), get(r.text)),
        ...(parallel ? [p ? f(get(p), d) : '–'] : []),
      ]);
    line('input files (MB)', [
      f(r.inputMB.text),
      f(r.inputMB.pdf),
      ratio(r.inputMB.pdf, r.inputMB.text),
      f(r.inputMB.docx),
      ratio(r.inputMB.docx, r.inputMB.text),
      ...(parallel ? [f(r.inputMB.pdf)] : []),
    ]);
    line('PDF pages', ['–', String(r.pages), '–', '–', '–', ...(parallel ? [String(r.pages)] : [])]);
    figure('import wall time, `npm run import` (s)', (x) => x.seconds);
    figure('files/s', (x) => x.files / x.seconds);
    line('pages/s', ['–', f(r.pages / r.pdf.seconds), '–', '–', '–', ...(parallel ? [p ? f(r.pages / p.seconds) : '–'] : [])]);
    figure('peak memory, all its processes (MB)', (x) => x.peakMB, 0);
    figure('CPU used, all its processes (cores)', (x) => (x.cpuSeconds ?? Number.NaN) / x.seconds, 2);
    const ok = (x: ImportRun): string => `${x.ok}/${x.files}`;
    line('imported OK', [ok(r.text), ok(r.pdf), '–', ok(r.docx), '–', ...(parallel ? [p ? ok(p) : '–'] : [])]);
    const same = (x: ImportRun): string => `${x.sameIds}/${r.text.records}`;
    line('record ids as the text import gave', ['–', same(r.pdf), '–', same(r.docx), '–', ...(parallel ? [p ? same(p) : '–'] : [])]);
    figure('warnings', (x) => x.warnings, 0);
    const other = (x: ImportRun): string => f(x.otherCores, 2);
    line('other work on the machine meanwhile (cores)', [
      other(r.text),
      other(r.pdf),
      '–',
      other(r.docx),
      '–',
      ...(parallel ? [p ? other(p) : '–'] : []),
    ]);
  }
  return rows.join('\n');
}

/** A line under the import table: what rendering took (outside the figures) and where the files are. */
export function formatRenderNote(r: ImportStageResult): string {
  return `${r.filings} filings rendered once, outside the figures: ${r.filings} PDFs (${r.pages} pages) in ${r.render.pdfSeconds.toFixed(0)} s with 2 Chromium tabs, ${r.filings} .docx in ${r.render.docxSeconds.toFixed(0)} s${r.render.cached ? ' (cached)' : ''}; ${r.render.dir}`;
}

export function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}
