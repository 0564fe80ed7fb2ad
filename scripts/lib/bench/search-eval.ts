/**
 * Search evaluation: a query set drawn from the corpus itself, run against this archive's search
 * (through the real search page) and against stock Pagefind over the same built filing pages, in
 * headless Chromium. Recall: of the filings whose text contains a query, the share returned.
 * Exactness: of the filings returned, the share whose text contains the query.
 *
 * Queries people type that are not in the text are measured against what they mean:
 * - reading (hiragana, katakana): a word's reading as kuromoji gives it (じゅうみんひょう); it must
 *   find every filing with the word (住民票), and may find those with another word read the same
 *   way or with the kana themselves;
 * - alias: a registry alias (NEC) must find every filing of its company, and may find those
 *   containing any of the company's names, with or without their legal form (日本電気); term: a terms-registry word finds its group's words;
 * - era: a year as typed (平成22年, H22, 令和2年度, 2010年) must find the filings of that year, and
 *   only those.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { Entry } from '../../../src/lib/record/schema.ts';
import { formatEra } from '../../../src/lib/core/era.ts';
import { companyCoreAsWritten, companyKey } from '../../../src/lib/core/names.ts';
import { foldReading, readingPairs } from '../../../src/lib/search/readings.ts';
import type { Registries } from '../../../src/lib/record/registry.ts';
import { fiscalYear, filingText } from '../../../src/lib/search/indexer/records.ts';
import { containsTerm } from '../../../src/lib/search/tokens.ts';
import type { Tokenizer } from '../../../src/lib/core/tokenizer-fs.ts';
import { launchBrowser } from '../browser.ts';
import { serveStatic } from '../static-server.ts';

export type QueryKind =
  | 'word'
  | 'compound'
  | 'katakana'
  | 'kanji'
  | 'subword'
  | 'latin'
  | 'width'
  | 'reading-hiragana'
  | 'reading-katakana'
  | 'alias'
  | 'term'
  | 'era';

export interface EvalQuery {
  q: string;
  kind: QueryKind;
  /** What the query must find, when not the filings containing `q`: filings containing any of `texts`, of a company (any of its names), or of a year. */
  want?: { texts?: string[]; company?: string[]; year?: { facet: 'year' | 'fy'; value: string } };
  /** Filings containing any of these may be returned as well (exactness); `want` always may. */
  allow?: string[];
}

/** The filings a query must return, and those it may. */
export function expectedOf(query: EvalQuery, entries: Entry[]): { want: Set<string>; allowed: Set<string> } {
  const text = (e: Entry): string => filingText(e);
  const has = (e: Entry, terms: string[]): boolean => terms.some((t) => containsTerm(text(e), t));
  const w = query.want;
  const keys = new Set((w?.company ?? []).map(companyKey));
  const wanted = (e: Entry): boolean => {
    if (!w) return containsTerm(text(e), query.q);
    if (w.year) return (w.year.facet === 'fy' ? fiscalYear(e.data.date) : e.data.date.slice(0, 4)) === w.year.value;
    return has(e, w.texts ?? []) || e.data.contractors.some((c) => keys.has(companyKey(c.name)));
  };
  const want = new Set(entries.filter(wanted).map((e) => e.id));
  const allowed = new Set([...want, ...entries.filter((e) => has(e, query.allow ?? [])).map((e) => e.id)]);
  return { want, allowed };
}

const toHiragana = (s: string): string =>
  [...s].map((c) => (c >= 'ァ' && c <= 'ヶ' ? String.fromCharCode(c.charCodeAt(0) - 0x60) : c)).join('');

const KATAKANA = /^[\p{Script=Katakana}ー]+$/u;
const KANJI = /^\p{Script=Han}+$/u;
const JAPANESE_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々]+/gu;

/** Deterministic pick of up to n items (a seeded shuffle), so the query set is stable. */
function pick<T>(items: T[], n: number, seed: number): T[] {
  let s = seed >>> 0;
  const rand = (): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j] as T, a[i] as T];
  }
  return a.slice(0, n);
}

