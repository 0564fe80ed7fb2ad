/**
 * The import stage (benchImport): the same generated filings as text, as PDF and as .docx (each
 * rendered once, as a municipality's Word export, into a cache), each imported into an empty
 * content folder by `npm run import`, the text import as the baseline; the table of figures.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './corpus.ts';
import { seedClauseSets } from './seed-clauses.ts';
import { launchBrowser } from '../browser.ts';
import { renderDocx } from '../fixtures/render-docx.ts';
import { renderPdfs, type PageNumberStyle, type PdfOptions } from '../fixtures/render-pdf.ts';
import { seedToHtml } from '../fixtures/seed-html.ts';
import { measure, waitForQuiet, type Measure } from './measure.ts';

/** Other work (in cores) under which an import run counts as quiet, and how often a run is tried. */
const QUIET_CORES = 0.15;
const QUIET_ATTEMPTS = 3;

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
  // A run of several CLIs wrote into part-<k>/ folders of its own.
  const roots = existsSync(content)
    ? [
        content,
        ...readdirSync(content)
          .filter((p) => /^part-\d+$/u.test(p))
          .map((p) => path.join(content, p)),
      ]
    : [];
  for (const root of roots)
    for (const folder of ['filings', 'clauses']) {
      const dir = path.join(root, folder);
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
  processes = 1,
): Omit<ImportRun, keyof Measure | 'processes' | 'attempts'> {
  const out = readFileSync(logFile, 'utf8');
  // One summary line per CLI process: `998 imported, 2 failed`.
  const summaries = [...out.matchAll(/^(\d+) imported, (\d+) failed$/gmu)];
  const ok = summaries.reduce((a, m) => a + Number(m[1]), 0);
  const failures = out
    .split('\n')
    .filter((l) => l.startsWith('error: ') || l.startsWith('not imported: '))
    .slice(0, 8);
  if (summaries.length < processes)
    failures.push(
      `${processes - summaries.length} of ${processes} importer(s) printed no summary line; the output's end:\n${out.slice(-2000)}`,
    );
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
 * processes at once, each over every n-th file into a content folder of its own. With `quiet`, each run
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
      // Several unchanged CLIs at once, as a shell would start them, each into a content folder of
      // its own (one import at a time writes into a folder); the tree is measured as one.
      const shares = Array.from({ length: processes }, (_, k) => files.filter((_f, i) => i % processes === k));
      cmd = [
        'sh',
        '-c',
        `${shares
          .map(
            (s, k) =>
              `${importCommand(path.join(content, `part-${k}`), s)
                .map(shellQuote)
                .join(' ')} &`,
          )
          .join(' ')} wait`,
      ];
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
      const result: ImportRun = {
        ...m,
        processes,
        attempts: attempt,
        ...importOutcome(logFile, content, files.length, textIds, processes),
      };
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

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}