function toFullWidth(s: string): string {
  return s.replace(/[A-Za-z0-9]/gu, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}
// NFKC maps half-width katakana to full-width; the reverse table comes from the half-width block.
const HALF_WIDTH = new Map(
  Array.from({ length: 0xff9d - 0xff66 + 1 }, (_, k) => String.fromCharCode(0xff66 + k)).map((h) => [h.normalize('NFKC'), h]),
);

function toHalfWidthKatakana(s: string): string | undefined {
  const out = [...s].map((c) => HALF_WIDTH.get(c));
  return out.every(Boolean) ? out.join('') : undefined;
}

/**
 * Build the query set from the records: words and compounds (kuromoji), runs, sub-words, Latin,
 * width variants; readings of words with kanji; the registries' aliases and terms; era years.
 */
export function buildQuerySet(entries: Entry[], tokenizer: Tokenizer, perKind = 30, registries: Registries = {}): EvalQuery[] {
  /** Each word with kanji and its reading (kuromoji's katakana, joined over a compound's words). */
  const readOf = new Map<string, string>();
  /** Folded reading → every word read so (homophones). */
  const homophones = new Map<string, Set<string>>();
  const words = new Set<string>();
  const compounds = new Set<string>();
  const katakana = new Set<string>();
  const kanji = new Set<string>();
  const subwords = new Set<string>();
  const latin = new Set<string>();
  for (const e of entries) {
    const text = filingText(e);
    const tokens = tokenizer.tokenize(text);
    for (const [folded, word] of readingPairs(tokens)) homophones.set(folded, (homophones.get(folded) ?? new Set()).add(word));
    let run: Array<{ surface: string; reading: string | undefined }> = [];
    const flush = (): void => {
      const surface = run.map((r) => r.surface).join('');
      if (run.length > 1) compounds.add(surface);
      if (run.length > 1 && run.every((r) => r.reading)) readOf.set(surface, run.map((r) => r.reading).join(''));
      run = [];
    };
    for (const t of tokens) {
      if (
        t.pos === '名詞' &&
        t.pos_detail_1 !== '数' &&
        [...t.surface_form].length >= 2 &&
        /^[\p{Script=Han}\p{Script=Katakana}ー]+$/u.test(t.surface_form)
      ) {
        words.add(t.surface_form);
        const reading = t.reading && t.reading !== '*' ? t.reading : undefined;
        if (reading && /\p{Script=Han}/u.test(t.surface_form)) readOf.set(t.surface_form, reading);
        run.push({ surface: t.surface_form, reading });
      } else {
        flush();
      }
    }
    flush();
    for (const m of text.matchAll(JAPANESE_RUN)) {
      const r = m[0];
      for (const part of r.split(
        /(?<=\p{Script=Hiragana})(?=[^\p{Script=Hiragana}])|(?<=[^\p{Script=Hiragana}])(?=\p{Script=Hiragana})/u,
      )) {
        if (KATAKANA.test(part) && part.length >= 2) katakana.add(part);
        if (KANJI.test(part) && part.length >= 2) kanji.add(part);
      }
      const chars = [...r];
      if (chars.length >= 4) {
        const start = chars.length % 3;
        const len = 2 + (chars.length % 3);
        subwords.add(chars.slice(start, start + len).join(''));
      }
    }
    for (const m of text
      .normalize('NFKC')
      .matchAll(/(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9]+(?![A-Za-z0-9])|(?<![0-9A-Za-z])[0-9]{2,}(?![0-9A-Za-z])/gu))
      latin.add(m[0]);
  }
  const sorted = (s: Set<string>): string[] => [...s].sort();
  const out: EvalQuery[] = [];
  const add = (kind: QueryKind, qs: string[]): void => void out.push(...qs.map((q) => ({ q, kind })));
  add('word', pick(sorted(words), perKind, 1));
  add('compound', pick(sorted(compounds), perKind, 2));
  add('katakana', pick(sorted(katakana), perKind, 3));
  add('kanji', pick(sorted(kanji), perKind, 4));
  add('subword', pick(sorted(subwords), perKind, 5));
  const latinPicked = pick(sorted(latin), perKind, 6);
  add('latin', latinPicked);
  const variants = [
    ...latinPicked.slice(0, Math.ceil(perKind / 2)).map(toFullWidth),
    ...pick(sorted(katakana), perKind, 7)
      .map(toHalfWidthKatakana)
      .filter((x): x is string => x !== undefined),
  ];
  add('width', variants.slice(0, perKind));
  // Readings: a word with kanji typed as it is read, in hiragana and in katakana.
  const readable = [...readOf].filter(([w]) => /\p{Script=Han}/u.test(w)).sort((a, b) => a[0].localeCompare(b[0]));
  for (const [kind, seed, form] of [
    ['reading-hiragana', 8, toHiragana],
    ['reading-katakana', 9, (r: string) => r],
  ] as const)
    for (const [word, reading] of pick(readable, perKind, seed)) {
      const q = form(reading);
      out.push({ q, kind, want: { texts: [word] }, allow: [q, ...(homophones.get(foldReading(reading)) ?? [])] });
    }
  // The registries: a company's every alias, a terms group's every word.
  for (const c of registries.contractors?.contractors ?? []) {
    const names = [c.name, ...c.aliases];
    // The names are searched without their legal form (src/lib/search/names.ts): those may be found too.
    const allow = [...names, ...names.map(companyCoreAsWritten)];
    for (const alias of c.aliases) out.push({ q: alias, kind: 'alias', want: { company: names, texts: names }, allow });
  }
  for (const group of registries.terms?.terms ?? [])
    for (const t of group) out.push({ q: t, kind: 'term', want: { texts: [...group] }, allow: [...group] });
  // Era years: each year of the records as typed four ways, and a year with no filing.
  const years = [...new Set(entries.map((e) => Number(e.data.date.slice(0, 4))))].sort();
  const eraOf = (y: number, fiscal: boolean): string => formatEra(`${y}-${fiscal ? '04' : '12'}`).replace(/\d+月$/u, '');
  const letter: Record<string, string> = { 明治: 'M', 大正: 'T', 昭和: 'S', 平成: 'H', 令和: 'R' };
  for (const y of [...years, (years.at(-1) ?? 2000) + 3]) {
    const era = eraOf(y, false);
    const short = era.replace(/^(明治|大正|昭和|平成|令和)(元|\d+)年$/u, (_, e: string, n: string) => `${letter[e]}${n === '元' ? 1 : n}`);
    const year = { facet: 'year' as const, value: String(y) };
    out.push({ q: era, kind: 'era', want: { year } });
    out.push({ q: short, kind: 'era', want: { year } });
    out.push({ q: `${y}年`, kind: 'era', want: { year } });
    out.push({ q: `${eraOf(y, true)}度`, kind: 'era', want: { year: { facet: 'fy', value: String(y) } } });
  }
  // One query once, under its first kind.
  const seen = new Set<string>();
  return out.filter((x) => !seen.has(x.q) && seen.add(x.q));
}

export interface EvalRow {
  kind: QueryKind | 'all';
  queries: number;
  recall: number;
  exactness: number;
}

export interface EvalResult {
  archive: EvalRow[];
  stock: EvalRow[];
  failures: Array<{ engine: 'archive' | 'stock'; q: string; missing: string[]; extra: string[] }>;
}

type Expected = Map<string, { want: Set<string>; allowed: Set<string> }>;

function score(queries: EvalQuery[], expected: Expected, got: Map<string, string[]>): EvalRow[] {
  const rows: EvalRow[] = [];
  const kinds = [...new Set(queries.map((q) => q.kind)), 'all' as const];
  for (const kind of kinds) {
    const qs = queries.filter((q) => kind === 'all' || q.kind === kind);
    let relevant = 0;
    let found = 0;
    let returned = 0;
    let correct = 0;
    for (const { q } of qs) {
      const { want, allowed } = expected.get(q) ?? { want: new Set(), allowed: new Set() };
      const have = new Set(got.get(q) ?? []);
      relevant += want.size;
      found += [...want].filter((id) => have.has(id)).length;
      returned += have.size;
      correct += [...have].filter((id) => allowed.has(id)).length;
    }
    rows.push({
      kind,
      queries: qs.length,
      recall: relevant === 0 ? 1 : found / relevant,
      exactness: returned === 0 ? 1 : correct / returned,
    });
  }
  return rows;
}

/** Run the evaluation against a built site (`dist` with our index, served at `/`). */
export async function evaluateSearch(dist: string, entries: Entry[], queries: EvalQuery[]): Promise<EvalResult> {
  // The stock path: Pagefind's own HTML indexing of the same filing pages (Japanese segmented by
  // Pagefind at build time, by Intl.Segmenter in the browser), in a copy of the site.
  const site = mkdtempSync(path.join(tmpdir(), 'archive-eval-'));
  cpSync(dist, site, { recursive: true });
  const { index } = await pagefind.createIndex({});
  if (!index) throw new Error('Pagefind could not start');
  await index.addDirectory({ path: site, glob: 'filings/*/index.html' });
  await index.writeFiles({ outputPath: path.join(site, 'pagefind-stock') });
  await pagefind.close();

  const expected: Expected = new Map(queries.map((query) => [query.q, expectedOf(query, entries)]));
  const { server, origin } = await serveStatic(site, '/');
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    // Ours: through the real search page, one query after another without reloading.
    await page.goto(`${origin}/search/`);
    const ours = new Map<string, string[]>();
    for (const { q } of queries) {
      await page.fill('#search-q', q);
      await page.evaluate(() => document.querySelector('#search-results')?.setAttribute('aria-busy', 'true'));
      await page.click('#search-form button');
      await page.waitForSelector('#search-results[aria-busy="false"]', { state: 'attached' });
      // Every result: those with the term in their own text, and those with it only in their
      // 特記事項 (a group of their own), each list a page at a time.
      if (await page.isVisible('#search-clause-only summary')) {
        await page.click('#search-clause-only summary');
        await page.waitForFunction(() => document.querySelectorAll('#search-results-clauses li').length > 0);
      }
      for (const [button, items] of [
        ['#search-more', '#search-results li'],
        ['#search-clause-more', '#search-results-clauses li'],
      ] as const)
        while (await page.isVisible(button)) {
          const n = await page.locator(items).count();
          await page.click(button);
          await page.waitForFunction(([sel, k]) => document.querySelectorAll(sel).length > k, [items, n] as const);
        }
      ours.set(
        q,
        await page.$$eval('#search-results li h2 a, #search-results-clauses li h2 a', (as) =>
          as.map((a) => (a.getAttribute('href') ?? '').split('/').filter(Boolean).pop() ?? ''),
        ),
      );
    }
    // Stock: Pagefind's JS API on a page in Japanese, queries as typed.
    await page.goto(`${origin}/404.html`);
    // Written as a string: test runners rewrite import() in functions they transform.
    const stockRaw = (await page.evaluate(`(async (qs) => {
      const pf = await import('/pagefind-stock/pagefind.js');
      const out = {};
      for (const q of qs) {
        const r = await pf.search(q);
        const data = await Promise.all(r.results.map((x) => x.data()));
        out[q] = data.map((d) => d.url.split('/').filter(Boolean).pop() ?? '');
      }
      return out;
    })(${JSON.stringify(queries.map((q) => q.q))})`)) as Record<string, string[]>;
    const stock = new Map(Object.entries(stockRaw));
    const failures: EvalResult['failures'] = [];
    for (const [engine, got] of [
      ['archive', ours],
      ['stock', stock],
    ] as const) {
      for (const { q } of queries) {
        const { want, allowed } = expected.get(q) ?? { want: new Set<string>(), allowed: new Set<string>() };
        const have = new Set(got.get(q) ?? []);
        const missing = [...want].filter((id) => !have.has(id));
        const extra = [...have].filter((id) => !allowed.has(id));
        if (missing.length > 0 || extra.length > 0) failures.push({ engine, q, missing, extra });
      }
    }
    return { archive: score(queries, expected, ours), stock: score(queries, expected, stock), failures };
  } finally {
    await browser.close();
    server.close();
    rmSync(site, { recursive: true, force: true });
  }
}

/** The evaluation as a table, this archive and stock Pagefind side by side. */
export function formatEval(r: EvalResult): string {
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  const lines = [
    '| queries | kind | recall (archive) | recall (stock) | exactness (archive) | exactness (stock) |',
    '| ---: | --- | ---: | ---: | ---: | ---: |',
  ];
  r.archive.forEach((a, i) => {
    const s = r.stock[i];
    lines.push(
      `| ${a.queries} | ${a.kind} | ${pct(a.recall)} | ${pct(s?.recall ?? 0)} | ${pct(a.exactness)} | ${pct(s?.exactness ?? 0)} |`,
    );
  });
  return lines.join('\n');
}
